import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distCli, distIndex, root } from './paths.js';

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * Builds the package (`npm run build`) when `dist/` is missing or older than a source file, so the
 * bench always measures the code in the tree, run as a user would run it. Rule data is read from
 * `rules/` at run time and needs no build.
 */
export function ensureBuilt(log: (line: string) => void): void {
  const built = [distIndex, distCli].every(existsSync) ? Math.min(statSync(distIndex).mtimeMs, statSync(distCli).mtimeMs) : 0;
  const sources = Math.max(newest(join(root, 'src')), statSync(join(root, 'tsup.config.ts')).mtimeMs);
  if (built > sources) return;
  log(built === 0 ? 'building (dist/ missing): npm run build' : 'building (dist/ older than src/): npm run build');
  const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status ?? run.signal})`);
}
