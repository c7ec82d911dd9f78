/**
 * A text in English and Chinese.
 *
 * Every user-facing message, reason and computation step is written in both languages and the
 * caller's `lang` picks one; the one type for all of them, so the API reference and a caller see one
 * name (`Text` in the package's exports).
 */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}
