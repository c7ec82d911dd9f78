import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, createEvaluator, ReceiptSchema, answerHash, type Assessment, type CalendarYearData } from '../../src/index.js';

/**
 * Issue 14 §1: an assessment can carry a receipt — the library version, each applied pack's content
 * hash, the calendar data's hash and the years projected, the policy values, asOf, and the hashes of
 * the input and of the answer — stable across machines, time zones and file formatting, and the same
 * from both evaluators. The hashes are checked against node:crypto over canonical JSON written here by hand.
 */
const root = join(import.meta.dirname, '../..');
const directory = JSON.parse(readFileSync(join(root, 'test/fixtures/directory.json'), 'utf8'));
const input = JSON.parse(readFileSync(join(root, 'test/cli/fixtures/case.json'), 'utf8'));
const notice2027 = JSON.parse(readFileSync(join(root, 'test/fixtures/notice-2027.json'), 'utf8')) as CalendarYearData;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const sha256 = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

const compiled = createEvaluator({ directory, evaluator: 'compiled' });
const reference = createEvaluator({ directory });

describe('canonical JSON and content hashes', () => {
  it('sort object keys at every depth, keep array order, drop undefined members as JSON does', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 'x', u: undefined }], 中: true })).toBe('{"a":[2,{"c":"x","d":1}],"b":1,"中":true}');
    expect(canonicalJson([undefined, null])).toBe('[null,null]');
  });

  it('write strings and numbers exactly as JSON.stringify does (escapes, surrogates, exponents, non-finite numbers)', () => {
    const values = ['plain', 'a"b', 'back\\slash', 'line\nbreak\t', '\u0001', 'lone \ud800 surrogate', 'pair 😀', '信访', 1e21, 1.5e-7, -0, 0.1 + 0.2, NaN, Infinity, true, false];
    for (const v of values) expect(canonicalJson(v), String(v)).toBe(JSON.stringify(v));
    expect(canonicalJson({ 'k"ey': 1 })).toBe(JSON.stringify({ 'k"ey': 1 }));
  });

  it('hash with SHA-256 over the UTF-8 of canonical JSON, as node:crypto computes it', () => {
    // SHA-256 of the two bytes "{}" is the well-known 44136fa3…; the empty parameters of op2007 hash to it.
    expect(contentHash({})).toBe('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(contentHash({ z: '信访', a: [1.5, -0] })).toBe(sha256('{"a":[1.5,0],"z":"信访"}'));
  });

  it('give the same input hash however the case file is formatted or its keys ordered', () => {
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    const pretty = JSON.parse(JSON.stringify(reordered, null, 4));
    const a = compiled.evaluateSync(input, { asOf: '2023-03-10', receipt: true });
    const b = compiled.evaluateSync(pretty, { asOf: '2023-03-10', receipt: true });
    expect(b.receipt!.input).toBe(a.receipt!.input);
    expect(a.receipt!.input).toBe(sha256(canonicalJson(input)));
    expect(b.receipt).toEqual(a.receipt);
  });
});

