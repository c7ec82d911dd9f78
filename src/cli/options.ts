import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { directoryFileOrgans } from '../case/organ.js';
import { isIsoDate } from '../dates/isoDate.js';
import { EVALUATOR_KINDS, type EvaluatorKind } from '../engine/runner.js';
import type { EvaluatorOptions } from '../evaluate/createEvaluator.js';
import type { Policy } from '../policy/policy.js';
import { UsageError } from './exitCodes.js';
import type { CliIo } from './io.js';

/**
 * Command-line options: the global ones every command takes (which directory, jurisdiction, extra
 * packs and policy to evaluate with), and parsing with `node:util` `parseArgs`, turning every mistake
 * into a {@link UsageError} (exit 2) that names the option.
 */

type Options = NonNullable<ParseArgsConfig['options']>;

export const globalOptions = {
  directory: { type: 'string' },
  jurisdiction: { type: 'string' },
  packs: { type: 'string', multiple: true },
  policy: { type: 'string', multiple: true },
  calendar: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export interface GlobalValues {
  readonly directory?: string;
  readonly jurisdiction?: string;
  readonly packs?: string[];
  readonly policy?: string[];
  readonly calendar?: string[];
  readonly help?: boolean;
}

/** The values parseArgs gives for a set of options: strings, booleans, or arrays of them where `multiple`. */
export type ParsedValues<O extends Options> = {
  -readonly [K in keyof O]?: O[K] extends { type: 'string'; multiple: true }
    ? string[]
    : O[K] extends { type: 'string' }
      ? string
      : O[K] extends { multiple: true }
        ? boolean[]
        : boolean;
};

/** Parses one command's arguments strictly: unknown options and missing values are usage errors. */
export function parse<O extends Options>(args: readonly string[], options: O): { values: ParsedValues<O & typeof globalOptions>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...globalOptions, ...options }, allowPositionals: true, strict: true });
    return { values: values as ParsedValues<O & typeof globalOptions>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** A `--as-of`/`--at`/`--from` value must be a real calendar date. */
export function checkDate(value: string, option: string): string {
  if (!isIsoDate(value)) throw new UsageError(`--${option} must be a real calendar date written YYYY-MM-DD, not "${value}"`);
  return value;
}

/** `--lang`: English by default, else `en` or `zh`; anything else is a usage error. */
export function checkLang(value: string | undefined): 'en' | 'zh' {
  const lang = value ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${lang}"`);
  return lang;
}

/** `--threads N`: a whole number of worker threads, at least 1; left out, one per core. */
export function checkThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--threads must be a whole number of at least 1, not "${value}"`);
  return Number(value);
}

/** `--evaluator`: the compiled evaluator by default, or json-rules-engine (the reference). */
export function checkEvaluatorKind(value: string | undefined): EvaluatorKind {
  const kind = value ?? 'compiled';
  if (!(EVALUATOR_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--evaluator must be ${EVALUATOR_KINDS.join(' or ')}, not "${kind}"`);
  return kind as EvaluatorKind;
}

/**
 * `--policy key=value`: `true`/`false` become booleans, numbers numbers, a plain word stays a word
 * (`calendarCoverage=strict`); anything else is a usage error. The evaluator checks each value's kind.
 */
export function parsePolicy(pairs: readonly string[] | undefined): Partial<Policy> | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const out: Record<string, boolean | number | string> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(.+)$/.exec(pair);
    if (!match) throw new UsageError(`--policy takes key=value (e.g. --policy holidayRollover=false), not "${pair}"`);
    const [, key, raw] = match as unknown as [string, string, string];
    if (raw === 'true' || raw === 'false') out[key] = raw === 'true';
    else if (/^-?\d+(\.\d+)?$/.test(raw)) out[key] = Number(raw);
    else if (/^[a-z][a-z-]*$/.test(raw)) out[key] = raw;
    else throw new UsageError(`--policy ${key}: the value must be true, false, a number or a word, not "${raw}"`);
  }
  return out as Partial<Policy>;
}

function readJsonFile(file: string, what: string): unknown {
  if (!existsSync(file)) throw new UsageError(`${what} not found: ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The evaluator options the global flags describe; files are resolved against the working directory. */
export function evaluatorOptions(values: GlobalValues, io: CliIo): EvaluatorOptions {
  const directory = values.directory === undefined ? undefined : directoryFileOrgans(readJsonFile(resolve(io.cwd, values.directory), 'organ directory'));
  if (directory !== undefined && !Array.isArray(directory)) throw new UsageError(`organ directory ${values.directory} must be a JSON array of organs, or an object with "organs" (and "$schema")`);
  const packs = (values.packs ?? []).map((p) => {
    const dir = resolve(io.cwd, p);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--packs ${p}: not a folder`);
    return dir;
  });
  const policy = parsePolicy(values.policy);
  const calendarYears = (values.calendar ?? []).flatMap((file) => {
    const data = readJsonFile(resolve(io.cwd, file), 'calendar file');
    return Array.isArray(data) ? data : [data];
  });
  return {
    ...(directory !== undefined ? { directory: directory as EvaluatorOptions['directory'] } : {}),
    ...(values.jurisdiction !== undefined ? { jurisdiction: values.jurisdiction } : {}),
    ...(packs.length > 0 ? { packs } : {}),
    ...(policy ? { policy } : {}),
    ...(calendarYears.length > 0 ? { calendarYears: calendarYears as EvaluatorOptions['calendarYears'] } : {}),
  };
}

/** Reads a whole input named on the command line: a file, or `-` for stdin. */
export async function readInput(name: string, io: CliIo): Promise<string> {
  if (name === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  const file = resolve(io.cwd, name);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`file not found: ${name}`);
  return readFileSync(file, 'utf8');
}

/** The `--as-of` date, or today in China with a note on stderr saying so. */
export function asOfOrToday(value: string | undefined, io: CliIo): string {
  if (value !== undefined) return checkDate(value, 'as-of');
  const today = io.today();
  io.stderr.write(`petition-rules: --as-of not given; assessing as of ${today} (today in Asia/Shanghai)\n`);
  return today;
}
