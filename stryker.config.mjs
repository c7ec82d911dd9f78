/**
 * Mutation run over the code that counts time and evaluates rules — src/time, src/calendar, src/dates,
 * src/engine (issue 11 §8). Started by `npm run mutation`, never by `npm test`. The tests rerun against
 * each mutant are those of vitest.mutation.config.ts, and only those that cover the mutant
 * (perTest coverage); one or two workers, so a run fits a small shared machine. The score and the
 * equivalent survivors are in the README ("Mutation testing"). Sandbox (.stryker-tmp/) and reports
 * (reports/mutation/) are git-ignored.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/time/**/*.ts', 'src/calendar/**/*.ts', 'src/dates/**/*.ts', 'src/engine/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Mutants in code that runs once at module load (schemas, tables) would each need the whole test set;
  // they are left out of the score and counted as ignored (README, "Mutation testing").
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 30_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