describe('a receipt', () => {
  const withReceipt = compiled.evaluateSync(input, { asOf: '2023-03-10', receipt: true });
  const receipt = withReceipt.receipt!;

  it('is there only when asked for, per call or per evaluator, and changes nothing else', () => {
    const plain = compiled.evaluateSync(input, { asOf: '2023-03-10' });
    expect(plain.receipt).toBeUndefined();
    expect(JSON.stringify({ ...withReceipt, receipt: undefined })).toBe(JSON.stringify(plain));
    expect(Object.keys(withReceipt).at(-1)).toBe('receipt');
    const byDefault = createEvaluator({ directory, evaluator: 'compiled', receipt: true });
    expect(byDefault.evaluateSync(input, { asOf: '2023-03-10' }).receipt).toEqual(receipt);
    expect(byDefault.evaluateSync(input, { asOf: '2023-03-10', receipt: false }).receipt).toBeUndefined();
    expect(ReceiptSchema.parse(receipt)).toEqual(receipt);
  });

  it('records the library version of package.json, asOf, the jurisdiction, and every policy value', () => {
    expect(receipt.library).toEqual({ name: pkg.name, version: pkg.version });
    expect(receipt.asOf).toBe('2023-03-10');
    expect(receipt.jurisdiction).toBeNull();
    expect(receipt.policy).toEqual(Object.fromEntries(compiled.policy.map((p) => [p.id, p.value])));
    expect(receipt.policy.holidayRollover).toBe(true);
    const strict = createEvaluator({ directory, evaluator: 'compiled', policy: { holidayRollover: false } }).evaluateSync(input, { asOf: '2023-03-10', receipt: true });
    expect(strict.receipt!.policy.holidayRollover).toBe(false);
  });

  it('lists the packs applied to the case (received 2023-03-01: op2007 and xfgz2022; with zhejiang also zhejiang-2016), each with its hashes', () => {
    expect(receipt.packs.map((p) => [p.id, p.role])).toEqual([
      ['op2007', 'principles'],
      ['xfgz2022', 'procedure'],
    ]);
    const zj = createEvaluator({ directory, evaluator: 'compiled', jurisdiction: 'zhejiang' }).evaluateSync(input, { asOf: '2023-03-10', receipt: true }).receipt!;
    expect(zj.jurisdiction).toBe('zhejiang');
    expect(zj.packs.map((p) => p.id)).toEqual(['op2007', 'xfgz2022', 'zhejiang-2016']);
    // The same pack hashes the same whichever evaluator applies it; the parts are hashes of the pack's files as data.
    expect(zj.packs[1]).toEqual(receipt.packs[1]);
    const zjFile = JSON.parse(readFileSync(join(root, 'rules/zhejiang-2016/parameters.json'), 'utf8')) as { parameters: unknown };
    expect(zj.packs[2]!.parameters).toBe(sha256(canonicalJson(zjFile.parameters)));
    const manifest = JSON.parse(readFileSync(join(root, 'rules/zhejiang-2016/pack.json'), 'utf8'));
    expect(zj.packs[2]!.manifest).toBe(sha256(canonicalJson(manifest)));
  });

  it('hashes the answer without its trace and policy list, so a record written without the trace still checks', () => {
    expect(receipt.answer).toBe(answerHash(withReceipt));
    expect(receipt.answer).toBe(sha256(canonicalJson({ ...withReceipt, trace: undefined, policy: undefined, receipt: undefined })));
    expect(answerHash({ ...withReceipt, trace: [] } as Assessment)).toBe(receipt.answer);
  });

  it('is byte-identical from both evaluators, and the stringifier writes the bytes of JSON.stringify', async () => {
    const fromReference = await reference.evaluate(input, { asOf: '2023-03-10', receipt: true });
    expect(JSON.stringify(fromReference)).toBe(JSON.stringify(withReceipt));
    expect(compiled.stringify(withReceipt)).toBe(JSON.stringify(withReceipt));
    expect(reference.stringify(fromReference)).toBe(JSON.stringify(withReceipt));
  });

  it('says which years were projected, and hashes the calendar data (a notice added changes both)', () => {
    // Received 2026-12-21 (a Monday), accepted the same day: the 60 days of conclude run to 2027-02-19,
    // a year with no notice in the data, so 2027 is projected; with a 2027 notice given, nothing is.
    const late = { ...input, id: 'late-2026', receivedOn: '2026-12-21', events: [
      { type: 'received', on: '2026-12-21', by: 'qt-petition' },
      { type: 'registered', on: '2026-12-21', by: 'qt-petition' },
      { type: 'transferred', on: '2026-12-21', by: 'qt-petition', to: 'qt-nr' },
      { type: 'accepted', on: '2026-12-21', by: 'qt-nr' },
    ] };
    const projected = compiled.evaluateSync(late, { asOf: '2026-12-22', receipt: true }).receipt!;
    expect(projected.calendar).toMatchObject({ id: 'cn', coverage: { from: 2005, to: 2026 }, projected: [2027] });
    expect(receipt.calendar.projected).toEqual([]);
    expect(projected.calendar.hash).toBe(receipt.calendar.hash);
    const noticed = createEvaluator({ directory, evaluator: 'compiled', calendarYears: [notice2027] }).evaluateSync(late, { asOf: '2026-12-22', receipt: true }).receipt!;
    expect(noticed.calendar).toMatchObject({ coverage: { from: 2005, to: 2027 }, projected: [] });
    expect(noticed.calendar.hash).not.toBe(receipt.calendar.hash);
  });

  it('hashes the organ directory the evaluator was given', () => {
    expect(receipt.directory).toBe(sha256(canonicalJson(directory)));
  });
});

describe('receipts and comparisons in the core', () => {
  it('import nothing of Node (no node:fs, node:path, node:url, node:crypto): they run in a browser', () => {
    for (const dir of ['src/receipt', 'src/compare']) {
      for (const name of readdirSync(join(root, dir))) {
        const text = readFileSync(join(root, dir, name), 'utf8');
        expect(text, `${dir}/${name}`).not.toMatch(/from\s+'node:/);
      }
    }
  });
});
