import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Assessment } from '../assessment/types.js';
import { directoryFileOrgans, type Organ } from '../case/organ.js';
import { CaseValidationError } from '../errors/CaseValidationError.js';
import { formatPath } from '../errors/CaseValidationError.js';
import type { Evaluator } from '../evaluate/createEvaluator.js';
import { createEvaluator, type EvaluatorOptions } from '../node/createEvaluator.js';
import type { Policy } from '../policy/policy.js';
import { ScenarioFileSchema, type Expectations, type ListExpectation, type Scenario } from './scenario.js';

/** A scenario as loaded: its data, the file it came from and its directory resolved. */
export interface LoadedScenario {
  readonly file: string;
  /** Position in its file (0 for a single-scenario file). */
  readonly index: number;
  readonly scenario: Scenario;
  readonly directory: readonly Organ[];
}

/** One way an assessment differs from what the scenario expects. */
export interface Mismatch {
  readonly where: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface ScenarioResult {
  readonly file: string;
  readonly index: number;
  readonly title: string;
  readonly passed: boolean;
  readonly mismatches: readonly Mismatch[];
}

/** Reads a scenario file (one scenario or `{ scenarios: [...] }`); a malformed file throws with its name. */
export function loadScenarioFile(file: string): LoadedScenario[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as JSON: ${(error as Error).message}`);
  }
  const parsed = ScenarioFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: not a scenario file:\n${parsed.error.issues.map((i) => `  - ${formatPath(i.path) || '(root)'}: ${i.message}`).join('\n')}`);
  const list = 'scenarios' in parsed.data ? parsed.data.scenarios : [parsed.data];
  const directories = new Map<string, Organ[]>();
  return list.map((scenario, index) => {
    let directory: readonly Organ[] = [];
    if (typeof scenario.directory === 'string') {
      const path = resolve(dirname(file), scenario.directory);
      if (!directories.has(path)) directories.set(path, directoryFileOrgans(JSON.parse(readFileSync(path, 'utf8'))) as Organ[]);
      directory = directories.get(path)!;
    } else if (scenario.directory) directory = scenario.directory;
    return { file, index, scenario, directory };
  });
}

/** Every `*.json` scenario file under a folder (recursively, in name order), loaded. */
export function loadScenarioDir(dir: string): LoadedScenario[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json') && !name.startsWith('_')) files.push(p);
    }
  };
  walk(dir);
  return files.flatMap(loadScenarioFile);
}

const idOf = (item: Record<string, unknown>) => String(item.role ?? item.id);

function matches(expected: unknown, actual: unknown, key?: string): boolean {
  if (key === 'organ' || key === 'responsibleOrgan') {
    const organ = actual as { id: string | null; name: string } | undefined;
    if (typeof expected === 'string') return organ !== undefined && (organ.id === expected || (organ.id === null && organ.name === expected));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((e) => actual.some((a) => matches(e, a)));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => matches(v, (actual as Record<string, unknown>)[k], k));
  }
  if (typeof expected === 'string' && actual !== null && typeof actual === 'object' && 'id' in actual) {
    const o = actual as { id: string | null; name?: string };
    return o.id === expected || (o.id === null && o.name === expected);
  }
  return expected === actual;
}

function checkList(name: string, expectation: ListExpectation, items: ReadonlyArray<Record<string, unknown>>, out: Mismatch[]): void {
  const ids = [...new Set(items.map(idOf))].sort();
  const exact = Array.isArray(expectation) ? expectation : expectation.ids;
  if (exact) {
    const want = [...new Set(exact)].sort();
    if (JSON.stringify(want) !== JSON.stringify(ids)) out.push({ where: `${name} (ids)`, expected: want, actual: ids });
  }
  if (!Array.isArray(expectation)) {
    for (const inc of expectation.includes ?? []) {
      if (!items.some((item) => matches(inc, item))) {
        const sameId = items.filter((i) => idOf(i) === String(inc.role ?? inc.id));
        out.push({ where: `${name} includes ${JSON.stringify(inc)}`, expected: inc, actual: sameId.length > 0 ? sameId.map((i) => summarise(i, inc)) : `no ${String(inc.role ?? inc.id)} in ${name}` });
      }
    }
    for (const ex of expectation.excludes ?? []) {
      if (ids.includes(ex)) out.push({ where: `${name} excludes ${ex}`, expected: `no ${ex}`, actual: items.filter((i) => idOf(i) === ex).map((i) => summarise(i, {})) });
    }
  }
}

