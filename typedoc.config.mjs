// @ts-check
import { readFileSync } from 'node:fs';

/**
 * The API reference (`npm run docs:api` → docs/api/): one module per entry point of the package, taken
 * from tsconfig.json's "paths" (the names a consumer imports, mapped to their sources), so a new entry
 * point is documented without editing this file. Warnings are errors: every type the public API uses
 * must be exported, and every {@link} must resolve (test/docs/apiReference.test.ts).
 */
const { compilerOptions } = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints: Object.values(compilerOptions.paths).flat(),
  out: 'docs/api',
  tsconfig: 'tsconfig.json',
  name: 'petition-rules',
  readme: 'none',
  treatWarningsAsErrors: true,
  excludePrivate: true,
  excludeInternal: true,
  hideGenerator: true,
  // Source links go to the published repository, whatever clone (or none) the reference is built in.
  disableGit: true,
  sourceLinkTemplate: 'https://github.com/petition-rules/petition-rules/blob/main/{path}#L{line}',
};
