/**
 * petition-rules/node: everything of `petition-rules`, and the parts that need Node — rule packs read
 * from folders (`createEvaluator({ packs: ['my-packs'] })`, `loadPackFromDir`), the package's own
 * `rules/` folder on disk, and scenario files run against an evaluator. The main entry stays free of
 * file-system, path, URL and worker code, so browsers, Web Workers and bundlers can use it.
 */
export * from '../index.js';
export { createEvaluator } from './createEvaluator.js';
export { verifyReceipt } from './verifyReceipt.js';
export type { EvaluatorOptions } from './createEvaluator.js';
export { loadPackFromDir, loadPacksFromDir } from './packFolder.js';
export { builtinRulesDir } from './packageRoot.js';
// The scenario comparison is named apart from the core's reform `compare`, which this entry re-exports as it is.
export { createScenarioRunner, loadScenarioDir, loadScenarioFile, compare as compareWithExpectations } from '../scenarios/runScenario.js';
export type { LoadedScenario, ScenarioResult, Mismatch } from '../scenarios/runScenario.js';
