import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment, AppliedPack, AppliedParameter, AppliedPolicy, TraceEntry } from '../assessment/types.js';
import { createAssessmentStringifier } from '../assessment/stringify.js';
import { deepFreeze } from '../util/deepFreeze.js';
import { chinaCalendar } from '../calendar/chinaCalendar.js';
import type { Calendar, CalendarYearData } from '../calendar/types.js';
import { OrganDirectory, type Organ } from '../case/organ.js';
import { directoryProblems } from '../directory/directory.js';
import { validateCase, type Bilingual, type Lang } from '../case/validateCase.js';
import { CaseValidationError, formatPath } from '../errors/CaseValidationError.js';
import { RulePackError } from '../errors/RulePackError.js';
import { builtinOperators, checkOperators, type OperatorDefinition } from '../engine/operators.js';
import { CompiledRunner } from '../engine/compiledRunner.js';
import { JsonRulesEngineRunner } from '../engine/jsonRulesEngineRunner.js';
import { EVALUATOR_KINDS, type EvaluatorKind, type FiredRule } from '../engine/runner.js';
import { stageRules, type StagedRule } from '../engine/ruleset.js';
import { caseFacts, computeFacts } from '../facts/caseFacts.js';
import { parties } from '../parties/parties.js';
import { PolicyFileSchema, PolicySchema, type Policy } from '../policy/policy.js';
import { builtinRulesDir, loadBuiltinPacks, loadPacksFromDir, packFromData, type Pack, type PackData } from '../rules/loadPack.js';
import type { CaseContext } from './context.js';
import { AssessmentBuilder, factsSeen, materialisers, union } from './outcomes.js';
import { selectPacks, type PackSelection } from './selectPacks.js';
import { caseChecks } from './caseChecks.js';
import { addCalendarDays } from '../dates/isoDate.js';

export interface EvaluatorOptions {
  /** The organ directory: every organ a case may name (a case may add its own in `organs`). */
  readonly directory?: readonly Organ[];
  /** A jurisdiction id (e.g. `zhejiang`) whose local pack's parameters and rules apply. */
  readonly jurisdiction?: string;
  /** Extra packs: a folder path, or pack data. Their rules join the built-in ones. */
  readonly packs?: ReadonlyArray<string | PackData>;
  /** Leave out the built-in packs (for a fully custom rule set). */
  readonly builtinPacks?: boolean;
  /** Overrides of the policy defaults in `rules/policy.json`. */
  readonly policy?: Partial<Policy>;
  /** A working-day calendar; defaults to China's national calendar. */
  readonly calendar?: Calendar;
  /**
   * Years of State Council holiday notices published since this release, added to China's national
   * calendar (one object per year, in the form of `rules/calendar/cn/<year>.json`). Checked when the
   * evaluator is built: a year already covered, a make-up working day that is not a Saturday or Sunday,
   * a date given twice, is a `CalendarDataError` naming the field. Not with `calendar`.
   */
  readonly calendarYears?: readonly CalendarYearData[];
  /**
   * Extra condition operators: synchronous functions returning true or false, under plain names that
   * do not replace a built-in one. Both evaluators call them the same way.
   */
  readonly operators?: readonly OperatorDefinition[];
  /**
   * How rule conditions are evaluated: `json-rules-engine` (the default and the reference) or
   * `compiled`, the same JSON conditions compiled once into closures and evaluated synchronously —
   * the same assessments, trace included, many times faster, and {@link Evaluator.evaluateSync}.
   */
  readonly evaluator?: EvaluatorKind;
}

