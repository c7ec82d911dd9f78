import type { AppliedParameter } from '../assessment/types.js';
import type { Case } from '../case/schema.js';
import type { Lang } from '../case/validateCase.js';
import type { IsoDate } from '../dates/isoDate.js';
import type { Calendar } from '../calendar/types.js';
import type { Directory } from '../directory/directory.js';
import type { Policy } from '../policy/policy.js';

/**
 * Everything a rule, a fact or a party resolver may look at for one case: the validated case, the
 * merged directory, the evaluation date, the packs and parameters in force, and the caller's policy.
 */
export interface CaseContext {
  readonly case: Case;
  readonly directory: Directory;
  readonly asOf: IsoDate;
  readonly lang: Lang;
  /** Id of the procedural pack in force for the case (chosen by the receipt date). */
  readonly procedure: string;
  /** Parameter values in force at the receipt date, by parameter id. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The same parameters with the pack and provisions each value comes from (for citing a local pack's time limit). */
  readonly parameters?: readonly AppliedParameter[];
  readonly policy: Policy;
  readonly calendar: Calendar;
}
