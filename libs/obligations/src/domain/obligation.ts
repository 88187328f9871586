import { DomainError, ErrorCode } from '@jalin/core';
import { daysBetween, type IsoDate } from './calendar.js';

/**
 * Pasal 14 duties (domain.md) as obligation types, and `CASE_REMEDY`: the remedy report a partner
 * owes on a monitoring case concluded with a violation (created by libs/monitoring, linked by
 * `caseId`, due on the case's remedy due date, fulfilled by the remedy report on the case).
 */
export const OBLIGATION_TYPES = ['PUBLISH_OPPORTUNITIES', 'PROGRESS_REPORT', 'APPOINT_PIC', 'HONOUR_AGREEMENT', 'COACHING', 'CASE_REMEDY'] as const;
export type ObligationType = (typeof OBLIGATION_TYPES)[number];

/** What is stored. */
export const OBLIGATION_STATES = ['OPEN', 'FULFILLED', 'WAIVED', 'CANCELLED'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

/** What the API shows: an OPEN obligation reads UPCOMING, DUE or OVERDUE by its due date, derived when read. */
export const OBLIGATION_STATUSES = ['UPCOMING', 'DUE', 'OVERDUE', 'FULFILLED', 'WAIVED', 'CANCELLED'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const OWED_BY = ['PARTNER', 'ENTERPRISE'] as const;
export type OwedBy = (typeof OWED_BY)[number];

/** An OPEN obligation is DUE from this many days before its due date up to and including the due day. */
export const DUE_WINDOW_DAYS = 7;

/** Days after activation within which a partner without a penanggung jawab kemitraan must appoint one. */
export const APPOINT_PIC_WITHIN_DAYS = 30;

/** Days a partner has to resubmit a report after the ministry asks for a revision. */
export const REVISION_DUE_DAYS = 14;

/**
 * PP 44/1997 Pasal 14, in the order domain.md lists the duties (huruf a–e). CASE_REMEDY: the
 * default for a case whose finding or violation type names nothing more precise (libs/monitoring
 * picks the case's own basis first) — the ministry's supervision of partnerships.
 */
export const LEGAL_BASIS: Record<ObligationType, string> = {
  PUBLISH_OPPORTUNITIES: 'PP 44/1997 Pasal 14 huruf a',
  PROGRESS_REPORT: 'PP 44/1997 Pasal 14 huruf b',
  APPOINT_PIC: 'PP 44/1997 Pasal 14 huruf c',
  HONOUR_AGREEMENT: 'PP 44/1997 Pasal 14 huruf d',
  COACHING: 'PP 44/1997 Pasal 14 huruf e',
  CASE_REMEDY: 'PP 7/2021 — pengawasan pelaksanaan kemitraan',
};

/**
 * The status shown for an obligation on `today` (a date in the obligation's zone): a closed one
 * shows its state; an open one is OVERDUE after its due date, DUE within DUE_WINDOW_DAYS of it (the
 * due day included) and UPCOMING before that. `statusSql` is the same rule in SQL.
 */
export function obligationStatus(state: ObligationState, dueDate: IsoDate, today: IsoDate): ObligationStatus {
  if (state !== 'OPEN') return state;
  const left = daysBetween(today, dueDate);
  if (left < 0) return 'OVERDUE';
  if (left <= DUE_WINDOW_DAYS) return 'DUE';
  return 'UPCOMING';
}

/** "Today" for obligation alias `o`, in its own zone. */
export const todaySql = (o = 'o') => `(now() AT TIME ZONE ${o}.time_zone)::date`;

/** `obligationStatus` in SQL, for obligation alias `o`. */
export function statusSql(o = 'o'): string {
  const today = todaySql(o);
  return `(CASE WHEN ${o}.state <> 'OPEN' THEN ${o}.state
    WHEN ${o}.due_date < ${today} THEN 'OVERDUE'
    WHEN ${o}.due_date <= ${today} + ${DUE_WINDOW_DAYS} THEN 'DUE'
    ELSE 'UPCOMING' END)`;
}

/** Today in WIB, the last Indonesian zone to reach a day, and in WIT, the first. */
const TODAY_WIB = `(now() AT TIME ZONE 'Asia/Jakarta')::date`;
const TODAY_WIT = `(now() AT TIME ZONE 'Asia/Jayapura')::date`;

/**
 * A WHERE predicate selecting obligations whose derived status is `status`. Besides the exact
 * per-row rule it states a bound on `due_date` alone that the rule implies for every Indonesian zone
 * (WIB ≤ the obligation's today ≤ WIT), so an index on due_date can narrow the scan.
 */
export function statusFilterSql(status: ObligationStatus, o = 'o'): string {
  const today = todaySql(o);
  switch (status) {
    case 'OVERDUE':
      return `(${o}.state = 'OPEN' AND ${o}.due_date < ${TODAY_WIT} AND ${o}.due_date < ${today})`;
    case 'DUE':
      return `(${o}.state = 'OPEN' AND ${o}.due_date >= ${TODAY_WIB} AND ${o}.due_date <= ${TODAY_WIT} + ${DUE_WINDOW_DAYS}
        AND ${o}.due_date >= ${today} AND ${o}.due_date <= ${today} + ${DUE_WINDOW_DAYS})`;
    case 'UPCOMING':
      return `(${o}.state = 'OPEN' AND ${o}.due_date > ${TODAY_WIB} + ${DUE_WINDOW_DAYS} AND ${o}.due_date > ${today} + ${DUE_WINDOW_DAYS})`;
    default:
      return `${o}.state = '${status}'`;
  }
}

export type ObligationAction = 'fulfil' | 'waive' | 'cancel' | 'reopen' | 'reinstate';

/**
 * The obligation lifecycle on the stored state (domain.md): an OPEN obligation ends FULFILLED (with
 * evidence, a confirmed session or a report), WAIVED (ministry, with a reason) or CANCELLED (its
 * agreement ended or an amendment dropped it); a report sent back for revision reopens it; an
 * amendment that brings back a reporting period it had dropped reinstates that period's cancelled
 * obligation (a period end is unique per agreement). One table; anything else is 409.
 */
export const OBLIGATION_TRANSITIONS: Readonly<Record<ObligationAction, { from: readonly ObligationState[]; to: ObligationState }>> = {
  fulfil: { from: ['OPEN'], to: 'FULFILLED' },
  waive: { from: ['OPEN'], to: 'WAIVED' },
  cancel: { from: ['OPEN'], to: 'CANCELLED' },
  reopen: { from: ['FULFILLED'], to: 'OPEN' },
  reinstate: { from: ['CANCELLED'], to: 'OPEN' },
};

const PAST: Record<ObligationAction, string> = { fulfil: 'fulfilled', waive: 'waived', cancel: 'cancelled', reopen: 'reopened', reinstate: 'reinstated' };

export const canMoveObligation = (action: ObligationAction, from: ObligationState) => OBLIGATION_TRANSITIONS[action].from.includes(from);

/** The state `action` leads to from `from`, or a 409 saying why not. */
export function obligationTransition(action: ObligationAction, from: ObligationState): ObligationState {
  const t = OBLIGATION_TRANSITIONS[action];
  if (!t.from.includes(from)) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `An obligation that is ${from} cannot be ${PAST[action]}; only ${t.from.join(' or ')} ones can`, {
      obligationState: from,
      action,
    });
  }
  return t.to;
}
