/**
 * A reform comparison with the library API: the generated corpus of Qingtian and Jinyun (two Zhejiang
 * counties) assessed under the national law alone and under Zhejiang's own limits (the Zhejiang
 * Regulations on Letters and Visits 2016: disposal and the transferee's notice in 5 working days
 * instead of 15 days, handling in 30 days instead of 60), counting per obligation how many due dates
 * Zhejiang moves earlier or later and how many become late, and which findings appear.
 *
 *   npx tsx examples/compare/zhejiang-vs-national.ts 3000 --as-of 2023-12-31
 *
 * The command line does the same over a file, on every core, with every case's differences kept:
 *
 *   npx tsx examples/audit/generate-cases.ts 3000 > cases.ndjson
 *   npx tsx src/cli/index.ts compare cases.ndjson --as-of 2023-12-31 --directory examples/directory.json \
 *     --reform-jurisdiction zhejiang --out differences.ndjson --summary summary.json
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compareSync, createEvaluator, type Organ } from 'petition-rules';
import { generateCases } from '../audit/generate-cases.js';

export interface ObligationShift {
  obligation: string;
  earlier: number;
  later: number;
  /** Cases where the obligation was on time (or not yet due) nationally and is late under Zhejiang's limit: overdue, or met late. */
  newlyLate: number;
}

export interface ReformResult {
  compared: number;
  changed: number;
  rejected: number;
  obligations: ObligationShift[];
  /** Findings that appear under Zhejiang's limits (and disappear), by id. */
  findings: Array<{ id: string; appeared: number; disappeared: number }>;
}

/** Compares every case of `lines` under the national law and under Zhejiang's; one case at a time. */
export function zhejiangVsNational(lines: Iterable<string>, directory: readonly Organ[], asOf: string): ReformResult {
  const national = createEvaluator({ directory, evaluator: 'compiled' });
  const zhejiang = createEvaluator({ directory, evaluator: 'compiled', jurisdiction: 'zhejiang' });
  const shifts = new Map<string, ObligationShift>();
  const findings = new Map<string, { id: string; appeared: number; disappeared: number }>();
  const result: ReformResult = { compared: 0, changed: 0, rejected: 0, obligations: [], findings: [] };
  for (const text of lines) {
    let c;
    try {
      c = compareSync(national, zhejiang, JSON.parse(text), { asOf });
    } catch {
      result.rejected++;
      continue;
    }
    result.compared++;
    if (c.changed) result.changed++;
    for (const d of c.obligations) {
      if (d.change !== 'changed') continue;
      let s = shifts.get(d.id);
      if (!s) shifts.set(d.id, (s = { obligation: d.id, earlier: 0, later: 0, newlyLate: 0 }));
      const from = d.base?.dueOn as string | null;
      const to = d.reform?.dueOn as string | null;
      if (from && to && to < from) s.earlier++;
      if (from && to && to > from) s.later++;
      const late = (status: unknown) => status === 'overdue' || status === 'met-late';
      if (late(d.reform?.status) && !late(d.base?.status)) s.newlyLate++;
    }
    for (const d of c.findings) {
      if (d.change === 'changed') continue;
      let f = findings.get(d.id);
      if (!f) findings.set(d.id, (f = { id: d.id, appeared: 0, disappeared: 0 }));
      f[d.change]++;
    }
  }
  result.obligations = [...shifts.values()].sort((a, b) => (a.obligation < b.obligation ? -1 : 1));
  result.findings = [...findings.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ options: { 'as-of': { type: 'string', default: '2023-12-31' }, seed: { type: 'string', default: '1' } }, allowPositionals: true });
  const count = Number(positionals[0] ?? 1000);
  const directory = JSON.parse(readFileSync(new URL('../directory.json', import.meta.url), 'utf8')) as Organ[];
  const r = zhejiangVsNational(generateCases(count, { seed: Number(values.seed) }), directory, values['as-of']);
  console.log(`as of ${values['as-of']}: compared ${r.compared}, changed by Zhejiang's limits ${r.changed}, rejected ${r.rejected}`);
  console.log('earlier    later  newly late  obligation');
  for (const s of r.obligations) console.log(`${String(s.earlier).padStart(7)}  ${String(s.later).padStart(7)}  ${String(s.newlyLate).padStart(10)}  ${s.obligation}`);
  console.log('appeared  disappeared  finding');
  for (const f of r.findings) console.log(`${String(f.appeared).padStart(8)}  ${String(f.disappeared).padStart(11)}  ${f.id}`);
}
