/**
 * Embedding petition-rules in a small HTTP service (node:http only) that holds cases and answers
 * "what is due this week".
 *
 *   npx tsx examples/http-service/server.ts --port 8080     # holds the cases of examples/cases/
 *   curl 'http://127.0.0.1:8080/due?from=2023-03-16&days=7'
 *   curl -X POST http://127.0.0.1:8080/cases -d @my-case.json
 *   curl 'http://127.0.0.1:8080/cases/QT-2023-0301-017?asOf=2023-07-03&format=text&lang=zh'
 *
 * Routes
 *   POST /cases                       hold a case (validated; 400 lists every problem)
 *   GET  /cases                       the ids held
 *   GET  /cases/:id?asOf=DATE         the assessment as JSON (format=text: the explained report)
 *   GET  /due?from=DATE&days=7        obligations due from DATE for `days` days, and those overdue,
 *                                     across every case held, each evaluated as of DATE
 *
 * The service, like the library, never reads the clock: every question names its date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CaseValidationError, createEvaluator, explain, type Evaluator, type Organ } from 'petition-rules';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` plus whole days, through UTC so the host's time zone never enters. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface DueItem {
  readonly caseId: string;
  readonly obligation: string;
  readonly organ: { readonly id: string | null; readonly name: string };
  readonly dueOn: string;
  readonly status: string;
  readonly basis: readonly string[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8' });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, { error: 'body too large' });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, { error: 'the body is not valid JSON' });
  }
}

function dateParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null || !DATE.test(value)) throw new HttpError(400, { error: `query parameter ${name}=YYYY-MM-DD is required (the service never assumes today)` });
  return value;
}

/** The latest date a case's log mentions: a case is first validated as of that day. */
function lastDate(input: unknown): string {
  const c = input as { receivedOn?: unknown; events?: Array<{ on?: unknown; until?: unknown }> };
  const dates = [c.receivedOn, ...(c.events ?? []).flatMap((e) => [e.on, e.until])].filter((d): d is string => typeof d === 'string' && DATE.test(d));
  return dates.sort().at(-1) ?? '2000-01-01';
}

/** A case as it stood on `date`: the steps of its log taken after that day are not known yet. */
function asItStoodOn(input: unknown, date: string): unknown {
  const c = input as { events?: Array<{ on: string }> };
  return Array.isArray(c.events) ? { ...c, events: c.events.filter((e) => e.on <= date) } : input;
}

/**
 * Obligations of the cases held that fall due from `from` for `days` days, and those already overdue
 * on `from`, each case evaluated as of `from`. Sorted by due date, then case, then obligation.
 */
export async function dueWithin(evaluator: Evaluator, cases: Iterable<unknown>, from: string, days: number): Promise<{ due: DueItem[]; overdue: DueItem[] }> {
  const to = addDays(from, days - 1);
  const due: DueItem[] = [];
  const overdue: DueItem[] = [];
  for (const input of cases) {
    if (String((input as { receivedOn?: unknown }).receivedOn) > from) continue; // not received yet
    const a = await evaluator.evaluate(asItStoodOn(input, from), { asOf: from });
    for (const o of a.obligations) {
      if (o.dueOn === null) continue;
      const item = { caseId: a.caseId, obligation: o.id, organ: { id: o.organ.id, name: o.organ.name }, dueOn: o.dueOn, status: o.status, basis: o.basis };
      if (o.status === 'overdue') overdue.push(item);
      else if (['pending', 'due-soon', 'open'].includes(o.status) && o.dueOn >= from && o.dueOn <= to) due.push(item);
    }
  }
  const order = (x: DueItem, y: DueItem) => x.dueOn.localeCompare(y.dueOn) || x.caseId.localeCompare(y.caseId) || x.obligation.localeCompare(y.obligation);
  return { due: due.sort(order), overdue: overdue.sort(order) };
}

/** The service: an evaluator built once, and the cases held in memory by id. */
export function createDueService(evaluator: Evaluator, initial: readonly unknown[] = []): Server {
  const cases = new Map<string, unknown>();
  for (const c of initial) cases.set(String((c as { id: string }).id), c);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/cases') {
      const input = await readBody(req);
      try {
        await evaluator.evaluate(input, { asOf: lastDate(input) });
      } catch (error) {
        if (error instanceof CaseValidationError) throw new HttpError(400, { error: 'invalid case', issues: error.issues });
        throw error;
      }
      const id = String((input as { id: string }).id);
      const existed = cases.has(id);
      cases.set(id, input);
      return send(res, existed ? 200 : 201, { id, held: cases.size });
    }
    if (req.method === 'GET' && url.pathname === '/cases') return send(res, 200, { cases: [...cases.keys()].sort() });
    const one = /^\/cases\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && one) {
      const input = cases.get(decodeURIComponent(one[1]!));
      if (input === undefined) throw new HttpError(404, { error: `no case ${one[1]}` });
      const asOf = dateParam(url, 'asOf');
      const a = await evaluator.evaluate(asItStoodOn(input, asOf), { asOf });
      return send(res, 200, url.searchParams.get('format') === 'text' ? explain(a, { lang: url.searchParams.get('lang') === 'zh' ? 'zh' : 'en' }) : a);
    }
    if (req.method === 'GET' && url.pathname === '/due') {
      const from = dateParam(url, 'from');
      const days = Number(url.searchParams.get('days') ?? 7);
      if (!Number.isInteger(days) || days < 1 || days > 366) throw new HttpError(400, { error: 'days must be a whole number from 1 to 366' });
      return send(res, 200, { from, to: addDays(from, days - 1), ...(await dueWithin(evaluator, cases.values(), from, days)) });
    }
    throw new HttpError(404, { error: 'not found', routes: ['POST /cases', 'GET /cases', 'GET /cases/:id?asOf=', 'GET /due?from=&days='] });
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) send(res, error.status, error.body);
      else send(res, 500, { error: (error as Error).message });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' } } });
  const directory = JSON.parse(readFileSync(new URL('../directory.json', import.meta.url), 'utf8')) as Organ[];
  const casesDir = new URL('../cases/', import.meta.url);
  const initial = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(new URL(f, casesDir), 'utf8')));
  const server = createDueService(createEvaluator({ directory }), initial);
  server.listen(Number(values.port), values.host, () => {
    console.log(`petition-rules service on http://${values.host}:${values.port} holding ${initial.length} case(s); try /due?from=2023-03-16&days=7`);
  });
  process.on('SIGINT', () => server.close(() => process.exit(0)));
}
