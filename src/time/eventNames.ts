import type { EventType } from '../case/event.js';

/**
 * How each event of the log is named in a computation's account ("60 calendar days from the acceptance
 * on 2024-01-05"), in both languages.
 */
export const EVENT_NAMES: Readonly<Partial<Record<EventType, { readonly en: string; readonly zh: string }>>> = {
  received: { en: 'receipt', zh: '收到信访事项' },
  registered: { en: 'registration', zh: '登记' },
  transferred: { en: 'transfer', zh: '转送' },
  assigned: { en: 'assignment', zh: '交办' },
  'transfer-objected': { en: 'objection to the transfer', zh: '对转送提出异议' },
  accepted: { en: 'acceptance', zh: '受理' },
  'not-accepted': { en: 'decision not to accept', zh: '不予受理' },
  'petitioner-notified': { en: 'written notice to the petitioner', zh: '书面告知信访人' },
  'result-reported': { en: 'result report', zh: '反馈办理结果' },
  'extension-approved': { en: 'extension approval', zh: '批准延长' },
  concluded: { en: 'conclusion', zh: '办结' },
  'reply-received': { en: 'receipt of the written reply', zh: '收到书面答复' },
  'review-requested': { en: 'review request', zh: '请求复查' },
  'review-request-received': { en: 'receipt of the review request', zh: '收到复查请求' },
  'review-decided': { en: 'review opinion', zh: '提出复查意见' },
  'review-opinion-received': { en: 'receipt of the review opinion', zh: '收到复查意见' },
  'reexamination-requested': { en: 'reexamination request', zh: '请求复核' },
  'reexamination-request-received': { en: 'receipt of the reexamination request', zh: '收到复核请求' },
  hearing: { en: 'hearing', zh: '听证' },
  'reexamination-decided': { en: 'reexamination opinion', zh: '提出复核意见' },
  'major-matter-reported': { en: 'report of the major matter', zh: '报告重大紧急事项' },
  'improvement-suggested': { en: 'improvement suggestion', zh: '提出改进建议' },
  'improvement-answered': { en: 'written answer to the improvement suggestion', zh: '书面反馈改进建议' },
  'suggestion-replied': { en: 'reply to the suggestion', zh: '答复建议意见' },
  'opinion-executed': { en: 'execution of the handling opinion', zh: '执行处理意见' },
  'agreement-reached': { en: 'agreement by mediation or settlement', zh: '经调解、和解达成一致意见' },
  'agreement-drawn-up': { en: 'written agreement', zh: '制作调解协议书或者和解协议书' },
  'accountability-proposed': { en: 'proposal to hold those responsible accountable', zh: '提出追究责任的建议' },
  'accountability-proposal-answered': { en: 'written answer to the accountability proposal', zh: '书面反馈追究责任建议的采纳情况' },
};

/** The name of an event type; an event type added to the log later falls back to its id. */
export function eventName(type: string): { readonly en: string; readonly zh: string } {
  return (EVENT_NAMES as Record<string, { en: string; zh: string }>)[type] ?? { en: type, zh: type };
}
