import { DomainError, ErrorCode } from '@jalin/core';
import {
  ACTIVE_APPLICATION_STATUSES,
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  type ApplicationAction,
  type ApplicationStatus,
  applicationTransition,
  isActiveApplication,
} from './application.lifecycle.js';

describe('application lifecycle', () => {
  // The full action × status grid, written out independently of the table.
  const expected: Record<ApplicationAction, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
    apply: { INVITED: 'SUBMITTED' },
    decline: { INVITED: 'DECLINED' },
    withdraw: { SUBMITTED: 'WITHDRAWN', SHORTLISTED: 'WITHDRAWN' },
    shortlist: { SUBMITTED: 'SHORTLISTED' },
    accept: { SUBMITTED: 'ACCEPTED', SHORTLISTED: 'ACCEPTED' },
    reject: { SUBMITTED: 'REJECTED', SHORTLISTED: 'REJECTED' },
  };
  const grid = (Object.keys(expected) as ApplicationAction[]).flatMap((action) => APPLICATION_STATUSES.map((from) => [action, from] as const));

  it.each(grid)('%s from %s', (action, from) => {
    const to = expected[action][from];
    if (to) {
      expect(applicationTransition(action, from)).toBe(to);
    } else {
      expect(() => applicationTransition(action, from)).toThrow(DomainError);
      try {
        applicationTransition(action, from);
      } catch (e) {
        expect((e as DomainError).code).toBe(ErrorCode.INVALID_TRANSITION);
        expect((e as DomainError).status).toBe(409);
      }
    }
  });

  it('decided, withdrawn and declined applications are final', () => {
    for (const final of ['ACCEPTED', 'REJECTED', 'WITHDRAWN', 'DECLINED'] as const) {
      for (const t of Object.values(APPLICATION_TRANSITIONS)) expect(t.from).not.toContain(final);
    }
  });

  it('the firm answers invitations and withdraws; the partner decides', () => {
    expect(Object.fromEntries(Object.entries(APPLICATION_TRANSITIONS).map(([a, t]) => [a, t.by]))).toEqual({
      apply: 'enterprise',
      decline: 'enterprise',
      withdraw: 'enterprise',
      shortlist: 'partner',
      accept: 'partner',
      reject: 'partner',
    });
  });

  it('active statuses match the database’s one-active-application index', () => {
    expect([...ACTIVE_APPLICATION_STATUSES].sort()).toEqual(['ACCEPTED', 'INVITED', 'SHORTLISTED', 'SUBMITTED']);
    expect(isActiveApplication('WITHDRAWN')).toBe(false);
    expect(isActiveApplication('INVITED')).toBe(true);
  });
});