/** The fields of an actual item that the expectation names (plus its id), for a readable diff. */
function summarise(item: Record<string, unknown>, expected: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set(['role', 'id', ...Object.keys(expected)]);
  return Object.fromEntries(
    [...keys].filter((k) => k in item).map((k) => {
      const v = item[k] as { id?: string | null; name?: string } | unknown;
      return [k, v && typeof v === 'object' && 'name' in (v as object) ? ((v as { id: string | null; name: string }).id ?? (v as { name: string }).name) : v];
    }),
  );
}

const LISTS = ['responsibilities', 'obligations', 'escalations', 'actions', 'findings', 'guidance'] as const;

/** Compares an assessment (or the error thrown) with a scenario's expectations. */
export function compare(expect: Expectations, outcome: { assessment?: Assessment; error?: unknown }): Mismatch[] {
  const out: Mismatch[] = [];
  if (expect.error) {
    const error = outcome.error;
    if (!(error instanceof CaseValidationError)) {
      out.push({ where: 'error', expected: { paths: expect.error.paths }, actual: error ? String(error) : 'an assessment (no error)' });
    } else {
      const paths = [...new Set(error.issues.map((i) => i.path))].sort();
      const want = [...new Set(expect.error.paths)].sort();
      if (JSON.stringify(paths) !== JSON.stringify(want)) out.push({ where: 'error paths', expected: want, actual: error.issues.map((i) => `${i.path}: ${i.message}`) });
    }
    return out;
  }
  if (outcome.error || !outcome.assessment) {
    out.push({ where: 'assessment', expected: 'an assessment', actual: String(outcome.error) });
    return out;
  }
  const a = outcome.assessment;
  if (expect.packs && JSON.stringify(expect.packs) !== JSON.stringify(a.packs.map((p) => p.id))) {
    out.push({ where: 'packs', expected: expect.packs, actual: a.packs.map((p) => p.id) });
  }
  for (const list of LISTS) {
    const e = expect[list];
    if (e) checkList(list, e, a[list] as unknown as ReadonlyArray<Record<string, unknown>>, out);
  }
  return out;
}

/**
 * Runs scenarios, building one evaluator per distinct directory and options and reusing it. Extra
 * evaluator options (a caller's own packs) apply to every scenario.
 */
export function createScenarioRunner(base: EvaluatorOptions = {}) {
  const evaluators = new Map<string, Evaluator>();
  const evaluatorFor = (s: LoadedScenario) => {
    const key = JSON.stringify([s.directory.length > 0 ? s.directory.map((o) => o.id) : null, s.scenario.evaluator ?? null, s.directory]);
    let ev = evaluators.get(key);
    if (!ev) {
      ev = createEvaluator({
        ...base,
        directory: [...(base.directory ?? []), ...s.directory],
        ...(s.scenario.evaluator?.jurisdiction ? { jurisdiction: s.scenario.evaluator.jurisdiction } : {}),
        ...(s.scenario.evaluator?.policy ? { policy: { ...base.policy, ...(s.scenario.evaluator.policy as Partial<Policy>) } } : {}),
      });
      evaluators.set(key, ev);
    }
    return ev;
  };
  return async function run(s: LoadedScenario): Promise<ScenarioResult> {
    let assessment: Assessment | undefined;
    let error: unknown;
    try {
      assessment = await evaluatorFor(s).evaluate(s.scenario.case, { asOf: s.scenario.asOf });
    } catch (e) {
      error = e;
    }
    const mismatches = compare(s.scenario.expect, { ...(assessment ? { assessment } : {}), ...(error !== undefined ? { error } : {}) });
    return { file: s.file, index: s.index, title: s.scenario.title, passed: mismatches.length === 0, mismatches };
  };
}

/** A readable account of a failed scenario: what was expected and what the assessment held. */
export function formatResult(result: ScenarioResult, root = process.cwd()): string {
  const head = `${result.passed ? 'PASS' : 'FAIL'} ${relative(root, result.file)}${result.index > 0 ? `#${result.index}` : ''} — ${result.title}`;
  if (result.passed) return head;
  return [
    head,
    ...result.mismatches.map((m) => `    ${m.where}\n      expected: ${JSON.stringify(m.expected)}\n      actual:   ${JSON.stringify(m.actual)}`),
  ].join('\n');
}
