import type { Assessment, Obligation, ObligationStatus } from '../assessment/types.js';
import { chinaCalendar } from '../calendar/chinaCalendar.js';
import type { Calendar, DayInfo } from '../calendar/types.js';
import { addCalendarDays, compareDates, daysBetween, isIsoDate, type IsoDate } from '../dates/isoDate.js';
import { label } from '../explain/vocabulary.js';
import { dayColour, faint, gridLine, ink, overdueColour, pauseColour, projectedColour, statusColour } from './palette.js';
import { el, escapeXml, num, text, title } from './svg.js';
import { words } from './words.js';

export interface TimelineOptions {
  /** Language of the labels; English by default. */
  readonly lang?: 'en' | 'zh';
  /**
   * The calendar the days are marked from: rest days, holidays, make-up working days and projected
   * years. Give the evaluator's (`evaluator.calendar`) when notices were added to it; China's national
   * calendar by default.
   */
  readonly calendar?: Calendar;
  /** The case as given, to draw hearings on the days they took (otherwise a bar only says how many days were paused). */
  readonly case?: unknown;
}

/** The most days the axis spans; a date further out is shown as "continues to" at the edge. */
export const MAX_TIMELINE_DAYS = 1100;

const LABEL_WIDTH = 300;
const ROW_HEIGHT = 36;
const BAR_HEIGHT = 14;
const TOP = 84;
const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

interface Run {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly kind: DayInfo['kind'] | 'unknown';
  readonly holiday?: string;
  readonly provisional: boolean;
}

/** Consecutive days of one kind (and one holiday, and one projected state) as runs, from the calendar. */
function dayRuns(calendar: Calendar, from: IsoDate, days: number, lang: 'en' | 'zh'): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < days; i++) {
    const date = addCalendarDays(from, i);
    let kind: Run['kind'] = 'unknown';
    let holiday: string | undefined;
    let provisional = false;
    try {
      const info = calendar.describe(date);
      kind = info.kind;
      holiday = info.holiday?.[lang];
      provisional = info.provisional !== undefined || calendar.provisional?.(date) !== undefined;
    } catch {
      // Beyond what the calendar answers for: left unmarked.
    }
    const last = runs.at(-1);
    if (last && last.kind === kind && last.holiday === holiday && last.provisional === provisional && addCalendarDays(last.to, 1) === date) runs[runs.length - 1] = { ...last, to: date };
    else runs.push({ from: date, to: date, kind, ...(holiday !== undefined ? { holiday } : {}), provisional });
  }
  return runs;
}

/** Hearings in the case's log, as date ranges (when the case is given and well formed). */
function hearingsOf(input: unknown): Array<{ on: IsoDate; until: IsoDate }> {
  const events = (input as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return [];
  return events
    .filter((e): e is { type: 'hearing'; on: IsoDate; until: IsoDate } => e !== null && typeof e === 'object' && e.type === 'hearing' && isIsoDate(e.on) && isIsoDate(e.until))
    .map((e) => ({ on: e.on, until: e.until }));
}

const minDate = (dates: readonly IsoDate[]) => dates.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
const maxDate = (dates: readonly IsoDate[]) => dates.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));

function datesOf(o: Obligation): IsoDate[] {
  return [o.start?.on, o.dueOn, o.metOn, o.originalDueOn, o.rolledOverFrom].filter((d): d is IsoDate => typeof d === 'string');
}

/** A safe prefix for the ids of patterns, so two timelines can share one page. */
const idPrefix = (caseId: string) => `tl-${caseId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}`;

/**
 * The case's time limits as an SVG picture: dates along the axis with rest days, public holidays and
 * make-up working days shaded from the calendar (days of a projected year hatched and labelled); each
 * obligation a bar from the event that started it to its due date, coloured by status, with the day it
 * was done, the overdue stretch, extensions, the day a due date was carried from, and hearing pauses;
 * receipt and `asOf` as vertical lines; labels in English or Chinese with the legal terms; a legend of
 * what appears. The bytes depend only on the assessment and the options: the same on every machine,
 * time zone and run.
 */
