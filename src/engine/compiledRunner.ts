import type { TraceCondition } from '../assessment/types.js';
import type { Condition, LeafCondition } from '../rules/schema.js';
import { ENGINE_OPERATORS, engineOperatorFunctions, strictOperator, type OperatorDefinition } from './operators.js';
import type { FiredRule } from './runner.js';
import type { StagedRule } from './ruleset.js';
import { isFactReference, leafTrace } from './traceCondition.js';

type Facts = Readonly<Record<string, unknown>>;
type Read = (facts: Facts) => unknown;

/** One condition compiled three ways: a quick test, the facts it reads, and a full evaluation that also builds its trace. */
interface Compiled {
  /** Whether the condition holds, without building a trace. */
  readonly holds: (facts: Facts) => boolean;
  /**
   * Writes into `out` the fact values the condition reads, as `factsSeen` reads them off its trace
   * (`fact` or `fact.path`, then a fact reference's value), without evaluating operators: run after
   * `holds`, which evaluated every condition that could throw (every other answers true or false, so
   * each leaf of the trace has a result and shows its fact value).
   */
  readonly collect: (facts: Facts, out: Record<string, unknown>) => void;
  /**
   * Whether no condition of it can throw on the facts (which are plain data: the validated case and
   * what is computed from it), so that `holds` may stop at the first condition that decides the group.
   */
  readonly safe: boolean;
  /** Evaluates every condition, as json-rules-engine does, and returns the outcome with the trace. */
  readonly trace: (facts: Facts) => { readonly result: unknown; readonly trace: TraceCondition };
}

/**
 * Reads a fact at a dotted path as json-rules-engine does with our resolver (`pathResolver.ts`): a fact
 * no one supplied is undefined; a path is followed through own properties only, and is ignored (the
 * fact's own value is returned) when the fact is not an object.
 */
