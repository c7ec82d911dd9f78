import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScenarioRunner, formatResult, loadScenarioDir } from '../src/scenarios/runScenario.js';

/**
 * Every scenario under test/scenarios: a case, an evaluation date and the outcomes worked out by hand
 * from the law. Each becomes one test named by its file and title.
 */
const root = join(import.meta.dirname, 'scenarios');
const scenarios = loadScenarioDir(root);
const run = createScenarioRunner();

describe('scenarios', () => {
  it('there are scenarios to run', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });
  for (const s of scenarios) {
    const name = `${s.file.slice(root.length + 1)}${s.index > 0 ? `#${s.index}` : ''}: ${s.scenario.title}`;
    it(name, async () => {
      const result = await run(s);
      if (!result.passed) expect.fail(formatResult(result, root));
    });
  }
});
