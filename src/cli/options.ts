import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { directoryFileOrgans } from '../case/organ.js';
import { isIsoDate } from '../dates/isoDate.js';
import { EVALUATOR_KINDS, type EvaluatorKind } from '../engine/runner.js';
import type { EvaluatorOptions } from '../node/createEvaluator.js';
import type { Policy } from '../policy/policy.js';
import type { Evaluator } from '../evaluate/createEvaluator.js';
import { createEvaluator } from '../node/createEvaluator.js';
import { AUDIT_RECORD_KINDS, type AuditRecordKind } from './auditRecordKind.js';
import { InputError, UsageError } from './exitCodes.js';
import { describeErrno } from './errno.js';
import { inputFile } from './files.js';
import { nearestName } from './nearestName.js';
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
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export interface GlobalValues {
  readonly directory?: string;
  readonly jurisdiction?: string;
  readonly packs?: string[];
  readonly policy?: string[];
  readonly calendar?: string[];
  readonly lang?: string;
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

/**
 * "unknown option -v (did you mean --version?)": the option as given, and the nearest option the
 * command knows (`--version` is known to every command).
 */
export function unknownOption(given: string, options: Options): UsageError {
  const known = [...Object.keys(options).map((name) => `--${name}`), '--version'];
  const near = nearestName(given, known);
  return new UsageError(`unknown option ${given}${near ? ` (did you mean ${near}?)` : ''}`, `未知选项 ${given}${near ? `（是否想用 ${near}？）` : ''}`);
}

/** Parses one command's arguments strictly: unknown options and missing values are usage errors. */
export function parse<O extends Options>(args: readonly string[], options: O): { values: ParsedValues<O & typeof globalOptions>; positionals: string[] } {
  const all = { ...globalOptions, ...options };
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: all, allowPositionals: true, strict: true });
    return { values: values as ParsedValues<O & typeof globalOptions>, positionals };
  } catch (error) {
    const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '([^']+)'/.exec((error as Error).message) : null;
    if (unknown) throw unknownOption(unknown[1]!, all);
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** A `--as-of`/`--at`/`--from` value must be a real calendar date. */
export function checkDate(value: string, option: string): string {
  if (!isIsoDate(value)) throw new UsageError(`--${option} must be a real calendar date written YYYY-MM-DD, not "${value}"`, `--${option} 须为真实的日历日期，写作 YYYY-MM-DD，而不是"${value}"`);
  return value;
}

/** `--lang`: English by default, else `en` or `zh`; anything else is a usage error. */
export function checkLang(value: string | undefined): 'en' | 'zh' {
  const lang = value ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${lang}"`, `--lang 须为 en 或 zh，而不是"${lang}"`);
  return lang;
}

/** `--threads N`: a whole number of worker threads, at least 1; left out, one per core. */
export function checkThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--threads must be a whole number of at least 1, not "${value}"`, `--threads 须为不小于 1 的整数，而不是"${value}"`);
  return Number(value);
}

/**
 * `--batch-timeout MS`: how long an audit worker may take over one batch of lines before it is
 * stopped and the batch's lines are rejected; a whole number of milliseconds, `0` for no limit.
 */
export function checkBatchTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(0|[1-9]\d*)$/.test(value)) throw new UsageError(`--batch-timeout must be a whole number of milliseconds (0 for no limit), not "${value}"`, `--batch-timeout 须为毫秒数（整数；0 表示不限时），而不是"${value}"`);
  return Number(value);
}

/** `--record`: what each audit record holds — `compact` (the default) or `full`. */
export function checkRecordKind(value: string | undefined): AuditRecordKind {
  const kind = value ?? 'compact';
  if (!(AUDIT_RECORD_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--record must be ${AUDIT_RECORD_KINDS.join(' or ')}, not "${kind}"`, `--record 须为 ${AUDIT_RECORD_KINDS.join(' 或 ')}，而不是"${kind}"`);
  return kind as AuditRecordKind;
}

