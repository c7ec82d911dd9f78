import type { Assessment, AppliedPolicy, TraceEntry } from '../assessment/types.js';
import type { Calendar } from '../calendar/types.js';
import type { Organ } from '../case/organ.js';
import { validateCase, type Bilingual, type Lang } from '../case/validateCase.js';
import type { FiredRule } from '../engine/runner.js';
import type { StagedRule } from '../engine/ruleset.js';
import { CaseValidationError } from '../errors/CaseValidationError.js';
import { computeFacts } from '../facts/caseFacts.js';
import type { Policy } from '../policy/policy.js';
import { caseChecks } from './caseChecks.js';
import type { CaseContext } from './context.js';
import type { Law } from './lawInForce.js';
import { materialisers } from '../outcomes/registry.js';
import { AssessmentBuilder, factsSeen, union } from './outcomes.js';
import { buildReceipt, type ReceiptSetting } from '../receipt/receipt.js';
import { recordingCalendar } from '../receipt/recordingCalendar.js';

/** One stage's evaluation request: the stage's applicable rules and the facts they read. */
export interface Stage {
  readonly rules: readonly StagedRule[];
  readonly facts: Readonly<Record<string, unknown>>;
  /** Whether the fired rules' conditions are wanted as evaluated (for the trace). */
  readonly trace: boolean;
}

export interface AssessOptions {
  /** The evaluation date: statuses are judged as of this China calendar date. The clock is never read. */
  readonly asOf: string;
  /** Language of validation messages. */
  readonly lang?: Lang;
  /**
   * Whether the assessment carries a `receipt` (what it was made with, hashed, so that it can be
   * reproduced: see `petition-rules verify`). Left out, the evaluator's `receipt` option decides.
   */
  readonly receipt?: boolean;
  /**
   * Whether the assessment carries its `trace` (every rule that fired, with each condition as it was
   * evaluated). Default true; only `false` leaves it out. With false, `trace` is an empty list and
   * everything else is the same, byte for byte (the items' `facts` still show what the conditions
   * read). The compiled evaluator then builds no condition trees, and the assessment's JSON is about
   * half as long, so writing it out costs far less.
   */
  readonly trace?: boolean;
}

/** What every assessment of one evaluator shares: the directory, the law by receipt date, the policy and the calendar. */
export interface AssessmentSetting {
  readonly directory: ReadonlyMap<string, Organ>;
  readonly lawOn: (receivedOn: string) => Law | { problem: Bilingual };
  readonly policy: Policy;
  readonly appliedPolicy: readonly AppliedPolicy[];
  readonly calendar: Calendar;
  /** What receipts record of the evaluator (jurisdiction, directory, operators), and whether they are on by default. */
  readonly receipt?: ReceiptSetting;
}

/**
 * The assessment of one case, as a generator that yields each stage's rules and facts and receives the
 * rules that fired: one pipeline (case → facts → rules → outcomes), driven synchronously for the
 * compiled runner and asynchronously for json-rules-engine. Invalid input throws a CaseValidationError
 * before any rule runs, so there is never a partial answer.
 */
