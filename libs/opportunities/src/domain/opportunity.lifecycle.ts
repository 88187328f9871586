import { DomainError, ErrorCode } from '@jalin/core';

export const OPPORTUNITY_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const CLOSED_REASONS = ['MANUAL', 'DEADLINE', 'SLOTS_FILLED'] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];

export type OpportunityAction = 'publish' | 'close' | 'expire' | 'fill';

/**
 * The opportunity lifecycle (domain.md): DRAFT → OPEN → CLOSED, closed by hand, by deadline, or
 * when every slot is filled. The one table of allowed moves; anything else is a 409.
 */
export const OPPORTUNITY_TRANSITIONS: Readonly<
  Record<OpportunityAction, { from: readonly OpportunityStatus[]; to: OpportunityStatus; closedReason?: ClosedReason }>
> = {
  publish: { from: ['DRAFT'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED', closedReason: 'MANUAL' },
  expire: { from: ['OPEN'], to: 'CLOSED', closedReason: 'DEADLINE' },
  fill: { from: ['OPEN'], to: 'CLOSED', closedReason: 'SLOTS_FILLED' },
};

/** The move `action` makes from `from`, or a 409 naming the state and what it would need. */
export function opportunityTransition(action: OpportunityAction, from: OpportunityStatus) {
  const t = OPPORTUNITY_TRANSITIONS[action];
  if (!t.from.includes(from)) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `Cannot ${action} an opportunity that is ${from}; only ${t.from.join(' or ')} opportunities can be ${PAST[action]}`,
      { opportunityStatus: from, action },
    );
  }
  return t;
}

const PAST: Record<OpportunityAction, string> = { publish: 'published', close: 'closed', expire: 'expired', fill: 'filled' };

export interface OpportunityState {
  status: OpportunityStatus;
  closesAt: Date | null;
  closedReason: ClosedReason | null;
  closedAt?: Date | null;
}

/**
 * Status as it truly is: an OPEN opportunity whose deadline has passed is CLOSED (reason DEADLINE)
 * even before the worker's sweep writes it. Every reader and every rule goes through this.
 */
export function effectiveState(row: OpportunityState, now: Date = new Date()): {
  status: OpportunityStatus;
  closedReason: ClosedReason | null;
  closedAt: Date | null;
} {
  if (row.status === 'OPEN' && isPast(row.closesAt, now)) {
    return { status: 'CLOSED', closedReason: 'DEADLINE', closedAt: row.closesAt };
  }
  return { status: row.status, closedReason: row.closedReason, closedAt: row.closedAt ?? null };
}

export function effectiveStatus(row: OpportunityState, now: Date = new Date()): OpportunityStatus {
  return effectiveState(row, now).status;
}

function isPast(at: Date | null, now: Date): boolean {
  return at !== null && at.getTime() <= now.getTime();
}

/**
 * The same rule in SQL, for queries: `alias` is effectively OPEN (published, deadline not passed).
 * `WHERE ${openSql('o')}` — use it instead of `status = 'OPEN'`.
 */
export const openSql = (alias: string) => `(${alias}.status = 'OPEN' AND (${alias}.closes_at IS NULL OR ${alias}.closes_at > now()))`;
