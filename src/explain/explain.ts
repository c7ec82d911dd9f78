import type { Assessment, Grounds, Obligation, OrganRef } from '../assessment/types.js';
import { eventName } from '../time/eventNames.js';
import { term as builtinTerm, type Term, type VocabularyKind } from './vocabulary.js';

/**
 * Renders an assessment as a report a person can read: who is responsible, what is due when (with
 * status and how the date was computed), what is late, what must be escalated, who is accountable,
 * what the petitioner is told, and which packs, parameters and policy choices were applied — every
 * line with the provisions it rests on.
 *
 * The report is plain text, the same for the same assessment on any machine (no clock, no locale
 * formatting). Lists are rendered generically: an id the vocabulary does not know is printed as the id,
 * and item fields this renderer does not know are printed as `field: value`, so outcomes added by new
 * rules always show.
 */

export interface ExplainOptions {
  /** Report language: English (default) or Chinese, using the legal terms of the instruments. */
  readonly lang?: 'en' | 'zh';
  /** Append the rules that fired, stage by stage, with their dependencies and interpretations. */
  readonly trace?: boolean;
  /**
   * Labels for ids the built-in vocabulary does not know (or to reword one), e.g. the obligations a
   * local pack adds: `{ obligation: { 'decide-review-acceptance': { en: '…', zh: '…' } } }`.
   */
  readonly labels?: Partial<Record<VocabularyKind, Readonly<Record<string, Term>>>>;
}

/** The caller's labels while one explain() call runs (it is synchronous, so calls never interleave). */
let extraLabels: ExplainOptions['labels'];

function term(kind: VocabularyKind, id: string): Term | undefined {
  const own = extraLabels?.[kind];
  return own && Object.hasOwn(own, id) ? own[id] : builtinTerm(kind, id);
}

function label(kind: VocabularyKind, id: string, lang: Lang): string {
  return term(kind, id)?.[lang] ?? id;
}

type Lang = 'en' | 'zh';
type Item = Grounds & Record<string, unknown>;

const words = {
  title: { en: 'Petition case', zh: '信访事项' },
  asOf: { en: 'assessed as of', zh: '评估日' },
  received: { en: 'received', zh: '收到日期' },
  responsible: { en: 'Who is responsible', zh: '责任主体（属地管理、分级负责；谁主管、谁负责）' },
  due: { en: 'What is due, and when', zh: '办理时限' },
  late: { en: 'What is late', zh: '逾期事项' },
  escalations: { en: 'What must be escalated', zh: '督办、报告与升级处理' },
  actions: { en: 'Follow-up actions', zh: '后续措施（三到位一处理）' },
  findings: { en: 'Who is accountable', zh: '责任追究' },
  guidance: { en: 'What the petitioner is told', zh: '对信访人的引导' },
  applied: { en: 'Packs, parameters and policy applied', zh: '适用的规则包、参数和政策选项' },
  trace: { en: 'Rules that fired', zh: '触发的规则' },
  none: { en: 'none', zh: '无' },
  nothingLate: { en: 'nothing is late', zh: '无逾期事项' },
  basis: { en: 'basis', zh: '依据' },
  due_on: { en: 'due', zh: '期限至' },
  noDueDate: { en: 'no due date', zh: '无确定期限' },
  daysLeft: { en: 'days left', zh: '剩余日数' },
  daysOverdue: { en: 'days overdue', zh: '已逾期日数' },
  daysLate: { en: 'days late', zh: '逾期日数' },
  parameter: { en: 'parameter', zh: '参数' },
  done: { en: 'done', zh: '完成于' },
  how: { en: 'how', zh: '计算' },
  from: { en: 'from', zh: '自' },
  notStarted: { en: 'not started yet', zh: '尚未起算' },
  to: { en: 'to', zh: '报送' },
  against: { en: 'against', zh: '对象' },
  accountable: { en: 'accountable', zh: '责任人' },
  consequences: { en: 'consequences', zh: '处理' },
  consequenceWords: { en: "in the article's words", zh: '条文规定' },
  decidedBy: { en: 'decided by', zh: '决定机关' },
  packs: { en: 'Packs', zh: '规则包' },
  parameters: { en: 'Parameters', zh: '参数' },
  policy: { en: 'Policy (choices the law does not make)', zh: '政策选项（法律未作规定的选择）' },
  inForceFrom: { en: 'in force from', zh: '自' },
  isDefault: { en: 'default', zh: '默认值' },
  overridden: { en: 'set by the caller', zh: '调用方设定' },
  policyUsed: { en: 'policy', zh: '政策选项' },
  interpretation: { en: 'interpretation', zh: '解释' },
  stage: { en: 'stage', zh: '阶段' },
  dependsOn: { en: 'depends on', zh: '依赖' },
  yielded: { en: 'yielded', zh: '产出' },
  calendarDays: { en: 'calendar days', zh: '日' },
  workingDays: { en: 'working days', zh: '个工作日' },
  setByAssigner: { en: 'deadline set by the assigner', zh: '交办机关确定的期限' },
  noDayCount: { en: 'no day count in the law', zh: '法律未规定天数' },
  promptly: { en: 'promptly (policy', zh: '及时（政策选项' },
  daysAllowed: { en: 'days allowed', zh: '允许日数' },
  promptlyParam: { en: 'immediately / promptly (no day count; policy', zh: '立即/及时（无天数；政策选项' },
  provisional: { en: 'provisional: rests on a projected calendar year', zh: '暂定：依推算的日历年份' },
} as const satisfies Record<string, Record<Lang, string>>;

