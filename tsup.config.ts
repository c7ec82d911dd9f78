import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library and its testing kit (`petition-rules/testing`) as ES modules with types; the two
    // entries share chunks, so the kit and the library are one copy of the code (errors are the same
    // classes). The kit is ESM only, as vitest is: it publishes no CommonJS entry.
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    // All builds run at once: the clean must leave the CommonJS and CLI builds' output alone.
    clean: ['!index.cjs', '!index.cjs.map', '!index.d.cts', '!cli.js', '!cli.js.map', '!auditWorker.js', '!auditWorker.js.map'],
    target: 'node20',
    shims: true,
  },
  {
    // The library for `require`, with its CommonJS declarations: one whole file (no chunks).
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    shims: true,
  },
  {
    // The `petition-rules` command (package `bin`): one ESM file keeping src/cli/index.ts's shebang, and
    // next to it the audit's worker thread (found as `./auditWorker.js`). Each file is whole (no shared
    // chunks), so the library build's clean, running at the same time, has only these names to spare.
    entry: { cli: 'src/cli/index.ts', auditWorker: 'src/cli/auditWorker.ts' },
    format: ['esm'],
    splitting: false,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
  },
]);
