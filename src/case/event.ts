import * as z from 'zod';
import { isIsoDate } from '../dates/isoDate.js';

/** A calendar date in China, `YYYY-MM-DD`. */
export const DateField = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isIsoDate, { message: 'must be a real calendar date written YYYY-MM-DD', params: { zh: '必须是真实的日历日期，格式为 YYYY-MM-DD' } });

const OrganId = z.string().min(1);

const base = {
  /** The date the step happened (for a hearing: its first day). */
  on: DateField,
  /** The organ that took the step. */
  by: OrganId.optional(),
  note: z.string().optional(),
};

/**
 * The case's event log: each dated procedural step. Time limits start and stop on these events, so
 * each kind carries exactly the fields its rules need, and an unknown kind is an input error.
 */
export const Event = z.discriminatedUnion('type', [
  /** The matter reached an organ (a letter arrived, a visitor came, a call was taken). */
  z.object({ type: z.literal('received'), ...base }).strict(),
  /** The petition department (or organ) registered it (登记). */
  z.object({ type: z.literal('registered'), ...base }).strict(),
  /** Transferred (转送) to the organ named in `to`. */
  z.object({ type: z.literal('transferred'), ...base, to: OrganId }).strict(),
  /** Assigned (交办) to `to`, with the assigner's deadline for the result report if one was set. */
  z.object({ type: z.literal('assigned'), ...base, to: OrganId, dueOn: DateField.optional() }).strict(),
  /** The organ that received a transfer or assignment objected that it is not competent. */
  z.object({ type: z.literal('transfer-objected'), ...base, reason: z.string().optional() }).strict(),
  /** The competent organ accepted the matter for handling (受理). */
  z.object({ type: z.literal('accepted'), ...base }).strict(),
  /** The organ declined to accept it (不予受理), e.g. because a legal channel applies. */
  z.object({ type: z.literal('not-accepted'), ...base, reason: z.string().optional() }).strict(),
  /** The petitioner was told in writing (告知) of receipt / acceptance / route. */
  z.object({ type: z.literal('petitioner-notified'), ...base }).strict(),
  /** The assigned organ reported the result back to the assigner. */
  z.object({ type: z.literal('result-reported'), ...base }).strict(),
  /** Extension of the handling period; only an approval by the head of the handling organ counts. */
  z
    .object({
      type: z.literal('extension-approved'),
      ...base,
      days: z.number().int().positive(),
      approvedBy: z.enum(['head-of-organ', 'other']),
      reasonGivenToPetitioner: z.boolean().optional(),
    })
    .strict(),
  /** Handling concluded with a written handling opinion (信访处理意见书). */
  z
    .object({ type: z.literal('concluded'), ...base, opinion: z.enum(['support', 'explain', 'not-support']) })
    .strict(),
  /** The petitioner received the written reply (the review window runs from here). */
  z.object({ type: z.literal('reply-received'), ...base }).strict(),
  /** Review (复查) requested of the organ in `to`. */
  z.object({ type: z.literal('review-requested'), ...base, to: OrganId.optional() }).strict(),
  /**
   * The review organ received the review request (自收到复查请求之日起): the review opinion's period runs
   * from here. Without it the request date stands in, and the obligation says so.
   */
  z.object({ type: z.literal('review-request-received'), ...base }).strict(),
  /** Review opinion given. */
  z.object({ type: z.literal('review-decided'), ...base }).strict(),
  /** The petitioner received the review opinion (the reexamination window runs from here). */
  z.object({ type: z.literal('review-opinion-received'), ...base }).strict(),
  /** Reexamination (复核) requested of the organ in `to`. */
  z.object({ type: z.literal('reexamination-requested'), ...base, to: OrganId.optional() }).strict(),
  /**
   * The reexamination organ received the reexamination request (自收到复核请求之日起): the reexamination
   * opinion's period runs from here. Without it the request date stands in, and the obligation says so.
   */
  z.object({ type: z.literal('reexamination-request-received'), ...base }).strict(),
  /** A hearing (听证) held from `on` to `until` inclusive; hearing time is not counted in reexamination. */
  z.object({ type: z.literal('hearing'), ...base, until: DateField }).strict(),
  /** Reexamination opinion given: the matter is terminated. */
  z.object({ type: z.literal('reexamination-decided'), ...base }).strict(),
  /** A major or urgent matter reported to `to`. */
  z.object({ type: z.literal('major-matter-reported'), ...base, to: z.array(OrganId).optional() }).strict(),
  /** The petition department suggested an improvement to the organ in `to`. */
  z.object({ type: z.literal('improvement-suggested'), ...base, to: OrganId }).strict(),
  /** The organ answered the improvement suggestion in writing. */
  z.object({ type: z.literal('improvement-answered'), ...base }).strict(),
  /** The competent organ replied to a suggestion (建议意见类). */
  z.object({ type: z.literal('suggestion-replied'), ...base }).strict(),
  /** A supporting handling opinion was carried out. */
  z.object({ type: z.literal('opinion-executed'), ...base }).strict(),
  /** Mediation (调解) or a settlement between the parties (和解) reached agreement on an appeal/request. */
  z.object({ type: z.literal('agreement-reached'), ...base, form: z.enum(['mediation', 'settlement']) }).strict(),
  /** The mediation or settlement agreement was drawn up in writing (调解协议书、和解协议书). */
  z.object({ type: z.literal('agreement-drawn-up'), ...base }).strict(),
  /** The petition department proposed to the organ in `to` that those responsible be held accountable (追究责任的建议). */
  z.object({ type: z.literal('accountability-proposed'), ...base, to: OrganId }).strict(),
  /** The organ answered the accountability proposal in writing (书面反馈采纳情况). */
  z.object({ type: z.literal('accountability-proposal-answered'), ...base }).strict(),
]);
export type Event = z.infer<typeof Event>;
export type EventType = Event['type'];
export const EVENT_TYPES = Event.options.map((o) => o.shape.type.value) as EventType[];
