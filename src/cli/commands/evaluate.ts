import { CaseValidationError } from '../../errors/CaseValidationError.js';
import { createEvaluator } from '../../evaluate/createEvaluator.js';
import { explain } from '../../explain/explain.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { write, type CliIo } from '../io.js';
import { asOfOrToday, checkLang, evaluatorOptions, parse, readInput } from '../options.js';

/**
 * `petition-rules evaluate <case.json|-> [--as-of DATE] [--lang en|zh] [--json] [--trace]`
 *
 * Assesses one case and prints the explained report (or the assessment as JSON). An invalid case is
 * bad input (exit 2) with every problem listed; `--fail-on-findings` / `--fail-on-overdue` make an
 * assessment with findings or overdue obligations exit 1.
 */
export async function evaluateCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, {
    'as-of': { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
    trace: { type: 'boolean' },
    'fail-on-findings': { type: 'boolean' },
    'fail-on-overdue': { type: 'boolean' },
    receipt: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('evaluate takes one case file (or - for stdin)');
  const lang = checkLang(values.lang);
  const evaluator = createEvaluator(evaluatorOptions(values, io));
  const text = await readInput(positionals[0]!, io);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${positionals[0]} is not valid JSON: ${(error as Error).message}`);
  }
  const asOf = asOfOrToday(values['as-of'], io);
  try {
    const assessment = await evaluator.evaluate(input, { asOf, lang, ...(values.receipt ? { receipt: true } : {}) });
    await write(io.stdout, values.json ? `${JSON.stringify(assessment, null, 2)}\n` : explain(assessment, { lang, trace: values.trace ?? false }));
    const failOnFindings = values['fail-on-findings'] && assessment.findings.length > 0;
    const failOnOverdue = values['fail-on-overdue'] && assessment.obligations.some((o) => o.status === 'overdue');
    return failOnFindings || failOnOverdue ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (!(error instanceof CaseValidationError)) throw error;
    if (values.json) await write(io.stdout, `${JSON.stringify({ error: { issues: error.issues } }, null, 2)}\n`);
    io.stderr.write(`${error.message}\n`);
    return EXIT.badInput;
  }
}
