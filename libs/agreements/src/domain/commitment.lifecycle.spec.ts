import { DomainError, ErrorCode } from '@jalin/core';
import { type CommitmentAction, type CommitmentStatus, COMMITMENT_STATUSES, commitmentTransition } from './commitment.lifecycle.js';

describe('commitment counter-confirmation', () => {
  const expected: Record<CommitmentAction, Partial<Record<CommitmentStatus, CommitmentStatus>>> = {
    confirm: { PENDING: 'CONFIRMED', DISPUTED: 'CONFIRMED' },
    dispute: { PENDING: 'DISPUTED' },
  };
  const grid = (Object.keys(expected) as CommitmentAction[]).flatMap((action) => COMMITMENT_STATUSES.map((from) => [action, from] as const));

  it.each(grid)('%s from %s', (action, from) => {
    const to = expected[action][from];
    if (to) {
      expect(commitmentTransition(action, from)).toBe(to);
      return;
    }
    let error: unknown;
    try {
      commitmentTransition(action, from);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.INVALID_TRANSITION);
    expect((error as DomainError).status).toBe(409);
  });

  it('a confirmation is final', () => {
    expect(() => commitmentTransition('confirm', 'CONFIRMED')).toThrow(/final/);
    expect(() => commitmentTransition('dispute', 'CONFIRMED')).toThrow(/final/);
  });
});
