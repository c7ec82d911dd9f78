import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createScenarioRunner, loadScenarioDir, loadScenarioFile, type LoadedScenario } from '../../scenarios/runScenario.js';
import { formatScenarioResult } from '../../testing/report.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { write, type CliIo } from '../io.js';
import { evaluatorOptions, parse } from '../options.js';

/**
 * `petition-rules test <dir|file>... [--quiet]`
 *
 * Runs scenario files (a case, a date and the outcomes worked out by hand) and prints PASS/FAIL for
 * each, with a readable diff for failures. Exit 1 when any scenario fails; exit 2 when a folder is
 * missing or a scenario file is malformed. `--packs`, `--directory`, `--policy` and `--jurisdiction`
 * apply to every scenario (a scenario's own directory and evaluator settings are added to them).
 */
export async function testCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, { quiet: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('test takes a folder (or file) of scenario files', 'test 需要一个场景文件的文件夹（或文件）');
  const scenarios: LoadedScenario[] = [];
  for (const name of positionals) {
    const path = resolve(io.cwd, name);
    if (!existsSync(path)) throw new UsageError(`not found: ${name}`, `找不到：${name}`);
    try {
      scenarios.push(...(statSync(path).isDirectory() ? loadScenarioDir(path) : loadScenarioFile(path)));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  if (scenarios.length === 0) throw new UsageError(`no scenario files (*.json) under ${positionals.join(', ')}`, `${positionals.join('、')} 下没有场景文件（*.json）`);
  const run = createScenarioRunner(evaluatorOptions(values, io));
  let failed = 0;
  for (const s of scenarios) {
    const result = await run(s);
    if (!result.passed) failed++;
    if (!result.passed || !values.quiet) await write(io.stdout, `${formatScenarioResult(result, io.cwd)}\n`);
  }
  await write(io.stdout, `\n${scenarios.length - failed} passed, ${failed} failed (${scenarios.length} scenarios)\n`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}
