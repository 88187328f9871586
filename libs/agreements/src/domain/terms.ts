import type { FieldError } from '@jalin/core';
// Reporting periods and coaching aspects are the obligations library's lists (it schedules reports
// and sessions from them); the terms are checked against the same ones.
import { type CoachingAspect, HUMAN_RESOURCES_ACTIVITIES, type ReportingPeriodKind } from '@jalin/obligations';
import { type Pattern, SUPPORT_TYPES_BY_PATTERN } from '@jalin/opportunities';

/** Where the commitment types of each pattern come from. */
export const COMMITMENT_LEGAL_BASIS: Record<Pattern, string> = {
  INTI_PLASMA: 'PP 44/1997 Pasal 3',
  SUBCONTRACT: 'PP 44/1997 Pasal 4',
};

export interface CommitmentTerms {
  type: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  /** Integer rupiah. */
  valueIdr: number | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  /** Free text for recurring commitments ("every month, by the 5th"). */
  schedule: string | null;
}

export interface CoachingSessionTerms {
  /** ISO 8601 instant (UTC) */
  scheduledAt: string;
  location: string;
}

export interface CoachingTerms {
  aspect: CoachingAspect;
  activity: string;
  description: string;
  sessions: CoachingSessionTerms[];
}

/** What one terms version says: the original agreement or an amendment. */
export interface Terms {
  title: string;
  startDate: string;
  endDate: string;
  reportingPeriod: ReportingPeriodKind;
  paymentTermDays: number | null;
  commitments: CommitmentTerms[];
  coaching: CoachingTerms[];
}

/** The commitment snapshot kept on `agreement_terms.commitments` (jsonb), with the row it became. */
export interface CommitmentSnapshot extends CommitmentTerms {
  commitmentId: string;
  position: number;
}

/** The coaching snapshot kept on `agreement_terms.coaching` (jsonb), with the plan item it became. */
export interface CoachingSnapshot extends CoachingTerms {
  planItemId: string;
  position: number;
}

/**
 * Rules the edge cannot check alone, every problem at once: commitment types must suit the pattern
 * (a wrong one is named, e.g. `commitments.2.type`), the period must run forwards, due dates lie in
 * it, a quantity has a unit, and human-resources coaching is one of its four forms.
 */
export function termsErrors(pattern: Pattern, t: Terms): FieldError[] {
  const errors: FieldError[] = [];
  const allowed = SUPPORT_TYPES_BY_PATTERN[pattern] as readonly string[];
  if (t.startDate >= t.endDate) errors.push({ field: 'endDate', message: `endDate (${t.endDate}) must be after startDate (${t.startDate})` });
  t.commitments.forEach((c, i) => {
    if (!allowed.includes(c.type)) {
      errors.push({
        field: `commitments.${i}.type`,
        message: `${c.type} is not a commitment type for ${pattern} (${COMMITMENT_LEGAL_BASIS[pattern]}; allowed: ${allowed.join(', ')})`,
      });
    }
    if (c.dueDate !== null && (c.dueDate < t.startDate || c.dueDate > t.endDate)) {
      errors.push({ field: `commitments.${i}.dueDate`, message: `dueDate (${c.dueDate}) must lie within the agreement, ${t.startDate} to ${t.endDate}` });
    }
    if (c.quantity !== null && !c.unit) errors.push({ field: `commitments.${i}.unit`, message: 'a quantity needs its unit (kg, pcs, ha…)' });
  });
  t.coaching.forEach((c, i) => {
    if (c.aspect === 'HUMAN_RESOURCES' && !(HUMAN_RESOURCES_ACTIVITIES as readonly string[]).includes(c.activity)) {
      errors.push({
        field: `coaching.${i}.activity`,
        message: `${c.activity} is not a human-resources coaching activity (allowed: ${HUMAN_RESOURCES_ACTIVITIES.join(', ')})`,
      });
    }
  });
  return errors;
}

/** A calendar date that exists (2024-02-29 yes, 2025-02-29 no). */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The agreement number: `KMT/<year>/<6 digits>` (more digits once the sequence passes 999999). */
export const agreementNumber = (year: number, seq: number | string) => `KMT/${year}/${String(seq).padStart(6, '0')}`;
