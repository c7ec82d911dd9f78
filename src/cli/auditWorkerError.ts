/**
 * A parallel audit stopped because a worker thread failed or died (not because of a bad line: those
 * are records). The message names the lines the worker held; every record before them has been
 * written, none after, so the output is a clean prefix and the run is known to be incomplete.
 */
export class AuditWorkerError extends Error {
  constructor(firstLine: number, lines: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const held = lines > 1 ? `lines ${firstLine}–${firstLine + lines - 1}` : `line ${firstLine}`;
    super(`an audit worker failed on ${held} (${reason}); the records stop before line ${firstLine}`, { cause });
    this.name = 'AuditWorkerError';
  }
}
