import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { label } from '../explain/vocabulary.js';
import { escapeXml } from '../timeline/svg.js';
import { statusColour } from '../timeline/palette.js';
import type { ReportData, ReportStanding } from './reportData.js';

export interface AuditReportOptions {
  readonly asOf: string;
  readonly lang?: 'en' | 'zh';
  /** The audit's totals: lines read, cases assessed, lines rejected. */
  readonly totals: { readonly read: number; readonly assessed: number; readonly rejected: number };
}

const STANDINGS: readonly ReportStanding[] = ['met', 'met-late', 'overdue', 'pending'];
const standingColour: Record<ReportStanding, string> = { met: statusColour.met, 'met-late': statusColour['met-late'], overdue: statusColour.overdue, pending: statusColour.pending };
/** How many organs a chart by organ shows (the most concerned); the table lists them all. */
const TOP_ORGANS = 15;

const w = {
  title: { en: 'Petition audit report', zh: '信访事项办理情况审查报告' },
  asOf: { en: 'as of', zh: '截至' },
  read: { en: 'lines read', zh: '读取行数' },
  assessed: { en: 'cases assessed', zh: '已评估案件' },
  rejected: { en: 'lines rejected', zh: '被拒绝的行' },
  byOrgan: { en: 'Duties by organ: met, late, overdue, running', zh: '各机关的办理时限：按期、逾期办结、逾期未办、办理中' },
  byMonth: { en: 'Duties by the month they fall due', zh: '按期限届满月份统计的办理时限' },
  findings: { en: 'Accountability findings by kind and organ', zh: '按类型和机关统计的责任追究事项' },
  noFindings: { en: 'No accountability findings.', zh: '没有责任追究事项。' },
  daysPastDue: { en: 'Organs with the most days past due (overdue now, or late when done)', zh: '超期日数最多的机关（逾期未办或逾期办结）' },
  noDaysPastDue: { en: 'No duty is past its due date.', zh: '没有超过期限的办理事项。' },
  days: { en: 'days past due', zh: '超期日数' },
  duties: { en: 'duties', zh: '事项数' },
  organ: { en: 'organ', zh: '机关' },
  month: { en: 'month due', zh: '届满月份' },
  finding: { en: 'finding', zh: '责任事项' },
  count: { en: 'count', zh: '数量' },
  organTable: { en: 'Every organ', zh: '全部机关' },
  cases: { en: 'Cases with an overdue duty or a finding', zh: '有逾期事项或责任追究事项的案件' },
  line: { en: 'line', zh: '行号' },
  caseId: { en: 'case', zh: '案件' },
  overdue: { en: 'overdue', zh: '逾期' },
  findingsCol: { en: 'findings', zh: '责任事项' },
  more: { en: (n: number) => `and ${n} more cases (the report shows the first 200 in input order)`, zh: (n: number) => `另有 ${n} 件（报告按输入顺序列出前200件）` },
  noCases: { en: 'No case has an overdue duty or a finding.', zh: '没有案件存在逾期事项或责任追究事项。' },
  timeline: { en: 'timeline', zh: '时间线' },
  method: {
    en: 'Each duty is an obligation of an organ with a due date (a petitioner’s window is not counted). "Late" is met after its due date; "overdue" is not met by the audit date; "running" is pending or due soon. Days past due add the days overdue and the days late.',
    zh: '每一项为机关负有的、有期限的办理义务（信访人的申请期间不计入）。“逾期办结”指在期限届满后履行；“逾期未办”指截至审查日仍未履行；“办理中”指尚在期限内。超期日数为逾期未办日数与逾期办结日数之和。',
  },
} as const;

/** Renders a Plot chart to SVG/HTML text without a browser (a DOM made by linkedom). */
function chart(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return (Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string }).outerHTML;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The audit as one self-contained HTML page (`audit --report FILE`): the totals; charts drawn with
 * Observable Plot — duties by organ and by month (met, late, overdue, running), findings by kind and
 * organ, the organs with the most days past due — a table of every organ; and the cases with an overdue
 * duty or a finding, each linked to its timeline further down the page. Charts are rendered to SVG when
 * the report is written, so the page has no script and loads nothing; the same data gives the same bytes.
 */
