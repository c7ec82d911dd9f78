import { createReadStream, createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { EvaluatorOptions } from '../../node/createEvaluator.js';
import type { Policy } from '../../policy/policy.js';
import { compareInParallel } from '../compareInParallel.js';
import { compareSummaryToJson, formatCompareSummary } from '../compareSummary.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { asOfOrToday, checkEvaluatorKind, checkLang, checkThreads, evaluatorOptions, parse, parsePolicy } from '../options.js';

/** `--base-policy` / `--reform-policy`: each a `key=value` pair, or a JSON file holding an object of options. */
function sidePolicy(items: readonly string[] | undefined, option: string, io: CliIo): Partial<Policy> {
  const out: Record<string, unknown> = {};
  for (const item of items ?? []) {
    if (/^[A-Za-z][A-Za-z0-9]*=/.test(item)) {
      Object.assign(out, parsePolicy([item]));
      continue;
    }
    const file = resolve(io.cwd, item);
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`--${option} ${item}: neither key=value nor a policy file`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`--${option} ${item} is not valid JSON: ${(error as Error).message}`);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`--${option} ${item} must hold a JSON object of policy options, e.g. {"holidayRollover": false}`);
    Object.assign(out, data);
  }
  return out as Partial<Policy>;
}

function sidePacks(dirs: readonly string[] | undefined, option: string, io: CliIo): string[] {
  return (dirs ?? []).map((p) => {
    const dir = resolve(io.cwd, p);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--${option} ${p}: not a folder`);
    return dir;
  });
}

/**
 * `petition-rules compare <cases.ndjson|-> --as-of DATE [--base-… ] [--reform-…]`
 *
 * Runs every case through a base and a reform — each given as jurisdiction, extra packs and policy,
 * on top of the global options both share — and writes one NDJSON record per input line, in order,
 * saying what the reform makes appear, disappear or change (obligations' due dates and statuses,
 * findings, escalations, guidance, actions, responsibilities); a summary table by list, organ, rule
 * and due dates moved goes to stderr, and as JSON to `--summary`. Streams, on worker threads like `audit`.
 * Exit 0, or 1 with `--fail-on-changes` when any case changed.
 */
export async function compareCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, {
    'as-of': { type: 'string' },
    out: { type: 'string' },
    summary: { type: 'string' },
    lang: { type: 'string' },
    threads: { type: 'string' },
    evaluator: { type: 'string' },
    'base-jurisdiction': { type: 'string' },
    'base-packs': { type: 'string', multiple: true },
    'base-policy': { type: 'string', multiple: true },
    'reform-jurisdiction': { type: 'string' },
    'reform-packs': { type: 'string', multiple: true },
    'reform-policy': { type: 'string', multiple: true },
    'fail-on-changes': { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('compare takes one NDJSON file of cases (or - for stdin)');
  const lang = checkLang(values.lang);
  const threads = checkThreads(values.threads);
  const common = { ...evaluatorOptions(values, io), evaluator: checkEvaluatorKind(values.evaluator) };
  const side = (name: 'base' | 'reform'): EvaluatorOptions => {
    const jurisdiction = values[`${name}-jurisdiction`] ?? common.jurisdiction;
    const packs = [...(common.packs ?? []), ...sidePacks(values[`${name}-packs`], `${name}-packs`, io)];
    const policy = { ...common.policy, ...sidePolicy(values[`${name}-policy`], `${name}-policy`, io) };
    const { jurisdiction: _j, packs: _p, policy: _q, ...rest } = common;
    return {
      ...rest,
      ...(jurisdiction !== undefined ? { jurisdiction } : {}),
      ...(packs.length > 0 ? { packs } : {}),
      ...(Object.keys(policy).length > 0 ? { policy } : {}),
    };
  };
  const base = side('base');
  const reform = side('reform');
  const name = positionals[0]!;
  let input: Readable;
  if (name === '-') input = io.stdin;
  else {
    const file = resolve(io.cwd, name);
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`file not found: ${name}`);
    input = createReadStream(file);
  }
  const asOf = asOfOrToday(values['as-of'], io);
  const output: Writable = values.out === undefined ? io.stdout : createWriteStream(resolve(io.cwd, values.out));
  const summary = await compareInParallel(input, output, { base, reform, asOf, lang, ...(threads !== undefined ? { threads } : {}) });
  if (values.out !== undefined) {
    output.end();
    await finished(output);
  }
  io.stderr.write(formatCompareSummary(summary, asOf));
  if (values.summary !== undefined) writeFileSync(resolve(io.cwd, values.summary), `${JSON.stringify({ asOf, ...compareSummaryToJson(summary) }, null, 2)}\n`);
  return values['fail-on-changes'] && (summary.changed > 0 || summary.rejectedByBase + summary.rejectedByReform > 0) ? EXIT.failed : EXIT.ok;
}