export function* assess(setting: AssessmentSetting, input: unknown, { asOf, lang = 'en', receipt, trace: traceOption }: AssessOptions): Generator<Stage, Assessment, FiredRule[]> {
  // Only an explicit false leaves the trace out.
  const traced = traceOption !== false;
  const receivedOnCheck = (date: string) => {
    const law = setting.lawOn(date);
    return 'problem' in law ? law.problem : undefined;
  };
  const reach = Math.max(setting.calendar.coverage.to, setting.calendar.projectable?.to ?? -Infinity);
  const lastDate = Number.isInteger(reach) && reach >= 0 && reach <= 9999 ? `${String(reach).padStart(4, '0')}-12-31` : undefined;
  const { case: c, directory } = validateCase(input, { asOf, directory: setting.directory, lang, receivedOnCheck, ...(lastDate ? { lastDate } : {}) });
  const law = setting.lawOn(c.receivedOn);
  if ('problem' in law) throw new CaseValidationError([{ path: 'receivedOn', message: law.problem[lang] }], c.id);
  const { selection, applied, stages } = law;
  // With a receipt, the calendar notes the years it projected; without, it is the evaluator's own.
  const projected = (receipt ?? setting.receipt?.byDefault ?? false) ? new Set<number>() : undefined;
  const ctx: CaseContext = {
    case: c,
    directory,
    asOf,
    lang,
    procedure: selection.procedure.manifest.id,
    params: selection.params,
    parameters: selection.parameters,
    policy: setting.policy,
    calendar: projected ? recordingCalendar(setting.calendar, projected) : setting.calendar,
  };
  const problems = caseChecks(ctx);
  if (problems.length > 0) throw new CaseValidationError(problems.map((p) => ({ path: p.path, message: p.message[lang] })), c.id);

  const facts: Record<string, unknown> = computeFacts(ctx);
  const builder = new AssessmentBuilder();
  const trace: TraceEntry[] = [];
  for (let stage = 0; stage < stages.length; stage++) {
    facts.outcomes = builder.outcomesFact();
    const obligations: Record<string, unknown> = {};
    for (const o of builder.items('obligations')) obligations[String(o.id)] = o;
    facts.obligations = obligations;
    const fired = yield { rules: stages[stage]!, facts, trace: traced };
    for (const f of fired) {
      const entry = materialise(f, stage, ctx, facts, builder, traced);
      if (entry) trace.push(entry);
    }
  }

  const assessment: Assessment = {
    caseId: c.id,
    asOf,
    receivedOn: c.receivedOn,
    packs: applied.packs,
    parameters: applied.parameters,
    policy: setting.appliedPolicy,
    responsibilities: builder.items('responsibilities') as unknown as Assessment['responsibilities'],
    obligations: builder.items('obligations') as unknown as Assessment['obligations'],
    escalations: builder.items('escalations') as unknown as Assessment['escalations'],
    actions: builder.items('actions') as unknown as Assessment['actions'],
    findings: builder.items('findings') as unknown as Assessment['findings'],
    guidance: builder.items('guidance') as unknown as Assessment['guidance'],
    trace,
  };
  if (!projected) return assessment;
  const receiptSetting = setting.receipt ?? { byDefault: false, jurisdiction: undefined, directory: [], operators: [] };
  return {
    ...assessment,
    receipt: buildReceipt({ setting: receiptSetting, packs: selection.packs, policy: setting.appliedPolicy, calendar: setting.calendar, projected, asOf, input, assessment }),
  };
}

/** Adds what one fired rule yields to the assessment, and returns its trace entry when a trace is made. */
function materialise({ rule, conditions, seen }: FiredRule, stage: number, ctx: CaseContext, facts: Record<string, unknown>, builder: AssessmentBuilder, traced: boolean): TraceEntry | undefined {
  const grounds = { basis: rule.citations.slice(), rules: [rule.id], facts: seen ?? factsSeen(conditions!) };
  const yielded: string[] = [];
  for (const outcome of rule.outcomes) {
    const m = materialisers[outcome.kind]!;
    for (const item of m.materialise(outcome, ctx, grounds, facts)) {
      builder.add(m.list, item);
      if (traced) yielded.push(`${outcome.kind}:${String(item.item[m.idField])}`);
    }
  }
  if (!traced) return undefined;
  const entry: Record<string, unknown> = { rule: rule.id, pack: rule.pack, title: rule.title, citations: rule.citations, stage, dependsOn: rule.dependsOn ?? [] };
  if (rule.interpretation) entry.interpretation = rule.interpretation;
  entry.conditions = conditions;
  entry.yielded = union(yielded, []);
  return entry as unknown as TraceEntry;
}
