import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, verifyReceipt, type PackData } from '../../src/index.js';

/**
 * Issue 14 §1: verifying a receipt re-evaluates the case as the receipt records it and says
 * "reproduced", or exactly what differs and how the answer changed. The case (test/cli/fixtures/case.json)
 * is received 2023-03-01 by the Qingtian petition bureau, transferred on 03-03 and accepted on 03-08.
 */
const root = join(import.meta.dirname, '../..');
const directory = JSON.parse(readFileSync(join(root, 'test/fixtures/directory.json'), 'utf8'));
const input = JSON.parse(readFileSync(join(root, 'test/cli/fixtures/case.json'), 'utf8'));

/** A local pack of a made-up jurisdiction `testprov` whose only content is a disposal period. */
const localPack = (dispose: { days: number; unit: 'working' | 'calendar' }): PackData => ({
  manifest: { id: 'testprov-2020', title: { en: 'Test province', zh: '测试省' }, role: 'jurisdiction', inForce: { from: '2016-08-01', to: null }, jurisdiction: 'testprov' },
  parameters: {
    parameters: {
      dispose: {
        description: { en: 'Test: disposal period', zh: '测试：处理期限' },
        overrides: ['xf2005', 'xfgz2022'],
        values: [{ from: '2016-08-01', value: dispose, source: ['zhejiang-2016:art20'] }],
      },
    },
  },
});

