import type { StepCodec } from './itemCodec.js';

/**
 * The step codec compact records use for obligations' computations. This one knows no templates: every
 * step is kept as its text, which expands to itself.
 */
export const computationSteps: StepCodec = {
  of: () => undefined,
  render: (kind) => {
    throw new TypeError(`unknown computation step "${kind}"`);
  },
};
