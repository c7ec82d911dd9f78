import { describe, expect, it } from 'vitest';
import { judgeStatus } from '../../src/time/status.js';

describe('judgeStatus', () => {
  const duty = { dueOn: '2024-03-18', warningDays: 3, window: false } as const;

  it('met on or before the due date', () => {
    expect(judgeStatus({ ...duty, metOn: '2024-03-18', asOf: '2024-04-01' })).toEqual({ status: 'met', metOn: '2024-03-18' });
  });
  it('met late, with calendar days late', () => {
    expect(judgeStatus({ ...duty, metOn: '2024-03-21', asOf: '2024-04-01' })).toEqual({ status: 'met-late', metOn: '2024-03-21', daysLate: 3 });
  });
  it('overdue, with calendar days overdue', () => {
    expect(judgeStatus({ ...duty, metOn: undefined, asOf: '2024-03-25' })).toEqual({ status: 'overdue', daysOverdue: 7 });
  });
  it('due soon inside the warning window, pending before it', () => {
    expect(judgeStatus({ ...duty, metOn: undefined, asOf: '2024-03-18' })).toEqual({ status: 'due-soon', daysLeft: 0 });
    expect(judgeStatus({ ...duty, metOn: undefined, asOf: '2024-03-15' })).toEqual({ status: 'due-soon', daysLeft: 3 });
    expect(judgeStatus({ ...duty, metOn: undefined, asOf: '2024-03-14' })).toEqual({ status: 'pending', daysLeft: 4 });
    expect(judgeStatus({ ...duty, warningDays: 0, metOn: undefined, asOf: '2024-03-17' })).toEqual({ status: 'pending', daysLeft: 1 });
  });
  it('no day count: pending until done, then met', () => {
    expect(judgeStatus({ ...duty, dueOn: null, metOn: undefined, asOf: '2030-01-01' })).toEqual({ status: 'pending' });
    expect(judgeStatus({ ...duty, dueOn: null, metOn: '2024-05-01', asOf: '2030-01-01' })).toEqual({ status: 'met', metOn: '2024-05-01' });
  });
  it('a window is open or expired while unused', () => {
    expect(judgeStatus({ ...duty, window: true, metOn: undefined, asOf: '2024-03-18' })).toEqual({ status: 'open', daysLeft: 0 });
    expect(judgeStatus({ ...duty, window: true, metOn: undefined, asOf: '2024-03-19' })).toEqual({ status: 'expired' });
  });
  it('a request after the window closed leaves it expired, not met late', () => {
    expect(judgeStatus({ ...duty, window: true, metOn: '2024-03-20', asOf: '2024-03-25' })).toEqual({ status: 'expired', metOn: '2024-03-20', daysLate: 2 });
    expect(judgeStatus({ ...duty, window: true, metOn: '2024-03-18', asOf: '2024-03-25' })).toEqual({ status: 'met', metOn: '2024-03-18' });
  });
});
