import { findingMaterialiser } from '../accountability/finding.js';
import { proposalMaterialiser } from '../accountability/proposal.js';
import { supervisionMaterialiser } from '../accountability/supervision.js';
import { obligationMaterialiser } from '../time/obligation.js';
import type { Materialiser } from './materialiser.js';
import { organOutcomes } from './organOutcomes.js';

/**
 * Every outcome kind a rule may yield, by the `kind` of its outcome. A rule naming a kind not here is
 * refused when its pack loads. The registry sits above the kinds: each is defined beside the law it
 * serves and imports only the `Materialiser` shape.
 */
export const materialisers: Readonly<Record<string, Materialiser>> = {
  ...organOutcomes,
  finding: findingMaterialiser,
  supervision: supervisionMaterialiser,
  'accountability-proposal': proposalMaterialiser,
  obligation: obligationMaterialiser,
};