const w = (key: keyof typeof words, lang: Lang) => words[key][lang];
const sep = (lang: Lang) => (lang === 'zh' ? '；' : '; ');
const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
const listJoin = (lang: Lang) => (lang === 'zh' ? '、' : ', ');
const comma = (lang: Lang) => (lang === 'zh' ? '，' : ', ');
const paren = (text: string, lang: Lang) => (lang === 'zh' ? `（${text}）` : ` (${text})`);

function organ(o: OrganRef | undefined, lang: Lang): string {
  if (!o) return '';
  const name = lang === 'zh' ? o.nameZh : o.name;
  return o.id === null ? name : `${name} [${o.id}]`;
}

function isOrganRef(v: unknown): v is OrganRef {
  return v !== null && typeof v === 'object' && 'name' in v && 'nameZh' in v && 'id' in v;
}

/** " · basis: a, b" — every line carries its provisions. */
function basis(item: { basis: readonly string[] }, lang: Lang): string {
  return item.basis.length > 0 ? ` · ${w('basis', lang)}${colon(lang)}${item.basis.join(', ')}` : '';
}

function named(kind: VocabularyKind, id: string, lang: Lang): string {
  const t = term(kind, id);
  if (!t) return id;
  return lang === 'zh' ? t.zh : `${t.en} (${t.zh})`;
}

function principle(kind: VocabularyKind, id: string, lang: Lang): string {
  const p = term(kind, id)?.principle;
  if (!p) return '';
  return lang === 'zh' ? `（${p.zh}）` : ` — ${p.en} (${p.zh})`;
}

