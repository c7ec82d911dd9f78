import { join } from 'node:path';
import type { EvaluatorOptions } from '../src/node/createEvaluator.js';
import type { Policy } from '../src/policy/policy.js';
import type { LoadedScenario } from '../src/scenarios/runScenario.js';

/**
 * Every scenario folder of the project and its examples, with the evaluator options each needs (the
 * provincial example's packs): the tests that hold two ways of answering to the same bytes (the two
 * evaluators, traced and untraced, full and compact) run over all of them.
 */
const repo = join(import.meta.dirname, '..');
export const scenarioSets: ReadonlyArray<{ readonly dir: string; readonly options: EvaluatorOptions }> = [
  { dir: join(repo, 'test', 'scenarios'), options: {} },
  { dir: join(repo, 'test', 'testing', 'scenarios'), options: {} },
  { dir: join(repo, 'examples', 'policy-tests', 'scenarios'), options: {} },
  { dir: join(repo, 'examples', 'provincial-pack', 'scenarios'), options: { packs: [join(repo, 'examples', 'provincial-pack', 'packs')] } },
];

/** The evaluator options of one scenario: its set's, its directory, and the jurisdiction and policy it names. */
export function scenarioOptions(s: LoadedScenario, base: EvaluatorOptions): EvaluatorOptions {
  return {
    ...base,
    directory: s.directory,
    ...(s.scenario.evaluator?.jurisdiction ? { jurisdiction: s.scenario.evaluator.jurisdiction } : {}),
    ...(s.scenario.evaluator?.policy ? { policy: s.scenario.evaluator.policy as Partial<Policy> } : {}),
  };
}
