import { CaseValidationError } from '../../errors/CaseValidationError.js';
import { createEvaluator } from '../../node/createEvaluator.js';
import { explain } from '../../explain/explain.js';
import { timeline } from '../../timeline/timeline.js';
import { timelinePage } from '../../timeline/page.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { write, type CliIo } from '../io.js';
import { asOfOrToday, checkLang, evaluatorOptions, parse, readInput } from '../options.js';

/**
 * `petition-rules evaluate <case.json|-> [--as-of DATE] [--lang en|zh] [--format text|json|svg|html] [--trace]`
 *
 * Assesses one case and prints the explained report, the assessment as JSON (`--json` is
 * `--format json`), its timeline as SVG, or one HTML page with the timeline and the report. An invalid case is
 * bad input (exit 2) with every problem listed; `--fail-on-findings` / `--fail-on-overdue` make an
 * assessment with findings or overdue obligations exit 1.
 */
const FORMATS = ['text', 'json', 'svg', 'html'] as const;
type Format = (typeof FORMATS)[number];

export async function evaluateCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, {
    'as-of': { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
    format: { type: 'string' },
    trace: { type: 'boolean' },
    'fail-on-findings': { type: 'boolean' },
    'fail-on-overdue': { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('evaluate takes one case file (or - for stdin)');
  const lang = checkLang(values.lang);
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!FORMATS.includes(format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  if (values.json && format !== 'json') throw new UsageError(`--json and --format ${format} say different things; give one`);
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
    const assessment = await evaluator.evaluate(input, { asOf, lang });
    const shown =
      format === 'json'
        ? `${JSON.stringify(assessment, null, 2)}\n`
        : format === 'svg'
          ? timeline(assessment, { lang, calendar: evaluator.calendar, case: input })
          : format === 'html'
            ? timelinePage(assessment, { lang, calendar: evaluator.calendar, case: input })
            : explain(assessment, { lang, trace: values.trace ?? false });
    await write(io.stdout, shown);
    const failOnFindings = values['fail-on-findings'] && assessment.findings.length > 0;
    const failOnOverdue = values['fail-on-overdue'] && assessment.obligations.some((o) => o.status === 'overdue');
    return failOnFindings || failOnOverdue ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (!(error instanceof CaseValidationError)) throw error;
    if (format === 'json') await write(io.stdout, `${JSON.stringify({ error: { issues: error.issues } }, null, 2)}\n`);
    io.stderr.write(`${error.message}\n`);
    return EXIT.badInput;
  }
}
