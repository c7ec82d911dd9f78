/**
 * Evaluates every scenario under test/scenarios and gives one JSON line per scenario: its file, the
 * assessment (or the error) and whether it matched the scenario's expectations. The time-zone test runs
 * it in-process and, as a script, in child processes started under other `TZ` values, and compares the
 * output byte for byte: dates are China calendar dates, so the host's time zone must never show. Each
 * assessment carries its receipt, whose hashes must not show the zone either.
 */
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Assessment } from '../../src/assessment/types.js';
import { createEvaluator, type Evaluator } from '../../src/evaluate/createEvaluator.js';
import type { Policy } from '../../src/policy/policy.js';
import { compare, loadScenarioDir } from '../../src/scenarios/runScenario.js';

const root = join(import.meta.dirname, '..', 'scenarios');

/** Every scenario's assessment (or error) and whether it passed, one JSON line each, in file order. */
export async function evaluateAllScenarios(): Promise<string> {
  const evaluators = new Map<string, Evaluator>();
  const lines: string[] = [];
  for (const s of loadScenarioDir(root)) {
    const key = JSON.stringify([s.directory.map((o) => o.id), s.scenario.evaluator ?? null]);
    let ev = evaluators.get(key);
    if (!ev) {
      ev = createEvaluator({
        directory: s.directory,
        ...(s.scenario.evaluator?.jurisdiction ? { jurisdiction: s.scenario.evaluator.jurisdiction } : {}),
        ...(s.scenario.evaluator?.policy ? { policy: s.scenario.evaluator.policy as Partial<Policy> } : {}),
      });
      evaluators.set(key, ev);
    }
    let assessment: Assessment | undefined;
    let error: unknown;
    try {
      // With its receipt, so that the hashes are compared across the zones too (issue 14 §1).
      assessment = await ev.evaluate(s.scenario.case, { asOf: s.scenario.asOf, receipt: true });
    } catch (e) {
      error = e;
    }
    const mismatches = compare(s.scenario.expect, { ...(assessment ? { assessment } : {}), ...(error !== undefined ? { error } : {}) });
    lines.push(
      JSON.stringify({
        scenario: `${relative(root, s.file).split('\\').join('/')}#${s.index}`,
        passed: mismatches.length === 0,
        ...(assessment ? { assessment } : { error: String(error) }),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(await evaluateAllScenarios());
