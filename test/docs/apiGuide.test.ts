import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

/**
 * docs/api.md, the API by task, names every export of both entry points (in a code span), so a new
 * export is documented where a reader looks for it, not only in the generated reference. The exports
 * are read by the TypeScript checker (type-only ones included). Once per run (the UTC project).
 */
const root = join(import.meta.dirname, '../..');
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const ENTRY_POINTS = ['src/index.ts', 'src/testing/index.ts'];

it.runIf(once)('docs/api.md names every export of petition-rules and petition-rules/testing', { timeout: 120_000 }, () => {
  const spans = readFileSync(join(root, 'docs/api.md'), 'utf8').match(/`[^`]+`/g) ?? [];
  const files = ENTRY_POINTS.map((f) => join(root, f));
  const program = ts.createProgram(files, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, skipLibCheck: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  for (const [i, file] of files.entries()) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    const names = checker.getExportsOfModule(module).map((s) => s.name);
    expect(names.length, ENTRY_POINTS[i]).toBeGreaterThan(10);
    const missing = names.filter((n) => !spans.some((span) => new RegExp(`\\b${n}\\b`).test(span)));
    expect(missing, `${ENTRY_POINTS[i]} exports these, docs/api.md does not name them`).toEqual([]);
  }
});
