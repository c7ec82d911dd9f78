/**
 * The CLI's exit codes, one meaning each, so scripts and CI can branch on them:
 * 0 everything asked for was done and nothing the caller asked to fail on was found;
 * 1 findings, overdue obligations or failed scenarios, where the caller asked for that to fail
 *   (`audit --fail-on-findings`, `test`), or a provisions catalogue with a problem (`rules --coverage`);
 * 2 bad input or usage: an unknown option, a missing or unreadable file, a folder where a file is
 *   meant, an output that cannot be written (a missing folder, a full disk), an invalid case, a rule
 *   pack or directory that does not load;
 * 3 an internal error: the program itself failed (a bug, a worker thread that died), not the input.
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  badInput: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as bad input or usage (exit 2) with a plain message and no stack; `zh` is the message under `--lang zh`. */
export class UsageError extends Error {
  readonly zh: string | undefined;
  constructor(message: string, zh?: string) {
    super(message);
    this.name = 'UsageError';
    this.zh = zh;
  }
}

/**
 * Bad input that is not a matter of usage (exit 2, one line, no pointer to `--help`): a file or folder
 * that cannot be read or written, options an evaluator refuses to be built with.
 */
export class InputError extends Error {
  readonly zh: string | undefined;
  constructor(message: string, options?: { cause?: unknown; zh?: string }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'InputError';
    this.zh = options?.zh;
  }
}
