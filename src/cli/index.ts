#!/usr/bin/env node
/**
 * The `petition-rules` command. See `petition-rules --help`, or README "Command line".
 * Built by tsup to `dist/cli.js`; in development run `npx tsx src/cli/index.ts`.
 */
import { constants as osConstants } from 'node:os';
import { stopWriting } from './io.js';
import { main } from './main.js';
import { todayInChina } from './today.js';

// A reader that goes away (`petition-rules audit … | head`) ends the run quietly, at once. Any other
// error of stdout (a full disk) is reported by the write that meets it, in one line, with exit 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

const debug = process.env.PETITION_RULES_DEBUG === '1';

// Told to stop (Ctrl-C, a service manager's SIGTERM), the run lets the writes already under way finish
// and then exits with 128 + the signal's number, as if killed by it: an output ends after a whole batch
// of records, never inside one. (SIGKILL cannot be caught: it may cut the last line, only the last.)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    const code = 128 + osConstants.signals[signal];
    setTimeout(() => process.exit(code), 10_000).unref(); // a write that never completes does not hold the exit
    void stopWriting().then(() => process.exit(code));
  });
}

main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  ...(process.env.TERM !== undefined ? { term: process.env.TERM } : {}),
  cwd: process.cwd(),
  today: () => todayInChina(),
  debug,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // main reports every failure itself; this is the last guard, still one line.
    process.stderr.write(`petition-rules: internal error: ${error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);
