import type { Readable, Writable } from 'node:stream';

/**
 * Where the CLI reads and writes. The real process streams in production; in-memory streams in tests,
 * so most of the CLI is tested without spawning a process.
 */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether stderr is a terminal: the audit progress line is drawn only then. */
  readonly stderrIsTTY: boolean;
  /** Resolves relative file names. */
  readonly cwd: string;
  /** Today's date in China, used only when a command's `--as-of` is left out. */
  readonly today: () => string;
}

/** Writes a chunk and waits for `drain` when the stream's buffer is full (back-pressure). */
export async function write(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
