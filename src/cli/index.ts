#!/usr/bin/env node
/**
 * The `petition-rules` command. See `petition-rules --help`, or README "Command line".
 * Built by tsup to `dist/cli.js`; in development run `npx tsx src/cli/index.ts`.
 */
import { main } from './main.js';
import { todayInChina } from './today.js';

// A reader that goes away (`petition-rules audit … | head`) ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
  today: () => todayInChina(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`petition-rules: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
