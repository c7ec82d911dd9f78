import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library (a pure core: no file system, path, URL or worker code), its Node entry
    // (`petition-rules/node`: packs from folders, scenario files) and its testing kit
    // (`petition-rules/testing`), ESM and CJS with types.
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Both builds run at once: the clean must leave the CLI build's output alone.
    clean: ['!cli.js', '!cli.js.map', '!auditWorker.js', '!auditWorker.js.map', '!compareWorker.js', '!compareWorker.js.map'],
    target: 'node20',
    shims: true,
    // Shared chunks in CommonJS too (as in ESM): the three entries share one copy of the core, so a
    // RulePackError thrown by petition-rules/node is an instance of petition-rules's class.
    splitting: true,
  },
  {
    // The `petition-rules` command (package `bin`): one ESM file keeping src/cli/index.ts's shebang, and
    // next to it the audit's and the comparison's worker threads (found as `./auditWorker.js`, `./compareWorker.js`). Each file is whole (no shared
    // chunks), so the library build's clean, running at the same time, has only these names to spare.
    entry: { cli: 'src/cli/index.ts', auditWorker: 'src/cli/auditWorker.ts', compareWorker: 'src/cli/compareWorker.ts' },
    format: ['esm'],
    splitting: false,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
  },
]);
