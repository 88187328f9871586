import { DomainError, ErrorCode } from '@jalin/core';

export const APPLICATION_STATUSES = ['INVITED', 'DECLINED', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A firm holds at most one of these per opportunity (a unique index enforces it too). */
export const ACTIVE_APPLICATION_STATUSES = ['INVITED', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED'] as const satisfies readonly ApplicationStatus[];

export type ApplicationAction = 'apply' | 'decline' | 'withdraw' | 'shortlist' | 'accept' | 'reject';
/** Which side of the partnership takes the action. */
export type Side = 'enterprise' | 'partner';

/**
 * The application lifecycle (domain.md): SUBMITTED → SHORTLISTED → ACCEPTED | REJECTED (a decision
 * may also come straight from SUBMITTED), WITHDRAWN by the small firm before a decision; a partner
 * may INVITE a firm, which answers by applying (→ SUBMITTED, same row) or declining. Creating a
 * fresh SUBMITTED or INVITED row is not a move and is not listed. The one table; anything else is 409.
 */
export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationAction, { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: Side }>
> = {
  apply: { from: ['INVITED'], to: 'SUBMITTED', by: 'enterprise' },
  decline: { from: ['INVITED'], to: 'DECLINED', by: 'enterprise' },
  withdraw: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'WITHDRAWN', by: 'enterprise' },
  shortlist: { from: ['SUBMITTED'], to: 'SHORTLISTED', by: 'partner' },
  accept: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'ACCEPTED', by: 'partner' },
  reject: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'REJECTED', by: 'partner' },
};

const PAST: Record<ApplicationAction, string> = {
  apply: 'applied to',
  decline: 'declined',
  withdraw: 'withdrawn',
  shortlist: 'shortlisted',
  accept: 'accepted',
  reject: 'rejected',
};

/** The status `action` leads to from `from`, or a 409 saying why not. */
export function applicationTransition(action: ApplicationAction, from: ApplicationStatus): ApplicationStatus {
  const t = APPLICATION_TRANSITIONS[action];
  if (!t.from.includes(from)) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `An application that is ${from} cannot be ${PAST[action]}; only ${t.from.join(' or ')} ones can`,
      { applicationStatus: from, action },
    );
  }
  return t.to;
}

export const isActiveApplication = (s: ApplicationStatus) => (ACTIVE_APPLICATION_STATUSES as readonly string[]).includes(s);
