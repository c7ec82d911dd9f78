import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The code samples of the README and the guides under docs/, found by the HTML comment that marks
 * each one, so a test can run them and compare what they print with what the page says.
 *
 * A fenced block is marked by a comment on the nearest line before it that is not blank:
 * - `<!-- sample: run -->` — a `ts` block runs as a module with tsx (the package name resolving to
 *   src/), an `sh` block runs line by line with `sh -e`; both in a scratch folder where the
 *   repository's `examples/`, `rules/`, `src/`… are at hand, as in the repository root;
 * - `<!-- sample: vitest beside DIR -->` — a `ts` block is a vitest test file, written as
 *   `test/sample.test.ts` into a copy of the example project DIR (its data, not its tests), which
 *   must pass;
 * - `<!-- sample: prints -->` — the block is what the run sample before it prints on stdout: exactly,
 *   unless it leaves text out with `…` (a line that is only `…` stands for any lines, a line ending in
 *   `…` for any rest of its line; the lines between must follow each other as printed);
 *   `<!-- sample: prints on stderr -->` the same for what an `sh` sample writes on stderr;
 * - `<!-- sample: json NAME -->` — a `json` block is a valid file of that kind (`pack`, `parameters`,
 *   `rule`, `calendar`, `case`, `organ`), checked by the zod schema the library loads such files with;
 * - `<!-- sample: not run — why -->` — a block that is not run, and why (a command that installs, the
 *   whole suite, a bench that takes minutes).
 * Every `ts`, `sh` and `console` block must carry one of them, so no sample goes unchecked by accident.
 */
export type SampleMarker =
  | { readonly kind: 'run' }
  | { readonly kind: 'vitest'; readonly beside: string }
  | { readonly kind: 'prints'; readonly stream: 'stdout' | 'stderr' }
  | { readonly kind: 'not-run'; readonly why: string }
  | { readonly kind: 'json'; readonly schema: string };

export interface FencedBlock {
  /** The page, relative to the repository root. */
  readonly page: string;
  /** The line of the opening fence, from 1. */
  readonly line: number;
  readonly lang: string;
  readonly body: string;
  readonly marker?: SampleMarker;
  /** A marker comment that does not parse, to report. */
  readonly badMarker?: string;
}

/** Languages whose blocks must be marked. */
export const CODE_LANGS = new Set(['ts', 'typescript', 'sh', 'bash', 'shell', 'console']);

/** README.md and every page under docs/ but the generated API reference. */
export function documentationPages(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return path === join(root, 'docs/api') ? [] : walk(path);
      return e.name.endsWith('.md') ? [path] : [];
    });
  return [join(root, 'README.md'), ...walk(join(root, 'docs'))].map((p) => relative(root, p));
}

function parseMarker(text: string): SampleMarker | undefined {
  if (text === 'run') return { kind: 'run' };
  if (text === 'prints') return { kind: 'prints', stream: 'stdout' };
  if (text === 'prints on stderr') return { kind: 'prints', stream: 'stderr' };
  const beside = /^vitest beside (\S+)$/.exec(text);
  if (beside) return { kind: 'vitest', beside: beside[1]! };
  const json = /^json (\S+)$/.exec(text);
  if (json) return { kind: 'json', schema: json[1]! };
  const notRun = /^not run — (.+)$/.exec(text);
  if (notRun) return { kind: 'not-run', why: notRun[1]! };
  return undefined;
}

/** The fenced blocks of one page, each with the marker before it. */
export function fencedBlocks(root: string, page: string): FencedBlock[] {
  const lines = readFileSync(join(root, page), 'utf8').split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end === -1) throw new Error(`${page}:${i + 1}: a fenced block is never closed`);
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const comment = before >= 0 ? /^<!-- sample: (.*?) -->$/.exec(lines[before]!.trim()) : null;
    const marker = comment ? parseMarker(comment[1]!) : undefined;
    blocks.push({
      page,
      line: i + 1,
      lang: open[1]!,
      body: lines.slice(i + 1, end).join('\n'),
      ...(marker ? { marker } : {}),
      ...(comment && !marker ? { badMarker: comment[0] } : {}),
    });
    i = end;
  }
  return blocks;
}

/**
 * Whether `printed` is what `expected` shows, with `…` leaving text out (see above); when not, the
 * line of `expected` (from 0) past which no reading matches.
 */
export function matchPrinted(expected: string, printed: string): { ok: true } | { ok: false; at: number } {
  const want = expected.replace(/\s+$/, '').split('\n');
  const got = printed.replace(/\s+$/, '').split('\n');
  let furthest = 0;
  const failed = new Set<string>();
  const matches = (w: string, g: string) => (w.endsWith('…') ? g.startsWith(w.slice(0, -1)) : w === g.replace(/\s+$/, ''));
  const from = (i: number, j: number): boolean => {
    furthest = Math.max(furthest, i);
    if (i === want.length) return j === got.length;
    const key = `${i},${j}`;
    if (failed.has(key)) return false;
    const ok = want[i]!.trim() === '…'
      ? Array.from({ length: got.length - j + 1 }, (_, k) => j + k).some((k) => from(i + 1, k))
      : j < got.length && matches(want[i]!, got[j]!) && from(i + 1, j + 1);
    if (!ok) failed.add(key);
    return ok;
  };
  return from(0, 0) ? { ok: true } : { ok: false, at: Math.min(furthest, want.length - 1) };
}
