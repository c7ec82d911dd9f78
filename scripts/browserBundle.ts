/**
 * A browser bundle of the core (`src/index.ts`), as a web application would build it: esbuild with
 * platform=browser and nothing external, so the build fails if anything in the core reaches for
 * node:fs, path, url or worker_threads. Used by `npm run size`, the pure-core test and the Chromium
 * test (which loads this very bundle in a page and in a Web Worker).
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');

export interface CoreBundle {
  /** The bundled ES module. */
  readonly code: string;
  /** Every file the bundler read (paths relative to the repository). */
  readonly inputs: readonly string[];
  /** The files that contributed code to it (the rest were dropped as unused). */
  readonly contributing: readonly string[];
}

/** Bundles the core for browsers as one ES module; minified unless asked otherwise. */
export async function bundleCore(options: { readonly minify?: boolean } = {}): Promise<CoreBundle> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/index.ts'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const contributing = Object.entries(output.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([file]) => file)
    .sort();
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs).sort(), contributing };
}

/** The sizes of a minified browser bundle of the core: raw and gzipped (level 9), in bytes. */
export async function coreBundleSize(): Promise<{ minified: number; gzipped: number }> {
  const { code } = await bundleCore();
  const bytes = Buffer.from(code, 'utf8');
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}
