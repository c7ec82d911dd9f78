import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The whole suite runs three times, once per time zone (UTC, China, and one far from it): dates are
 * China calendar dates and must not move with the host's zone. The byte-for-byte comparison of the
 * assessments across zones (test/time/timezones.test.ts) runs in the first project only. The two
 * repeat runs share modules between test files (isolate: false) to keep the whole run fast.
 */
const zone = (TZ: string, compare: boolean) => ({
  extends: true as const,
  test: { name: `TZ=${TZ}`, env: { TZ, ...(compare ? {} : { PETITION_RULES_TZ_COMPARE: 'off' }) }, ...(compare ? {} : { isolate: false }) },
});

export default defineConfig({
  // The example projects import the package by name, as a user's project would; here the names
  // resolve to the sources (the same mapping as tsconfig.json's "paths"), so no build is needed.
  resolve: {
    alias: [
      { find: /^petition-rules\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
      { find: /^petition-rules\/node$/, replacement: fileURLToPath(new URL('./src/node/index.ts', import.meta.url)) },
      { find: /^petition-rules$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
    projects: [zone('UTC', true), zone('Asia/Shanghai', false), zone('America/Los_Angeles', false)],
  },
});