/** `--evaluator`: the compiled evaluator by default, or json-rules-engine (the reference). */
export function checkEvaluatorKind(value: string | undefined): EvaluatorKind {
  const kind = value ?? 'compiled';
  if (!(EVALUATOR_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--evaluator must be ${EVALUATOR_KINDS.join(' or ')}, not "${kind}"`, `--evaluator 须为 ${EVALUATOR_KINDS.join(' 或 ')}，而不是"${kind}"`);
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
    if (!match) throw new UsageError(`--policy takes key=value (e.g. --policy holidayRollover=false), not "${pair}"`, `--policy 须写作 键=值（如 --policy holidayRollover=false），而不是"${pair}"`);
    const [, key, raw] = match as unknown as [string, string, string];
    if (raw === 'true' || raw === 'false') out[key] = raw === 'true';
    else if (/^-?\d+(\.\d+)?$/.test(raw)) out[key] = Number(raw);
    else if (/^[a-z][a-z-]*$/.test(raw)) out[key] = raw;
    else throw new UsageError(`--policy ${key}: the value must be true, false, a number or a word, not "${raw}"`, `--policy ${key}：值须为 true、false、数字或单词，而不是"${raw}"`);
  }
  return out as Partial<Policy>;
}

function readJsonFile(name: string, what: string, io: CliIo): unknown {
  const file = inputFile(name, what, io);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${what} ${name}: cannot be read: ${describeErrno(error)}`, { zh: `${what} ${name}：无法读取：${describeErrno(error, 'zh')}` });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} ${name} is not valid JSON: ${(error as Error).message}`, { zh: `${what} ${name} 不是有效的 JSON：${(error as Error).message}` });
  }
}

/**
 * Builds the evaluator the options describe. Its own checks of those options (a directory with an
 * organ twice, an unknown policy option or jurisdiction: `TypeError`s) are bad input here (exit 2);
 * any other failure is left to be reported as what it is.
 */
export function buildEvaluator(options: EvaluatorOptions): Evaluator {
  try {
    return createEvaluator(options);
  } catch (error) {
    if (error instanceof TypeError) throw new InputError(error.message, { cause: error });
    throw error;
  }
}

/** The evaluator options the global flags describe; files are resolved against the working directory. */
export function evaluatorOptions(values: GlobalValues, io: CliIo): EvaluatorOptions {
  const directory = values.directory === undefined ? undefined : directoryFileOrgans(readJsonFile(values.directory, 'organ directory', io));
  if (directory !== undefined && !Array.isArray(directory))
    throw new UsageError(`organ directory ${values.directory} must be a JSON array of organs, or an object with "organs" (and "$schema")`, `机关名录 ${values.directory} 须为机关的 JSON 数组，或带有 "organs"（及 "$schema"）的对象`);
  const packs = (values.packs ?? []).map((p) => {
    const dir = resolve(io.cwd, p);
    if (!existsSync(dir)) throw new InputError(`--packs ${p}: no such folder`, { zh: `--packs ${p}：没有这个文件夹` });
    if (!statSync(dir).isDirectory()) throw new InputError(`--packs ${p}: is a file, not a folder of packs`, { zh: `--packs ${p}：是文件，不是规则包文件夹` });
    return dir;
  });
  const policy = parsePolicy(values.policy);
  const calendarYears = (values.calendar ?? []).flatMap((file) => {
    const data = readJsonFile(file, 'calendar file', io);
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
  return readFileSync(inputFile(name, 'case file', io), 'utf8');
}

/** The `--as-of` date, or today in China with a note on stderr saying so (in the language of `--lang`). */
export function asOfOrToday(value: string | undefined, io: CliIo, lang: 'en' | 'zh' = 'en'): string {
  if (value !== undefined) return checkDate(value, 'as-of');
  const today = io.today();
  io.stderr.write(
    lang === 'zh'
      ? `petition-rules: 未给出 --as-of；按 ${today}（Asia/Shanghai 时区的今天）评估\n`
      : `petition-rules: --as-of not given; assessing as of ${today} (today in Asia/Shanghai)\n`,
  );
  return today;
}