export function auditReport(data: ReportData, options: AuditReportOptions): string {
  const lang = options.lang ?? 'en';
  const t = (k: Exclude<keyof typeof w, 'more'>) => w[k][lang];
  const organName = (key: string) => data.organNames.get(key)?.[lang] ?? key;
  const standingLabel = (s: ReportStanding) => (s === 'pending' ? (lang === 'zh' ? '办理中' : 'running') : label('status', s, lang));
  const colour = { domain: STANDINGS.map(standingLabel), range: STANDINGS.map((s) => standingColour[s]), legend: true };

  const organs = [...data.byOrgan].map(([key, v]) => ({ key, name: organName(key), ...v, total: STANDINGS.reduce((n, s) => n + v.standings[s], 0) }));
  organs.sort((a, b) => b.standings.overdue - a.standings.overdue || b.total - a.total || byText(a.key, b.key));
  const top = organs.slice(0, TOP_ORGANS);
  const sections: string[] = [];

  if (organs.length > 0) {
    const rows = top.flatMap((o) => STANDINGS.map((s) => ({ organ: o.name, standing: standingLabel(s), n: o.standings[s] })));
    sections.push(
      `<h2>${escapeXml(t('byOrgan'))}</h2>`,
      chart({
        width: 1000,
        marginLeft: 330,
        height: 40 + top.length * 26,
        x: { label: t('duties'), grid: true },
        y: { label: null, domain: top.map((o) => o.name) },
        color: colour,
        marks: [Plot.barX(rows, { y: 'organ', x: 'n', fill: 'standing', order: colour.domain }), Plot.ruleX([0])],
      }),
    );
    const months = [...data.byMonth].sort((a, b) => byText(a[0], b[0]));
    const monthRows = months.flatMap(([month, v]) => STANDINGS.map((s) => ({ month, standing: standingLabel(s), n: v[s] })));
    sections.push(
      `<h2>${escapeXml(t('byMonth'))}</h2>`,
      chart({
        width: 1000,
        height: 320,
        marginBottom: 50,
        x: { label: t('month'), domain: months.map(([m]) => m), tickRotate: months.length > 12 ? -45 : 0 },
        y: { label: t('duties'), grid: true },
        color: colour,
        marks: [Plot.barY(monthRows, { x: 'month', y: 'n', fill: 'standing', order: colour.domain }), Plot.ruleY([0])],
      }),
    );
  }

  const findingRows = [...data.findings].flatMap(([id, byOrgan]) => [...byOrgan].map(([organ, n]) => ({ finding: label('finding', id, lang), organ: organName(organ), n })));
  findingRows.sort((a, b) => byText(a.finding, b.finding) || byText(a.organ, b.organ));
  sections.push(`<h2>${escapeXml(t('findings'))}</h2>`);
  if (findingRows.length === 0) sections.push(`<p>${escapeXml(t('noFindings'))}</p>`);
  else {
    const findingOrgans = [...new Set(findingRows.map((r) => r.organ))];
    const findingKinds = [...new Set(findingRows.map((r) => r.finding))];
    sections.push(
      chart({
        width: Math.max(520, 330 + findingKinds.length * 70),
        marginLeft: 330,
        marginBottom: 200,
        marginRight: 40,
        height: 220 + findingOrgans.length * 24,
        x: { label: null, domain: findingKinds, tickRotate: -40 },
        y: { label: null, domain: findingOrgans },
        // No colour ramp legend: Plot draws it on a canvas, which a DOM without a browser lacks; each cell is labelled with its count.
        color: { scheme: 'reds', label: t('count') },
        marks: [Plot.cell(findingRows, { x: 'finding', y: 'organ', fill: 'n' }), Plot.text(findingRows, { x: 'finding', y: 'organ', text: 'n', fill: 'black' })],
      }),
    );
  }

  const late = organs.filter((o) => o.daysPastDue > 0).sort((a, b) => b.daysPastDue - a.daysPastDue || byText(a.key, b.key)).slice(0, TOP_ORGANS);
  sections.push(`<h2>${escapeXml(t('daysPastDue'))}</h2>`);
  if (late.length === 0) sections.push(`<p>${escapeXml(t('noDaysPastDue'))}</p>`);
  else
    sections.push(
      chart({
        width: 1000,
        marginLeft: 330,
        height: 40 + late.length * 26,
        x: { label: t('days'), grid: true },
        y: { label: null, domain: late.map((o) => o.name) },
        marks: [Plot.barX(late, { y: 'name', x: 'daysPastDue', fill: statusColour.overdue }), Plot.text(late, { y: 'name', x: 'daysPastDue', text: (d: { daysPastDue: number }) => String(d.daysPastDue), dx: 4, textAnchor: 'start' }), Plot.ruleX([0])],
      }),
    );

  if (organs.length > 0) {
    sections.push(
      `<h2>${escapeXml(t('organTable'))}</h2>`,
      `<table><thead><tr><th>${escapeXml(t('organ'))}</th>${STANDINGS.map((s) => `<th>${escapeXml(standingLabel(s))}</th>`).join('')}<th>${escapeXml(t('days'))}</th></tr></thead><tbody>`,
      ...organs.map((o) => `<tr><td>${escapeXml(o.name)} <span class="id">${escapeXml(o.key)}</span></td>${STANDINGS.map((s) => `<td class="n">${o.standings[s]}</td>`).join('')}<td class="n">${o.daysPastDue}</td></tr>`),
      '</tbody></table>',
    );
  }

  sections.push(`<h2>${escapeXml(t('cases'))}</h2>`);
  if (data.cases.length === 0) sections.push(`<p>${escapeXml(t('noCases'))}</p>`);
  else {
    sections.push(
      `<table><thead><tr><th>${escapeXml(t('line'))}</th><th>${escapeXml(t('caseId'))}</th><th>${escapeXml(t('overdue'))}</th><th>${escapeXml(t('findingsCol'))}</th></tr></thead><tbody>`,
      ...data.cases.map((c) => `<tr><td class="n">${c.line}</td><td><a href="#case-line-${c.line}">${escapeXml(c.caseId)}</a></td><td class="n">${c.overdue}</td><td class="n">${c.findings}</td></tr>`),
      '</tbody></table>',
    );
    if (data.moreCases > 0) sections.push(`<p>${escapeXml(w.more[lang](data.moreCases))}</p>`);
    for (const c of data.cases) sections.push(`<section class="case" id="case-line-${c.line}"><h3>${escapeXml(`${t('caseId')} ${c.caseId} (${t('line')} ${c.line})`)}</h3><div class="timeline">${c.timeline}</div></section>`);
  }

  const { read, assessed, rejected } = options.totals;
  const heading = `${t('title')} (${t('asOf')} ${options.asOf})`;
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeXml(heading)}</title>`,
    '<style>body{margin:1.5rem auto;max-width:1000px;padding:0 1rem;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937}',
    'h2{margin-top:2.2rem;font-size:1.15rem}table{border-collapse:collapse;margin:.5rem 0;font-size:13px}th,td{border-bottom:1px solid #e5e7eb;padding:.3rem .6rem;text-align:left}',
    'td.n{text-align:right;font-variant-numeric:tabular-nums}.id{color:#6b7280;font-size:11px}.totals td{font-size:1.1rem}',
    'figure,svg{max-width:none}.chart{overflow-x:auto}.timeline{overflow-x:auto;border:1px solid #e5e7eb;border-radius:6px;margin-bottom:1rem}figure{margin:0}p.method{color:#4b5563;font-size:13px}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeXml(heading)}</h1>`,
    `<table class="totals"><tbody><tr><th>${escapeXml(t('read'))}</th><td class="n">${read}</td></tr><tr><th>${escapeXml(t('assessed'))}</th><td class="n">${assessed}</td></tr><tr><th>${escapeXml(t('rejected'))}</th><td class="n">${rejected}</td></tr></tbody></table>`,
    `<p class="method">${escapeXml(t('method'))}</p>`,
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
