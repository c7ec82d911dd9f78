/**
 * Evaluate one case and print the explained assessment.
 *
 *   npx tsx examples/evaluate-one-case.ts                      # the bundled case, in English
 *   npx tsx examples/evaluate-one-case.ts --lang zh            # in Chinese
 *   npx tsx examples/evaluate-one-case.ts my-case.json --as-of 2024-01-31 --json
 *
 * The case (examples/cases/land-compensation-visit.json): twelve villagers visit the Qingtian County
 * petition bureau about compensation for land taken for a road. The bureau registers and transfers the
 * matter to the county natural-resources bureau, which accepts it, tells the villagers in writing two
 * days late and, by 3 July 2023, still has not concluded it. The organ directory
 * (examples/directory.json) names the organs of Qingtian, Lishui and Zhejiang.
 *
 * In your own project import from 'petition-rules'; here the repository's tsconfig maps that name to
 * src/, so this file runs without a build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEvaluator, explain, type Organ } from 'petition-rules';

const { values, positionals } = parseArgs({
  options: { 'as-of': { type: 'string', default: '2023-07-03' }, lang: { type: 'string', default: 'en' }, json: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const caseFile = positionals[0] ? resolve(positionals[0]) : new URL('./cases/land-compensation-visit.json', import.meta.url);
const directory = JSON.parse(readFileSync(new URL('./directory.json', import.meta.url), 'utf8')) as Organ[];
const input: unknown = JSON.parse(readFileSync(caseFile, 'utf8'));

// Build the evaluator once (it loads and checks the rule packs) and reuse it for every case.
const evaluator = createEvaluator({ directory });

// The library never reads the clock: the evaluation date is always given.
const assessment = await evaluator.evaluate(input, { asOf: values['as-of'] });

const lang = values.lang === 'zh' ? 'zh' : 'en';
process.stdout.write(values.json ? `${JSON.stringify(assessment, null, 2)}\n` : explain(assessment, { lang }));
