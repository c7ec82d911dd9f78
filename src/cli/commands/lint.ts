import { builtinCatalogue } from '../../catalogue/builtinCatalogue.js';
import { lintPacks } from '../../lint/lintPacks.js';
import type { LintFinding } from '../../lint/types.js';
import type { ProvisionsFile } from '../../rules/provisions.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { write, type CliIo } from '../io.js';
import { buildEvaluator, checkLang, evaluatorOptions, parse } from '../options.js';

function findingLines(f: LintFinding, lang: 'en' | 'zh'): string[] {
  const lines = [`  ${f.id}`, `      ${f.message[lang]}`];
  if (f.window) lines.push(`      ${lang === 'zh' ? '日期' : 'dates'}: ${f.window.from} – ${f.window.to ?? (lang === 'zh' ? '至今' : 'open')}`);
  if (f.witness) lines.push(`      ${lang === 'zh' ? '示例事实' : 'witness'}: ${JSON.stringify(f.witness)}`);
  if (f.explained) lines.push(`      ${lang === 'zh' ? '规则包说明' : 'explained by the pack'}: ${f.explained[lang]}`);
  return lines;
}

/**
 * `petition-rules lint [--packs DIR]... [--jurisdiction ID] [--policy JSON] [--json] [--lang en|zh]`
 *
 * The static check of the rule packs (built-in and `--packs`): rules that can never fire, pairs in force
 * together that give one obligation different periods or start events, redundant rules, dependencies on
 * rules that never fire, unused parameters, citations no catalogue holds — each with a witness. Exit 0
 * when every finding is explained by its pack, 1 otherwise.
 */
export async function lintCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, lang: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`lint takes no arguments (got "${positionals.join(' ')}"); give rule packs with --packs DIR`);
  const lang = checkLang(values.lang);
  const evaluator = buildEvaluator(evaluatorOptions(values, io));
  const catalogues = new Map<string, ProvisionsFile>();
  for (const c of builtinCatalogue()) catalogues.set(c.data.instrument.id, c.data);
  for (const p of evaluator.packs) if (p.provisions) catalogues.set(p.provisions.instrument.id, p.provisions);
  const report = lintPacks({
    packs: evaluator.packs,
    rules: evaluator.rules,
    catalogues: [...catalogues.values()],
    policy: Object.fromEntries(evaluator.policy.map((p) => [p.id, p.value])),
  });
  const failed = report.findings.length > 0 || report.undecided.length > 0;
  if (values.json) {
    await write(io.stdout, `${JSON.stringify(report, null, 2)}\n`);
    return failed ? EXIT.failed : EXIT.ok;
  }
  const zh = lang === 'zh';
  const lines = [
    zh
      ? `检查了 ${report.checked.packs} 个规则包的 ${report.checked.rules} 条规则（${report.checked.pairs} 对同时施行的规则）`
      : `checked ${report.checked.rules} rules in ${report.checked.packs} packs (${report.checked.pairs} pairs in force together)`,
  ];
  if (report.findings.length > 0) lines.push('', zh ? `${report.findings.length} 项问题：` : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}:`, ...report.findings.flatMap((f) => findingLines(f, lang)));
  if (report.explained.length > 0) lines.push('', zh ? `${report.explained.length} 项已由规则包说明：` : `${report.explained.length} explained by their packs:`, ...report.explained.flatMap((f) => findingLines(f, lang)));
  if (report.undecided.length > 0) lines.push('', zh ? '未能在搜索上限内判定：' : 'not decided within the search budget:', ...report.undecided.map((u) => `  ${u}`));
  if (!failed) lines.push('', zh ? '无问题' : 'clean');
  await write(io.stdout, `${lines.join('\n')}\n`);
  return failed ? EXIT.failed : EXIT.ok;
}
