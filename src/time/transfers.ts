import type { Event } from '../case/event.js';
import type { CaseContext } from '../evaluate/context.js';

/*
 * Who holds a matter after the petition department has passed it on. The organ a matter was transferred
 * (转送) or assigned (交办) to is the one that must tell the petitioner, decide whether it is competent
 * and, for an assignment, report the result. The facts and parties of the time-limit rules read these.
 */

type Handover = Extract<Event, { type: 'transferred' | 'assigned' }>;

const ordered = new WeakMap<readonly Event[], readonly Event[]>();

/**
 * The log's events in date order (a stable sort: same-day events keep their log order). Many facts and
 * time limits read it, so it is sorted once per case.
 */
export function eventsInOrder(ctx: CaseContext): readonly Event[] {
  const log = ctx.case.events;
  let sorted = ordered.get(log);
  if (!sorted) {
    sorted = log.map((e, i) => ({ e, i })).sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.i - b.i)).map(({ e }) => e);
    ordered.set(log, sorted);
  }
  return sorted;
}

/** The latest transfer or assignment of the matter, if any: the organ it went to now holds it. */
export function latestHandover(ctx: CaseContext): Handover | undefined {
  // Read from the end, without a filtered copy: four facts ask this of every case.
  const events = eventsInOrder(ctx);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'transferred' || e.type === 'assigned') return e;
  }
  return undefined;
}

/** The first assignment (交办), which carries the assigner's deadline for the result report. */
export function firstAssignment(ctx: CaseContext): Extract<Event, { type: 'assigned' }> | undefined {
  return eventsInOrder(ctx).find((e): e is Extract<Event, { type: 'assigned' }> => e.type === 'assigned');
}

/** The first improvement suggestion of the petition department (its `to` must answer it). */
export function firstImprovementSuggestion(ctx: CaseContext): Extract<Event, { type: 'improvement-suggested' }> | undefined {
  return eventsInOrder(ctx).find((e): e is Extract<Event, { type: 'improvement-suggested' }> => e.type === 'improvement-suggested');
}
