/**
 * The obligation ids of the public vocabulary: every time limit an assessment may list. Users store
 * and match on them, so an id is added, never renamed. The petitioner's windows are listed apart: they
 * are the petitioner's time, not an organ's duty.
 */
export const DUTY_OBLIGATION_IDS = [
  'register',
  'dispose',
  'notify-petitioner',
  'object-to-transfer',
  'report-assigned-result',
  'conclude',
  'review-decision',
  'reexamination-decision',
  'report-major-matter',
  'feedback-on-improvement',
  'reply-to-suggestion',
  'draw-up-agreement',
  'feedback-on-accountability-proposal',
  'report-congress-assigned-result',
] as const;

/** The petitioner's request windows. */
export const WINDOW_OBLIGATION_IDS = ['review-request-window', 'reexamination-request-window'] as const;

/** Every obligation id. */
export const OBLIGATION_IDS = [...DUTY_OBLIGATION_IDS, ...WINDOW_OBLIGATION_IDS] as const;
