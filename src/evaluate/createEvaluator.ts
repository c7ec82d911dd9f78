import type { Assessment, AppliedPolicy } from '../assessment/types.js';
import { createAssessmentStringifier } from '../assessment/stringify.js';
import { chinaCalendar } from '../calendar/chinaCalendar.js';
import type { Calendar, CalendarYearData } from '../calendar/types.js';
import type { Organ } from '../case/organ.js';
import { loadDirectory } from '../directory/directory.js';
import { builtinOperators, checkOperators, type OperatorDefinition } from '../engine/operators.js';
import { CompiledRunner } from '../engine/compiledRunner.js';
import { JsonRulesEngineRunner } from '../engine/jsonRulesEngineRunner.js';
import { EVALUATOR_KINDS, type EvaluatorKind } from '../engine/runner.js';
import { stageRules, type StagedRule } from '../engine/ruleset.js';
import { caseFacts } from '../facts/caseFacts.js';
import { parties } from '../parties/parties.js';
import { loadPolicy } from '../policy/loadPolicy.js';
import type { Policy } from '../policy/policy.js';
import type { Pack, PackData } from '../rules/loadPack.js';
import { deepFreeze } from '../util/deepFreeze.js';
import { assess, type AssessOptions, type AssessmentSetting } from './assess.js';
import { checkParameterUse } from './checkParameterUse.js';
import { evaluatorPacks } from './evaluatorPacks.js';
import { lawInForce } from './lawInForce.js';
import { materialisers } from '../outcomes/registry.js';
import { createCompactor } from '../compact/compactor.js';
import type { CompactAssessment } from '../compact/format.js';
import { computationSteps } from '../compact/computationSteps.js';

export interface EvaluatorOptions {
  /** The organ directory: every organ a case may name (a case may add its own in `organs`). */
  readonly directory?: readonly Organ[];
  /** A jurisdiction id (e.g. `zhejiang`) whose local pack's parameters and rules apply. */
  readonly jurisdiction?: string;
  /**
   * Extra packs as data (the shapes of a pack folder's files). Their rules join the built-in ones. A
   * folder path is read by the evaluator of `petition-rules/node`; the core reads no files.
   */
  readonly packs?: ReadonlyArray<PackData>;
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
  /**
   * Whether every assessment carries a `receipt` (the library version, the hashes of the packs applied,
   * the calendar data, the directory, the input and the answer, the policy values and the years
   * projected), so that it can be reproduced later; a call's own `receipt` option wins. Default false.
   */
  readonly receipt?: boolean;
}

/** Options of one evaluation: the date statuses are judged at (`asOf`; the clock is never read), the language of validation messages, whether to carry a receipt and whether to make the trace. */
export type EvaluateOptions = AssessOptions;

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
  /**
   * The assessment as a compact record (`audit --record compact`): organs by directory id, the law by
   * pack id and content hash, the trace by rule id and leaf values. {@link expand} gives it back.
   */
  compact(assessment: Assessment): CompactAssessment;
  /**
   * The full assessment a compact record stands for — the very bytes of the assessment it was made
   * from — given an evaluator with the same packs, policy and directory (a `CompactRecordError`
   * naming the part otherwise, or when the record is not one).
   */
  expand(record: unknown): Assessment;
  /** The packs this evaluator knows (built-in and extra). */
  readonly packs: readonly Pack[];
  /** Every rule, in evaluation order. */
  readonly rules: readonly StagedRule[];
  /** The policy in effect, each option with its status and whether it is the default. */
  readonly policy: readonly AppliedPolicy[];
  /** The working-day calendar due dates are counted on (with any notices added), e.g. for {@link timeline}. */
  readonly calendar: Calendar;
}

/**
 * Builds an evaluator: loads and checks the rule packs, the policy, the calendar and the directory
 * once, so that evaluating a case does no I/O, and drives the one assessment pipeline (`assess`) with
 * the chosen runner. Many `evaluate` calls may be in flight at once. Reads no file: the built-in law
 * is bundled, and extra packs are given as data (folders: `petition-rules/node`).
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  return evaluatorFromPacks(options, evaluatorPacks(options));
}

/**
 * The evaluator of {@link createEvaluator} over packs already loaded (the Node entry loads folder
 * paths first, then builds the same evaluator).
 */
export function evaluatorFromPacks(options: Omit<EvaluatorOptions, 'packs'>, packs: Pack[]): Evaluator {
  const directory = loadDirectory(options.directory ?? []);
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
  checkParameterUse(packs, rules);
  const { policy, applied } = deepFreeze(loadPolicy(options.policy));
  if (options.calendar && options.calendarYears) throw new TypeError('give either calendar (a whole calendar) or calendarYears (notices added to the national calendar), not both');
  const setting: AssessmentSetting = {
    directory,
    lawOn: lawInForce(packs, rules, options.jurisdiction),
    policy,
    appliedPolicy: applied,
    calendar: options.calendar ?? chinaCalendar(options.calendarYears),
    receipt: {
      byDefault: options.receipt ?? false,
      jurisdiction: options.jurisdiction,
      directory: options.directory ?? [],
      operators: (options.operators ?? []).map((o) => o.name),
    },
  };
  const compactor = createCompactor({ lawOn: setting.lawOn, policy: applied, directory, directoryData: options.directory ?? [], rules, steps: computationSteps });
  const shared = { stringify: createAssessmentStringifier(rules), compact: compactor.compact, expand: compactor.expand, packs, rules, policy: applied, calendar: setting.calendar };

  if (kind === 'compiled') {
    const runner = new CompiledRunner(rules, operators);
    const evaluateSync = (input: unknown, evaluateOptions: EvaluateOptions): Assessment => {
      const steps = assess(setting, input, evaluateOptions);
      let step = steps.next();
      while (!step.done) step = steps.next(runner.run(step.value.rules, step.value.facts, step.value.trace));
      return step.value;
    };
    return { kind, evaluate: async (input, evaluateOptions) => evaluateSync(input, evaluateOptions), evaluateSync, ...shared };
  }
  const runner = new JsonRulesEngineRunner(operators);
  return {
    kind,
    evaluate: async (input, evaluateOptions) => {
      const steps = assess(setting, input, evaluateOptions);
      let step = steps.next();
      while (!step.done) step = steps.next(await runner.run(step.value.rules, step.value.facts));
      return step.value;
    },
    evaluateSync: () => {
      throw new TypeError('evaluateSync needs the compiled evaluator (createEvaluator({ evaluator: "compiled" })); json-rules-engine evaluates asynchronously: use evaluate()');
    },
    ...shared,
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
