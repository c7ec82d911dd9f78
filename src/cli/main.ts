import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CaseValidationError } from '../errors/CaseValidationError.js';
import { RulePackError } from '../errors/RulePackError.js';
import { CalendarDataError } from '../calendar/CalendarDataError.js';
import { builtinRulesDir } from '../rules/loadPack.js';
import { AuditWorkerError } from './auditWorkerError.js';
import { auditCommand } from './commands/audit.js';
import { compareCommand } from './commands/compare.js';
import { evaluateCommand } from './commands/evaluate.js';
import { rulesCommand } from './commands/rules.js';
import { schemaCommand } from './commands/schema.js';
import { testCommand } from './commands/test.js';
import { verifyCommand } from './commands/verify.js';
import { EXIT, UsageError, type ExitCode } from './exitCodes.js';
import { commandHelp, overview } from './help.js';
import { globalOptions } from './options.js';
import type { CliIo } from './io.js';

const commands: Record<string, (args: readonly string[], io: CliIo) => Promise<ExitCode>> = {
  evaluate: evaluateCommand,
  audit: auditCommand,
  rules: rulesCommand,
  test: testCommand,
  schema: schemaCommand,
  verify: verifyCommand,
  compare: compareCommand,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(join(dirname(builtinRulesDir()), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The command named first among the positionals (global options may come before it). */
function commandOf(argv: readonly string[]): string | undefined {
  const { positionals } = parseArgs({ args: [...argv], options: globalOptions, allowPositionals: true, strict: false });
  return positionals[0];
}

/**
 * Runs the CLI: `petition-rules <command> [options]`. Returns the exit code (0 ok, 1 findings or
 * failures where asked, 2 bad input or usage) instead of exiting, so it can be tested in-process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    if (argv.includes('--version')) {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const name = commandOf(argv);
    const wantsHelp = argv.includes('--help') || argv.includes('-h');
    if (name === undefined || name === 'help') {
      const topic = name === 'help' ? commandOf(argv.slice(argv.indexOf('help') + 1)) : undefined;
      io[wantsHelp || name === 'help' ? 'stdout' : 'stderr'].write(topic && commandHelp[topic] ? commandHelp[topic] : overview);
      return wantsHelp || name === 'help' ? EXIT.ok : EXIT.badInput;
    }
    const command = commands[name];
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})`);
    if (wantsHelp) {
      io.stdout.write(commandHelp[name] ?? overview);
      return EXIT.ok;
    }
    const rest = [...argv];
    rest.splice(rest.indexOf(name), 1);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof RulePackError || error instanceof CaseValidationError || error instanceof TypeError || error instanceof AuditWorkerError || error instanceof CalendarDataError) {
      io.stderr.write(`petition-rules: ${error.message}\n`);
      if (error instanceof UsageError) io.stderr.write('Run petition-rules --help for usage.\n');
      return EXIT.badInput;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') {
      io.stderr.write(`petition-rules: ${(error as Error).message}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}
