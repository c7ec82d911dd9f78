import { PolicyFileSchema } from '../../policy/policy.js';
import { countingRules } from '../../time/counting.js';
import { builtinCatalogue } from '../../catalogue/builtinCatalogue.js';
import { catalogueCoverage, type CatalogueCoverage } from '../../catalogue/catalogue.js';
import { builtinOperators, ENGINE_OPERATORS } from '../../engine/operators.js';
import { createEvaluator } from '../../node/createEvaluator.js';
import { materialisers } from '../../outcomes/registry.js';
import { caseFacts } from '../../facts/caseFacts.js';
import { parties } from '../../parties/parties.js';
import type { StagedRule } from '../../engine/ruleset.js';
import { builtinPolicyFile } from '../../rules/builtinFiles.js';
import type { Pack } from '../../rules/loadPack.js';
import type { ProvisionsFile } from '../../rules/provisions.js';
import { packReference } from '../../compact/lawReference.js';
import { packReceipt } from '../../receipt/receipt.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { write, type CliIo } from '../io.js';
import { buildEvaluator, checkDate, checkLang, evaluatorOptions, parse } from '../options.js';

const inWindow = (from: string, to: string | null, at: string) => from <= at && (to === null || at <= to);

/** What a rule yields, as `kind:id` (`guidance:elect-representatives`). */
function yields(rule: StagedRule): string[] {
  return rule.outcomes.map((o) => {
    const rec = o as Record<string, unknown>;
    return `${o.kind}:${String(rec.id ?? rec.role ?? '')}`;
  });
}