function scalar(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A parameter value: a period in words (`N calendar days`, `N日`), anything else as JSON. */
function parameterValue(v: unknown, lang: Lang): string {
  const p = v as { days?: unknown; unit?: unknown; kind?: unknown; policy?: unknown } | null;
  if (p && typeof p === 'object' && typeof p.days === 'number' && (p.unit === 'calendar' || p.unit === 'working')) {
    const unit = p.unit === 'working' ? w('workingDays', lang) : w('calendarDays', lang);
    return lang === 'zh' ? `${p.days}${unit}` : `${p.days} ${unit}`;
  }
  if (p && typeof p === 'object' && p.kind === 'promptly') return `${w('promptlyParam', lang)} ${typeof p.policy === 'string' ? p.policy : 'promptlyDays'}${lang === 'zh' ? '）' : ')'}`;
  if (p && typeof p === 'object' && p.kind === 'no-day-count') return w('noDayCount', lang);
  if (p && typeof p === 'object' && p.kind === 'set-by-assigner') return w('setByAssigner', lang);
  return scalar(v);
}

/** A field value in words: yes/no for a flag, the text for a string, JSON otherwise. */
function fieldValue(v: unknown, lang: Lang): string {
  return typeof v === 'boolean' ? label('field', v ? 'yes' : 'no', lang) : scalar(v);
}

const KNOWN_FIELDS = new Set([
  'id', 'role', 'organ', 'recipients', 'basis', 'rules', 'facts', 'accountable', 'consequences', 'consequenceWords', 'decidedBy',
  'start', 'period', 'dueOn', 'status', 'metOn', 'daysLate', 'daysOverdue', 'daysLeft', 'computation',
  // Told in words by an obligation's computation steps:
  'parameter', 'window', 'rolledOverFrom', 'originalDueOn', 'extensions', 'pausedDays', 'provisional', 'calendarProblem',
]);

/**
 * Sub-lines every item gets: a finding's consequences in the words of its article, fields this
 * renderer does not know (`field: value`), the policy options its rules read (labelled as policy, not
 * law), and the interpretation of any rule that produced it.
 */
function details(item: Item, lang: Lang, ctx: Context): string[] {
  const out: string[] = [];
  const words = item.consequenceWords as Readonly<Record<string, { en: string; zh: string }>> | undefined;
  const quoted = words && typeof words === 'object' ? Object.values(words).map((t) => t[lang]) : [];
  if (quoted.length > 0) out.push(`${w('consequenceWords', lang)}${colon(lang)}${quoted.join(lang === 'zh' ? '；' : '; ')}`);
  for (const [key, value] of Object.entries(item)) {
    if (KNOWN_FIELDS.has(key) || value === undefined) continue;
    const name = `${label('field', key, lang)}${colon(lang)}`;
    if (isOrganRef(value)) out.push(`${name}${organ(value, lang)}`);
    else if (Array.isArray(value) && value.length > 0 && value.every(isOrganRef)) out.push(`${name}${value.map((o) => organ(o, lang)).join(listJoin(lang))}`);
    else if (value !== null && typeof value === 'object' && 'en' in value && 'zh' in value) out.push(`${name}${String((value as Record<Lang, unknown>)[lang])}`);
    else out.push(`${name}${fieldValue(value, lang)}`);
  }
  const policyFacts = Object.entries(item.facts ?? {}).filter(([k]) => k.startsWith('policy.'));
  if (policyFacts.length > 0) {
    const parts = policyFacts.map(([k, v]) => {
      const id = k.slice('policy.'.length);
      const status = ctx.policyStatus.get(id);
      return `${label('policy', id, lang)} = ${scalar(v)}${status ? paren(label('policyStatus', status, lang), lang) : ''}`;
    });
    out.push(`${w('policyUsed', lang)}${colon(lang)}${parts.join(sep(lang))}`);
  }
  for (const rule of item.rules ?? []) {
    const interpretation = ctx.interpretations.get(rule);
    if (interpretation) out.push(`${w('interpretation', lang)}${paren(rule, lang)}${colon(lang)}${interpretation[lang]}`);
  }
  return out;
}

interface Context {
  readonly policyStatus: ReadonlyMap<string, string>;
  readonly interpretations: ReadonlyMap<string, { en: string; zh: string }>;
}

function period(o: Obligation, lang: Lang): string {
  const p = o.period;
  switch (p.kind) {
    case 'days':
      return lang === 'zh' ? `${p.days}${p.unit === 'working' ? w('workingDays', lang) : w('calendarDays', lang)}` : `${p.days} ${p.unit === 'working' ? w('workingDays', lang) : w('calendarDays', lang)}`;
    case 'set-by-assigner':
      return w('setByAssigner', lang);
    case 'no-day-count':
      return w('noDayCount', lang);
    case 'promptly':
      return `${w('promptly', lang)} ${p.policy ?? 'promptlyDays'}${colon(lang)}${w('daysAllowed', lang)} ${p.days}${lang === 'zh' ? '）' : ')'}`;
    default:
      return scalar(p);
  }
}

function obligationLine(o: Obligation, lang: Lang): string {
  const parts: string[] = [];
  parts.push(o.dueOn ? `${w('due_on', lang)} ${o.dueOn}` : w('noDueDate', lang));
  parts.push(label('status', o.status, lang));
  if (o.metOn) parts.push(`${w('done', lang)} ${o.metOn}`);
  if (o.daysLeft !== undefined) parts.push(`${w('daysLeft', lang)} ${o.daysLeft}`);
  if (o.daysOverdue !== undefined) parts.push(`${w('daysOverdue', lang)} ${o.daysOverdue}`);
  if (o.daysLate !== undefined) parts.push(`${w('daysLate', lang)} ${o.daysLate}`);
  if (o.provisional) parts.push(`${w('provisional', lang)} ${o.provisional.years.join(listJoin(lang))}`);
  return `${named('obligation', o.id, lang)} — ${organ(o.organ, lang)}${colon(lang)}${parts.join(sep(lang))}${basis(o, lang)}`;
}

function obligationHow(o: Obligation, lang: Lang): string[] {
  const start = o.start
    ? `${w('from', lang)}${lang === 'zh' ? '' : ' '}${eventName(o.start.event)[lang]} ${o.start.on}`
    : w('notStarted', lang);
  const param = o.parameter ? paren(`${w('parameter', lang)} ${o.parameter}`, lang) : '';
  const lines = [`${w('how', lang)}${colon(lang)}${period(o, lang)}${param}${sep(lang)}${start}`];
  for (const step of o.computation ?? []) lines.push(`  ${step[lang]}`);
  return lines;
}

function section(title: string, lines: string[], empty: string): string[] {
  return [title, ...(lines.length > 0 ? lines : [`  ${empty}`]), ''];
}

const bullet = (text: string) => `  - ${text}`;
const sub = (text: string) => `      ${text}`;

/**
 * Renders an assessment as a readable report in English or Chinese. Deterministic: the same assessment
 * and options always give the same text.
 */
export function explain(assessment: Assessment, options: ExplainOptions = {}): string {
  extraLabels = options.labels;
  try {
    return render(assessment, options);
  } finally {
    extraLabels = undefined;
  }
}

function render(assessment: Assessment, options: ExplainOptions): string {
  const lang: Lang = options.lang ?? 'en';
  const a = assessment;
  const ctx: Context = {
    policyStatus: new Map(a.policy.map((p) => [p.id, p.status])),
    interpretations: new Map(a.trace.filter((t) => t.interpretation).map((t) => [t.rule, t.interpretation!])),
  };
  const out: string[] = [];
  out.push(`${w('title', lang)} ${a.caseId} — ${w('asOf', lang)} ${a.asOf}${paren(`${w('received', lang)} ${a.receivedOn}`, lang)}`, '');

  const itemLines = (items: readonly Item[], head: (item: Item) => string) =>
    items.flatMap((item) => [bullet(`${head(item)}${basis(item, lang)}`), ...details(item, lang, ctx).map(sub)]);

  // Responsibilities of one role resting on the same grounds read as one line naming every organ.
  const groups = new Map<string, { head: string; organs: string[]; item: Item; details: string[] }>();
  for (const r of a.responsibilities as unknown as Item[]) {
    const more = details(r, lang, ctx);
    const key = JSON.stringify([r.role, r.basis, more]);
    const group = groups.get(key);
    if (group) group.organs.push(organ(r.organ as OrganRef, lang));
    else groups.set(key, { head: `${named('role', String(r.role), lang)}${principle('role', String(r.role), lang)}`, organs: [organ(r.organ as OrganRef, lang)], item: r, details: more });
  }
  out.push(
    ...section(
      w('responsible', lang),
      [...groups.values()].flatMap((g) => [bullet(`${g.head}${colon(lang)}${g.organs.join(listJoin(lang))}${basis(g.item, lang)}`), ...g.details.map(sub)]),
      w('none', lang),
    ),
  );

  const obligations = a.obligations as readonly Obligation[];
  out.push(
    ...section(
      w('due', lang),
      obligations.flatMap((o) => [bullet(obligationLine(o, lang)), ...obligationHow(o, lang).map(sub), ...details(o as unknown as Item, lang, ctx).map(sub)]),
      w('none', lang),
    ),
  );

  const late = obligations.filter((o) => o.status === 'overdue' || o.status === 'met-late');
  out.push(...section(w('late', lang), late.map((o) => bullet(obligationLine(o, lang))), w('nothingLate', lang)));

  out.push(
    ...section(
      w('escalations', lang),
      itemLines(a.escalations as unknown as Item[], (e) => {
        const parts = [named('escalation', String(e.id), lang)];
        const recipients = e.recipients as OrganRef[] | undefined;
        if (recipients && recipients.length > 0) parts.push(`${w('to', lang)} ${recipients.map((r) => organ(r, lang)).join(listJoin(lang))}`);
        return `${parts.join(sep(lang))}${e.organ ? `${colon(lang)}${organ(e.organ as OrganRef, lang)}` : ''}`;
      }),
      w('none', lang),
    ),
  );

  out.push(
    ...section(
      w('actions', lang),
      itemLines(a.actions as unknown as Item[], (x) => `${named('action', String(x.id), lang)}${x.organ ? `${colon(lang)}${organ(x.organ as OrganRef, lang)}` : ''}`),
      w('none', lang),
    ),
  );

  out.push(
    ...section(
      w('findings', lang),
      itemLines(a.findings as unknown as Item[], (f) => {
        const parts = [named('finding', String(f.id), lang)];
        if (f.organ) parts.push(`${w('against', lang)} ${organ(f.organ as OrganRef, lang)}`);
        const people = (f.accountable as Array<{ role: string; organ: OrganRef }> | undefined) ?? [];
        if (people.length > 0) {
          parts.push(`${w('accountable', lang)}${colon(lang)}${people.map((p) => `${label('accountable', p.role, lang)}${paren(organ(p.organ, lang), lang)}`).join(listJoin(lang))}`);
        }
        const consequences = (f.consequences as string[] | undefined) ?? [];
        if (consequences.length > 0) parts.push(`${w('consequences', lang)}${colon(lang)}${consequences.map((c) => label('consequence', c, lang)).join(listJoin(lang))}`);
        if (f.decidedBy) parts.push(`${w('decidedBy', lang)} ${organ(f.decidedBy as OrganRef, lang)}`);
        return parts.join(sep(lang));
      }),
      w('none', lang),
    ),
  );

  out.push(
    ...section(
      w('guidance', lang),
      itemLines(a.guidance as unknown as Item[], (g) => `${named('guidance', String(g.id), lang)}${principle('guidance', String(g.id), lang)}${g.organ ? `${colon(lang)}${organ(g.organ as OrganRef, lang)}` : ''}`),
      w('none', lang),
    ),
  );

  out.push(w('applied', lang));
  out.push(`  ${w('packs', lang)}${colon(lang).trimEnd()}`);
  for (const p of a.packs) out.push(bullet(`${p.id}${paren(label('packRole', p.role, lang), lang)} — ${p.title[lang]}`));
  out.push(`  ${w('parameters', lang)}${colon(lang).trimEnd()}`);
  if (a.parameters.length === 0) out.push(bullet(w('none', lang)));
  for (const p of a.parameters) {
    out.push(bullet(`${p.id} = ${parameterValue(p.value, lang)} — ${p.pack}${comma(lang)}${w('inForceFrom', lang)} ${p.from}${basis({ basis: p.source }, lang)}`));
  }
  out.push(`  ${w('policy', lang)}${colon(lang).trimEnd()}`);
  for (const p of a.policy) {
    out.push(bullet(`${p.id} = ${scalar(p.value)} — ${label('policy', p.id, lang)}${sep(lang)}${label('policyStatus', p.status, lang)}${comma(lang)}${p.isDefault ? w('isDefault', lang) : w('overridden', lang)}`));
  }
  out.push('');

  if (options.trace) {
    out.push(w('trace', lang));
    for (const t of a.trace) {
      out.push(bullet(`[${w('stage', lang)} ${t.stage}] ${t.rule} — ${t.title[lang]}${basis({ basis: t.citations }, lang)}`));
      if (t.dependsOn.length > 0) out.push(sub(`${w('dependsOn', lang)}${colon(lang)}${t.dependsOn.join(', ')}`));
      if (t.yielded.length > 0) out.push(sub(`${w('yielded', lang)}${colon(lang)}${t.yielded.join(', ')}`));
      if (t.interpretation) out.push(sub(`${w('interpretation', lang)}${colon(lang)}${t.interpretation[lang]}`));
    }
    if (a.trace.length === 0) out.push(bullet(w('none', lang)));
    out.push('');
  }

  return `${out.join('\n').trimEnd()}\n`;
}
