import { DomainError } from '@jalin/core';
import { allowedCaseActions, CASE_STATUSES, CASE_TRANSITIONS, type CaseAction, caseTransition, conclusionAction } from './case.lifecycle.js';

describe('monitoring case lifecycle', () => {
  it('follows DRAFT → ACTIVE → ADDRESSED | DECLINED → COMPLETED, or CANCELLED', () => {
    expect(caseTransition('open', 'DRAFT').to).toBe('ACTIVE');
    expect(caseTransition(conclusionAction(true), 'ACTIVE').to).toBe('ADDRESSED');
    expect(caseTransition(conclusionAction(false), 'ACTIVE').to).toBe('DECLINED');
    expect(caseTransition('complete', 'ADDRESSED').to).toBe('COMPLETED');
    expect(caseTransition('complete', 'DECLINED').to).toBe('COMPLETED');
    expect(caseTransition('cancel', 'DRAFT').to).toBe('CANCELLED');
    expect(caseTransition('cancel', 'ACTIVE').to).toBe('CANCELLED');
    expect(caseTransition('message', 'ACTIVE').to).toBeNull();
    expect(caseTransition('reportRemedy', 'ADDRESSED').to).toBeNull();
  });

  it('refuses every other move with a 409 naming the status and the action', () => {
    const legal = new Set(Object.entries(CASE_TRANSITIONS).flatMap(([a, t]) => t.from.map((s) => `${a}:${s}`)));
    let refused = 0;
    for (const action of Object.keys(CASE_TRANSITIONS) as CaseAction[]) {
      for (const status of CASE_STATUSES) {
        if (legal.has(`${action}:${status}`)) continue;
        refused++;
        try {
          caseTransition(action, status);
          throw new Error(`${action} from ${status} was allowed`);
        } catch (err) {
          expect(err).toBeInstanceOf(DomainError);
          expect((err as DomainError).status).toBe(409);
          expect((err as DomainError).extra).toMatchObject({ caseStatus: status, action });
        }
      }
    }
    expect(refused).toBe(7 * 6 - legal.size);
    expect(legal.size).toBe(11);
  });

  it('terminal statuses allow nothing; the partner never moves the status', () => {
    for (const side of ['officer', 'partner'] as const) {
      expect(allowedCaseActions('COMPLETED', side)).toEqual([]);
      expect(allowedCaseActions('CANCELLED', side)).toEqual([]);
    }
    expect(allowedCaseActions('ADDRESSED', 'partner').sort()).toEqual(['message', 'reportRemedy']);
    expect(allowedCaseActions('DRAFT', 'partner')).toEqual([]);
    for (const t of Object.values(CASE_TRANSITIONS)) if (t.by.includes('partner')) expect(t.to).toBeNull();
  });
});
