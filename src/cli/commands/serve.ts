import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinRulesDir } from '../../node/packageRoot.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { parse } from '../options.js';
import { serveFolder } from '../serveFolder.js';

/**
 * `petition-rules serve [--port N] [--host H] [--dir DIR]` — serves the playground (the page built into
 * the package's `dist/playground/`, or another built folder) on localhost until interrupted: the core
 * runs in the browser, nothing is sent anywhere.
 */
export async function serveCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, { port: { type: 'string' }, host: { type: 'string' }, dir: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments (got "${positionals.join(' ')}")`);
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${values.port}")`);
  const dir = values.dir === undefined ? join(dirname(builtinRulesDir()), 'dist', 'playground') : resolve(io.cwd, values.dir);
  if (!existsSync(join(dir, 'index.html')) || !statSync(join(dir, 'index.html')).isFile()) {
    throw new UsageError(values.dir === undefined ? `the playground is not built (${dir}): run "npm run build" (or "npm run playground -- dist/playground")` : `--dir ${values.dir}: no index.html there`);
  }
  let served;
  try {
    served = await serveFolder(dir, { ...(values.host !== undefined ? { host: values.host } : {}), port });
  } catch (error) {
    throw new UsageError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${(error as Error).message}`);
  }
  io.stderr.write(`serving the playground at ${served.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void served.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
}
