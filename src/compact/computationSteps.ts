import { renderStep, stepOf } from '../time/computationSteps.js';
import type { Bilingual } from '../text/bilingual.js';
import type { StepCodec } from './itemCodec.js';

/**
 * The step codec compact records use for obligations' computations: a text made by a step template
 * (src/time/computationSteps.ts) is stored as `[kind, ...args]` and rendered again by the same
 * template; any other text is kept as it is.
 */
export const computationSteps: StepCodec = {
  of: (text) => stepOf(text as Bilingual),
  render: renderStep,
};
