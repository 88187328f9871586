import { DomainError, ErrorCode } from '@jalin/core';
import {
  effectiveState,
  effectiveStatus,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TRANSITIONS,
  type OpportunityAction,
  type OpportunityStatus,
  opportunityTransition,
} from './opportunity.lifecycle.js';

describe('opportunity lifecycle', () => {
  // Written out independently of the table: DRAFT → OPEN → CLOSED, closed three ways.
  const allowed: Record<OpportunityAction, Partial<Record<OpportunityStatus, [OpportunityStatus, string | undefined]>>> = {
    publish: { DRAFT: ['OPEN', undefined] },
    close: { OPEN: ['CLOSED', 'MANUAL'] },
    expire: { OPEN: ['CLOSED', 'DEADLINE'] },
    fill: { OPEN: ['CLOSED', 'SLOTS_FILLED'] },
  };
  const cases = (Object.keys(allowed) as OpportunityAction[]).flatMap((action) => OPPORTUNITY_STATUSES.map((from) => [action, from] as const));

  it.each(cases)('%s from %s', (action, from) => {
    const expected = allowed[action][from];
    if (expected) {
      const t = opportunityTransition(action, from);
      expect([t.to, t.closedReason]).toEqual(expected);
    } else {
      let err: unknown;
      try {
        opportunityTransition(action, from);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(ErrorCode.INVALID_TRANSITION);
      expect((err as DomainError).status).toBe(409);
      expect((err as DomainError).message).toContain(from);
    }
  });

  it('has no way out of CLOSED and no way back to DRAFT', () => {
    for (const t of Object.values(OPPORTUNITY_TRANSITIONS)) {
      expect(t.from).not.toContain('CLOSED');
      expect(t.to).not.toBe('DRAFT');
    }
  });

  describe('effective status', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const past = new Date('2026-05-31T23:59:59Z');
    const future = new Date('2026-06-01T00:00:01Z');

    it('an OPEN opportunity past its deadline is CLOSED by DEADLINE, closed at the deadline', () => {
      expect(effectiveState({ status: 'OPEN', closesAt: past, closedReason: null }, now)).toEqual({ status: 'CLOSED', closedReason: 'DEADLINE', closedAt: past });
      expect(effectiveStatus({ status: 'OPEN', closesAt: now, closedReason: null }, now)).toBe('CLOSED');
    });

    it('before the deadline, or without one, it stays OPEN', () => {
      expect(effectiveState({ status: 'OPEN', closesAt: future, closedReason: null }, now)).toEqual({ status: 'OPEN', closedReason: null, closedAt: null });
      expect(effectiveStatus({ status: 'OPEN', closesAt: null, closedReason: null }, now)).toBe('OPEN');
    });

    it('leaves drafts and already closed ones as written', () => {
      expect(effectiveStatus({ status: 'DRAFT', closesAt: past, closedReason: null }, now)).toBe('DRAFT');
      const closedAt = new Date('2026-05-01T00:00:00Z');
      expect(effectiveState({ status: 'CLOSED', closesAt: past, closedReason: 'MANUAL', closedAt }, now)).toEqual({ status: 'CLOSED', closedReason: 'MANUAL', closedAt });
    });
  });
});
