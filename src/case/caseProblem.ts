import type { Bilingual } from './validateCase.js';

/** A problem with a case that only the law's parameters or the directory reveal, with the field it is in. */
export interface CaseProblem {
  readonly path: string;
  readonly message: Bilingual;
}