export function timeline(assessment: Assessment, options: TimelineOptions = {}): string {
  const lang = options.lang ?? 'en';
  const calendar = options.calendar ?? chinaCalendar();
  const pre = idPrefix(assessment.caseId);
  const all = [assessment.receivedOn, assessment.asOf, ...assessment.obligations.flatMap(datesOf)];
  const from = addCalendarDays(minDate(all), -2);
  const latest = addCalendarDays(maxDate(all), 3);
  const span = Math.min(daysBetween(from, latest) + 1, MAX_TIMELINE_DAYS);
  const to = addCalendarDays(from, span - 1);
  const dayWidth = Math.max(1, Math.min(22, Math.floor((1100 / span) * 100) / 100));
  const chartWidth = span * dayWidth;
  const width = LABEL_WIDTH + chartWidth + 24;
  const rows = Math.max(1, assessment.obligations.length);
  const chartBottom = TOP + rows * ROW_HEIGHT;
  const height = chartBottom + 78;

  const offset = (d: IsoDate) => daysBetween(from, d);
  const inView = (d: IsoDate) => compareDates(d, from) >= 0 && compareDates(d, to) <= 0;
  /** Left edge of a day's column, clamped to the chart. */
  const x = (d: IsoDate) => LABEL_WIDTH + Math.max(0, Math.min(span, offset(d))) * dayWidth;
  /** Right edge of a day's column, clamped to the chart. */
  const xEnd = (d: IsoDate) => LABEL_WIDTH + Math.max(0, Math.min(span, offset(d) + 1)) * dayWidth;

  const parts: string[] = [];
  const used = new Set<string>();

  // Background: the days.
  const runs = dayRuns(calendar, from, span, lang);
  for (const r of runs) {
    if (r.kind === 'weekend' || r.kind === 'holiday' || r.kind === 'make-up-working-day') {
      used.add(r.kind);
      const what = r.holiday ? `${words[r.kind][lang]}: ${r.holiday}` : words[r.kind][lang];
      parts.push(el('rect', { x: x(r.from), y: TOP - 8, width: xEnd(r.to) - x(r.from), height: chartBottom - TOP + 8, fill: dayColour[r.kind] }, title(`${r.from === r.to ? r.from : `${r.from} – ${r.to}`} ${what}`)));
    }
  }
  const projectedRuns: Array<{ from: IsoDate; to: IsoDate }> = [];
  for (const r of runs) {
    if (!r.provisional) continue;
    const last = projectedRuns.at(-1);
    if (last && addCalendarDays(last.to, 1) === r.from) last.to = r.to;
    else projectedRuns.push({ from: r.from, to: r.to });
  }
  for (const r of projectedRuns) {
    used.add('projected');
    parts.push(el('rect', { x: x(r.from), y: TOP - 8, width: xEnd(r.to) - x(r.from), height: chartBottom - TOP + 8, fill: `url(#${pre}-projected)` }, title(`${r.from} – ${r.to} ${words.projected[lang]}`)));
    parts.push(text({ x: x(r.from) + 2, y: TOP - 12, 'font-size': 10, fill: projectedColour }, words.projected[lang]));
  }

  // Axis: month labels, day numbers where they fit, row lines.
  const axis: string[] = [];
  for (let i = 0; i < span; i++) {
    const d = addCalendarDays(from, i);
    const day = Number(d.slice(8, 10));
    // The first column is labelled with its month unless a month begins within the next few days.
    if (day === 1 || (i === 0 && day < 25)) {
      axis.push(el('line', { x1: x(d), y1: TOP - 52, x2: x(d), y2: chartBottom, stroke: gridLine }));
      axis.push(text({ x: x(d) + 3, y: TOP - 42, 'font-size': 11, fill: ink, 'font-weight': 600 }, lang === 'zh' ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月` : d.slice(0, 7)));
    }
    if (dayWidth >= 16 || (dayWidth >= 5 && (day === 1 || day % 7 === 1))) axis.push(text({ x: x(d) + dayWidth / 2, y: TOP - 24, 'font-size': 9, fill: faint, 'text-anchor': 'middle' }, String(day)));
  }
  parts.push(...axis);
  for (let i = 0; i <= rows; i++) parts.push(el('line', { x1: 8, y1: TOP + i * ROW_HEIGHT, x2: LABEL_WIDTH + chartWidth, y2: TOP + i * ROW_HEIGHT, stroke: gridLine, 'stroke-width': 0.5 }));

  // Obligations.
  const hearings = hearingsOf(options.case);
  const statuses = new Set<ObligationStatus>();
  assessment.obligations.forEach((o, i) => {
    const top = TOP + i * ROW_HEIGHT;
    const barY = top + (ROW_HEIGHT - BAR_HEIGHT) / 2 + 4;
    const colour = statusColour[o.status];
    statuses.add(o.status);
    const organ = lang === 'zh' ? o.organ.nameZh : o.organ.name;
    parts.push(
      el(
        'g',
        { 'clip-path': `url(#${pre}-labels)` },
        title(`${label('obligation', o.id, lang)} — ${organ}`) +
        text({ x: 10, y: top + 15, 'font-size': 12, fill: ink, 'font-weight': 600 }, label('obligation', o.id, lang)) +
          text({ x: 10, y: top + 29, 'font-size': 10, fill: faint }, `${organ} · ${label('status', o.status, lang)}${o.provisional ? ` · ${words.provisional[lang]}` : ''}`),
      ),
    );
    if (o.start === null) {
      parts.push(text({ x: LABEL_WIDTH + 4, y: barY + 11, 'font-size': 10, fill: faint }, words.notStarted[lang]));
      return;
    }
    const start = o.start.on;
    const statusWord = label('status', o.status, lang);
    if (o.dueOn === null) {
      const end = o.status === 'undetermined' ? to : start;
      parts.push(
        el(
          'rect',
          { class: 'obligation', 'data-obligation': o.id, 'data-status': o.status, x: x(start), y: barY, width: xEnd(end) - x(start), height: BAR_HEIGHT, fill: 'none', stroke: colour, 'stroke-width': 1.5, 'stroke-dasharray': '4 3', rx: 3 },
          title(`${label('obligation', o.id, lang)}: ${o.start.event} ${start} · ${statusWord}${o.calendarProblem ? ` · ${o.calendarProblem.reason[lang]}` : ''}`),
        ),
      );
      parts.push(text({ x: xEnd(start) + 4, y: barY + 11, 'font-size': 10, fill: faint }, o.status === 'undetermined' ? statusWord : words.noDayCount[lang]));
      return;
    }
    const baseDue = o.originalDueOn ?? o.dueOn;
    const bar = {
      x: x(start),
      y: barY,
      width: Math.max(1, xEnd(baseDue) - x(start)),
      height: BAR_HEIGHT,
      rx: 3,
      ...(o.window ? { fill: '#ffffff', stroke: colour, 'stroke-width': 2 } : { fill: colour, 'fill-opacity': 0.85 }),
      ...(o.provisional ? { stroke: projectedColour, 'stroke-width': 1.5, 'stroke-dasharray': '4 2' } : {}),
    };
    if (o.window) used.add('window');
    parts.push(el('rect', { class: 'obligation', 'data-obligation': o.id, 'data-status': o.status, ...bar }, title(`${label('obligation', o.id, lang)}: ${start} – ${o.dueOn} · ${statusWord}${o.provisional ? ` · ${o.provisional.reason[lang]}` : ''}`)));
    if (o.originalDueOn !== undefined && o.originalDueOn !== o.dueOn) {
      used.add('extension');
      parts.push(
        el('rect', { x: xEnd(o.originalDueOn), y: barY, width: Math.max(1, xEnd(o.dueOn) - xEnd(o.originalDueOn)), height: BAR_HEIGHT, fill: `url(#${pre}-extension)`, stroke: colour, 'stroke-width': 1 }, title(`${words.extension[lang]}: ${o.originalDueOn} → ${o.dueOn}`)),
      );
    }
    if (o.pausedDays !== undefined && o.pausedDays > 0) {
      const shown = hearings.filter((h) => compareDates(h.until, start) >= 0 && compareDates(h.on, o.dueOn!) <= 0);
      for (const h of shown) {
        used.add('hearing');
        parts.push(el('rect', { x: x(h.on), y: barY - 3, width: Math.max(1, xEnd(h.until) - x(h.on)), height: BAR_HEIGHT + 6, fill: pauseColour, 'fill-opacity': 0.7 }, title(`${words.hearing[lang]}: ${h.on} – ${h.until}`)));
      }
      if (shown.length === 0) parts.push(text({ x: x(start) + 3, y: barY - 2, 'font-size': 9, fill: faint }, words.paused[lang](o.pausedDays)));
    }
    const lateUntil = o.status === 'overdue' ? assessment.asOf : o.status === 'met-late' || (o.status === 'expired' && o.metOn) ? o.metOn : undefined;
    if (lateUntil !== undefined && compareDates(lateUntil, o.dueOn) > 0) {
      used.add('overdue');
      parts.push(el('rect', { x: xEnd(o.dueOn), y: barY, width: Math.max(1, xEnd(lateUntil) - xEnd(o.dueOn)), height: BAR_HEIGHT, fill: `url(#${pre}-overdue)`, stroke: overdueColour, 'stroke-width': 1 }, title(`${words.overdue[lang]}: ${addCalendarDays(o.dueOn, 1)} – ${lateUntil}`)));
    }
    if (o.rolledOverFrom !== undefined && inView(o.rolledOverFrom)) {
      used.add('rolledOver');
      const cx = x(o.rolledOverFrom) + dayWidth / 2;
      parts.push(el('circle', { cx, cy: barY + BAR_HEIGHT + 5, r: 2.5, fill: ink }, title(`${words.rolledOver[lang]}: ${o.rolledOverFrom} → ${o.dueOn}`)));
      parts.push(el('line', { x1: cx, y1: barY + BAR_HEIGHT + 5, x2: xEnd(o.dueOn) - dayWidth / 2, y2: barY + BAR_HEIGHT + 5, stroke: ink, 'stroke-width': 1, 'stroke-dasharray': '2 2' }));
    }
    if (o.metOn !== undefined && inView(o.metOn)) {
      used.add('met');
      const cx = x(o.metOn) + dayWidth / 2;
      const cy = barY + BAR_HEIGHT / 2;
      parts.push(el('path', { d: `M${num(cx)} ${num(cy - 7)}L${num(cx + 6)} ${num(cy)}L${num(cx)} ${num(cy + 7)}L${num(cx - 6)} ${num(cy)}Z`, fill: ink, stroke: '#ffffff', 'stroke-width': 1 }, title(`${words.met[lang]}: ${o.metOn}`)));
    }
    const beyond = !inView(o.dueOn);
    const dueText = beyond ? `${words.beyond[lang]} ${o.dueOn}` : `${words.due[lang]} ${o.dueOn}`;
    // The due date is written just after its day, on a white halo so it reads over an overdue stretch.
    const after = o.metOn !== undefined && compareDates(o.metOn, o.dueOn) > 0 ? o.metOn : o.dueOn;
    const textX = xEnd(after) + 8;
    const nearEnd = textX > LABEL_WIDTH + chartWidth - 100;
    parts.push(
      text(
        { x: nearEnd ? Math.min(xEnd(after), LABEL_WIDTH + chartWidth) - 4 : textX, y: barY + 11, 'font-size': 10, fill: ink, stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke', ...(nearEnd ? { 'text-anchor': 'end' } : {}) },
        dueText,
      ),
    );
  });

  // Receipt and asOf.
  for (const [date, word, dash] of [
    [assessment.receivedOn, words.received[lang], '3 3'],
    [assessment.asOf, words.asOf[lang], undefined],
  ] as const) {
    if (!inView(date)) continue;
    const lx = x(date) + dayWidth / 2;
    parts.push(el('line', { x1: lx, y1: TOP - 16, x2: lx, y2: chartBottom, stroke: ink, 'stroke-width': 1.5, 'stroke-dasharray': dash }));
    const nearEnd = lx > LABEL_WIDTH + chartWidth - 110;
    parts.push(text({ x: nearEnd ? lx - 3 : lx + 3, y: TOP - 10, 'font-size': 10, fill: ink, ...(nearEnd ? { 'text-anchor': 'end' } : {}) }, `${word} ${date}`));
  }

  // Legend.
  const legend: Array<{ swatch: string; label: string }> = [];
  const sw = (attrs: Record<string, string | number>) => (lx: number, ly: number) => el('rect', { x: lx, y: ly, width: 14, height: 10, ...attrs });
  const entries: Array<[string, (lx: number, ly: number) => string, string]> = [];
  for (const s of Object.keys(statusColour) as ObligationStatus[]) if (statuses.has(s)) entries.push([s, sw({ fill: statusColour[s], 'fill-opacity': 0.85, rx: 2 }), label('status', s, lang)]);
  if (used.has('window')) entries.push(['window', sw({ fill: '#ffffff', stroke: faint, 'stroke-width': 2, rx: 2 }), words.window[lang]]);
  if (used.has('extension')) entries.push(['extension', sw({ fill: `url(#${pre}-extension)`, stroke: faint }), words.extension[lang]]);
  if (used.has('overdue')) entries.push(['overdue', sw({ fill: `url(#${pre}-overdue)`, stroke: overdueColour }), words.overdue[lang]]);
  if (used.has('hearing')) entries.push(['hearing', sw({ fill: pauseColour, 'fill-opacity': 0.7 }), words.hearing[lang]]);
  if (used.has('met')) entries.push(['met', (lx, ly) => el('path', { d: `M${lx + 7} ${ly - 2}L${lx + 13} ${ly + 5}L${lx + 7} ${ly + 12}L${lx + 1} ${ly + 5}Z`, fill: ink }), words.met[lang]]);
  if (used.has('rolledOver')) entries.push(['rolledOver', (lx, ly) => el('circle', { cx: lx + 7, cy: ly + 5, r: 2.5, fill: ink }), words.rolledOver[lang]]);
  for (const k of ['weekend', 'holiday', 'make-up-working-day'] as const) if (used.has(k)) entries.push([k, sw({ fill: dayColour[k], stroke: gridLine }), words[k][lang]]);
  if (used.has('projected')) entries.push(['projected', sw({ fill: `url(#${pre}-projected)`, stroke: gridLine }), words.projected[lang]]);
  let lx = 10;
  let ly = chartBottom + 22;
  for (const [, swatch, what] of entries) {
    const w = 22 + what.length * (lang === 'zh' ? 12 : 6.2) + 18;
    if (lx + w > width - 10) {
      lx = 10;
      ly += 20;
    }
    legend.push({ swatch: swatch(lx, ly), label: text({ x: lx + 20, y: ly + 9, 'font-size': 11, fill: ink }, what) });
    lx += w;
  }

  const defs =
    el('pattern', { id: `${pre}-projected`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: projectedColour, 'stroke-width': 1, 'stroke-opacity': 0.35 })) +
    el('pattern', { id: `${pre}-overdue`, width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, el('rect', { width: 5, height: 5, fill: '#fecaca' }) + el('line', { x1: 0, y1: 0, x2: 0, y2: 5, stroke: overdueColour, 'stroke-width': 2 })) +
    el('pattern', { id: `${pre}-extension`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(-45)' }, el('rect', { width: 6, height: 6, fill: '#e5e7eb' }) + el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: faint, 'stroke-width': 2 })) +
    el('clipPath', { id: `${pre}-labels` }, el('rect', { x: 0, y: 0, width: LABEL_WIDTH - 8, height }));

  const heading = text({ x: 10, y: 22, 'font-size': 15, fill: ink, 'font-weight': 700 }, words.title[lang](assessment.caseId, assessment.asOf));
  const body = [heading, ...parts, ...legend.map((l) => l.swatch + l.label)].join('\n');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${escapeXml(FONT)}" role="img" aria-label="${escapeXml(words.title[lang](assessment.caseId, assessment.asOf))}">\n` +
    `<defs>${defs}</defs>\n` +
    `<rect width="${num(width)}" height="${num(height)}" fill="#ffffff"/>\n` +
    `${body}\n</svg>\n`
  );
}
