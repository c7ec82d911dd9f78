import { relative } from 'node:path';
import type { Mismatch, ScenarioResult } from '../scenarios/runScenario.js';

/**
 * A readable account of a scenario result, shared by the CLI's `test` command and the vitest kit.
 * Where an exact id list differs it says which ids are missing and which are unexpected rather than
 * printing two long arrays; other differences show the expectation and what the assessment held.
 */

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function describeMismatch(m: Mismatch): string[] {
  if (isStringArray(m.expected) && isStringArray(m.actual)) {
    const missing = m.expected.filter((id) => !(m.actual as string[]).includes(id));
    const unexpected = m.actual.filter((id) => !(m.expected as string[]).includes(id));
    const out = [`    ${m.where}`];
    if (missing.length > 0) out.push(`      - missing:    ${missing.join(', ')}`);
    if (unexpected.length > 0) out.push(`      + unexpected: ${unexpected.join(', ')}`);
    if (missing.length === 0 && unexpected.length === 0) out.push(`      expected: ${JSON.stringify(m.expected)}`, `      actual:   ${JSON.stringify(m.actual)}`);
    return out;
  }
  return [`    ${m.where}`, `      - expected: ${JSON.stringify(m.expected)}`, `      + actual:   ${JSON.stringify(m.actual)}`];
}

/** `PASS file — title`, or `FAIL file — title` followed by each difference. */
export function formatScenarioResult(result: ScenarioResult, root: string = process.cwd()): string {
  const where = `${relative(root, result.file) || result.file}${result.index > 0 ? `#${result.index}` : ''}`;
  const head = `${result.passed ? 'PASS' : 'FAIL'} ${where} — ${result.title}`;
  if (result.passed) return head;
  return [head, ...result.mismatches.flatMap(describeMismatch)].join('\n');
}
