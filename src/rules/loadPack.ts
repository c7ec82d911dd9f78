import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { formatPath } from '../errors/CaseValidationError.js';
import { RulePackError } from '../errors/RulePackError.js';
import { ProvisionsFileSchema, type ProvisionsFile } from './provisions.js';
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

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, ruleId?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new RulePackError(file, parsed.error.issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`), ruleId);
}

/** How deeply a pack file may nest (objects and arrays); deeper conditions would overflow evaluation. Documented in the README. */
export const MAX_PACK_NESTING = 100;

/**
 * Reads a pack file as JSON. An unreadable or non-JSON file is reported by its error code or position
 * only, never echoing its content; a `__proto__` key anywhere, or nesting deeper than
 * {@link MAX_PACK_NESTING}, is refused with the path of the field (walked without recursion).
 */
function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RulePackError(file, [`cannot be read as JSON: the file is unreadable (${(error as NodeJS.ErrnoException).code ?? 'read error'})`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    throw new RulePackError(file, [`cannot be read as JSON: not valid JSON${at ? ` (at character ${at[1]})` : ''}`]);
  }
  const pending: Array<{ node: unknown; path: string; depth: number }> = [{ node: value, path: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, path, depth } = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_PACK_NESTING) throw new RulePackError(file, [`${path || '(root)'}: nests deeper than ${MAX_PACK_NESTING} levels`]);
    for (const key of Object.keys(node)) {
      const child = Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (key === '__proto__') throw new RulePackError(file, [`${child}: a "__proto__" key is not allowed`]);
      pending.push({ node: (node as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return value;
}

const byNaturalName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function parseRules(raw: readonly unknown[], pack: string, file: string): LoadedRule[] {
  return raw.map((value, i) => {
    const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : `#${i}`;
    const rule = check(RuleSchema, value, file, id);
    return { ...rule, pack, file };
  });
}

/** Assembles a pack from data, validating each part against the published file schemas. */
export function packFromData(data: PackData, source: string): Pack {
  const manifest = check(PackManifestSchema, data.manifest, `${source}/pack.json`);
  const parameters = data.parameters === undefined ? {} : check(ParametersFileSchema, data.parameters, `${source}/parameters.json`).parameters;
  const provisions = data.provisions === undefined ? undefined : check(ProvisionsFileSchema, data.provisions, `${source}/provisions.json`);
  const rules = parseRules(data.rules ?? [], manifest.id, `${source}/rules`);
  return { manifest, parameters, rules, ...(provisions ? { provisions } : {}), source };
}

/**
 * Reads a pack folder: `pack.json`, optional `parameters.json` and `provisions.json`, and every
 * `rules/*.json` in natural name order (`x4` before `x14`). A malformed file fails with its name,
 * the rule id and the problem.
 */
export function loadPackFromDir(dir: string): Pack {
  const manifest = check(PackManifestSchema, readJson(join(dir, 'pack.json')), join(dir, 'pack.json'));
  const paramsFile = join(dir, 'parameters.json');
  const parameters = existsSync(paramsFile) ? check(ParametersFileSchema, readJson(paramsFile), paramsFile).parameters : {};
  const provFile = join(dir, 'provisions.json');
  const provisions = existsSync(provFile) ? check(ProvisionsFileSchema, readJson(provFile), provFile) : undefined;
  const rulesDir = join(dir, 'rules');
  const rules: LoadedRule[] = [];
  if (existsSync(rulesDir)) {
    for (const name of readdirSync(rulesDir).filter((n) => n.endsWith('.json')).sort(byNaturalName)) {
      const file = join(rulesDir, name);
      const content = check(RuleFileSchema, readJson(file), file);
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
