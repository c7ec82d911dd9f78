import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

/**
 * docs/api.md, the API by task, names every export of every entry point (in a code span), so a new
 * export is documented where a reader looks for it, not only in the generated reference. The exports
 * are read by the TypeScript checker (type-only ones included). Once per run (the UTC project).
 */
const root = join(import.meta.dirname, '../..');
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
/** The package's entry points, by the name a consumer imports, from tsconfig.json's "paths" (as typedoc.config.mjs). */
const ENTRY_POINTS: Record<string, string[]> = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions.paths;

it.runIf(once)('docs/api.md names every export of every entry point', { timeout: 120_000 }, () => {
  const spans = readFileSync(join(root, 'docs/api.md'), 'utf8').match(/`[^`]+`/g) ?? [];
  const names = Object.keys(ENTRY_POINTS);
  const files = Object.values(ENTRY_POINTS).map(([f]) => join(root, f!));
  expect(names).toEqual(expect.arrayContaining(['petition-rules', 'petition-rules/testing']));
  const program = ts.createProgram(files, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, skipLibCheck: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  for (const [i, file] of files.entries()) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    const exported = checker.getExportsOfModule(module).map((s) => s.name);
    expect(exported.length, names[i]).toBeGreaterThan(0);
    const missing = exported.filter((n) => !spans.some((span) => new RegExp(`\\b${n}\\b`).test(span)));
    expect(missing, `${names[i]} exports these, docs/api.md does not name them`).toEqual([]);
  }
});