function reader(fact: string, path: string | undefined): Read {
  if (path === undefined) return (facts) => facts[fact];
  const keys = path.split('.');
  const own = Object.prototype.hasOwnProperty;
  return (facts) => {
    const value = facts[fact];
    if (value === null || typeof value !== 'object') return value;
    let current: unknown = value;
    for (const key of keys) {
      if (current === null || typeof current !== 'object' || !own.call(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}

/** The key a fact read is shown under in an item's `facts`: `fact`, or `fact.path` (as `factsSeen` writes it). */
const seenKey = (fact: string, path: string | undefined): string => (path ? `${fact}.${path}` : fact);

/**
 * Operators that cannot throw on plain data, whatever the fact's value: comparisons by identity, array
 * searches guarded by `Array.isArray`, and the built-in `isDefined` and `nonEmpty`. `in` and `notIn`
 * call the condition value's `indexOf`, so they are safe only with a literal list. The numeric ones
 * convert the fact value to a string (which can throw for an object without a prototype), and a
 * caller's operator may throw: a group with any of them evaluates every condition, as json-rules-engine
 * does, so that both evaluators fail alike.
 */
const NEVER_THROWING = new Set(['equal', 'notEqual', 'contains', 'doesNotContain', 'isDefined', 'nonEmpty']);
const LIST_OPERATORS = new Set(['in', 'notIn']);

function compileLeaf(leaf: LeafCondition, operators: ReadonlyMap<string, (a: unknown, b: unknown) => boolean>): Compiled {
  const op = operators.get(leaf.operator);
  if (!op) throw new Error(`unknown operator "${leaf.operator}"`);
  const factOf = reader(leaf.fact, leaf.path);
  const ref = isFactReference(leaf.value) ? reader(leaf.value.fact, leaf.value.path) : undefined;
  const literal = leaf.value;
  const valueOf: Read = ref ?? (() => literal);
  const key = seenKey(leaf.fact, leaf.path);
  const refKey = isFactReference(leaf.value) ? seenKey(leaf.value.fact, leaf.value.path) : undefined;
  return {
    safe: NEVER_THROWING.has(leaf.operator) || (LIST_OPERATORS.has(leaf.operator) && Array.isArray(literal)),
    holds: (facts) => op(factOf(facts), valueOf(facts)) === true,
    collect:
      ref === undefined || refKey === undefined
        ? (facts, out) => {
            out[key] = factOf(facts);
          }
        : (facts, out) => {
            out[key] = factOf(facts);
            out[refKey] = ref(facts);
          },
    trace: (facts) => {
      const value = valueOf(facts);
      const factValue = factOf(facts);
      const result = op(factValue, value);
      return { result, trace: leafTrace(leaf, result, factValue, value) };
    },
  };
}

/**
 * json-rules-engine's combination rules (rule.js `prioritizeAndRun`), with every condition at one
 * priority as in our packs: `all` and `any` of no conditions hold; of one condition, they hold when it
 * does; otherwise every (`all`) or some (`any`) condition must give exactly true. All conditions of a
 * group are evaluated (none is skipped), so every leaf of a fired rule has a result in the trace.
 */
function compileGroup(kind: 'all' | 'any', children: readonly Compiled[]): Compiled {
  // json-rules-engine evaluates every condition (an operator that throws fails the evaluation on both
  // runners alike) and only then combines the answers. Where no condition can throw, the answer is
  // the same when the test stops at the first condition that decides it, and the test is cheaper.
  const safe = children.every((c) => c.safe);
  const holds: (facts: Facts) => boolean =
    children.length === 0
      ? () => true
      : kind === 'all'
        ? safe
          ? (facts) => {
              for (const c of children) if (!c.holds(facts)) return false;
              return true;
            }
          : (facts) => {
              let every = true;
              for (const c of children) if (!c.holds(facts)) every = false;
              return every;
            }
        : safe
          ? (facts) => {
              for (const c of children) if (c.holds(facts)) return true;
              return false;
            }
          : (facts) => {
              let some = false;
              for (const c of children) if (c.holds(facts)) some = true;
              return some;
            };
  return {
    safe,
    holds,
    collect: (facts, out) => {
      for (const c of children) c.collect(facts, out);
    },
    trace: (facts) => {
      const parts = children.map((c) => c.trace(facts));
      const result =
        parts.length === 0 ? true : parts.length === 1 ? parts[0]!.result === true : kind === 'all' ? parts.every((p) => p.result === true) : parts.some((p) => p.result === true);
      const list = parts.map((p) => p.trace);
      return { result, trace: (kind === 'all' ? { all: list, result } : { any: list, result }) as TraceCondition };
    },
  };
}

function compileNot(child: Compiled): Compiled {
  return {
    safe: child.safe,
    holds: (facts) => !child.holds(facts),
    collect: child.collect,
    trace: (facts) => {
      const inner = child.trace(facts);
      const result = !inner.result;
      return { result, trace: { not: inner.trace, result } };
    },
  };
}

function compile(condition: Condition, operators: ReadonlyMap<string, (a: unknown, b: unknown) => boolean>): Compiled {
  if ('all' in condition) return compileGroup('all', condition.all.map((c) => compile(c, operators)));
  if ('any' in condition) return compileGroup('any', condition.any.map((c) => compile(c, operators)));
  if ('not' in condition) return compileNot(compile(condition.not, operators));
  return compileLeaf(condition, operators);
}

/**
 * The compiled runner: each rule's json-rules-engine conditions, compiled once into closures (no `eval`,
 * no `new Function`) and evaluated synchronously. A rule is first tested without building a trace; only a
 * rule that fires has the facts its conditions read collected and, when a trace is asked for, is
 * evaluated in full to build its trace, which is exactly what json-rules-engine reports for it (the
 * equality test holds the two runners to the same bytes).
 */
export class CompiledRunner {
  readonly kind = 'compiled' as const;
  private readonly compiled = new Map<string, Compiled>();

  constructor(rules: readonly StagedRule[], operators: readonly OperatorDefinition[]) {
    const table = new Map<string, (a: unknown, b: unknown) => boolean>(ENGINE_OPERATORS.map((name) => [name, engineOperatorFunctions[name]]));
    for (const op of operators) table.set(op.name, strictOperator(op));
    for (const rule of rules) this.compiled.set(rule.id, compile(rule.conditions, table));
  }

  run(rules: readonly StagedRule[], facts: Facts, trace = true): FiredRule[] {
    const fired: FiredRule[] = [];
    for (const rule of rules) {
      const c = this.compiled.get(rule.id);
      if (!c) throw new Error(`rule "${rule.id}" was not compiled by this evaluator`);
      if (!c.holds(facts)) continue;
      const seen: Record<string, unknown> = {};
      c.collect(facts, seen);
      fired.push(trace ? { rule, conditions: { ...c.trace(facts).trace, result: true }, seen } : { rule, seen });
    }
    // The stage's rules come in rule order, so the fired ones already are.
    return fired;
  }
}
