/**
 * An audit worker's records as UTF-8 bytes: each record is written into a buffer the moment it is made,
 * and a batch's bytes are handed back as a view of that buffer, which then belongs to the receiver (it
 * is transferred, never copied); the next batch starts a new buffer, sized from the last one.
 *
 * Why one by one: records carry Chinese text, so their strings are two-byte, and encoding a whole
 * batch joined into one string costs about three times as much; and a record written at once dies
 * young, where records held until the batch ends survive into the old generation and grow the heap.
 */
export class RecordBytes {
  #buffer: Buffer | undefined;
  #at = 0;
  #expected = 1 << 20;

  /** Appends one record (a string of NDJSON, newline included). */
  readonly write = (record: string): void => {
    // A UTF-16 code unit never takes more than three bytes of UTF-8.
    const room = this.#at + record.length * 3;
    if (this.#buffer === undefined || room > this.#buffer.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(room, this.#expected, (this.#buffer?.length ?? 0) * 2));
      this.#buffer?.copy(larger, 0, 0, this.#at);
      this.#buffer = larger;
    }
    this.#at += this.#buffer.write(record, this.#at, 'utf8');
  };

  /** Forgets the bytes written since the last {@link take} (a batch that failed half way). */
  discard(): void {
    this.#at = 0;
  }

  /**
   * The bytes written since the last call: a view of a buffer of their own (never Node's shared pool,
   * so `view.buffer` can be transferred), which this writer no longer touches.
   */
  take(): Uint8Array {
    const view = this.#buffer === undefined ? new Uint8Array(0) : this.#buffer.subarray(0, this.#at);
    // The next batch is likely the size of this one: a little room over it, so it rarely grows.
    this.#expected = Math.max(64 * 1024, Math.ceil(this.#at * 1.25));
    this.#buffer = undefined;
    this.#at = 0;
    return view;
  }
}
