import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, corpusLines } from './corpus.js';
import { AS_OF, directoryFile, distCli, root } from './paths.js';

/** Which of the audit's performance options the built CLI accepts. */
export interface CliFeatures {
  /** `--evaluator compiled|json-rules-engine` */
  readonly evaluator: boolean;
  /** `--threads N` (the parallel audit) */
  readonly threads: boolean;
  /** `--record compact|full` (compact audit records) */
  readonly record: boolean;
}

/**
 * Asks the built CLI, by auditing a one-case file with each option: an option it does not know is a
 * usage error (exit 2). The bench then runs what the build offers, and says what it could not run.
 */
export function cliFeatures(): CliFeatures {
  mkdirSync(corpusDir, { recursive: true });
  const file = join(corpusDir, 'probe.ndjson');
  writeFileSync(file, `${corpusLines(1, 1)[0]}\n`);
  const accepts = (...extra: string[]) =>
    spawnSync(process.execPath, [distCli, 'audit', file, '--directory', directoryFile, '--as-of', AS_OF, ...extra], { cwd: root, stdio: 'ignore' }).status === 0;
  return { evaluator: accepts('--evaluator', 'compiled'), threads: accepts('--threads', '1'), record: accepts('--record', 'compact') };
}
