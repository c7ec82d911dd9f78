import { createReadStream, createWriteStream, statSync, writeFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { auditInParallel } from '../auditInParallel.js';
import { auditProgress } from '../auditProgress.js';
import { formatSummary, summaryToJson } from '../auditSummary.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { checkWritableFile, inputFile, openOutputFile, writeProblem } from '../files.js';
import { flush, nameOutput, OutputError, write, type CliIo } from '../io.js';
import { asOfOrToday, checkBatchTimeout, checkRecordKind, checkEvaluatorKind, checkLang, checkThreads, evaluatorOptions, parse } from '../options.js';

/**
 * `petition-rules audit <cases.ndjson|-> [--as-of DATE] [--record compact|full] [--out FILE] [--summary FILE] [--threads N] [--evaluator KIND]`
 *
 * Streams a batch of cases (one JSON case per line) through the evaluator and writes one NDJSON record
 * per input line, in order, to stdout or `--out`: by default the compact record of each assessment
 * (`{"line":n,"compact":…}`, which `petition-rules expand` turns back into the assessment), with
 * `--record full` the assessment itself. The cases are assessed on worker threads, one per
 * core unless `--threads` says otherwise (`--threads 1` is one worker beside the thread that reads and
 * writes), with the compiled evaluator unless `--evaluator json-rules-engine`. A summary table (read /
 * assessed / rejected; overdue obligations and findings by organ and by id) goes to stderr at the end,
 * and as JSON to `--summary`. A progress line is drawn on stderr only when stderr is a terminal. A
 * worker that runs past `--batch-timeout` on a batch is stopped and the batch's lines are rejections;
 * a worker that fails otherwise stops the audit (exit 3, an internal error) with a message naming the
 * lines it held, as does a line whose assessment failed inside the program.
 *
 * Outputs are checked before any work starts: `--out` is opened, and `--summary` tried, so a missing
 * folder or a folder where the file should be is one line naming the path (exit 2); so is a write that
 * fails later (a full disk). A reader that goes away (`| head`) ends the audit quietly.
 *
 * Rejected lines are records of the output, not a failure of the run; exit 1 only where asked
 * (`--fail-on-findings`, `--fail-on-overdue`), exit 2 with `--fail-on-rejected` when any line was rejected.
 */
export async function auditCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, {
    'as-of': { type: 'string' },
    out: { type: 'string' },
    summary: { type: 'string' },
    report: { type: 'string' },
    lang: { type: 'string' },
    'without-trace': { type: 'boolean' },
    record: { type: 'string' },
    threads: { type: 'string' },
    evaluator: { type: 'string' },
    'fail-on-findings': { type: 'boolean' },
    'fail-on-overdue': { type: 'boolean' },
    'fail-on-rejected': { type: 'boolean' },
    'batch-timeout': { type: 'string' },
    receipt: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('audit takes one NDJSON file of cases (or - for stdin)', 'audit 需要一个 NDJSON 案件文件（或用 - 表示标准输入）');
  const lang = checkLang(values.lang);
  const threads = checkThreads(values.threads);
  const evaluator = { ...evaluatorOptions(values, io), evaluator: checkEvaluatorKind(values.evaluator), ...(values.receipt ? { receipt: true } : {}) };
  const batchTimeoutMs = checkBatchTimeout(values['batch-timeout']);
  const record = checkRecordKind(values.record);
  const name = positionals[0]!;
  let input: Readable;
  let totalBytes: number | undefined;
  if (name === '-') input = io.stdin;
  else {
    const file = inputFile(name, 'cases', io);
    totalBytes = statSync(file).size;
    input = createReadStream(file);
  }
  const asOf = asOfOrToday(values['as-of'], io, lang);
  // The outputs are checked before the first case is read.
  const summaryFile = values.summary === undefined ? undefined : checkWritableFile(values.summary, '--summary', io);
  const reportFile = values.report === undefined ? undefined : checkWritableFile(values.report, '--report', io);
  let output: Writable = io.stdout;
  if (values.out !== undefined) {
    output = createWriteStream('', { fd: openOutputFile(values.out, '--out', io) });
    nameOutput(output, `--out ${values.out}`);
  }
  const bar = auditProgress(io, lang, totalBytes);

  let summary;
  try {
    summary = await auditInParallel(input, output, {
      evaluator,
      asOf,
      lang,
      withoutTrace: values['without-trace'] ?? false,
      record,
      batchTimeoutMs,
      ...(reportFile !== undefined ? { report: true } : {}),
      ...(threads !== undefined ? { threads } : {}),
      ...(bar ? { onProgress: bar.update } : {}),
    });
    await flush(output);
    if (values.out !== undefined) {
      output.end();
      await finished(output).catch((error: unknown) => {
        throw new OutputError(`--out ${values.out}`, error);
      });
    }
  } finally {
    bar?.stop();
    if (values.out !== undefined && !output.destroyed && !output.writableEnded) output.destroy();
  }
  await write(io.stderr, formatSummary(summary, asOf, lang));
  if (summaryFile !== undefined) {
    try {
      writeFileSync(summaryFile, `${JSON.stringify({ asOf, ...summaryToJson(summary) }, null, 2)}\n`);
    } catch (error) {
      throw writeProblem('--summary', values.summary!, error);
    }
  }
  if (reportFile !== undefined) {
    // Loaded only when asked for: the charting library is not part of an audit's start-up.
    const { auditReport } = await import('../../report/auditReport.js');
    try {
      writeFileSync(reportFile, auditReport(summary.report!, { asOf, lang, totals: summary }));
    } catch (error) {
      throw writeProblem('--report', values.report!, error);
    }
  }

  if (summary.internalErrors > 0) {
    io.stderr.write(
      lang === 'zh'
        ? `petition-rules: 内部错误：${summary.internalErrors} 行因程序故障未能评估（见其记录），并非输入的问题\n`
        : `petition-rules: internal error: ${summary.internalErrors} line(s) could not be assessed because of a fault of the program, not of the input (see their records)\n`,
    );
    return EXIT.internal;
  }
  if (values['fail-on-rejected'] && summary.rejected > 0) return EXIT.badInput;
  if (values['fail-on-findings'] && summary.findings.total > 0) return EXIT.failed;
  if (values['fail-on-overdue'] && summary.overdue.total > 0) return EXIT.failed;
  return EXIT.ok;
}
