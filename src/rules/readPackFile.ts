import { readFileSync } from 'node:fs';
import { RulePackError } from '../errors/RulePackError.js';
import { parsePackJson } from './packJson.js';

/**
 * Reads a pack or catalogue file from disk and parses it ({@link parsePackJson}). An unreadable file is
 * reported by its error code only (`ENOENT`, `EACCES`, `EISDIR`), never with its content.
 */
export function readPackFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RulePackError(file, [`cannot be read as JSON: the file is unreadable (${(error as NodeJS.ErrnoException).code ?? 'read error'})`]);
  }
  return parsePackJson(text, file);
}
