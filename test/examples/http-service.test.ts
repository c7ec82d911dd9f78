import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDueService } from '../../examples/http-service/server.js';
import { createEvaluator, type Organ } from '../../src/index.js';

/** The HTTP example on 127.0.0.1 and an ephemeral port: hold cases, answer "what is due this week". */
const root = join(import.meta.dirname, '../..');
const directory = JSON.parse(readFileSync(join(root, 'examples/directory.json'), 'utf8')) as Organ[];
const landCase = JSON.parse(readFileSync(join(root, 'examples/cases/land-compensation-visit.json'), 'utf8'));
const server = createDueService(createEvaluator({ directory }), [landCase]);
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

describe('examples/http-service', () => {
  it('answers what is due in the week, across the cases it holds', async () => {
    const second = { ...landCase, id: 'QT-2023-0306-001', receivedOn: '2023-03-06', events: [{ type: 'received', on: '2023-03-06', by: 'qt-petition' }] };
    const post = await fetch(`${base}/cases`, { method: 'POST', body: JSON.stringify(second) });
    expect(post.status).toBe(201);
    expect(await (await fetch(`${base}/cases`)).json()).toEqual({ cases: ['QT-2023-0301-017', 'QT-2023-0306-001'] });

    const res = await fetch(`${base}/due?from=2023-03-16&days=7`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { from: string; to: string; due: Array<Record<string, unknown>> };
    expect(body.from).toBe('2023-03-16');
    expect(body.to).toBe('2023-03-22');
    // The second case was received on 6 March and not yet disposed of: due 21 March (15 days).
    expect(body.due).toContainEqual(expect.objectContaining({ caseId: 'QT-2023-0306-001', obligation: 'dispose', dueOn: '2023-03-21' }));
    // The first case's written notice was due on 20 March (sent on 22 March, after this date).
    expect(body.due).toContainEqual(expect.objectContaining({ caseId: 'QT-2023-0301-017', obligation: 'notify-petitioner', dueOn: '2023-03-20' }));
    expect(body.due.every((d) => String(d.dueOn) >= '2023-03-16' && String(d.dueOn) <= '2023-03-22')).toBe(true);
    const later = (await (await fetch(`${base}/due?from=2023-07-03&days=7`)).json()) as { overdue: unknown[] };
    expect(later.overdue).toContainEqual(expect.objectContaining({ caseId: 'QT-2023-0301-017', obligation: 'conclude', status: 'overdue' }));
  });

  it('rejects an invalid case with every problem, and a question without its date', async () => {
    const bad = await fetch(`${base}/cases`, { method: 'POST', body: JSON.stringify({ ...landCase, id: 'bad', handlingOrgan: 'nowhere', channel: 'pigeon' }) });
    expect(bad.status).toBe(400);
    const { issues } = (await bad.json()) as { issues: Array<{ path: string }> };
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['channel']));
    expect((await fetch(`${base}/due`)).status).toBe(400);
    expect((await fetch(`${base}/cases/nope?asOf=2023-07-03`)).status).toBe(404);
  });

  it('serves one case as JSON or as the explained report', async () => {
    const json = (await (await fetch(`${base}/cases/QT-2023-0301-017?asOf=2023-07-03`)).json()) as { caseId: string };
    expect(json.caseId).toBe('QT-2023-0301-017');
    const text = await (await fetch(`${base}/cases/QT-2023-0301-017?asOf=2023-07-03&format=text&lang=zh`)).text();
    expect(text).toContain('信访事项 QT-2023-0301-017');
  });
});
