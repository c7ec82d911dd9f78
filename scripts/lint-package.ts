/**
 * Checks the package as npm would publish it (`npm run lint:package`): packs it once (`npm pack`, whose
 * `prepack` builds dist/), then lints the tarball with publint (warnings are errors) and with
 * @arethetypeswrong/cli under its default (strict) profile. The entries in `esmOnly` publish no
 * CommonJS entry — `petition-rules/testing` extends vitest's `expect`, and vitest is ESM only — so they
 * are checked under the `esm-only` profile instead (the README's "Package" note says so).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const esmOnly = ['./testing'];

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const out = mkdtempSync(join(tmpdir(), 'petition-rules-lint-'));
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
try {
  run('npm', ['pack', '--pack-destination', out]);
  const tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
  run(bin('publint'), ['run', tarball, '--strict']);
  run(bin('attw'), [tarball, '--exclude-entrypoints', ...esmOnly]);
  run(bin('attw'), [tarball, '--profile', 'esm-only', '--entrypoints', ...esmOnly]);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
