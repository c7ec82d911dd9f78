import type { ItemDifference } from '../../compare/compareAssessments.js';
import { COMPARED_LISTS } from '../../compare/compareAssessments.js';
import { CaseValidationError } from '../../errors/CaseValidationError.js';
import { readRecorded, verifyReceipt, type Verification } from '../../receipt/verifyReceipt.js';
import { createEvaluator } from '../../node/createEvaluator.js';
import { EXIT, InputError, UsageError, type ExitCode } from '../exitCodes.js';
import { write, type CliIo } from '../io.js';
import { checkLang, evaluatorOptions, parse, readInput } from '../options.js';

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

/** The compared lists as the report names them, in Chinese (in English the list's own name). */
const LIST_ZH: Record<string, string> = { obligations: '期限义务', findings: '问责认定', escalations: '上报与督办', guidance: '引导', actions: '行动', responsibilities: '责任' };

/** One line per changed item: what changed, from what to what. */
export function describeItemDifference(list: string, d: ItemDifference, lang: 'en' | 'zh'): string {
  const organ = d.organ ? ` (${lang === 'zh' ? d.organ.nameZh : d.organ.name})` : '';
  if (lang === 'zh') list = LIST_ZH[list] ?? list;
  if (d.change !== 'changed') {
    const side = d.change === 'appeared' ? d.reform : d.base;
    const word = lang === 'zh' ? (d.change === 'appeared' ? '新出现' : '已消失') : d.change;
    return `  ${list} ${d.id}${organ}: ${word}${side && Object.keys(side).length > 0 ? ` ${JSON.stringify(side)}` : ''}`;
  }
  const fields = d.fields.map((f) => `${f} ${show(d.base?.[f])} → ${show(d.reform?.[f])}`).join('; ');
  return `  ${list} ${d.id}${organ}: ${fields}`;
}

/** The report printed by `verify`: reproduced, or each difference and how the answer changed. */
export function formatVerification(v: Verification, lang: 'en' | 'zh'): string {
  const rows: string[] = [];
  const library = v.differences.find((d) => d.what === 'library');
  if (v.reproduced) {
    rows.push(lang === 'zh' ? '已复现（reproduced）' : 'reproduced');
    if (library) rows.push(`  ${library.message[lang]}`);
    return `${rows.join('\n')}\n`;
  }
  rows.push(lang === 'zh' ? '未能复现（not reproduced）：以下不同' : 'not reproduced: these differ');
  for (const d of v.differences) rows.push(`  ${d.message[lang]}`);
  if (v.answer) {
    rows.push('', lang === 'zh' ? '评估结果的变化（当时 → 现在）' : 'how the answer changed (then → now)');
    let any = false;
    for (const list of COMPARED_LISTS) for (const d of v.answer[list]) (any = true), rows.push(describeItemDifference(list, d, lang));
    if (!any) rows.push(lang === 'zh' ? '  各项结果相同（仅所列参数或适用规则包不同）' : '  no obligation, finding, escalation, guidance, action or responsibility differs (only what is listed above)');
  } else if (v.differences.some((d) => d.what === 'answer')) {
    rows.push(
      '',
      lang === 'zh'
        ? '（给出完整的评估结果文件——evaluate --json --receipt 的输出——即可看到结果如何变化）'
        : '(give the whole assessment — the output of evaluate --json --receipt — to see how the answer changed)',
    );
  }
  return `${rows.join('\n')}\n`;
}

/**
 * `petition-rules verify <receipt.json> <case.json|-> [--packs DIR] [--calendar FILE] [--directory FILE] [--json]`
 *
 * Re-evaluates the case as the receipt records (its date, jurisdiction and policy), with the packs,
 * calendar and directory given now, and prints "reproduced" (exit 0) or exactly what differs — a pack's
 * manifest, parameters or rules, a policy option, the calendar, the input, the answer — and how the
 * answer changed when the receipt file is a whole assessment (exit 1). The receipt's jurisdiction and
 * policy are what is verified, so `--jurisdiction` and `--policy` are refused.
 */
export async function verifyCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, { lang: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 2) throw new UsageError('verify takes a receipt file (an assessment with its receipt, or the receipt alone) and the case file (or - for stdin)');
  if (values.jurisdiction !== undefined || values.policy !== undefined) throw new UsageError('verify takes the jurisdiction and the policy from the receipt: leave out --jurisdiction and --policy');
  const lang = checkLang(values.lang);
  const recorded = parseJson(await readInput(positionals[0]!, io), positionals[0]!);
  const input = parseJson(await readInput(positionals[1]!, io), positionals[1]!);
  try {
    readRecorded(recorded);
  } catch (error) {
    if (error instanceof TypeError) throw new InputError(`${positionals[0]}: ${error.message}`, { zh: `${positionals[0]}：不是 petition-rules 的回执（${error.message}）` });
    throw error;
  }
  let verification: Verification;
  try {
    verification = await verifyReceipt(recorded, input, { ...evaluatorOptions(values, io), lang }, createEvaluator);
  } catch (error) {
    if (!(error instanceof CaseValidationError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.badInput;
  }
  if (values.json) {
    const { assessment: _now, ...report } = verification;
    await write(io.stdout, `${JSON.stringify(report, null, 2)}\n`);
  } else await write(io.stdout, formatVerification(verification, lang));
  return verification.reproduced ? EXIT.ok : EXIT.failed;
}
