import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvaluatorOptions } from '../node/createEvaluator.js';
import { createScenarioRunner, loadScenarioDir } from '../scenarios/runScenario.js';
import { formatScenarioResult } from './report.js';

export interface ScenarioTestOptions {
  /** The `describe` block's name; defaults to the folder. */
  readonly name?: string;
  /** Evaluator options for every scenario: your packs (`packs: [folder]`), directory, policy. */
  readonly evaluator?: EvaluatorOptions;
}

/**
 * Registers every scenario file under a folder (recursively; `*.json`, names starting with `_`
 * skipped) as one vitest test, named by its file and title. A failing scenario fails its test with a
 * readable diff of what the assessment held. Call it at the top level of a test file:
 *
 *   defineScenarioTests(new URL('../scenarios', import.meta.url), { evaluator: { packs: [packsDir] } });
 */
export function defineScenarioTests(dir: string | URL, options: ScenarioTestOptions = {}): void {
  const root = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const scenarios = loadScenarioDir(root);
  const run = createScenarioRunner(options.evaluator);
  describe(options.name ?? `scenarios in ${relative(process.cwd(), root) || root}`, () => {
    it('the folder holds scenarios', () => {
      expect(scenarios.length, `no scenario files under ${root}`).toBeGreaterThan(0);
    });
    for (const s of scenarios) {
      it(`${relative(root, s.file)}${s.index > 0 ? `#${s.index}` : ''}: ${s.scenario.title}`, async () => {
        const result = await run(s);
        if (!result.passed) expect.fail(formatScenarioResult(result, root));
      });
    }
  });
}