/** One stage's evaluation request: the stage's applicable rules and the facts they read. */
interface Stage {
  readonly rules: readonly StagedRule[];
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface EvaluateOptions {
  /** The evaluation date: statuses are judged as of this China calendar date. The clock is never read. */
  readonly asOf: string;
  /** Language of validation messages. */
  readonly lang?: Lang;
}

export interface Evaluator {
  /** Assesses one case. Invalid input throws a CaseValidationError listing every problem. */
  evaluate(input: unknown, options: EvaluateOptions): Promise<Assessment>;
  /**
   * Assesses one case synchronously: the compiled evaluator only (json-rules-engine is asynchronous,
   * and this throws a TypeError saying so). The same answer as {@link evaluate}.
   */
  evaluateSync(input: unknown, options: EvaluateOptions): Assessment;
  /** Which evaluator this is. */
  readonly kind: EvaluatorKind;
  /**
   * An assessment as JSON: exactly the bytes of `JSON.stringify(assessment)`, written faster by reusing
   * the JSON of the law's constant parts (for batch output such as `audit`).
   */
  stringify(assessment: Assessment): string;
  /** The packs this evaluator knows (built-in and extra). */
  readonly packs: readonly Pack[];
  /** Every rule, in evaluation order. */
  readonly rules: readonly StagedRule[];
  /** The policy in effect, each option with its status and whether it is the default. */
  readonly policy: readonly AppliedPolicy[];
}

function loadPolicy(overrides: Partial<Policy> | undefined): { policy: Policy; applied: AppliedPolicy[] } {
  const file = PolicyFileSchema.parse(JSON.parse(readFileSync(join(builtinRulesDir(), 'policy.json'), 'utf8')));
  const defaults = Object.fromEntries(Object.entries(file.options).map(([id, o]) => [id, o.default]));
  const unknown = Object.keys(overrides ?? {}).filter((k) => !(k in file.options));
  if (unknown.length > 0) throw new TypeError(`unknown policy option(s): ${unknown.join(', ')} (known: ${Object.keys(file.options).join(', ')})`);
  const merged = PolicySchema.safeParse({ ...defaults, ...overrides });
  if (!merged.success) {
    throw new TypeError(`invalid policy: ${merged.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`);
  }
  const applied = Object.entries(file.options).map(([id, o]) => ({
    id,
    value: merged.data[id as keyof Policy],
    status: o.status,
    isDefault: overrides?.[id as keyof Policy] === undefined,
  }));
  return { policy: merged.data, applied };
}

/** The packs of a folder given in `packs`; a folder with no `pack.json` in it or its subfolders is a mistake, not an empty set. */
function packsInFolder(dir: string): Pack[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RulePackError(dir, ['not a folder']);
  const found = loadPacksFromDir(dir);
  if (found.length === 0) throw new RulePackError(dir, ['no rule pack here: give a folder holding a pack.json, or a folder of such folders']);
  return found;
}

/**
 * Builds an evaluator: loads and checks the rule packs, the policy and the directory once, so that
 * evaluating a case does no I/O. Many `evaluate` calls may be in flight at once.
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  const directoryParse = OrganDirectory.safeParse(options.directory ?? []);
  if (!directoryParse.success) {
    throw new TypeError(`invalid organ directory: ${directoryParse.error.issues.map((i) => `directory${formatPath(i.path).replace(/^(?!\[)/, '.')}: ${i.message}`).join('; ')}`);
  }
  const directory = new Map<string, Organ>();
  for (const organ of directoryParse.data) {
    if (directory.has(organ.id)) throw new TypeError(`invalid organ directory: organ id "${organ.id}" appears twice`);
    directory.set(organ.id, organ);
  }
  const structure = directoryProblems(directoryParse.data);
  if (structure.length > 0) throw new TypeError(`invalid organ directory: ${structure.join('; ')}`);

  const packs: Pack[] = [
    ...(options.builtinPacks === false ? [] : loadBuiltinPacks()),
    ...(options.packs ?? []).flatMap((p, i) => (typeof p === 'string' ? packsInFolder(p) : [packFromData(p, `packs[${i}]`)])),
  ];
  const packIds = new Set<string>();
  for (const p of packs) {
    if (packIds.has(p.manifest.id)) throw new TypeError(`rule pack "${p.manifest.id}" is loaded twice (${p.source})`);
    packIds.add(p.manifest.id);
  }
  if (options.jurisdiction !== undefined && !packs.some((p) => p.manifest.role === 'jurisdiction' && p.manifest.jurisdiction === options.jurisdiction)) {
    const known = packs.filter((p) => p.manifest.role === 'jurisdiction').map((p) => p.manifest.jurisdiction);
    throw new TypeError(`no rule pack for jurisdiction "${options.jurisdiction}" (known: ${known.join(', ') || 'none'})`);
  }
  const kind = options.evaluator ?? 'json-rules-engine';
  if (!(EVALUATOR_KINDS as readonly string[]).includes(kind)) throw new TypeError(`unknown evaluator "${String(kind)}" (known: ${EVALUATOR_KINDS.join(', ')})`);
  checkOperators(options.operators ?? []);
  const operators = [...builtinOperators, ...(options.operators ?? [])];
  const rules = stageRules(packs, {
    facts: new Set(Object.keys(caseFacts)),
    parties: new Set(Object.keys(parties)),
    operators: new Set(operators.map((o) => o.name)),
    outcomeKinds: new Set(Object.keys(materialisers)),
  });
  const { policy, applied } = deepFreeze(loadPolicy(options.policy));
  if (options.calendar && options.calendarYears) throw new TypeError('give either calendar (a whole calendar) or calendarYears (notices added to the national calendar), not both');
  const calendar = options.calendar ?? chinaCalendar(options.calendarYears);
  const maxStage = Math.max(0, ...rules.map((r) => r.stage));

  /**
   * The law in force on a receipt date: the packs and parameters chosen, and the rules that apply,
   * stage by stage. It changes only on the dates where a pack, a rule or a parameter value starts or
   * stops, so it is worked out once per span between such dates and remembered.
   */
  const changes = [
    ...new Set(
      [
        ...packs.flatMap((p) => [p.manifest.inForce.from, p.manifest.inForce.to]),
        ...rules.flatMap((r) => [r.validFrom, r.validTo]),
      ].flatMap((d) => (d === null ? [] : [d])),
    ),
  ];
  const starts = [...new Set([...packs.flatMap((p) => Object.values(p.parameters).flatMap((v) => v.values.map((x) => x.from))), ...changes, ...changes.map((d) => addCalendarDays(d, 1))])].sort();
  const spanOf = (date: string) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  interface Law {
    readonly selection: PackSelection;
    /** What an assessment reports of the packs applied: shared by every case of the span, so frozen. */
    readonly applied: { readonly packs: readonly AppliedPack[]; readonly parameters: readonly AppliedParameter[] };
    readonly stages: readonly (readonly StagedRule[])[];
  }
  const lawBySpan = new Map<number, Law>();
  const lawOn = (receivedOn: string): Law | { selection: { problem: Bilingual } } => {
    const span = spanOf(receivedOn);
    const known = lawBySpan.get(span);
    if (known) return known;
    const selection = selectPacks(packs, receivedOn, options.jurisdiction);
    if ('problem' in selection) return { selection };
    const inPacks = new Set(selection.packs.map((p) => p.manifest.id));
    const applicable = rules.filter((r) => inPacks.has(r.pack) && r.validFrom <= receivedOn && (r.validTo === null || receivedOn <= r.validTo));
    const law: Law = {
      selection,
      applied: deepFreeze({
        packs: selection.packs.map((p) => ({ id: p.manifest.id, role: p.manifest.role, title: p.manifest.title })),
        parameters: selection.parameters,
      }),
      stages: Array.from({ length: maxStage + 1 }, (_, stage) => applicable.filter((r) => r.stage === stage)),
    };
    lawBySpan.set(span, law);
    return law;
  };
  const receivedOnCheck = (date: string) => {
    const { selection } = lawOn(date);
    return 'problem' in selection ? selection.problem : undefined;
  };

