import { defineConfig } from 'vitest/config';

/**
 * The whole suite runs three times, once per time zone (UTC, China, and one far from it): dates are
 * China calendar dates and must not move with the host's zone. The byte-for-byte comparison of the
 * assessments across zones (test/time/timezones.test.ts) runs in the first project only.
 */
const zone = (TZ: string, compare: boolean) => ({
  extends: true as const,
  test: { name: `TZ=${TZ}`, env: { TZ, ...(compare ? {} : { PETITION_RULES_TZ_COMPARE: 'off' }) } },
});

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    projects: [zone('UTC', true), zone('Asia/Shanghai', false), zone('America/Los_Angeles', false)],
  },
});
