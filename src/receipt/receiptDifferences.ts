import type { Bilingual } from '../case/validateCase.js';
import type { Receipt } from './schema.js';

/** One way in which what an assessment is made with now differs from what its receipt recorded. */
export interface ReceiptDifference {
  readonly what: 'library' | 'format' | 'asOf' | 'jurisdiction' | 'input' | 'directory' | 'pack' | 'policy' | 'calendar' | 'operators' | 'answer';
  /** The pack id or policy option concerned, where there is one. */
  readonly id?: string;
  readonly recorded?: unknown;
  readonly now?: unknown;
  readonly message: Bilingual;
}

const show = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
const PART_NAMES: Record<'manifest' | 'parameters' | 'rules', Bilingual> = {
  manifest: { en: 'manifest (pack.json)', zh: '清单（pack.json）' },
  parameters: { en: 'parameters (time limits)', zh: '参数（期限）' },
  rules: { en: 'rules', zh: '规则' },
};

function packDifferences(recorded: Receipt['packs'], now: Receipt['packs']): ReceiptDifference[] {
  const out: ReceiptDifference[] = [];
  const nowById = new Map(now.map((p) => [p.id, p]));
  const thenIds = new Set(recorded.map((p) => p.id));
  for (const then of recorded) {
    const p = nowById.get(then.id);
    if (!p) {
      out.push({ what: 'pack', id: then.id, recorded: then.hash, message: { en: `pack ${then.id} was applied then and is not now`, zh: `规则包 ${then.id} 当时适用，现在不适用` } });
      continue;
    }
    if (p.hash === then.hash) continue;
    const parts = (['manifest', 'parameters', 'rules'] as const).filter((k) => p[k] !== then[k]);
    for (const part of parts) {
      out.push({
        what: 'pack',
        id: then.id,
        recorded: then[part],
        now: p[part],
        message: { en: `pack ${then.id}: its ${PART_NAMES[part].en} differ (${then[part]} then, ${p[part]} now)`, zh: `规则包 ${then.id}：${PART_NAMES[part].zh}不同（当时 ${then[part]}，现在 ${p[part]}）` },
      });
    }
  }
  for (const p of now) {
    if (!thenIds.has(p.id)) out.push({ what: 'pack', id: p.id, now: p.hash, message: { en: `pack ${p.id} is applied now and was not then`, zh: `规则包 ${p.id} 现在适用，当时不适用` } });
  }
  return out;
}

function policyDifferences(recorded: Receipt['policy'], now: Receipt['policy']): ReceiptDifference[] {
  const ids = [...new Set([...Object.keys(recorded), ...Object.keys(now)])];
  return ids
    .filter((id) => recorded[id] !== now[id])
    .map((id) => ({
      what: 'policy' as const,
      id,
      recorded: recorded[id],
      now: now[id],
      message: { en: `policy ${id}: ${show(recorded[id])} then, ${show(now[id])} now`, zh: `政策选项 ${id}：当时 ${show(recorded[id])}，现在 ${show(now[id])}` },
    }));
}

function calendarDifferences(recorded: Receipt['calendar'], now: Receipt['calendar']): ReceiptDifference[] {
  const out: ReceiptDifference[] = [];
  const d = (en: string, zh: string, a: unknown, b: unknown) => out.push({ what: 'calendar', recorded: a, now: b, message: { en, zh } });
  if (recorded.id !== now.id) d(`calendar: ${recorded.id} then, ${now.id} now`, `日历：当时 ${recorded.id}，现在 ${now.id}`, recorded.id, now.id);
  if (recorded.hash !== now.hash)
    d(`calendar data differ (${show(recorded.hash)} then, ${show(now.hash)} now)`, `日历数据不同（当时 ${show(recorded.hash)}，现在 ${show(now.hash)}）`, recorded.hash, now.hash);
  if (recorded.coverage.from !== now.coverage.from || recorded.coverage.to !== now.coverage.to)
    d(
      `calendar notices cover ${recorded.coverage.from}–${recorded.coverage.to} then, ${now.coverage.from}–${now.coverage.to} now`,
      `日历通知覆盖年份：当时 ${recorded.coverage.from}–${recorded.coverage.to}，现在 ${now.coverage.from}–${now.coverage.to}`,
      recorded.coverage,
      now.coverage,
    );
  if (recorded.projected.join() !== now.projected.join())
    d(
      `years projected for want of a notice: ${recorded.projected.join(', ') || 'none'} then, ${now.projected.join(', ') || 'none'} now`,
      `因无通知而推算的年份：当时 ${recorded.projected.join('、') || '无'}，现在 ${now.projected.join('、') || '无'}`,
      recorded.projected,
      now.projected,
    );
  return out;
}

/**
 * Everything in which a receipt made now differs from a recorded one, in a fixed order: the library,
 * the evaluation date, the jurisdiction, the input, the directory, each pack (by part: manifest,
 * parameters, rules), each policy option, the calendar, the operators, and last the answer. Empty when
 * the two receipts are the same.
 */
export function receiptDifferences(recorded: Receipt, now: Receipt): ReceiptDifference[] {
  const out: ReceiptDifference[] = [];
  const simple = (what: ReceiptDifference['what'], a: unknown, b: unknown, en: string, zh: string) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ what, recorded: a, now: b, message: { en: `${en}: ${show(a)} then, ${show(b)} now`, zh: `${zh}：当时 ${show(a)}，现在 ${show(b)}` } });
  };
  simple('format', recorded.format, now.format, 'receipt format', '凭据格式');
  simple('library', `${recorded.library.name} ${recorded.library.version}`, `${now.library.name} ${now.library.version}`, 'library', '程序库');
  simple('asOf', recorded.asOf, now.asOf, 'evaluation date (asOf)', '评估日期（asOf）');
  simple('jurisdiction', recorded.jurisdiction, now.jurisdiction, 'jurisdiction', '辖区');
  simple('input', recorded.input, now.input, 'input case (another case, or the case was changed)', '输入案件（另一案件，或案件已被修改）');
  simple('directory', recorded.directory, now.directory, 'organ directory', '机关名录');
  out.push(...packDifferences(recorded.packs, now.packs));
  out.push(...policyDifferences(recorded.policy, now.policy));
  out.push(...calendarDifferences(recorded.calendar, now.calendar));
  simple('operators', recorded.operators, now.operators, 'extra operators', '自定义运算符');
  simple('answer', recorded.answer, now.answer, 'answer', '评估结果');
  return out;
}