  /**
   * The assessment of one case, as a generator that yields each stage's rules and facts and receives the
   * rules that fired: one pipeline, driven synchronously for the compiled runner and asynchronously for
   * json-rules-engine.
   */
  function* assess(input: unknown, { asOf, lang = 'en' }: EvaluateOptions): Generator<Stage, Assessment, FiredRule[]> {
    const { case: c, directory: merged } = validateCase(input, { asOf, directory, lang, receivedOnCheck });
    const law = lawOn(c.receivedOn);
    if ('problem' in law.selection) throw new CaseValidationError([{ path: 'receivedOn', message: law.selection.problem[lang] }], c.id);
    const { selection, applied: lawApplied, stages } = law as Law;
    const ctx: CaseContext = { case: c, directory: merged, asOf, lang, procedure: selection.procedure.manifest.id, params: selection.params, parameters: selection.parameters, policy, calendar };
    const problems = caseChecks(ctx);
    if (problems.length > 0) throw new CaseValidationError(problems.map((p) => ({ path: p.path, message: p.message[lang] })), c.id);

    const facts: Record<string, unknown> = computeFacts(ctx);
    const builder = new AssessmentBuilder();
    const trace: TraceEntry[] = [];

    for (let stage = 0; stage < stages.length; stage++) {
      facts.outcomes = builder.outcomesFact();
      facts.obligations = Object.fromEntries(builder.items('obligations').map((o) => [String(o.id), o]));
      const fired = yield { rules: stages[stage]!, facts };
      for (const { rule, conditions } of fired) {
        const grounds = { basis: rule.citations.slice(), rules: [rule.id], facts: factsSeen(conditions) };
        const yielded: string[] = [];
        for (const outcome of rule.outcomes) {
          const m = materialisers[outcome.kind]!;
          for (const item of m.materialise(outcome, ctx, grounds, facts)) {
            builder.add(m.list, item);
            yielded.push(`${outcome.kind}:${String(item.item[m.idField])}`);
          }
        }
        const entry: Record<string, unknown> = { rule: rule.id, pack: rule.pack, title: rule.title, citations: rule.citations, stage, dependsOn: rule.dependsOn ?? [] };
        if (rule.interpretation) entry.interpretation = rule.interpretation;
        entry.conditions = conditions;
        entry.yielded = union(yielded, []);
        trace.push(entry as unknown as TraceEntry);
      }
    }

    return {
      caseId: c.id,
      asOf,
      receivedOn: c.receivedOn,
      packs: lawApplied.packs,
      parameters: lawApplied.parameters,
      policy: applied,
      responsibilities: builder.items('responsibilities') as unknown as Assessment['responsibilities'],
      obligations: builder.items('obligations') as unknown as Assessment['obligations'],
      escalations: builder.items('escalations') as unknown as Assessment['escalations'],
      actions: builder.items('actions') as unknown as Assessment['actions'],
      findings: builder.items('findings') as unknown as Assessment['findings'],
      guidance: builder.items('guidance') as unknown as Assessment['guidance'],
      trace,
    };
  }

