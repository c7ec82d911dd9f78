import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchema as check } from './checkSchema.js';
import { checkedProvisions as provisionsOf, checkManifest, checkParameters } from './packChecks.js';
import { checkPackJson } from './packJson.js';
import type { ProvisionsFile } from './provisions.js';
import { readPackFile } from './readPackFile.js';
import {
  PackManifestSchema,
  ParametersFileSchema,
  RuleFileSchema,
  RuleSchema,
  type PackManifest,
  type ParametersFile,
  type RuleData,
} from './schema.js';

/** A rule as loaded: its data plus where it came from and its place in the pack's order. */
export interface LoadedRule extends RuleData {
  readonly pack: string;
  readonly file: string;
}

/** A rule pack: manifest, dated parameters, rules in file order, and its provisions catalogue. */
export interface Pack {
  readonly manifest: PackManifest;
  readonly parameters: ParametersFile['parameters'];
  readonly rules: readonly LoadedRule[];
  readonly provisions?: ProvisionsFile;
  /** Where the pack was read from (a folder, or a name given for an in-memory pack). */
  readonly source: string;
}

/** A pack given as plain data rather than a folder (the same shapes as the files). */
export interface PackData {
  readonly manifest: unknown;
  readonly parameters?: unknown;
  readonly rules?: readonly unknown[];
  readonly provisions?: unknown;
}

export { MAX_PACK_NESTING } from './packJson.js';

const byNaturalName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function parseRules(raw: readonly unknown[], pack: string, file: string): LoadedRule[] {
  return raw.map((value, i) => {
    const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : `#${i}`;
    const rule = check(RuleSchema, value, file, id);
    return { ...rule, pack, file };
  });
}

/** The pack manifest, checked against its schema and {@link checkManifest}. */
function manifestOf(value: unknown, file: string): PackManifest {
  const manifest = check(PackManifestSchema, value, file);
  checkManifest(manifest, file);
  return manifest;
}

/** A parameters file, checked against its schema and {@link checkParameters} (a value in force throughout the pack's span). */
function parametersOf(value: unknown, manifest: PackManifest, file: string): ParametersFile['parameters'] {
  const { parameters } = check(ParametersFileSchema, value, file);
  checkParameters(parameters, manifest, file);
  return parameters;
}

/**
 * Assembles a pack from data, validating each part as a file of the pack would be: no `__proto__` key
 * and no nesting past the limit ({@link checkPackJson}), then the published file schemas and the
 * pack's own coherence ({@link checkManifest}, {@link checkParameters}, {@link checkProvisions}).
 */
export function packFromData(data: PackData, source: string): Pack {
  const part = (value: unknown, file: string) => (checkPackJson(value, file), value);
  const manifest = manifestOf(part(data.manifest, `${source}/pack.json`), `${source}/pack.json`);
  const parametersFile = `${source}/parameters.json`;
  const parameters = data.parameters === undefined ? {} : parametersOf(part(data.parameters, parametersFile), manifest, parametersFile);
  const provisions = data.provisions === undefined ? undefined : provisionsOf(part(data.provisions, `${source}/provisions.json`), `${source}/provisions.json`);
  checkPackJson({ rules: data.rules ?? [] }, `${source}/rules`); // paths read `rules[0]…`, as in a rules file
  const rules = parseRules(data.rules ?? [], manifest.id, `${source}/rules`);
  return { manifest, parameters, rules, ...(provisions ? { provisions } : {}), source };
}

/**
 * Reads a pack folder: `pack.json`, optional `parameters.json` and `provisions.json`, and every
 * `rules/*.json` in natural name order (`x4` before `x14`). A malformed file fails with its name,
 * the rule id and the problem.
 */
export function loadPackFromDir(dir: string): Pack {
  const manifest = manifestOf(readPackFile(join(dir, 'pack.json')), join(dir, 'pack.json'));
  const paramsFile = join(dir, 'parameters.json');
  const parameters = existsSync(paramsFile) ? parametersOf(readPackFile(paramsFile), manifest, paramsFile) : {};
  const provFile = join(dir, 'provisions.json');
  const provisions = existsSync(provFile) ? provisionsOf(readPackFile(provFile), provFile) : undefined;
  const rulesDir = join(dir, 'rules');
  const rules: LoadedRule[] = [];
  if (existsSync(rulesDir)) {
    for (const name of readdirSync(rulesDir).filter((n) => n.endsWith('.json')).sort(byNaturalName)) {
      const file = join(rulesDir, name);
      const content = check(RuleFileSchema, readPackFile(file), file);
      rules.push(...parseRules(content.rules, manifest.id, displayPath(file)));
    }
  }
  return { manifest, parameters, rules, ...(provisions ? { provisions } : {}), source: displayPath(dir) };
}

let cachedRoot: string | undefined;

/** The package's own `rules/` folder, found by walking up from this module (works from src/ and dist/). */
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

/** Paths in messages relative to the package root, so they read the same on every machine. */
function displayPath(file: string): string {
  try {
    const root = dirname(builtinRulesDir());
    const rel = relative(root, file);
    return rel.startsWith('..') ? file : rel;
  } catch {
    return file;
  }
}

/** Every pack folder under a directory (a folder with a `pack.json`), in name order. */
export function loadPacksFromDir(dir: string): Pack[] {
  if (existsSync(join(dir, 'pack.json'))) return [loadPackFromDir(dir)];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'pack.json')))
    .map((d) => d.name)
    .sort(byNaturalName)
    .map((name) => loadPackFromDir(join(dir, name)));
}

let builtin: readonly Pack[] | undefined;

/**
 * The packs shipped with the library (`op2007`, `xf2005`, `xfgz2022` and the local packs), read and
 * checked once per process: they are immutable data, so every evaluator shares them.
 */
export function loadBuiltinPacks(): Pack[] {
  builtin ??= loadPacksFromDir(builtinRulesDir());
  return [...builtin];
}
