import { DomainError } from '@jalin/core';
import { canMoveObligation, LEGAL_BASIS, obligationStatus, obligationTransition, OBLIGATION_TRANSITIONS } from './obligation.js';

describe('obligationStatus', () => {
  const today = '2026-03-03';
  it('an open obligation is UPCOMING more than 7 days ahead, DUE within 7 days (the due day included), OVERDUE after', () => {
    expect(obligationStatus('OPEN', '2026-03-11', today)).toBe('UPCOMING');
    expect(obligationStatus('OPEN', '2026-03-10', today)).toBe('DUE');
    expect(obligationStatus('OPEN', '2026-03-04', today)).toBe('DUE');
    expect(obligationStatus('OPEN', '2026-03-03', today)).toBe('DUE');
    expect(obligationStatus('OPEN', '2026-03-02', today)).toBe('OVERDUE');
    expect(obligationStatus('OPEN', '2025-01-01', today)).toBe('OVERDUE');
  });

  it('counts days across February in leap and common years', () => {
    // 2028 has 29 February: from the 22nd to 1 March is 8 days, from the 23rd 7.
    expect(obligationStatus('OPEN', '2028-03-01', '2028-02-22')).toBe('UPCOMING');
    expect(obligationStatus('OPEN', '2028-03-01', '2028-02-23')).toBe('DUE');
    // 2027 has not: from the 21st is 8 days, from the 22nd 7.
    expect(obligationStatus('OPEN', '2027-03-01', '2027-02-21')).toBe('UPCOMING');
    expect(obligationStatus('OPEN', '2027-03-01', '2027-02-22')).toBe('DUE');
  });

  it('a closed obligation shows its state whatever the dates', () => {
    expect(obligationStatus('FULFILLED', '2020-01-01', today)).toBe('FULFILLED');
    expect(obligationStatus('WAIVED', '2020-01-01', today)).toBe('WAIVED');
    expect(obligationStatus('CANCELLED', '2099-01-01', today)).toBe('CANCELLED');
  });
});

describe('obligation lifecycle', () => {
  it('OPEN ends FULFILLED, WAIVED or CANCELLED; a fulfilled one may be reopened, a cancelled one reinstated; nothing else', () => {
    expect(obligationTransition('fulfil', 'OPEN')).toBe('FULFILLED');
    expect(obligationTransition('waive', 'OPEN')).toBe('WAIVED');
    expect(obligationTransition('cancel', 'OPEN')).toBe('CANCELLED');
    expect(obligationTransition('reopen', 'FULFILLED')).toBe('OPEN');
    expect(obligationTransition('reinstate', 'CANCELLED')).toBe('OPEN');
    for (const [action, t] of Object.entries(OBLIGATION_TRANSITIONS)) {
      for (const from of ['OPEN', 'FULFILLED', 'WAIVED', 'CANCELLED'] as const) {
        expect(canMoveObligation(action as keyof typeof OBLIGATION_TRANSITIONS, from)).toBe(t.from.includes(from));
      }
    }
  });

  it('an illegal move is a 409 naming the state', () => {
    try {
      obligationTransition('waive', 'FULFILLED');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).status).toBe(409);
      expect((e as DomainError).message).toContain('FULFILLED');
    }
  });

  it('names its legal basis', () => {
    expect(LEGAL_BASIS.PROGRESS_REPORT).toBe('PP 44/1997 Pasal 14 huruf b');
  });
});
