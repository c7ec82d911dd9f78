import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * The lines of a stream, one at a time, with back-pressure: `node:readline` splits the input, and when
 * more than `highWaterMark` lines are waiting for the consumer the input is paused until half of them
 * are taken. However long the input, only about a chunk's worth of lines is held in memory.
 * Line endings `\n` and `\r\n` are both accepted; a final line without a newline is still a line.
 */
export async function* readLines(input: Readable, highWaterMark = 256): AsyncGenerator<string> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const queue: string[] = [];
  let head = 0;
  let done = false;
  let failure: Error | undefined;
  let paused = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  rl.on('line', (line) => {
    queue.push(line);
    if (!paused && queue.length - head >= highWaterMark) {
      paused = true;
      rl.pause();
    }
    notify();
  });
  rl.on('close', () => {
    done = true;
    notify();
  });
  input.on('error', (error: Error) => {
    failure = error;
    done = true;
    notify();
  });
  try {
    for (;;) {
      if (head < queue.length) {
        const line = queue[head++]!;
        if (head > 1024) {
          queue.splice(0, head);
          head = 0;
        }
        if (paused && queue.length - head <= highWaterMark / 2) {
          paused = false;
          rl.resume();
        }
        yield line;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    rl.close();
  }
}
