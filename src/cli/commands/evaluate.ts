import { CaseValidationError } from '../../errors/CaseValidationError.js';
import { explain } from '../../explain/explain.js';
import { timeline } from '../../timeline/timeline.js';
import { timelinePage } from '../../timeline/page.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { write, type CliIo } from '../io.js';
import { asOfOrToday, buildEvaluator, checkLang, evaluatorOptions, parse, readInput } from '../options.js';

/** Every problem of an invalid case, under a headline in the report's language. */
function caseProblems(error: CaseValidationError, input: unknown, lang: 'en' | 'zh'): string {
  const id = typeof (input as { id?: unknown } | null)?.id === 'string' ? (input as { id: string }).id : undefined;
  const n = error.issues.length;
  const head =
    lang === 'zh'
      ? `${id !== undefined ? `案件"${id}"` : '该案件'}无效（${n} 个问题）：`
      : `${id !== undefined ? `case "${id}"` : 'the case'} is not valid (${n} problem${n === 1 ? '' : 's'}):`;
  return `${head}\n${error.issues.map((i) => `  - ${i.path || (lang === 'zh' ? '（案件）' : '(case)')}: ${i.message}`).join('\n')}\n`;
}

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
    receipt: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('evaluate takes one case file (or - for stdin)', 'evaluate 需要一个案件文件（或用 - 表示标准输入）');
  const lang = checkLang(values.lang);
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!FORMATS.includes(format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`, `--format 只能是 ${FORMATS.join('、')} 之一（收到 "${format}"）`);
  if (values.json && format !== 'json') throw new UsageError(`--json and --format ${format} say different things; give one`, `--json 与 --format ${format} 互相矛盾，请只给一个`);
  const evaluator = buildEvaluator(evaluatorOptions(values, io));
  const text = await readInput(positionals[0]!, io);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${positionals[0]} is not valid JSON: ${(error as Error).message}`, `${positionals[0]} 不是有效的 JSON：${(error as Error).message}`);
  }
  const asOf = asOfOrToday(values['as-of'], io, lang);
  try {
    const assessment = await evaluator.evaluate(input, { asOf, lang, ...(values.receipt ? { receipt: true } : {}) });
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
    io.stderr.write(caseProblems(error, input, lang));
    return EXIT.badInput;
  }
}
