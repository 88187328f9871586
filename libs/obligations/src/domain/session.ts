import { DomainError, ErrorCode, type FieldError } from '@jalin/core';

/** Coaching aspects (pembinaan, domain.md). */
export const COACHING_ASPECTS = ['MARKETING', 'HUMAN_RESOURCES', 'CAPITAL', 'MANAGEMENT', 'TECHNOLOGY'] as const;
export type CoachingAspect = (typeof COACHING_ASPECTS)[number];

/** HUMAN_RESOURCES coaching is one of these activities; the other aspects name theirs freely. */
export const HUMAN_RESOURCES_ACTIVITIES = ['TRAINING', 'APPRENTICESHIP', 'COMPARATIVE_STUDY', 'CONSULTATION'] as const;

export const ASPECT_LABEL: Record<CoachingAspect, string> = {
  MARKETING: 'pemasaran',
  HUMAN_RESOURCES: 'sumber daya manusia',
  CAPITAL: 'permodalan',
  MANAGEMENT: 'manajemen',
  TECHNOLOGY: 'teknologi',
};

const ACTIVITY_LABEL: Record<string, string> = {
  TRAINING: 'pendidikan dan pelatihan',
  APPRENTICESHIP: 'pemagangan',
  COMPARATIVE_STUDY: 'studi banding',
  CONSULTATION: 'konsultasi',
};
export const activityLabel = (activity: string) => ACTIVITY_LABEL[activity] ?? activity;

/** null when `activity` suits `aspect`; else the field error (400). */
export function coachingActivityError(aspect: string, activity: string, field = 'activity'): FieldError | null {
  if (aspect === 'HUMAN_RESOURCES' && !(HUMAN_RESOURCES_ACTIVITIES as readonly string[]).includes(activity)) {
    return { field, message: `HUMAN_RESOURCES coaching is one of ${HUMAN_RESOURCES_ACTIVITIES.join(', ')}; got ${activity}` };
  }
  if (!activity.trim()) return { field, message: 'activity must not be empty' };
  return null;
}

export const SESSION_STATUSES = ['SCHEDULED', 'HELD', 'CONFIRMED', 'DISPUTED', 'CANCELLED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export type SessionAction = 'recordAttendance' | 'confirm' | 'dispute' | 'cancel';
export type SessionActor = 'partner' | 'enterprise' | 'system';

/**
 * The coaching-session lifecycle: the partner schedules (SCHEDULED, a creation) and records
 * attendance (→ HELD); the small firm confirms it took place (→ CONFIRMED: only now does it count as
 * delivered) or disputes it with a reason (→ DISPUTED, visible to the ministry) — and may still
 * confirm a session it disputed, withdrawing the dispute. A scheduled session is CANCELLED when its
 * agreement ends. One table; anything else is 409.
 */
export const SESSION_TRANSITIONS: Readonly<Record<SessionAction, { from: readonly SessionStatus[]; to: SessionStatus; by: SessionActor }>> = {
  recordAttendance: { from: ['SCHEDULED'], to: 'HELD', by: 'partner' },
  confirm: { from: ['HELD', 'DISPUTED'], to: 'CONFIRMED', by: 'enterprise' },
  dispute: { from: ['HELD'], to: 'DISPUTED', by: 'enterprise' },
  cancel: { from: ['SCHEDULED'], to: 'CANCELLED', by: 'system' },
};

const PAST: Record<SessionAction, string> = {
  recordAttendance: 'given an attendance record',
  confirm: 'confirmed',
  dispute: 'disputed',
  cancel: 'cancelled',
};

export function sessionTransition(action: SessionAction, from: SessionStatus): SessionStatus {
  const t = SESSION_TRANSITIONS[action];
  if (!t.from.includes(from)) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `A coaching session that is ${from} cannot be ${PAST[action]}; only ${t.from.join(' or ')} ones can`, {
      sessionStatus: from,
      action,
    });
  }
  return t.to;
}
