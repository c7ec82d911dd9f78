import * as z from 'zod';
import { isIsoDate } from '../dates/isoDate.js';
import { DateField, Event } from './event.js';
import { levelRank, type Organ } from './organ.js';

/** The events of the lower organ's own handling that its time limit reads. */
export const LOWER_HANDLING_EVENTS = ['accepted', 'extension-approved', 'concluded'] as const;

/**
 * The same matter as already accepted or being handled by a lower organ, stated as facts rather than
 * as a conclusion: which organ, and when it accepted the matter (`acceptedOn`, or an `accepted` event
 * among its own `events`, with any extensions and its conclusion). From these the library decides
 * whether the lower handling was still within its time limit when this matter was received above —
 * the condition on which the superior does not accept it again (xf2005 art. 16, xfgz2022 art. 19 ¶3).
 * The case's plain flag `pendingBelow: true` still overrides: it says so without the facts.
 */
export const LowerHandling = z
  .object({
    /** The lower organ that accepted the matter (an id of the organ directory). */
    organ: z.string().min(1),
    /** The day the lower organ accepted the matter (its handling period runs from here). */
    acceptedOn: DateField.optional(),
    /** The lower organ's own log: its acceptance, extensions of its handling period, its conclusion. */
    events: z
      .array(
        Event.refine((e) => (LOWER_HANDLING_EVENTS as readonly string[]).includes(e.type), {
          message: `only ${LOWER_HANDLING_EVENTS.join(', ')} events of the lower handling are read`,
          params: { zh: `下级办理只读取 ${LOWER_HANDLING_EVENTS.join('、')} 事件` },
        }),
      )
      .default([]),
  })
  .strict()
  .refine((h) => h.acceptedOn !== undefined || h.events.some((e) => e.type === 'accepted'), {
    message: 'needs the lower organ\'s acceptance date: acceptedOn, or an "accepted" event',
    params: { zh: '需要下级机关的受理日期：acceptedOn，或一条 "accepted" 事件' },
    path: ['acceptedOn'],
  })
  .refine((h) => {
    const accepted = h.events.find((e) => e.type === 'accepted');
    return h.acceptedOn === undefined || accepted === undefined || accepted.on === h.acceptedOn;
  }, {
    message: 'differs from the date of the "accepted" event',
    params: { zh: '与 "accepted" 事件的日期不一致' },
    path: ['acceptedOn'],
  });
export type LowerHandling = z.output<typeof LowerHandling>;

interface Message {
  readonly en: string;
  readonly zh: string;
}

/**
 * The checks of `lowerHandling` that need context, on raw input guarded field by field: its organ is in
 * the directory and stands below the receiving organ (the article bars a *superior* from accepting the
 * matter again), and none of its dates is after `asOf`.
 */
export function lowerHandlingChecks(
  raw: unknown,
  receivingOrgan: unknown,
  directory: ReadonlyMap<string, Organ>,
  asOf: string,
  add: (path: string, message: Message) => void,
  unknownOrgan: (id: string) => Message,
): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  const h = raw as { organ?: unknown; acceptedOn?: unknown; events?: unknown };
  const lower = typeof h.organ === 'string' ? directory.get(h.organ) : undefined;
  if (typeof h.organ === 'string' && h.organ.length > 0 && !lower) add('lowerHandling.organ', unknownOrgan(h.organ));
  const above = typeof receivingOrgan === 'string' ? directory.get(receivingOrgan) : undefined;
  if (lower && above && levelRank(lower.level) >= levelRank(above.level)) {
    add('lowerHandling.organ', {
      en: `"${lower.id}" (${lower.level}) is not below the receiving organ "${above.id}" (${above.level}): a matter pending below is one accepted by a lower organ`,
      zh: `“${lower.id}”（${lower.level}）不低于收到信访事项的机关“${above.id}”（${above.level}）：下级正在办理是指由下级机关受理`,
    });
  }
  const future = (path: string, on: unknown) => {
    if (typeof on === 'string' && isIsoDate(on) && isIsoDate(asOf) && on > asOf) {
      add(path, { en: `${on} is after asOf (${asOf}): an assessment cannot rest on future events`, zh: `日期 ${on} 晚于评估日（${asOf}）` });
    }
  };
  future('lowerHandling.acceptedOn', h.acceptedOn);
  if (Array.isArray(h.events)) {
    h.events.forEach((e: unknown, i) => {
      if (typeof e !== 'object' || e === null) return;
      const event = e as { on?: unknown; by?: unknown };
      future(`lowerHandling.events[${i}].on`, event.on);
      if (typeof event.by === 'string' && event.by.length > 0 && !directory.has(event.by)) add(`lowerHandling.events[${i}].by`, unknownOrgan(event.by));
    });
  }
}