describe('verifyReceipt', () => {
  const evaluator = createEvaluator({ directory, evaluator: 'compiled', receipt: true });
  const recorded = evaluator.evaluateSync(input, { asOf: '2023-03-10' });

  it('says reproduced for the same case, packs, calendar and directory — from the whole assessment or the receipt alone', async () => {
    const whole = await verifyReceipt(JSON.parse(JSON.stringify(recorded)), input, { directory });
    expect(whole.differences).toEqual([]);
    expect(whole.reproduced).toBe(true);
    const alone = await verifyReceipt(JSON.parse(JSON.stringify(recorded.receipt)), input, { directory });
    expect(alone.reproduced).toBe(true);
  });

  it('uses the receipt\'s jurisdiction and policy values', async () => {
    const zj = createEvaluator({ directory, evaluator: 'compiled', jurisdiction: 'zhejiang', policy: { holidayRollover: false, warningDays: 5 } });
    const made = zj.evaluateSync(input, { asOf: '2023-03-10', receipt: true });
    const v = await verifyReceipt(made, input, { directory });
    expect(v.differences).toEqual([]);
    expect(v.assessment.receipt!.policy).toMatchObject({ holidayRollover: false, warningDays: 5 });
  });

  it('names the input when the case was changed, and shows how the answer changed', async () => {
    // The transfer and the acceptance taken out of the log: disposal (15 days from 2023-03-01, due 03-16)
    // is no longer met but pending on 03-10, and the transferee's duties (notify, conclude) are gone.
    const changed = { ...input, events: input.events.filter((e: { type: string }) => e.type === 'received' || e.type === 'registered') };
    const v = await verifyReceipt(recorded, changed, { directory });
    expect(v.reproduced).toBe(false);
    expect(v.differences.map((d) => d.what)).toEqual(['input', 'answer']);
    const obligations = v.answer!.obligations.map((d) => [d.id, d.change]);
    expect(obligations).toEqual(expect.arrayContaining([['dispose', 'changed'], ['notify-petitioner', 'disappeared'], ['conclude', 'disappeared']]));
    const dispose = v.answer!.obligations.find((d) => d.id === 'dispose')!;
    expect(dispose).toMatchObject({ base: { dueOn: '2023-03-16', status: 'met' }, reform: { dueOn: '2023-03-16', status: 'pending', daysLeft: 6 } });
  });

  it('names the pack and the part of it that differs, and how the due date moved (5 → 7 working days from 2023-03-01: 03-08 → 03-10)', async () => {
    const before = createEvaluator({ directory, evaluator: 'compiled', jurisdiction: 'testprov', packs: [localPack({ days: 5, unit: 'working' })] }).evaluateSync(input, { asOf: '2023-03-10', receipt: true });
    expect(before.obligations.find((o) => o.id === 'dispose')!.dueOn).toBe('2023-03-08');
    const v = await verifyReceipt(before, input, { directory, packs: [localPack({ days: 7, unit: 'working' })] });
    expect(v.reproduced).toBe(false);
    expect(v.differences.map((d) => [d.what, d.id ?? null])).toEqual([
      ['pack', 'testprov-2020'],
      ['answer', null],
    ]);
    expect(v.differences[0]!.message.en).toMatch(/^pack testprov-2020: its parameters \(time limits\) differ \(sha256:[0-9a-f]{64} then, sha256:[0-9a-f]{64} now\)$/);
    const dispose = v.answer!.obligations.find((d) => d.id === 'dispose')!;
    expect(dispose).toMatchObject({ change: 'changed', base: { dueOn: '2023-03-08' }, reform: { dueOn: '2023-03-10', period: { days: 7, unit: 'working' } } });
  });

  it('names a pack that no longer applies, a policy option unknown now, the calendar and the directory', async () => {
    const receipt = JSON.parse(JSON.stringify(recorded.receipt));
    receipt.packs.push({ ...receipt.packs[0], id: 'gone-pack' });
    receipt.policy.retiredOption = true;
    receipt.calendar.hash = `sha256:${'0'.repeat(64)}`;
    // One organ more in the directory: its hash differs, the answer does not.
    const extra = [...directory, { id: 'x-extra', name: 'Extra Bureau', level: 'county', kind: 'department', region: '331121' }];
    const v = await verifyReceipt(receipt, input, { directory: extra });
    expect(v.differences.map((d) => [d.what, d.id ?? null])).toEqual([
      ['directory', null],
      ['pack', 'gone-pack'],
      ['policy', 'retiredOption'],
      ['calendar', null],
    ]);
    expect(v.reproduced).toBe(false);
  });

  it('names the calendar when a holiday notice was added since, and how the due date moved (projected 2027-02-11 → noticed 2027-02-15)', async () => {
    // Accepted 2026-12-08: 60 days end on Saturday 2027-02-06. With 2027 projected from the Measures,
    // the Spring Festival rest days carry it to Thursday 02-11; the 2027 notice of the fixture (5–13
    // February off) carries it to Monday 02-15.
    const late = { id: 'late-2026', receivedOn: '2026-12-01', channel: 'letter', class: 'appeal', legalRoute: 'petition', receivingOrgan: 'qt-petition', handlingOrgan: 'qt-nr', events: [{ type: 'accepted', on: '2026-12-08', by: 'qt-nr' }] };
    const then = evaluator.evaluateSync(late, { asOf: '2026-12-20' });
    expect(then.receipt!.calendar.projected).toEqual([2027]);
    const notice = JSON.parse(readFileSync(join(root, 'test/fixtures/notice-2027.json'), 'utf8'));
    const v = await verifyReceipt(then, late, { directory, calendarYears: [notice] });
    expect(v.differences.map((d) => d.what)).toEqual(['calendar', 'calendar', 'calendar', 'answer']);
    expect(v.differences[1]!.message.en).toBe('calendar notices cover 2005–2026 then, 2005–2027 now');
    expect(v.differences[2]!.message.en).toBe('years projected for want of a notice: 2027 then, none now');
    expect(v.answer!.obligations.find((d) => d.id === 'conclude')).toMatchObject({ base: { dueOn: '2027-02-11' }, reform: { dueOn: '2027-02-15' } });
  });

  it('reports a recorded assessment edited after it was made', async () => {
    const edited = JSON.parse(JSON.stringify(recorded));
    edited.obligations[1].dueOn = '2023-04-01';
    const v = await verifyReceipt(edited, input, { directory });
    expect(v.reproduced).toBe(false);
    expect(v.differences.map((d) => d.what)).toEqual(['answer']);
    expect(v.differences[0]!.message.en).toMatch(/does not match its own receipt/);
  });

  it('refuses what is not a receipt, naming the field', async () => {
    await expect(verifyReceipt({ receipt: { ...recorded.receipt, input: 'abc' } }, input, { directory })).rejects.toThrow(/receipt\.input: must be a content hash/);
  });
});
