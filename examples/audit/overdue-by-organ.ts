/**
 * An audit with the library API alone: stream an NDJSON file of cases, evaluate each as of one date,
 * and count overdue obligations and accountability findings per organ — what an auditor's own
 * pipeline would do. (The `petition-rules audit` command does the same with every record kept.)
 *
 *   npx tsx examples/audit/generate-cases.ts 3000 > cases.ndjson
 *   npx tsx examples/audit/overdue-by-organ.ts cases.ndjson --as-of 2023-12-31
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CaseValidationError, createEvaluator, type Evaluator, type Organ } from 'petition-rules';

export interface OrganTally {
  organ: string;
  name: string;
  overdue: number;
  findings: number;
}

export interface AuditResult {
  read: number;
  assessed: number;
  rejected: Array<{ line: number; problems: string[] }>;
  byOrgan: OrganTally[];
}

/** Evaluates every line of `lines`; one case at a time, so memory does not grow with the file. */
export async function overdueByOrgan(lines: AsyncIterable<string>, evaluator: Evaluator, asOf: string): Promise<AuditResult> {
  const tallies = new Map<string, OrganTally>();
  const tally = (organ: { id: string | null; name: string }) => {
    const key = organ.id ?? organ.name;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { organ: key, name: organ.name, overdue: 0, findings: 0 }));
    return t;
  };
  const result: AuditResult = { read: 0, assessed: 0, rejected: [], byOrgan: [] };
  for await (const text of lines) {
    const line = ++result.read;
    try {
      const assessment = await evaluator.evaluate(JSON.parse(text), { asOf });
      result.assessed++;
      for (const o of assessment.obligations) if (o.status === 'overdue') tally(o.organ).overdue++;
      for (const f of assessment.findings) tally(f.organ).findings++;
    } catch (error) {
      const problems = error instanceof CaseValidationError ? error.issues.map((i) => `${i.path || '(case)'}: ${i.message}`) : [(error as Error).message];
      result.rejected.push({ line, problems });
    }
  }
  result.byOrgan = [...tallies.values()].sort((a, b) => b.overdue + b.findings - (a.overdue + a.findings) || (a.organ < b.organ ? -1 : 1));
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ options: { 'as-of': { type: 'string', default: '2023-12-31' } }, allowPositionals: true });
  if (!positionals[0]) throw new Error('usage: overdue-by-organ.ts <cases.ndjson> [--as-of DATE]');
  const directory = JSON.parse(readFileSync(new URL('../directory.json', import.meta.url), 'utf8')) as Organ[];
  const evaluator = createEvaluator({ directory });
  const lines = createInterface({ input: createReadStream(positionals[0]), crlfDelay: Infinity });
  const r = await overdueByOrgan(lines, evaluator, values['as-of']);
  console.log(`as of ${values['as-of']}: read ${r.read}, assessed ${r.assessed}, rejected ${r.rejected.length}`);
  console.log('overdue  findings  organ');
  for (const t of r.byOrgan) console.log(`${String(t.overdue).padStart(7)}  ${String(t.findings).padStart(8)}  ${t.organ}${t.organ !== t.name ? `  ${t.name}` : ''}`);
  for (const x of r.rejected.slice(0, 5)) console.log(`line ${x.line} rejected: ${x.problems.join('; ')}`);
}
