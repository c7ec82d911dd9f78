/// <reference lib="dom" />
/**
 * The playground page: the core of petition-rules running in the browser. Pick an example or paste a
 * case, choose `asOf`, jurisdiction, policy and language; the explained assessment and the timeline
 * update as the case is edited, and validation problems are shown at the line of the field they name.
 * Bundled by scripts/playground/build.ts; nothing is fetched.
 */
import { CaseValidationError, createEvaluator, explain, timeline, type Evaluator, type Organ } from '../../src/index.js';
import { PolicySchema } from '../../src/policy/policy.js';
import { lineOf, linesByPath } from './jsonLines.js';
import { examples } from './examples.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const caseBox = $<HTMLTextAreaElement>('case');
const gutter = $('gutter');
const problems = $('problems');
const example = $<HTMLSelectElement>('example');
const asOf = $<HTMLInputElement>('asOf');
const jurisdiction = $<HTMLSelectElement>('jurisdiction');
const lang = $<HTMLSelectElement>('lang');
const policyBox = $('policy');
const status = $('status');

const directory = examples.directory as Organ[];
const evaluators = new Map<string, Evaluator>();
const policy: Record<string, boolean | number | string> = {};

function evaluator(): Evaluator {
  const key = JSON.stringify([jurisdiction.value, policy]);
  let e = evaluators.get(key);
  if (!e) {
    e = createEvaluator({ directory, evaluator: 'compiled', ...(jurisdiction.value ? { jurisdiction: jurisdiction.value } : {}), policy });
    evaluators.set(key, e);
  }
  return e;
}

function showGutter(bad: ReadonlySet<number>) {
  const lines = caseBox.value.split('\n').length;
  gutter.innerHTML = Array.from({ length: lines }, (_, i) => (bad.has(i + 1) ? `<span class="bad">${i + 1}</span>` : String(i + 1))).join('\n');
  caseBox.style.height = `${Math.max(lines + 2, 20) * 1.5}em`;
}

function escape(s: string) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function run() {
  const text = caseBox.value;
  const l = lang.value as 'en' | 'zh';
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    showGutter(new Set());
    problems.innerHTML = `<li>${escape(l === 'zh' ? '不是有效的 JSON：' : 'not valid JSON: ')}${escape((error as Error).message)}</li>`;
    status.textContent = '';
    return;
  }
  const started = performance.now();
  try {
    const ev = evaluator();
    const assessment = ev.evaluateSync(input, { asOf: asOf.value, lang: l });
    $('timeline').innerHTML = timeline(assessment, { lang: l, calendar: ev.calendar, case: input });
    $('report').textContent = explain(assessment, { lang: l });
    problems.innerHTML = '';
    showGutter(new Set());
    const ms = performance.now() - started;
    status.textContent = l === 'zh' ? `已评估（${ms.toFixed(1)} 毫秒）` : `assessed in ${ms.toFixed(1)} ms`;
  } catch (error) {
    if (!(error instanceof CaseValidationError)) {
      problems.innerHTML = `<li>${escape(String((error as Error).message ?? error))}</li>`;
      return;
    }
    const lines = linesByPath(text);
    const bad = new Set<number>();
    problems.innerHTML = error.issues
      .map((issue) => {
        const at = lineOf(lines, issue.path);
        if (at !== undefined) bad.add(at);
        return `<li data-path="${escape(issue.path)}">${at !== undefined ? `${l === 'zh' ? '第' : 'line '}${at}${l === 'zh' ? '行' : ''} · ` : ''}<code>${escape(issue.path || '(case)')}</code>: ${escape(issue.message)}</li>`;
      })
      .join('');
    showGutter(bad);
    status.textContent = '';
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
const soon = () => {
  clearTimeout(timer);
  timer = setTimeout(run, 120);
};

function loadExample(name: string) {
  const chosen = examples.cases.find((c) => c.name === name) ?? examples.cases[0]!;
  caseBox.value = JSON.stringify(chosen.case, null, 2);
  asOf.value = chosen.asOf;
  run();
}

for (const c of examples.cases) example.add(new Option(c.name, c.name));
for (const p of createEvaluator({ directory }).packs) if (p.manifest.role === 'jurisdiction' && p.manifest.jurisdiction) jurisdiction.add(new Option(p.manifest.jurisdiction, p.manifest.jurisdiction));
for (const option of createEvaluator({ directory }).policy) {
  const id = `policy-${option.id}`;
  const wrap = document.createElement('label');
  wrap.title = option.status;
  if (typeof option.value === 'boolean') wrap.innerHTML = `<input id="${id}" type="checkbox" ${option.value ? 'checked' : ''}> ${escape(option.id)}`;
  else if (typeof option.value === 'number') wrap.innerHTML = `${escape(option.id)} <input id="${id}" type="number" min="0" step="1" value="${option.value}" style="width:4.5em">`;
  else {
    const choices = ((PolicySchema.shape as Record<string, { options?: readonly string[] }>)[option.id]?.options ?? [String(option.value)]) as readonly string[];
    wrap.innerHTML = `${escape(option.id)} <select id="${id}">${choices.map((v) => `<option ${v === option.value ? 'selected' : ''}>${escape(v)}</option>`).join('')}</select>`;
  }
  policyBox.append(wrap);
  wrap.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!.addEventListener('change', (event) => {
    const el = event.target as HTMLInputElement;
    policy[option.id] = el.type === 'checkbox' ? el.checked : el.type === 'number' ? Number(el.value) : el.value;
    run();
  });
}

caseBox.addEventListener('input', soon);
for (const el of [asOf, jurisdiction, lang]) el.addEventListener('change', run);
example.addEventListener('change', () => loadExample(example.value));
loadExample(examples.cases[0]!.name);
