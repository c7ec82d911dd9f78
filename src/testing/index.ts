/**
 * `petition-rules/testing`: unit-test policy compliance like code, with vitest.
 *
 * Importing this module registers the assessment matchers with vitest's `expect`
 * (`toRequireObligation`, `toFind`, `toName`, `toGuide`, `toEscalate`, `toTakeAction`, `toCite`) and
 * types them on `expect(...)`; `defineScenarioTests(folder)` turns a folder of scenario files into
 * tests. vitest is an optional peer dependency: only this entry point needs it.
 *
 * @module petition-rules/testing
 */
import { expect } from 'vitest';
import { petitionMatchers, type PetitionMatchers } from './matchers.js';

expect.extend(petitionMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends PetitionMatchers<T> {}
}

export { petitionMatchers } from './matchers.js';
export type { PetitionMatchers, ObligationExpectation, FindingExpectation, EscalationExpectation, OrganExpectation, MatcherContext, MatcherResult } from './matchers.js';
export { defineScenarioTests } from './defineScenarioTests.js';
export type { ScenarioTestOptions } from './defineScenarioTests.js';
export { formatScenarioResult } from './report.js';
export { createScenarioRunner, loadScenarioDir, loadScenarioFile, compare } from '../scenarios/runScenario.js';
export type { LoadedScenario, ScenarioResult, Mismatch } from '../scenarios/runScenario.js';
export { ScenarioSchema, ScenarioFileSchema } from '../scenarios/scenario.js';
export type { Scenario, Expectations, ListExpectation } from '../scenarios/scenario.js';