/** What a rule may name: facts (with descriptions), operators, parties and outcome kinds. */
async function vocabularyForAuthors(io: CliIo, json: boolean): Promise<ExitCode> {
  const data = {
    facts: Object.entries(caseFacts).map(([name, f]) => ({ name, description: f.description })),
    stageFacts: ['outcomes', 'obligations'],
    operators: [...ENGINE_OPERATORS.map((name) => ({ name, description: 'json-rules-engine operator' })), ...builtinOperators.map((o) => ({ name: o.name, description: o.description }))],
    parties: Object.keys(parties),
    outcomeKinds: Object.keys(materialisers),
  };
  if (json) {
    await write(io.stdout, `${JSON.stringify(data, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [
    'Facts a condition may read ({ "fact": NAME, "path": "a.b", "operator": …, "value": … })',
    ...data.facts.map((f) => `  ${f.name.padEnd(22)} ${f.description}`),
    `  ${'outcomes, obligations'.padEnd(22)} what earlier rules yielded (list those rules in "dependsOn")`,
    '',
    'Operators',
    ...data.operators.map((o) => `  ${o.name.padEnd(22)} ${o.description}`),
    '',
    `Parties an outcome may name: ${data.parties.join(', ')}`,
    `Outcome kinds: ${data.outcomeKinds.join(', ')}`,
  ];
  await write(io.stdout, `${lines.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * The coverage report: per instrument, provisions encoded / catalogued (with the reason each is not
 * encoded) / total, the operational parts of encoded provisions left out, and any catalogue problem.
 */
function coverageLines(covered: readonly CatalogueCoverage[], lang: 'en' | 'zh'): string[] {
  const lines: string[] = [];
  for (const c of covered) {
    const encoded = c.encoded.length + c.setsParameters.length;
    const catalogued = c.notEncoded.length + c.notOperational.length;
    lines.push(
      `${c.instrument} — ${c.title[lang]}: ${encoded} encoded / ${catalogued} catalogued / ${c.provisions} ${c.complete ? 'total' : 'listed (not claimed to be every provision of the instrument)'}` +
        ` (${c.encoded.length} cited by rules, ${c.setsParameters.length} setting parameters, policy or counting; ${c.notEncoded.length} operational but not encoded, ${c.notOperational.length} not operational)`,
    );
    for (const p of c.catalogued) lines.push(`  ${p.id.padEnd(18)} ${p.class === 'not-encoded' ? 'not encoded    ' : 'not operational'}  ${p.reason[lang]}`);
    for (const p of c.partsNotEncoded) lines.push(`  ${p.id.padEnd(18)} part not encoded  ${p.reason[lang]}`);
    for (const problem of c.problems) lines.push(`  PROBLEM: ${problem}`);
    lines.push('');
  }
  return lines;
}

/**
 * `petition-rules rules [--at DATE] [--pack ID] [--json] [--facts] [--coverage [--lang en|zh]]`
 *
 * Lists the rules (built-in and `--packs`), pack by pack in evaluation order with stage, citations and
 * outcomes, and the provisions catalogue of each instrument with its coverage by those rules. `--at`
 * keeps the packs and rules in force for a matter received on that date; `--pack` keeps one pack.
 * `--coverage` prints only the coverage: per instrument encoded / catalogued / total, and each
 * catalogued provision with the reason it is not encoded; it exits 1 when a catalogue has a problem
 * (an operational provision neither encoded nor catalogued, a stale reason, a provision that does not exist).
 * `--facts` lists instead what a rule may name: facts, operators, parties and outcome kinds.
 */
export async function rulesCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, {
    at: { type: 'string' },
    pack: { type: 'string' },
    json: { type: 'boolean' },
    facts: { type: 'boolean' },
    coverage: { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`rules takes no arguments (got "${positionals.join(' ')}")`, `rules 不接受参数（收到"${positionals.join(' ')}"）`);
  if (values.facts) return vocabularyForAuthors(io, values.json ?? false);
  const lang = checkLang(values.lang);
  const at = values.at === undefined ? undefined : checkDate(values.at, 'at');
  const evaluator = buildEvaluator(evaluatorOptions(values, io));
  if (values.pack !== undefined && !evaluator.packs.some((p) => p.manifest.id === values.pack)) {
    const loaded = evaluator.packs.map((p) => p.manifest.id);
    throw new UsageError(`no pack "${values.pack}" (loaded: ${loaded.join(', ')})`, `没有规则包"${values.pack}"（已加载：${loaded.join('、')}）`);
  }
  const packs = evaluator.packs.filter(
    (p) => (values.pack === undefined || p.manifest.id === values.pack) && (at === undefined || inWindow(p.manifest.inForce.from, p.manifest.inForce.to, at)),
  );
  const packIds = new Set(packs.map((p) => p.manifest.id));
  const rules = evaluator.rules.filter((r) => packIds.has(r.pack) && (at === undefined || inWindow(r.validFrom, r.validTo, at)));

  const catalogues = new Map<string, ProvisionsFile>();
  for (const c of builtinCatalogue()) catalogues.set(c.data.instrument.id, c.data);
  for (const p of evaluator.packs) if (p.provisions) catalogues.set(p.provisions.instrument.id, p.provisions);
  // An instrument whose own pack is filtered out (another pack asked for, or not in force at --at) is not shown.
  const loadedIds = new Set(evaluator.packs.map((p) => p.manifest.id));
  const shown = [...catalogues.values()].filter((c) =>
    values.pack === undefined ? !loadedIds.has(c.instrument.id) || packIds.has(c.instrument.id) : c.instrument.id === values.pack,
  );
  const policyFile = PolicyFileSchema.parse(builtinPolicyFile.value);
  const policyBasis = [...Object.values(policyFile.options).flatMap((o) => o.basis ?? []), ...Object.values(countingRules()).flatMap((r) => r.basis)];
  const encodings = {
    citations: rules.flatMap((r) => r.citations),
    sources: [...packs.flatMap((p) => Object.values(p.parameters).flatMap((param) => param.values.flatMap((v) => v.source))), ...policyBasis],
  };
  const covered = shown.map((c) => catalogueCoverage(c, encodings));
  const problems = covered.some((c) => c.problems.length > 0);

  if (values.coverage) {
    if (values.json) await write(io.stdout, `${JSON.stringify({ ...(at !== undefined ? { at } : {}), catalogue: covered }, null, 2)}\n`);
    else await write(io.stdout, `${coverageLines(covered, lang).join('\n')}`);
    return problems ? EXIT.failed : EXIT.ok;
  }

  if (values.json) {
    const out = {
      ...(at !== undefined ? { at } : {}),
      packs: packs.map((p) => ({ id: p.manifest.id, reference: packReference(p), hash: packReceipt(p).hash, role: p.manifest.role, title: p.manifest.title, inForce: p.manifest.inForce, caveats: p.manifest.caveats ?? [], source: p.source })),
      rules: rules.map((r) => ({ id: r.id, pack: r.pack, stage: r.stage, title: r.title, citations: r.citations, validFrom: r.validFrom, validTo: r.validTo, dependsOn: r.dependsOn ?? [], yields: yields(r) })),
      catalogue: covered,
    };
    await write(io.stdout, `${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }

  const lines: string[] = [];
  lines.push(`${rules.length} rules in ${packs.length} packs${at !== undefined ? ` in force for a matter received on ${at}` : ''}`, '');
  for (const p of packs) {
    const own = rules.filter((r) => r.pack === p.manifest.id);
    lines.push(`${p.manifest.id} — ${p.manifest.title.en} (${p.manifest.title.zh})`);
    lines.push(`  version ${packReference(p)} (content hash ${packReceipt(p).hash}; compact audit records name the pack so)`);
    lines.push(`  ${p.manifest.role}${p.manifest.jurisdiction ? ` (jurisdiction ${p.manifest.jurisdiction})` : ''}; in force ${p.manifest.inForce.from} to ${p.manifest.inForce.to ?? 'now'}; ${own.length} rules; from ${p.source}`);
    for (const caveat of p.manifest.caveats ?? []) lines.push(`  caveat: ${caveat.en}`);
    for (const r of own) {
      lines.push(`  [stage ${r.stage}] ${r.id} — ${r.title.en}`);
      lines.push(`      cites ${r.citations.join(', ')} · yields ${yields(r).join(', ')}${r.dependsOn?.length ? ` · depends on ${r.dependsOn.join(', ')}` : ''}`);
    }
    lines.push('');
  }
  lines.push('Provisions catalogue (coverage by the rules listed above)');
  for (const c of covered) {
    lines.push(
      `  ${c.instrument} — ${c.provisions} provisions: ${c.encoded.length} encoded by rules, ${c.setsParameters.length} setting parameters, policy or counting, ${c.notEncoded.length} operational but not encoded, ${c.notOperational.length} not operational, ${c.awaitingRules.length} awaiting rules`,
    );
    if (c.awaitingRules.length > 0) lines.push(`      awaiting rules: ${c.awaitingRules.join(', ')}`);
  }
  lines.push('', '(rules --coverage lists each provision not encoded and why)');
  await write(io.stdout, `${lines.join('\n')}\n`);
  return EXIT.ok;
}
