import { checkSchema as check } from './checkSchema.js';
import { checkedProvisions as provisionsOf, checkManifest, checkParameters } from './packChecks.js';
import { checkPackJson } from './packJson.js';
import type { ProvisionsFile } from './provisions.js';
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

export { MAX_PACK_NESTING, parsePackJson } from './packJson.js';

/** The order pack folders and rule files are read in: natural name order (`x4` before `x14`). */
export const byNaturalName = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

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
 * and no nesting past the limit (`checkPackJson`), then the published file schemas and the
 * pack's own coherence (`checkManifest`, `checkParameters`, `checkProvisions`).
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
  const part = ({ value, file }: PackFile) => (checkPackJson(value, file), value);
  const manifest = manifestOf(part(files.manifest), files.manifest.file);
  const parameters = files.parameters ? parametersOf(part(files.parameters), manifest, files.parameters.file) : {};
  const provisions = files.provisions ? provisionsOf(part(files.provisions), files.provisions.file) : undefined;
  const rules: LoadedRule[] = [];
  for (const f of files.rules) rules.push(...parseRules(check(RuleFileSchema, part(f), f.file).rules, manifest.id, f.file));
  return { manifest, parameters, rules, ...(provisions ? { provisions } : {}), source: files.source };
}
