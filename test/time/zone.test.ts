import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';

/** Each test project sets its own `TZ`; this checks the zone really is in effect, so the three runs differ in zone. */
describe('the host time zone of this run', () => {
  it('is the one the project asked for', () => {
    const tz = process.env.TZ;
    if (tz === undefined) return;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz === 'UTC' ? 'UTC' : tz);
    const offset = new Date(Date.UTC(2024, 0, 15)).getTimezoneOffset();
    expect(offset).toBe({ UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 480 }[tz] ?? offset);
  });

  it('does not move a due date', async () => {
    // Received Friday 2024-01-26 by a petition department: 15 days → 2024-02-10, in the Spring
    // Festival (10–17 February) → Sunday 2024-02-18, a make-up working day. Evaluated "late in the
    // day" nowhere: dates are strings, so the zone cannot shift them.
    const evaluator = createEvaluator({
      directory: [{ id: 'pd', name: 'County Petition Bureau', level: 'county', kind: 'petition-department', region: '1' }],
    });
    const a = await evaluator.evaluate(
      { id: 'tz', receivedOn: '2024-01-26', channel: 'letter', class: 'suggestion', receivingOrgan: 'pd', events: [] },
      { asOf: '2024-02-18' },
    );
    expect(a.obligations.find((o) => o.id === 'dispose')).toMatchObject({ dueOn: '2024-02-18', status: 'due-soon', daysLeft: 0 });
  });
});
