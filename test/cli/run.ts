import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process with in-memory streams; returns the exit code and everything written. */
export async function runCli(args: string[], options: { stdin?: string; cwd?: string; tty?: boolean; today?: string } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(args, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    stderrIsTTY: options.tty ?? false,
    cwd: options.cwd ?? process.cwd(),
    today: () => options.today ?? '2023-03-10',
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
