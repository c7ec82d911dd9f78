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
 * Parses the text of a pack file as JSON (the file name only labels the errors). Non-JSON text is
 * reported by position only, never echoing its content; a `__proto__` key anywhere, or nesting deeper
 * than {@link MAX_PACK_NESTING}, is refused with the path of the field (walked without recursion).
 * Pure: reading the file is the caller's (the Node entry's) business.
 */
export function parsePackJson(text: string, file: string): unknown {
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

/** The order pack folders and rule files are read in: natural name order (`x4` before `x14`). */
export const byNaturalName = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

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

/** One file of a pack as parsed JSON, with the name its errors carry. */
export interface PackFile {
  readonly file: string;
  readonly value: unknown;
}

/**
 * A pack folder's files, already parsed: `pack.json`, the optional `parameters.json` and
 * `provisions.json`, and the `rules/*.json` files in natural name order. `source` names the folder.
 */
export interface PackFiles {
  readonly source: string;
  readonly manifest: PackFile;
  readonly parameters?: PackFile;
  readonly provisions?: PackFile;
  readonly rules: readonly PackFile[];
}

/**
 * Assembles a pack from its files' parsed content, checking each against its schema: a malformed file
 * fails with its name, the rule id and the problem. Pure, so that the built-in packs (bundled data) and
 * a folder read from disk (`petition-rules/node`) are checked the same way.
 */
export function packFromFiles(files: PackFiles): Pack {
  const manifest = check(PackManifestSchema, files.manifest.value, files.manifest.file);
  const parameters = files.parameters ? check(ParametersFileSchema, files.parameters.value, files.parameters.file).parameters : {};
  const provisions = files.provisions ? check(ProvisionsFileSchema, files.provisions.value, files.provisions.file) : undefined;
  const rules: LoadedRule[] = [];
  for (const { file, value } of files.rules) rules.push(...parseRules(check(RuleFileSchema, value, file).rules, manifest.id, file));
  return { manifest, parameters, rules, ...(provisions ? { provisions } : {}), source: files.source };
}
