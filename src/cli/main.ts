import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CaseValidationError } from '../errors/CaseValidationError.js';
import { RulePackError } from '../errors/RulePackError.js';
import { CalendarDataError } from '../calendar/CalendarDataError.js';
import { CalendarCoverageError } from '../calendar/types.js';
import { builtinRulesDir } from '../node/packageRoot.js';
import { AuditWorkerError } from './auditWorkerError.js';
import { auditCommand } from './commands/audit.js';
import { compareCommand } from './commands/compare.js';
import { evaluateCommand } from './commands/evaluate.js';
import { expandCommand } from './commands/expand.js';
import { lintCommand } from './commands/lint.js';
import { rulesCommand } from './commands/rules.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { testCommand } from './commands/test.js';
import { verifyCommand } from './commands/verify.js';
import { describeErrno } from './errno.js';
import { EXIT, InputError, UsageError, type ExitCode } from './exitCodes.js';
import { commandHelp, overview } from './help.js';
import { nameOutput, OutputError, type CliIo } from './io.js';
import { nearestName } from './nearestName.js';
import { globalOptions, parse } from './options.js';

const commands: Record<string, (args: readonly string[], io: CliIo) => Promise<ExitCode>> = {
  evaluate: evaluateCommand,
  audit: auditCommand,
  rules: rulesCommand,
  lint: lintCommand,
  test: testCommand,
  schema: schemaCommand,
  serve: serveCommand,
  verify: verifyCommand,
  compare: compareCommand,
  expand: expandCommand,
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

/** `--lang zh` anywhere in the arguments: the language of the CLI's own messages, known before parsing. */
function langOf(argv: readonly string[]): 'en' | 'zh' {
  const at = argv.indexOf('--lang');
  return argv.includes('--lang=zh') || (at !== -1 && argv[at + 1] === 'zh') ? 'zh' : 'en';
}

/** A system error that names a file (a read that failed), as opposed to one without a path. */
function fileError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).path === 'string';
}

/**
 * How a failure ends the run: one line on stderr, never a stack trace (unless `debug`). Bad input,
 * usage, a file that cannot be read or written: exit 2. A reader that went away (`EPIPE`): quietly,
 * with what was written. Anything else is the program's own fault: "internal error", exit 3.
 */
function reportFailure(error: unknown, io: CliIo, lang: 'en' | 'zh'): ExitCode {
  const say = (line: string) => io.stderr.write(`petition-rules: ${line}\n`);
  const text = (e: Error & { zh?: string | undefined }) => (lang === 'zh' && e.zh !== undefined ? e.zh : e.message);
  if (error instanceof OutputError) {
    if (error.code === 'EPIPE') return EXIT.ok;
    say(text(error));
    return EXIT.badInput;
  }
  if (error instanceof UsageError) {
    say(text(error));
    io.stderr.write(lang === 'zh' ? '用法见 petition-rules --help。\n' : 'Run petition-rules --help for usage.\n');
    return EXIT.badInput;
  }
  if (error instanceof InputError) {
    say(text(error));
    return EXIT.badInput;
  }
  if (error instanceof CalendarCoverageError) {
    say(lang === 'zh' ? error.reason.zh : error.message);
    return EXIT.badInput;
  }
  if (error instanceof RulePackError || error instanceof CaseValidationError || error instanceof CalendarDataError) {
    say(error.message);
    return EXIT.badInput;
  }
  if (fileError(error)) {
    say(`${error.path}: ${describeErrno(error, lang)}`);
    return EXIT.badInput;
  }
  const what = error instanceof AuditWorkerError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  say(lang === 'zh' ? `内部错误（程序故障，并非输入的问题）：${what}` : `internal error (a fault of the program, not of the input): ${what}`);
  if (io.debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}

/**
 * Runs the CLI: `petition-rules <command> [options]`. Returns the exit code (0 ok, 1 findings or
 * failures where asked, 2 bad input or usage, 3 internal error) instead of exiting, so it can be
 * tested in-process. Nothing it reports ends in a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const lang = langOf(argv);
  nameOutput(io.stdout, 'stdout');
  try {
    if (argv.includes('--version')) {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const name = commandOf(argv);
    const wantsHelp = argv.includes('--help') || argv.includes('-h');
    if (name === undefined || name === 'help') {
      if (name === undefined && !wantsHelp) parse(argv, {}); // an unknown option (-v) is named as one
      const topic = name === 'help' ? commandOf(argv.slice(argv.indexOf('help') + 1)) : undefined;
      io[wantsHelp || name === 'help' ? 'stdout' : 'stderr'].write(topic && commandHelp[topic] ? commandHelp[topic] : overview);
      return wantsHelp || name === 'help' ? EXIT.ok : EXIT.badInput;
    }
    const command = commands[name];
    if (!command) {
      const near = nearestName(name, Object.keys(commands));
      throw new UsageError(
        `unknown command "${name}"${near ? ` (did you mean ${near}?)` : ''} (commands: ${Object.keys(commands).join(', ')})`,
        `未知命令"${name}"${near ? `（是否想用 ${near}？）` : ''}（命令：${Object.keys(commands).join('、')}）`,
      );
    }
    if (wantsHelp) {
      io.stdout.write(commandHelp[name] ?? overview);
      return EXIT.ok;
    }
    const rest = [...argv];
    rest.splice(rest.indexOf(name), 1);
    return await command(rest, io);
  } catch (error) {
    return reportFailure(error, io, lang);
  }
}
