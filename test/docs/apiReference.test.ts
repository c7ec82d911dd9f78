import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

/**
 * The API reference (`npm run docs:api`, TypeDoc over both entry points) builds without a warning:
 * typedoc.config.mjs treats warnings as errors, so a type used by the public API but not exported from
 * `petition-rules` or `petition-rules/testing`, or a `{@link}` to something not exported, fails here.
 * The check converts and validates only (`--emit none`); the script writes the pages to docs/api/.
 * Once per run (the UTC project): the reference does not depend on the time zone.
 */
const root = join(import.meta.dirname, '../..');
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';

it.runIf(once)('the API reference builds without warnings', { timeout: 180_000 }, async () => {
  const typedoc = join(root, 'node_modules/typedoc/bin/typedoc');
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [typedoc, '--emit', 'none'], { cwd: root }).catch((e: { stdout: string; stderr: string }) => {
    throw new Error(`typedoc failed:\n${e.stdout}${e.stderr}`);
  });
  expect(`${stdout}${stderr}`).not.toMatch(/warning|error/i);
});