  const stringify = createAssessmentStringifier(rules);
  if (kind === 'compiled') {
    const runner = new CompiledRunner(rules, operators);
    const evaluateSync = (input: unknown, evaluateOptions: EvaluateOptions): Assessment => {
      const steps = assess(input, evaluateOptions);
      let step = steps.next();
      while (!step.done) step = steps.next(runner.run(step.value.rules, step.value.facts));
      return step.value;
    };
    return {
      kind,
      evaluate: async (input, evaluateOptions) => evaluateSync(input, evaluateOptions),
      evaluateSync,
      stringify,
      packs,
      rules,
      policy: applied,
    };
  }
  const runner = new JsonRulesEngineRunner(operators);
  return {
    kind,
    evaluate: async (input, evaluateOptions) => {
      const steps = assess(input, evaluateOptions);
      let step = steps.next();
      while (!step.done) step = steps.next(await runner.run(step.value.rules, step.value.facts));
      return step.value;
    },
    evaluateSync: () => {
      throw new TypeError('evaluateSync needs the compiled evaluator (createEvaluator({ evaluator: "compiled" })); json-rules-engine evaluates asynchronously: use evaluate()');
    },
    stringify,
    packs,
    rules,
    policy: applied,
  };
}

let defaultEvaluator: Evaluator | undefined;
/** Evaluators built for a directory passed to {@link evaluate}, kept while the caller keeps the array. */
const byDirectory = new WeakMap<readonly Organ[], Evaluator>();

/**
 * Assesses one case with the built-in packs and default policy. The evaluator is built once (per
 * directory array) and reused. For a jurisdiction or policy overrides, build an evaluator with
 * {@link createEvaluator} and reuse it.
 */
export function evaluate(input: unknown, options: EvaluateOptions & { directory?: readonly Organ[] }): Promise<Assessment> {
  if (options.directory) {
    let evaluator = byDirectory.get(options.directory);
    if (!evaluator) byDirectory.set(options.directory, (evaluator = createEvaluator({ directory: options.directory })));
    return evaluator.evaluate(input, options);
  }
  defaultEvaluator ??= createEvaluator();
  return defaultEvaluator.evaluate(input, options);
}
