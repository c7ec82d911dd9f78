import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The tests the mutation run (`npm run mutation`, stryker.config.json) reruns against each mutant of
 * src/time, src/calendar, src/dates and src/engine: the tests that exercise those folders, in one time
 * zone, without the long byte-for-byte sweeps (10,000 generated cases, three zones) that
 * PETITION_RULES_TZ_COMPARE=off turns off. It keeps a run feasible on a small shared machine; `npm test`
 * uses vitest.config.ts and is unchanged.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^petition-rules\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
      { find: /^petition-rules$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: [
      'test/time/*.test.ts',
      'test/calendar/*.test.ts',
      'test/scenarios.test.ts',
      'test/core/trace.test.ts',
      'test/core/evaluatorEquality.test.ts',
      'test/hardening/noHang.test.ts',
      'test/hardening/poisonedMemory.test.ts',
      'test/hardening/mutation*.test.ts',
      // The packs refused at load (src/engine/ruleset.ts) and the words of each step and event name:
      // without these, the 2026-12-02 run left most of ruleset.ts's checks and eventNames.ts uncovered.
      'test/core/rulePacks.test.ts',
      'test/hardening/maliciousPacks.test.ts',
      'test/hardening/packLoad.test.ts',
      'test/explain/*.test.ts',
      'test/accountability/*.test.ts',
      'test/compact/compact.test.ts',
    ],
    exclude: ['test/time/timezones.test.ts'],
    testTimeout: 60_000,
    env: { TZ: 'UTC', PETITION_RULES_TZ_COMPARE: 'off' },
  },
});
