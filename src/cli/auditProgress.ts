import { SingleBar, type Options, type Params } from 'cli-progress';
import type { Lang } from '../case/validateCase.js';
import type { AuditSummary } from './auditSummary.js';
import type { CliIo } from './io.js';

/**
 * The audit's progress line on stderr, drawn by cli-progress: how far through the input (a bar and a
 * share when the input is a file of known size), cases read and rejected, the rate in cases a second,
 * and the time left (ETA, from the bytes still to read). It is drawn only where it can be redrawn in
 * place — stderr is a terminal and `TERM` is not `dumb` — and cut to the terminal's width, so it never
 * wraps onto a second line. Its words follow `--lang`.
 */

const WORDS = {
  en: { read: 'read', rejected: 'rejected', rate: '/s', eta: 'ETA' },
  zh: { read: '已读', rejected: '已拒绝', rate: '件/秒', eta: '剩余' },
} as const;

/** Columns a string takes on a terminal: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/** The longest start of `text` that fits in `columns`. */
function cut(text: string, columns: number): string {
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > columns) break;
    out += ch;
    width += w;
  }
  return out;
}

/** Seconds as `1h02m`, `3m05s` or `12s`. */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s >= 3600) return `${Math.floor(s / 3600)}h${pad(Math.floor((s % 3600) / 60))}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${pad(s % 60)}s`;
  return `${s}s`;
}

interface Payload {
  readonly read: number;
  readonly rejected: number;
  readonly rate: number;
}

/**
 * The line for `columns`: the counts first (always shown, cut if even they do not fit), then the rate
 * and the time left, and a bar in whatever room is left (none below 10 columns of it).
 */
export function progressLine(lang: Lang, columns: number, p: Payload, share: number | undefined, etaSeconds: number | undefined): string {
  const w = WORDS[lang];
  const room = Math.max(1, columns - 1); // the last column is left free: writing there wraps on some terminals
  const counts = `${w.read} ${p.read} · ${w.rejected} ${p.rejected}`;
  const extra = [`${Math.round(p.rate)}${w.rate}`, ...(etaSeconds !== undefined && Number.isFinite(etaSeconds) ? [`${w.eta} ${duration(etaSeconds)}`] : [])];
  const percent = share === undefined ? '' : `${String(Math.floor(share * 100)).padStart(3)}% `;
  let text = `${percent}${counts}`;
  for (const part of extra) if (displayWidth(`${text} · ${part}`) <= room) text = `${text} · ${part}`;
  if (share === undefined) return cut(text, room);
  const barWidth = Math.min(30, room - displayWidth(text) - 3);
  if (barWidth < 10) return cut(text, room);
  const filled = Math.round(share * barWidth);
  return `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${text}`;
}

/** Whether a progress line can be drawn: stderr is a terminal that can redraw a line. */
export function progressWanted(io: CliIo): boolean {
  return io.stderrIsTTY && io.term !== 'dumb';
}

/**
 * A progress line for an audit of `totalBytes` of input (unknown for stdin), or undefined where none
 * is wanted ({@link progressWanted}). `update` takes the totals so far and the bytes consumed; `stop`
 * clears the line, so the summary starts on a clean line.
 */
export function auditProgress(io: CliIo, lang: Lang, totalBytes: number | undefined) {
  if (!progressWanted(io)) return undefined;
  const started = Date.now();
  const known = totalBytes !== undefined && totalBytes > 0;
  const format = (_options: Options, params: Params, payload: Payload) =>
    progressLine(lang, params.maxWidth, payload, known ? params.progress : undefined, known && params.value > 0 ? params.eta : undefined);
  const bar = new SingleBar({
    stream: io.stderr,
    format,
    fps: 5,
    clearOnComplete: true,
    hideCursor: false,
    gracefulExit: false,
    // The line is cut to the width here; the terminal's own line wrapping is left alone, so a run
    // stopped by a signal leaves no terminal setting behind.
    linewrap: true,
    etaBuffer: 50,
  });
  bar.start(known ? totalBytes : 1, 0, { read: 0, rejected: 0, rate: 0 } satisfies Payload);
  return {
    update(summary: AuditSummary, bytes: number) {
      const seconds = (Date.now() - started) / 1000;
      bar.update(known ? bytes : 0, { read: summary.read, rejected: summary.rejected, rate: seconds > 0 ? summary.read / seconds : 0 } satisfies Payload);
    },
    stop() {
      bar.stop();
    },
  };
}
