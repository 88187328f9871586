import { DomainError, ErrorCode } from '@jalin/core';

export const CASE_STATUSES = ['DRAFT', 'ACTIVE', 'ADDRESSED', 'DECLINED', 'COMPLETED', 'CANCELLED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who acts on a case: the ministry officer (MINISTRY or ADMIN) or the partner under monitoring. */
export type CaseSide = 'officer' | 'partner';

export type CaseAction = 'open' | 'address' | 'decline' | 'complete' | 'cancel' | 'message' | 'reportRemedy';

export interface CaseMove {
  from: readonly CaseStatus[];
  /** The status after the move; null when the move leaves the status as it is (a message, a remedy report). */
  to: CaseStatus | null;
  by: readonly CaseSide[];
}

/**
 * The monitoring-case lifecycle, after the public-procurement audit model. The one table of allowed
 * moves; anything else is a 409.
 *
 * - `open` DRAFT → ACTIVE: the officer opens the case; the partner is told and may now see it (a
 *   DRAFT is internal to the ministry).
 * - The officer's conclusion on an ACTIVE case: a violation was found, and the partner must remedy
 *   it (type, required remedy, remedy due date) → `address` → ADDRESSED; no violation was found →
 *   `decline` → DECLINED (nothing to remedy). A violation always comes with a remedy and its due date.
 * - `complete` → COMPLETED: from ADDRESSED once the partner has filed a remedy report (a rule
 *   checked beside this table), or directly from DECLINED.
 * - `cancel` → CANCELLED: from DRAFT or ACTIVE, before any conclusion.
 * - `message`: the dialogue, officer or partner, while the case is ACTIVE, ADDRESSED or DECLINED.
 * - `reportRemedy`: the partner's remedy report on an ADDRESSED case (again if the officer asks for more).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseAction, CaseMove>> = {
  open: { from: ['DRAFT'], to: 'ACTIVE', by: ['officer'] },
  address: { from: ['ACTIVE'], to: 'ADDRESSED', by: ['officer'] },
  decline: { from: ['ACTIVE'], to: 'DECLINED', by: ['officer'] },
  complete: { from: ['ADDRESSED', 'DECLINED'], to: 'COMPLETED', by: ['officer'] },
  cancel: { from: ['DRAFT', 'ACTIVE'], to: 'CANCELLED', by: ['officer'] },
  message: { from: ['ACTIVE', 'ADDRESSED', 'DECLINED'], to: null, by: ['officer', 'partner'] },
  reportRemedy: { from: ['ADDRESSED'], to: null, by: ['partner'] },
};

/** Statuses the partner sees its case in (a DRAFT is the ministry's own). */
export const PARTNER_VISIBLE_STATUSES = CASE_STATUSES.filter((s) => s !== 'DRAFT');

const VERB: Record<CaseAction, string> = {
  open: 'opened',
  address: 'concluded with a violation',
  decline: 'concluded without a violation',
  complete: 'completed',
  cancel: 'cancelled',
  message: 'given a message',
  reportRemedy: 'given a remedy report',
};

const WHY: Partial<Record<CaseAction, Partial<Record<CaseStatus, string>>>> = {
  address: { DRAFT: 'open it first', ADDRESSED: 'it is concluded already', DECLINED: 'it is concluded already' },
  decline: { DRAFT: 'open it first', ADDRESSED: 'it is concluded already', DECLINED: 'it is concluded already' },
  complete: { DRAFT: 'it has no conclusion yet', ACTIVE: 'record a conclusion first' },
  cancel: { ADDRESSED: 'a concluded case is completed, not cancelled', DECLINED: 'a concluded case is completed, not cancelled' },
  message: { DRAFT: 'open the case first' },
  reportRemedy: { ACTIVE: 'the officer has not concluded the case yet', DECLINED: 'no violation was found: there is nothing to remedy' },
};

/** The move `action` makes from `from`, or a 409 saying why not. */
export function caseTransition(action: CaseAction, from: CaseStatus): CaseMove {
  const t = CASE_TRANSITIONS[action];
  if (!t.from.includes(from)) {
    const why = WHY[action]?.[from] ?? (from === 'COMPLETED' || from === 'CANCELLED' ? `the case is ${from}` : `only ${t.from.join(' or ')} ones can`);
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `A monitoring case that is ${from} cannot be ${VERB[action]}: ${why}`, { caseStatus: from, action });
  }
  return t;
}

/** The move a conclusion makes: a violation requiring remedy addresses the case; no violation declines it. */
export const conclusionAction = (violation: boolean): CaseAction => (violation ? 'address' : 'decline');

/** What the given side may do next from `status` (for clients: which buttons to show). */
export const allowedCaseActions = (status: CaseStatus, side: CaseSide): CaseAction[] =>
  (Object.keys(CASE_TRANSITIONS) as CaseAction[]).filter((a) => CASE_TRANSITIONS[a].from.includes(status) && CASE_TRANSITIONS[a].by.includes(side));
