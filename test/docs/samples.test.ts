import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarYearSchema, CaseInput, Organ, PackManifestSchema, ParametersFileSchema, RuleSchema } from '../../src/index.js';
import { CODE_LANGS, documentationPages, fencedBlocks, matchPrinted, type FencedBlock } from './samples.js';

/**
 * Every code sample of the README and the guides runs, and prints what the page says it prints (the
 * markers are described in samples.ts). The samples run in a scratch folder laid out like the
 * repository root (its folders copied in), so a sample's files never land in the repository: all
 * `ts` samples in one tsx process, one after the other; each `sh` sample in a shell; each vitest
 * sample in a copy of its example project. Once per run (the UTC project): the samples' own output
 * does not depend on the time zone, which the rest of the suite checks.
 */
const root = join(import.meta.dirname, '../..');
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const run = promisify(execFile);
/** Copied into the scratch folder (a few MB; a link would make every "is this the main module" check fail). */
const COPIED = ['examples', 'rules', 'schemas', 'scripts', 'src', 'package.json', 'tsconfig.json'];
const SEPARATOR = '\u0000sample ';
/** The samples run as a user would run them: without this test run's vitest settings. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS'));

const blocks = documentationPages(root).flatMap((page) => fencedBlocks(root, page));
const where = (b: FencedBlock) => `${b.page}:${b.line}`;

interface Sample {
  readonly block: FencedBlock;
  readonly expected: { stdout?: FencedBlock; stderr?: FencedBlock };
}
const samples: Sample[] = [];
for (const b of blocks) {
  if (b.marker?.kind === 'run' || b.marker?.kind === 'vitest') samples.push({ block: b, expected: {} });
  if (b.marker?.kind === 'prints') {
    const last = samples.at(-1);
    if (last && last.block.page === b.page && !last.expected[b.marker.stream]) last.expected[b.marker.stream] = b;
  }
}

describe('matchPrinted', () => {
  const printed = 'a\nb\nc: 1, 2\nd\n';
  it('without `…` the output must be exactly the block (trailing blank space aside)', () => {
    expect(matchPrinted('a\nb\nc: 1, 2\nd', printed)).toEqual({ ok: true });
    expect(matchPrinted('a\nb\nc: 1, 2', printed)).toEqual({ ok: false, at: 2 });
  });
  it('a line `…` stands for any lines, a line ending in `…` for the rest of its line; the lines between follow each other', () => {
    expect(matchPrinted('a\n…\nd', printed)).toEqual({ ok: true });
    expect(matchPrinted('…\nc: 1, …\n…', printed)).toEqual({ ok: true });
    expect(matchPrinted('a\n…\nc: 1, 3\n…', printed).ok).toBe(false);
    expect(matchPrinted('a\nc: 1, 2\n…', printed).ok).toBe(false);
    expect(matchPrinted('…\nb\nd', printed).ok).toBe(false);
  });
});

/** The schema of each kind of file a `json` sample may be. */
const FILE_SCHEMAS = { pack: PackManifestSchema, parameters: ParametersFileSchema, rule: RuleSchema, calendar: CalendarYearSchema, case: CaseInput, organ: Organ } as const;

