import { PassThrough, Readable, type Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface RunOptions {
  /** Standard input: text, or raw bytes (a BOM, bytes that are not UTF-8). */
  stdin?: string | Uint8Array;
  cwd?: string;
  /** Make stderr a terminal of this many columns (80 for `true`), as the progress line needs. */
  tty?: boolean | number;
  /** `TERM` as the process would see it. */
  term?: string;
  today?: string;
  /** Where stdout goes instead of memory (a file stream on /dev/full, say); `stdout` is then empty. */
  stdout?: Writable;
}

/** Runs the CLI in-process with in-memory streams; returns the exit code and everything written. */
export async function runCli(args: string[], options: RunOptions = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  if (options.tty) Object.assign(stderr, { isTTY: true, columns: options.tty === true ? 80 : options.tty });
  const stdin = options.stdin ?? '';
  const code = await main(args, {
    stdin: Readable.from([typeof stdin === 'string' ? stdin : Buffer.from(stdin)]),
    stdout: options.stdout ?? stdout,
    stderr,
    stderrIsTTY: Boolean(options.tty),
    ...(options.term !== undefined ? { term: options.term } : {}),
    cwd: options.cwd ?? process.cwd(),
    today: () => options.today ?? '2023-03-10',
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
