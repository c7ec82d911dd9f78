/**
 * An audit worker's records as UTF-8 bytes: each record is written into a scratch buffer the moment it
 * is made (kept from batch to batch, growing when a batch needs more), and a batch's bytes are copied
 * once into a buffer of their own, to be handed back without another copy.
 *
 * Why one by one: records carry Chinese text, so their strings are two-byte, and encoding a whole
 * batch joined into one string costs about three times as much; and a record written at once dies
 * young, where records held until the batch ends survive into the old generation and grow the heap.
 */
export class RecordBytes {
  #scratch = Buffer.allocUnsafeSlow(1 << 20);
  #at = 0;

  /** Appends one record (a string of NDJSON, newline included). */
  readonly write = (record: string): void => {
    // A UTF-16 code unit never takes more than three bytes of UTF-8.
    const room = this.#at + record.length * 3;
    if (room > this.#scratch.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(room, this.#scratch.length * 2));
      this.#scratch.copy(larger, 0, 0, this.#at);
      this.#scratch = larger;
    }
    this.#at += this.#scratch.write(record, this.#at, 'utf8');
  };

  /** Forgets the bytes written since the last {@link take} (a batch that failed half way). */
  discard(): void {
    this.#at = 0;
  }

  /** The bytes written since the last call, in a fresh buffer of exactly their size (never Node's shared pool, so it can be transferred). */
  take(): Uint8Array {
    const out = Buffer.allocUnsafeSlow(this.#at);
    this.#scratch.copy(out, 0, 0, this.#at);
    this.#at = 0;
    return out;
  }
}
