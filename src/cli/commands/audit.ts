import { createReadStream, createWriteStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { auditInParallel } from '../auditInParallel.js';
import { formatSummary, summaryToJson, type AuditSummary } from '../auditSummary.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { asOfOrToday, checkEvaluatorKind, checkLang, checkThreads, evaluatorOptions, parse } from '../options.js';

/** A one-line progress display, redrawn at most every 100 ms; a bar when the input size is known. */
function progress(io: CliIo, totalBytes: number | undefined) {
  let last = 0;
  const draw = (s: AuditSummary, bytes: number) => {
    let bar = '';
    if (totalBytes) {
      const share = Math.min(1, bytes / totalBytes);
      const filled = Math.round(share * 24);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(24 - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  `;
    }
    io.stderr.write(`\r\x1b[2K${bar}read ${s.read} · assessed ${s.assessed} · rejected ${s.rejected}`);
  };
  return {
    update(s: AuditSummary, bytes: number) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(s, bytes);
    },
    clear() {
      io.stderr.write('\r\x1b[2K');
    },
  };
}

/**
 * `petition-rules audit <cases.ndjson|-> [--as-of DATE] [--out FILE] [--summary FILE] [--threads N] [--evaluator KIND]`
 *
 * Streams a batch of cases (one JSON case per line) through the evaluator and writes one NDJSON record
 * per input line, in order, to stdout or `--out`. The cases are assessed on worker threads, one per
 * core unless `--threads` says otherwise (`--threads 1` is one worker beside the thread that reads and
 * writes), with the compiled evaluator unless `--evaluator json-rules-engine`. A summary table (read /
 * assessed / rejected; overdue obligations and findings by organ and by id) goes to stderr at the end,
 * and as JSON to `--summary`. A progress line is drawn on stderr only when stderr is a terminal. A
 * worker that fails stops the audit (exit 2) with a message naming the lines it held.
 *
 * Rejected lines are records of the output, not a failure of the run; exit 1 only where asked
 * (`--fail-on-findings`, `--fail-on-overdue`), exit 2 with `--fail-on-rejected` when any line was rejected.
 */
export async function auditCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, {
    'as-of': { type: 'string' },
    out: { type: 'string' },
    summary: { type: 'string' },
    lang: { type: 'string' },
    'without-trace': { type: 'boolean' },
    threads: { type: 'string' },
    evaluator: { type: 'string' },
    'fail-on-findings': { type: 'boolean' },
    'fail-on-overdue': { type: 'boolean' },
    'fail-on-rejected': { type: 'boolean' },
    receipt: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('audit takes one NDJSON file of cases (or - for stdin)');
  const lang = checkLang(values.lang);
  const threads = checkThreads(values.threads);
  const evaluator = { ...evaluatorOptions(values, io), evaluator: checkEvaluatorKind(values.evaluator), ...(values.receipt ? { receipt: true } : {}) };
  const name = positionals[0]!;
  let input: Readable;
  let totalBytes: number | undefined;
  if (name === '-') input = io.stdin;
  else {
    const file = resolve(io.cwd, name);
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`file not found: ${name}`);
    totalBytes = statSync(file).size;
    input = createReadStream(file);
  }
  const asOf = asOfOrToday(values['as-of'], io);
  const output: Writable = values.out === undefined ? io.stdout : createWriteStream(resolve(io.cwd, values.out));
  const bar = io.stderrIsTTY ? progress(io, totalBytes) : undefined;

  const summary = await auditInParallel(input, output, {
    evaluator,
    asOf,
    lang,
    withoutTrace: values['without-trace'] ?? false,
    ...(threads !== undefined ? { threads } : {}),
    ...(bar ? { onProgress: bar.update } : {}),
  });
  bar?.clear();
  if (values.out !== undefined) {
    output.end();
    await finished(output);
  }
  io.stderr.write(formatSummary(summary, asOf));
  if (values.summary !== undefined) writeFileSync(resolve(io.cwd, values.summary), `${JSON.stringify({ asOf, ...summaryToJson(summary) }, null, 2)}\n`);

  if (values['fail-on-rejected'] && summary.rejected > 0) return EXIT.badInput;
  if (values['fail-on-findings'] && summary.findings.total > 0) return EXIT.failed;
  if (values['fail-on-overdue'] && summary.overdue.total > 0) return EXIT.failed;
  return EXIT.ok;
}
