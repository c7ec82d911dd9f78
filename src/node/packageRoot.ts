import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The package's own `rules/` folder on disk, found by walking up from this module (works from src/ and
 * dist/). Node only: the core works from the bundled copy of these files and never looks for them.
 */
export function builtinRulesDir(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'rules');
    if (existsSync(join(candidate, 'policy.json')) && existsSync(join(dir, 'package.json'))) return (cachedRoot = candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('petition-rules: cannot find the package\'s rules/ folder next to its code');
    dir = parent;
  }
}

/** A path in messages relative to the package root (`rules/xf2005/rules/art21.json`), so it reads the same on every machine; a path outside the package as given. */
export function displayPath(file: string): string {
  try {
    const rel = relative(dirname(builtinRulesDir()), file);
    return rel.startsWith('..') ? file : rel;
  } catch {
    return file;
  }
}
