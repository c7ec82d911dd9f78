import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { CompactRecordError } from '../../compact/CompactRecordError.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { inputFile } from '../files.js';
import { write, type CliIo } from '../io.js';
import { linesOf, ndjsonBatches, NOT_UTF8 } from '../ndjsonBatches.js';
import { buildEvaluator, checkLang, evaluatorOptions, parse } from '../options.js';

/** Batches of a few hundred compact records: each expands to tens of kilobytes. */
const BATCH = { lines: 256, bytes: 1024 * 1024 };

/**
 * `petition-rules expand <records.ndjson|->` — turns the compact records of an audit back into full
 * ones: each `{"line":n,"compact":…}` becomes `{"line":n,"assessment":…}`, the very bytes
 * `audit --record full` writes for that case, given the same packs, policy and directory (the global
 * options, as for the audit). Other records (`error`, or already `assessment`) are copied unchanged.
 * A line that cannot be expanded — not JSON, not a record, made with other packs, policy or
 * directory — becomes `{"line":n,"error":{"issues":[…]}}` naming the part (`n` the record's line, or
 * the input line's number), the rest go on, and the run exits 2.
 */
export async function expandCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, { lang: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('expand takes one NDJSON file of audit records (or - for stdin)', 'expand 需要一个 NDJSON 审计记录文件（或用 - 表示标准输入）');
  const lang = checkLang(values.lang);
  const evaluator = buildEvaluator(evaluatorOptions(values, io));
  const name = positionals[0]!;
  const input: Readable = name === '-' ? io.stdin : createReadStream(inputFile(name, 'records', io));
  let failed = 0;
  const problem = (line: number, path: string, message: string) => {
    failed++;
    return `${JSON.stringify({ line, error: { issues: [{ path, message }] } })}\n`;
  };
  for await (const batch of ndjsonBatches(input, BATCH)) {
    let out = '';
    const lines = linesOf(batch.bytes, batch.firstLine);
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      const at = batch.firstLine + i;
      if (text === NOT_UTF8) {
        out += problem(at, '', lang === 'zh' ? '不是有效的 UTF-8 文本' : 'not valid UTF-8 text');
        continue;
      }
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch (error) {
        out += problem(at, '', `${lang === 'zh' ? '不是有效的 JSON' : 'not valid JSON'}: ${(error as Error).message}`);
        continue;
      }
      const r = record as { line?: unknown; compact?: unknown } | null;
      if (r === null || typeof r !== 'object' || Array.isArray(r) || !Number.isInteger(r.line)) {
        out += problem(at, 'line', lang === 'zh' ? '不是审计记录：须为带整数 "line" 的对象' : 'not an audit record: an object with a whole-number "line" is expected');
        continue;
      }
      if (!('compact' in r)) {
        out += `${text}\n`;
        continue;
      }
      try {
        out += `{"line":${r.line as number},"assessment":${evaluator.stringify(evaluator.expand(r.compact))}}\n`;
      } catch (error) {
        if (!(error instanceof CompactRecordError)) throw error;
        out += problem(r.line as number, error.path ? `compact.${error.path}` : 'compact', error.reason[lang]);
      }
    }
    await write(io.stdout, out);
  }
  return failed > 0 ? EXIT.badInput : EXIT.ok;
}
