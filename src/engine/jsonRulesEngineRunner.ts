import type { Engine, RuleProperties } from 'json-rules-engine';
import type { TraceCondition } from '../assessment/types.js';
import type { LeafCondition } from '../rules/schema.js';
import { strictOperator, type OperatorDefinition } from './operators.js';
import { resolvePath } from './pathResolver.js';
import type { FiredRule } from './runner.js';
import type { StagedRule } from './ruleset.js';
import { leaves } from './ruleset.js';
import { isFactReference, leafTrace } from './traceCondition.js';

interface RuleSet {
  readonly pool: Engine[];
  readonly facts: readonly string[];
  readonly byId: ReadonlyMap<string, StagedRule>;
}

/**
 * json-rules-engine, loaded on the first run: a program that uses only the compiled evaluator never
 * loads it (it was a sixth of the package's import time), and this runner is asynchronous anyway.
 */
let loading: Promise<typeof import('json-rules-engine')> | undefined;
let EngineClass: typeof Engine | undefined;
async function loadEngine(): Promise<void> {
  EngineClass ??= (await (loading ??= import('json-rules-engine'))).Engine;
}

/** Idle engines kept per rule set; more may exist while many runs overlap, and are then let go. */
const MAX_IDLE_ENGINES = 8;

type EngineCondition = {
  all?: EngineCondition[];
  any?: EngineCondition[];
  not?: EngineCondition;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
};

/** Converts json-rules-engine's evaluated condition tree into the trace's plain form. */
function toTrace(c: EngineCondition): TraceCondition {
  const result = typeof c.result === 'boolean' ? c.result : null;
  if (c.all) return { all: c.all.map(toTrace), result };
  if (c.any) return { any: c.any.map(toTrace), result };
  if (c.not) return { not: toTrace(c.not), result };
  return leafTrace(c as LeafCondition, c.result, c.factResult, c.valueResult);
}

/**
 * The reference runner: json-rules-engine, with a plain dotted-path resolver and the registered
 * operators. json-rules-engine keeps a run status on the Engine, so two overlapping `run()` calls on one
 * Engine lose results; each run therefore takes an Engine from a pool that no other run is using.
 */
export class JsonRulesEngineRunner {
  readonly kind = 'json-rules-engine' as const;
  private readonly pools = new Map<string, Engine[]>();

  constructor(private readonly operators: readonly OperatorDefinition[]) {}

  /** An engine for one rule set; json-rules-engine is loaded by then (see `run`). */
  private build(rules: readonly StagedRule[]): Engine {
    const engine = new EngineClass!([], { allowUndefinedFacts: true, pathResolver: resolvePath, replaceFactsInEventParams: false });
    for (const op of this.operators) engine.addOperator(op.name, strictOperator(op));
    for (const rule of rules) {
      engine.addRule({ name: rule.id, conditions: rule.conditions, event: { type: rule.id }, priority: 1 } as RuleProperties);
    }
    return engine;
  }

  /** Per rule set: its idle engines, the facts its conditions read, and its rules by id. */
  private readonly sets = new WeakMap<readonly StagedRule[], RuleSet>();

  private setFor(rules: readonly StagedRule[]): RuleSet {
    let set = this.sets.get(rules);
    if (!set) {
      const key = rules.map((r) => r.id).join('|');
      let pool = this.pools.get(key);
      if (!pool) this.pools.set(key, (pool = []));
      const read = new Set<string>();
      for (const rule of rules) {
        for (const leaf of leaves(rule.conditions)) {
          read.add(leaf.fact);
          if (isFactReference(leaf.value)) read.add(leaf.value.fact);
        }
      }
      set = { pool, facts: [...read], byId: new Map(rules.map((r) => [r.id, r])) };
      this.sets.set(rules, set);
    }
    return set;
  }

  async run(rules: readonly StagedRule[], facts: Readonly<Record<string, unknown>>): Promise<FiredRule[]> {
    if (rules.length === 0) return [];
    if (!EngineClass) await loadEngine();
    const { pool, facts: read, byId } = this.setFor(rules);
    const engine = pool.pop() ?? this.build(rules);
    // Only the facts these rules read become engine facts: a fact left out reads as undefined, exactly
    // as a fact whose value is undefined, and the engine builds fewer objects per run.
    const given: Record<string, unknown> = {};
    for (const name of read) if (Object.hasOwn(facts, name)) given[name] = facts[name];
    try {
      const { results } = await engine.run(given);
      return results
        .map((r) => ({ rule: byId.get(r.name as string)!, conditions: { ...toTrace(r.conditions as unknown as EngineCondition), result: true } as TraceCondition }))
        .sort((a, b) => a.rule.index - b.rule.index);
    } finally {
      // Keep a few idle engines per stage for reuse; a burst of concurrent runs does not pin them all.
      if (pool.length < MAX_IDLE_ENGINES) pool.push(engine);
    }
  }
}
