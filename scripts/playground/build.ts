/**
 * `npm run playground [-- OUTDIR]` — builds the playground page (docs/playground/ by default; the
 * package build writes dist/playground/ for `petition-rules serve`): the core bundled for the browser
 * with esbuild, the examples as data, one HTML page. Nothing in the page is fetched from elsewhere.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** Builds the page into `outdir` and returns the files written. */
export async function buildPlayground(outdir: string): Promise<string[]> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(here, 'main.ts')],
    outfile: join(outdir, 'playground.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  copyFileSync(join(here, 'page.html'), join(outdir, 'index.html'));
  return [join(outdir, 'index.html'), join(outdir, 'playground.js')];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = resolve(root, process.argv[2] ?? 'docs/playground');
  const files = await buildPlayground(outdir);
  process.stdout.write(`${files.join('\n')}\n`);
}
