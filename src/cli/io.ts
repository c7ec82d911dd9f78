import type { Readable, Writable } from 'node:stream';
import { describeErrno } from './errno.js';

/**
 * Where the CLI reads and writes. The real process streams in production; in-memory streams in tests,
 * so most of the CLI is tested without spawning a process.
 */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether stderr is a terminal: the audit progress line is drawn only then (and not for `TERM=dumb`), cut to its `columns`. */
  readonly stderrIsTTY: boolean;
  /** The environment's `TERM`; `dumb` turns the progress line off. */
  readonly term?: string;
  /** Resolves relative file names. */
  readonly cwd: string;
  /** Today's date in China, used only when a command's `--as-of` is left out. */
  readonly today: () => string;
  /** Print the stack of an internal error (`PETITION_RULES_DEBUG=1`); off by default. */
  readonly debug?: boolean;
}

/**
 * An output that could not be written: stdout or a file, with the system's error code (`ENOSPC` for a
 * full disk, `EPIPE` for a reader that went away). The CLI reports it in one line naming the output
 * (exit 2), or, for `EPIPE`, ends quietly.
 */
export class OutputError extends Error {
  readonly target: string;
  readonly code: string | undefined;
  /** The message under `--lang zh`. */
  readonly zh: string;
  constructor(target: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`${target}: cannot be written: ${describeErrno(cause)}`, { cause });
    this.name = 'OutputError';
    this.target = target;
    this.code = code;
    this.zh = `${target}：无法写入：${describeErrno(cause, 'zh')}`;
  }
}

/** What is known of each stream written through {@link write}: its name, the first error it reported, the last write. */
interface OutputState {
  target: string;
  error?: unknown;
  last: Promise<void>;
}
const outputs = new WeakMap<Writable, OutputState>();
/** Writes handed to a stream whose callback has not yet come: what a stop must wait for. */
const inFlight = new Set<Promise<void>>();
let stopping = false;

/**
 * Stops all writing through {@link write}: later writes never happen (their promise never settles),
 * and the returned promise settles once every write already handed to a stream has been done. A
 * process told to stop (SIGTERM, SIGINT) waits for it and then exits, so an output ends after a whole
 * batch of records, never inside one.
 */
export function stopWriting(): Promise<void> {
  stopping = true;
  return Promise.all([...inFlight]).then(() => undefined);
}

function stateOf(stream: Writable): OutputState {
  let state = outputs.get(stream);
  if (!state) {
    const created: OutputState = { target: 'the output', last: Promise.resolve() };
    // Kept from the first write on, so an error reported between writes (a full disk, a closed pipe)
    // is never an unhandled 'error' event, and the next write or the final flush reports it.
    stream.on('error', (error) => (created.error ??= error));
    outputs.set(stream, created);
    state = created;
  }
  return state;
}

/** Names a stream for the messages of its write errors ("stdout", "--out cases.ndjson"). */
export function nameOutput(stream: Writable, target: string): void {
  stateOf(stream).target = target;
}

function failure(state: OutputState): OutputError | undefined {
  return state.error === undefined ? undefined : new OutputError(state.target, state.error);
}

/**
 * Writes a chunk and waits for `drain` when the stream's buffer is full (back-pressure). A write error
 * the stream has reported, now or before, rejects with an {@link OutputError} naming the output.
 */
export async function write(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  const state = stateOf(stream);
  const failed = failure(state);
  if (failed) throw failed;
  if (stopping) return new Promise<void>(() => {});
  let settle: () => void = () => {};
  const last = new Promise<void>((resolve) => (settle = resolve));
  state.last = last;
  inFlight.add(last);
  const ok = stream.write(chunk, (error) => {
    if (error) state.error ??= error;
    inFlight.delete(last);
    settle();
  });
  if (!ok) {
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        stream.off('close', done);
        resolve();
      };
      stream.once('drain', done);
      stream.once('error', done);
      stream.once('close', done);
    });
  }
  const after = failure(state);
  if (after) throw after;
}

/**
 * Waits until everything written has been handed to the system (the last write's callback), and
 * reports a write error that came too late for {@link write} to see. For stdout, which is not ended.
 */
export async function flush(stream: Writable): Promise<void> {
  const state = stateOf(stream);
  await state.last;
  const failed = failure(state);
  if (failed) throw failed;
}
