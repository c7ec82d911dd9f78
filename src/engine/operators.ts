/**
 * A condition operator. json-rules-engine's own operators (`equal`, `notEqual`, `in`, `notIn`,
 * `contains`, `doesNotContain`, `lessThan`, `lessThanInclusive`, `greaterThan`, `greaterThanInclusive`)
 * are always available; these are added to them, and a caller may register more. An operator is a
 * pure synchronous function of the fact value and the condition's value that returns true or false.
 */
export interface OperatorDefinition {
  readonly name: string;
  readonly description: string;
  readonly evaluate: (factValue: unknown, value: unknown) => boolean;
}

/** Operators json-rules-engine provides itself. */
export const ENGINE_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export type EngineOperator = (typeof ENGINE_OPERATORS)[number];

/** json-rules-engine's check on numeric operators' fact value (engine-default-operators.js), kept as it is. */
const isNumeric = (a: unknown) => Number.parseFloat(a as string).toString() !== 'NaN';

/**
 * json-rules-engine's own operators, for the compiled evaluator: the same comparisons and the same
 * fact-value checks (a failed check is false), so both evaluators agree on every input; the equality
 * test runs every scenario and thousands of generated cases through both.
 */
export const engineOperatorFunctions: Readonly<Record<EngineOperator, (a: unknown, b: unknown) => boolean>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

export const builtinOperators: readonly OperatorDefinition[] = [
  {
    name: 'isDefined',
    description: 'value true: the fact has a value (not undefined or null); value false: it has none.',
    evaluate: (factValue, value) => (factValue !== undefined && factValue !== null) === value,
  },
  {
    name: 'nonEmpty',
    description: 'value true: the fact is a non-empty array or object; value false: it is empty or absent.',
    evaluate: (factValue, value) => {
      const size = Array.isArray(factValue) ? factValue.length : factValue && typeof factValue === 'object' ? Object.keys(factValue).length : 0;
      return (size > 0) === value;
    },
  },
];

/** An operator name both evaluators read the same way: json-rules-engine gives `a:b` names a meaning of its own (decorators). */
const OPERATOR_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Checks a caller's operators before any rule is read, so that an operator that could not work the same
 * on both evaluators is refused with a clear error rather than answering differently: a name must be
 * a plain word (json-rules-engine reads `x:y` as decorated operators), must not replace a built-in
 * operator, must be given once, and `evaluate` must be a function.
 */
export function checkOperators(operators: readonly OperatorDefinition[]): void {
  const taken = new Set<string>([...ENGINE_OPERATORS, ...builtinOperators.map((o) => o.name)]);
  operators.forEach((op, i) => {
    const where = `operators[${i}]`;
    if (op === null || typeof op !== 'object') throw new TypeError(`${where}: an operator is an object { name, description, evaluate }`);
    if (typeof op.name !== 'string' || !OPERATOR_NAME.test(op.name)) {
      throw new TypeError(`${where}: operator name ${JSON.stringify(op.name)} must be a plain word such as "withinDays" (letters, digits, "_" or "-"; json-rules-engine reads "a:b" as decorated operators)`);
    }
    if (taken.has(op.name)) throw new TypeError(`${where}: operator "${op.name}" is already defined (built-in operators cannot be replaced, and a name is given once)`);
    if (typeof op.evaluate !== 'function') throw new TypeError(`${where}: operator "${op.name}" has no evaluate function`);
    taken.add(op.name);
  });
}

/**
 * The operator as both evaluators call it: its answer must be true or false. json-rules-engine would
 * read any other answer (a Promise from an async function, a number) by its own rules, which the
 * compiled evaluator cannot follow, so such an answer fails the evaluation with the operator's name.
 */
export function strictOperator(op: OperatorDefinition): (factValue: unknown, value: unknown) => boolean {
  const { name, evaluate } = op;
  return (factValue, value) => {
    const result: unknown = evaluate(factValue, value);
    if (result !== true && result !== false) {
      const what = result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function' ? 'a Promise (operators must be synchronous)' : JSON.stringify(result) ?? String(result);
      throw new TypeError(`operator "${name}" must return true or false, but returned ${what}`);
    }
    return result;
  };
}
