/**
 * A condition operator. json-rules-engine's own operators (`equal`, `notEqual`, `in`, `notIn`,
 * `contains`, `doesNotContain`, `lessThan`, `lessThanInclusive`, `greaterThan`, `greaterThanInclusive`)
 * are always available; these are added to them, and a caller may register more. An operator is a
 * pure synchronous function of the fact value and the condition's value.
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
