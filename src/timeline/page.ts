import type { Assessment } from '../assessment/types.js';
import { explain } from '../explain/explain.js';
import { escapeXml } from './svg.js';
import { timeline, type TimelineOptions } from './timeline.js';

/**
 * One self-contained HTML page for a case: the timeline picture above the explained assessment (the
 * text `explain` prints). No script, no style sheet or font from the network; the same bytes for the
 * same assessment and options.
 */
export function timelinePage(assessment: Assessment, options: TimelineOptions = {}): string {
  const lang = options.lang ?? 'en';
  const heading = lang === 'zh' ? `案件 ${assessment.caseId}` : `Case ${assessment.caseId}`;
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeXml(heading)}</title>`,
    '<style>body{margin:1.5rem;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937}',
    '.timeline{overflow-x:auto;border:1px solid #e5e7eb;border-radius:6px}',
    'pre{white-space:pre-wrap;font-family:ui-monospace,"Noto Sans Mono CJK SC","Noto Sans CJK SC",monospace;font-size:13px;line-height:1.45;background:#f9fafb;padding:1rem;border-radius:6px}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeXml(heading)}</h1>`,
    `<div class="timeline">${timeline(assessment, options)}</div>`,
    `<pre>${escapeXml(explain(assessment, { lang }))}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
