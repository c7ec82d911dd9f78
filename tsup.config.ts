import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library (a pure core: no file system, path, URL or worker code), its Node entry
    // (`petition-rules/node`: packs from folders, scenario files) and its testing kit
    // (`petition-rules/testing`) as ES modules with types. The entries share chunks, so they are one
    // copy of the code (errors are the same classes). The kit is ESM only, as vitest is.
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    // All builds run at once: the clean must leave the CommonJS and CLI builds' output alone.
    clean: ['!**/*.cjs', '!**/*.cjs.map', '!**/*.d.cts', '!cli.js', '!cli.js.map', '!auditWorker.js', '!auditWorker.js.map', '!compareWorker.js', '!compareWorker.js.map', '!playground/**'],
    target: 'node20',
    shims: true,
  },
  {
    // The library and its Node entry for `require`, with their CommonJS declarations. Shared chunks in
    // CommonJS too, so a RulePackError thrown by petition-rules/node is an instance of petition-rules's class.
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    shims: true,
    splitting: true,
  },
  {
    // The `petition-rules` command (package `bin`): one ESM file keeping src/cli/index.ts's shebang, and
    // next to it the audit's and the comparison's worker threads (found as `./auditWorker.js`,
    // `./compareWorker.js`). Each file is whole (no shared chunks), so the library build's clean,
    // running at the same time, has only these names to spare.
    entry: { cli: 'src/cli/index.ts', auditWorker: 'src/cli/auditWorker.ts', compareWorker: 'src/cli/compareWorker.ts' },
    format: ['esm'],
    splitting: false,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
  },
]);
