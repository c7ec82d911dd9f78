import type { Bilingual } from '../text/bilingual.js';

/**
 * Thrown by `evaluator.expand` when a compact record cannot be expanded: not a compact record, made
 * with other packs, another policy or directory than this evaluator's, or a part that does not fit the
 * rules it names. `path` locates the problem in the record (`trace[3][1][2]`); nothing is guessed and
 * no partial assessment is returned.
 */
export class CompactRecordError extends Error {
  constructor(
    /** Where in the record, e.g. `obligations[2].organ`; empty for the record as a whole. */
    readonly path: string,
    /** The problem in English and Chinese. */
    readonly reason: Bilingual,
  ) {
    super(`${path ? `${path}: ` : ''}${reason.en}`);
    this.name = 'CompactRecordError';
  }
}
