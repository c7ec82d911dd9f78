import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './corpus.js';
import { measureProcess } from './measureProcess.js';
import { AS_OF, directoryFile, distCli, root } from './paths.js';

/** One end-to-end audit run: NDJSON file in, records (compact or full, trace included) out to /dev/null. */
export interface AuditFigures {
  readonly evaluator: string;
  /** `--record`: compact or full; undefined when the CLI has no `--record` (full records). */
  readonly record: 'compact' | 'full' | undefined;
  /** Worker threads asked for; undefined when the CLI has no `--threads` (one thread). */
  readonly threads: number | undefined;
  readonly cases: number;
  readonly seconds: number;
  readonly casesPerSecond: number;
  readonly peakRssBytes: number | undefined;
  readonly rssSource: string;
  readonly assessed: number;
  readonly rejected: number;
}

/**
 * Runs the built CLI as a user would — `node dist/cli.js audit FILE --as-of … > /dev/null` — in a child
 * process, timing it from spawn to exit (start-up included) and reading its peak RSS. The `--summary`
 * file proves every line was read; a run that fails or reads fewer lines is an error, not a figure.
 */
export async function measureAudit(file: string, cases: number, options: { evaluator?: string; threads?: number; record?: 'compact' | 'full' }): Promise<AuditFigures> {
  const summaryFile = join(corpusDir, `summary-${process.pid}.json`);
  const args = [distCli, 'audit', file, '--directory', directoryFile, '--as-of', AS_OF, '--summary', summaryFile];
  if (options.evaluator) args.push('--evaluator', options.evaluator);
  if (options.threads !== undefined) args.push('--threads', String(options.threads));
  if (options.record !== undefined) args.push('--record', options.record);
  const run = await measureProcess(process.execPath, args, root);
  if (run.code !== 0) throw new Error(`audit exited with ${run.code}: node ${args.join(' ')}\n${run.stderr.slice(-2000)}`);
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { read: number; assessed: number; rejected: number };
  rmSync(summaryFile, { force: true });
  if (summary.read !== cases) throw new Error(`audit read ${summary.read} lines of ${cases}`);
  return {
    evaluator: options.evaluator ?? 'json-rules-engine',
    record: options.record,
    threads: options.threads,
    cases,
    seconds: run.ms / 1000,
    casesPerSecond: cases / (run.ms / 1000),
    peakRssBytes: run.peakRss,
    rssSource: run.rssSource,
    assessed: summary.assessed,
    rejected: summary.rejected,
  };
}
