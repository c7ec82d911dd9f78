import { CaseValidationError } from '../../errors/CaseValidationError.js';
import { explain } from '../../explain/explain.js';
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
  });
  if (positionals.length !== 1) throw new UsageError('evaluate takes one case file (or - for stdin)', 'evaluate 需要一个案件文件（或用 - 表示标准输入）');
  const lang = checkLang(values.lang);
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
    const assessment = await evaluator.evaluate(input, { asOf, lang });
    await write(io.stdout, values.json ? `${JSON.stringify(assessment, null, 2)}\n` : explain(assessment, { lang, trace: values.trace ?? false }));
    const failOnFindings = values['fail-on-findings'] && assessment.findings.length > 0;
    const failOnOverdue = values['fail-on-overdue'] && assessment.obligations.some((o) => o.status === 'overdue');
    return failOnFindings || failOnOverdue ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (!(error instanceof CaseValidationError)) throw error;
    if (values.json) await write(io.stdout, `${JSON.stringify({ error: { issues: error.issues } }, null, 2)}\n`);
    io.stderr.write(caseProblems(error, input, lang));
    return EXIT.badInput;
  }
}
