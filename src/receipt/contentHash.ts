import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonicalJson.js';

/**
 * The content hash of a JSON value: SHA-256 of the UTF-8 bytes of its canonical JSON (sorted keys, no
 * whitespace; see {@link canonicalJson}), written `sha256:<64 hex digits>`. The same value gives the same
 * hash on every machine, in every time zone, however its file was formatted.
 *
 * A pure-JavaScript SHA-256 (@noble/hashes, audited, no dependencies) rather than `node:crypto`, which a
 * browser lacks, or Web Crypto, which is asynchronous and so unusable from `evaluateSync`.
 */
export function contentHash(value: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))}`;
}

/** What a receipt says about how its hashes are made, so that anyone can recompute them. */
export const HASH_METHOD = {
  algorithm: 'sha256',
  canonicalisation: 'JSON without whitespace, object keys sorted by UTF-16 code units, arrays in order, UTF-8',
} as const;
