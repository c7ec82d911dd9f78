/**
 * A provincial pack, loaded from a folder without touching the library: evaluate a Shandong case with
 * the national rules plus the worked local pack in ./packs/shandong-2015, and print the report.
 *
 *   npx tsx examples/provincial-pack/evaluate.ts            # English
 *   npx tsx examples/provincial-pack/evaluate.ts --lang zh  # Chinese
 *
 * The pack adds a local time limit (deciding within 3 working days whether to accept a review or
 * reexamination request, citing shandong-2015:art43/art44), with its own parameters; selecting the
 * jurisdiction `shandong` applies it on top of op2007 and the procedural pack in force.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEvaluator, explain, type Organ } from 'petition-rules/node';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const directory = JSON.parse(readFileSync(here('./directory.json'), 'utf8')) as Organ[];

export const shandongEvaluator = () =>
  createEvaluator({
    directory,
    packs: [here('./packs')], // a folder of pack folders; pack data objects work too
    jurisdiction: 'shandong',
  });

/** Labels for the ids the local pack adds, so the report names them in words. */
export const localLabels = {
  obligation: {
    'decide-review-acceptance': { en: 'Decide whether to accept the review request', zh: '决定是否受理复查申请' },
    'decide-reexamination-acceptance': { en: 'Decide whether to accept the reexamination request', zh: '决定是否受理复核申请' },
  },
};

/** The first worked scenario's case: a review request the Jinan housing bureau has not decided on. */
export const exampleCase = JSON.parse(readFileSync(here('./scenarios/review-and-reexamination-acceptance.json'), 'utf8')).scenarios[0].case;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { lang: { type: 'string', default: 'en' }, 'as-of': { type: 'string', default: '2023-06-09' } } });
  const assessment = await shandongEvaluator().evaluate(exampleCase, { asOf: values['as-of'] });
  process.stdout.write(explain(assessment, { lang: values.lang === 'zh' ? 'zh' : 'en', labels: localLabels }));
}
