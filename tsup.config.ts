import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library and its testing kit (`petition-rules/testing`), ESM and CJS with types.
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Both builds run at once: the clean must leave the CLI build's output alone.
    clean: ['!cli.js', '!cli.js.map'],
    target: 'node20',
    shims: true,
  },
  {
    // The `petition-rules` command (package `bin`): one ESM file keeping src/cli/index.ts's shebang.
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
  },
]);