describe('the samples of the README and the guides', () => {
  it('are each marked: run, vitest, prints or not run (with the reason)', () => {
    const unmarked = blocks.filter((b) => b.badMarker || (CODE_LANGS.has(b.lang) && !b.marker)).map((b) => `${where(b)} ${b.badMarker ?? `\`\`\`${b.lang}`}`);
    expect(unmarked).toEqual([]);
    const orphans = blocks.filter((b) => b.marker?.kind === 'prints' && !samples.some((s) => s.expected.stdout === b || s.expected.stderr === b)).map(where);
    expect(orphans, '"prints" blocks that follow no run sample on their page').toEqual([]);
    for (const s of samples) expect(s.block.marker?.kind === 'vitest' || ['ts', 'sh'].includes(s.block.lang), `${where(s.block)}: only ts and sh samples run`).toBe(true);
    expect(samples.length).toBeGreaterThan(0);
  });

  const jsonSamples = blocks.filter((b) => b.marker?.kind === 'json');
  it.each(jsonSamples.map((b) => [`${where(b)} (${(b.marker as { schema: string }).schema})`, b] as const))('%s is a valid file of its kind', (_, b) => {
    const name = (b.marker as { schema: string }).schema;
    expect(Object.keys(FILE_SCHEMAS), `${where(b)}: no schema named ${name}`).toContain(name);
    const result = FILE_SCHEMAS[name as keyof typeof FILE_SCHEMAS].safeParse(JSON.parse(b.body));
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  describe.runIf(once)('run', () => {
    let scratch: string;
    const printed = new Map<Sample, { stdout: string; stderr?: string }>();

    beforeAll(async () => {
      scratch = mkdtempSync(join(tmpdir(), 'petition-rules-samples-'));
      for (const name of COPIED) cpSync(join(root, name), join(scratch, name), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));

      // The three kinds run side by side: on a busy machine the run takes as long as its slowest part.
      await Promise.all([runTs(), ...samples.filter((s) => s.block.lang === 'sh').map(runSh), ...samples.filter((s) => s.block.marker?.kind === 'vitest').map(runVitest)]);
    }, 300_000);

    /** All ts samples in one tsx process, one after the other, their output cut apart by a separator line. */
    async function runTs(): Promise<void> {
      const ts = samples.filter((s) => s.block.marker?.kind === 'run' && s.block.lang === 'ts');
      ts.forEach((s, i) => writeFileSync(join(scratch, `sample-${i}.ts`), s.block.body));
      writeFileSync(
        join(scratch, 'run-samples.mjs'),
        `for (const i of ${JSON.stringify(ts.map((_, i) => i))}) {\n` +
          `  process.stdout.write(${JSON.stringify(SEPARATOR)} + i + '\\n');\n` +
          `  try { await import('./sample-' + i + '.ts'); } catch (e) { process.stdout.write('sample failed: ' + (e?.stack ?? e) + '\\n'); process.exitCode = 1; }\n` +
          `}\n`,
      );
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'run-samples.mjs'], { cwd: scratch, env: childEnv, maxBuffer: 64 << 20 }).catch((e: { stdout: string }) => e);
      for (const part of stdout.split(SEPARATOR).slice(1)) {
        const nl = part.indexOf('\n');
        printed.set(ts[Number(part.slice(0, nl))]!, { stdout: part.slice(nl + 1) });
      }
    }

    /** An sh sample, with `sh -e`: a failing command fails the sample. */
    async function runSh(s: Sample): Promise<void> {
      const result = await run('sh', ['-e', '-c', s.block.body], { cwd: scratch, env: childEnv, maxBuffer: 64 << 20 }).catch((e: { stdout: string; stderr: string; code: number }) => ({
        stdout: `${e.stdout}sample failed (exit ${e.code}): ${e.stderr}`,
        stderr: e.stderr,
      }));
      printed.set(s, result);
    }

    /** A vitest sample, as test/sample.test.ts in a copy of its example project (its data, not its own tests). */
    async function runVitest(s: Sample, i: number): Promise<void> {
      const beside = (s.block.marker as { beside: string }).beside;
      const project = join(scratch, `project-${i}`);
      cpSync(join(root, beside), project, { recursive: true, filter: (from) => !/[/\\](test|node_modules)$/.test(from) && !from.endsWith('vitest.config.ts') });
      mkdirSync(join(project, 'test'));
      writeFileSync(join(project, 'test/sample.test.ts'), s.block.body);
      writeFileSync(
        join(project, 'vitest.config.mjs'),
        `export default { resolve: { alias: [\n` +
          `  { find: /^petition-rules\\/testing$/, replacement: ${JSON.stringify(join(scratch, 'src/testing/index.ts'))} },\n` +
          `  { find: /^petition-rules$/, replacement: ${JSON.stringify(join(scratch, 'src/index.ts'))} },\n` +
          `] }, test: { include: ['test/**/*.test.ts'] } };\n`,
      );
      const vitest = join(root, 'node_modules/vitest/vitest.mjs');
      const result = await run(process.execPath, [vitest, 'run', '--config', 'vitest.config.mjs'], { cwd: project, env: { ...childEnv, NO_COLOR: '1', FORCE_COLOR: '0' } })
        .then(() => '')
        .catch((e: { stdout: string; stderr: string }) => `sample failed: ${e.stdout}${e.stderr}`);
      printed.set(s, { stdout: result });
    }

    afterAll(() => {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it.each(samples.map((s) => [where(s.block), s] as const))('%s', (_, s) => {
      const out = printed.get(s);
      expect(out, 'the sample did not run').toBeDefined();
      expect(out!.stdout).not.toMatch(/^sample failed/m);
      for (const stream of ['stdout', 'stderr'] as const) {
        const expected = s.expected[stream];
        if (!expected) continue;
        const result = matchPrinted(expected.body, out![stream] ?? '');
        if (!result.ok) expect.fail(`${where(expected)}: the page shows\n  ${expected.body.split('\n')[result.at]}\nwhere the sample prints on ${stream}:\n${out![stream]}`);
      }
    });
  });
});
