import type { ObligationStatus } from '../assessment/types.js';
import type { DayInfo } from '../calendar/types.js';

/**
 * The timeline's colours. Statuses follow the usual traffic-light reading (met green, late orange,
 * overdue red, pending blue); a petitioner's window is drawn in outline, an undetermined one dashed.
 * Day kinds shade the background columns: rest days grey, statutory holidays rose, make-up working days
 * (调休上班) amber, so a reader sees why a due date moved.
 */
export const statusColour: Readonly<Record<ObligationStatus, string>> = {
  pending: '#2563eb',
  'due-soon': '#d97706',
  met: '#16a34a',
  'met-late': '#ea580c',
  overdue: '#dc2626',
  open: '#0d9488',
  expired: '#6b7280',
  undetermined: '#7c3aed',
};

export const dayColour: Readonly<Record<Exclude<DayInfo['kind'], 'working-day'>, string>> = {
  weekend: '#eef2f6',
  holiday: '#fde2e4',
  'make-up-working-day': '#fdf0c8',
};

export const ink = '#1f2937';
export const faint = '#6b7280';
export const gridLine = '#d1d5db';
export const overdueColour = '#dc2626';
export const projectedColour = '#7c3aed';
export const pauseColour = '#94a3b8';
