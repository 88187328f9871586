import { DomainError, ErrorCode } from '@jalin/core';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TRANSITIONS,
  type AgreementAction,
  type AgreementStatus,
  agreementTransition,
  LIVE_AGREEMENT_STATUSES,
  mayTake,
  TERMS_TRANSITIONS,
} from './agreement.lifecycle.js';

describe('agreement lifecycle', () => {
  // The full action × status grid, written out independently of the table.
  const expected: Record<AgreementAction, Partial<Record<AgreementStatus, AgreementStatus>>> = {
    edit: { DRAFT: 'DRAFT' },
    submit: { DRAFT: 'AWAITING_SIGNATURES' },
    sign: { AWAITING_SIGNATURES: 'AWAITING_SIGNATURES' },
    activate: { AWAITING_SIGNATURES: 'ACTIVE' },
    amend: { ACTIVE: 'ACTIVE' },
    signAmendment: { ACTIVE: 'ACTIVE' },
    withdrawAmendment: { ACTIVE: 'ACTIVE' },
    declineAmendment: { ACTIVE: 'ACTIVE' },
    complete: { ACTIVE: 'COMPLETED' },
    terminate: { DRAFT: 'TERMINATED', AWAITING_SIGNATURES: 'TERMINATED', ACTIVE: 'TERMINATED' },
  };
  const grid = (Object.keys(expected) as AgreementAction[]).flatMap((action) => AGREEMENT_STATUSES.map((from) => [action, from] as const));

  it.each(grid)('%s from %s', (action, from) => {
    const to = expected[action][from];
    if (to) {
      expect(agreementTransition(action, from).to).toBe(to);
      return;
    }
    let error: unknown;
    try {
      agreementTransition(action, from);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.INVALID_TRANSITION);
    expect((error as DomainError).status).toBe(409);
  });

  it('says the terms are frozen once signed when an edit comes after submission', () => {
    for (const from of ['AWAITING_SIGNATURES', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const) {
      expect(() => agreementTransition('edit', from)).toThrow(/terms are frozen once signed/);
    }
  });

  it('completed and terminated agreements are final', () => {
    for (const t of Object.values(AGREEMENT_TRANSITIONS)) {
      expect(t.from).not.toContain('COMPLETED');
      expect(t.from).not.toContain('TERMINATED');
    }
  });

  it('the partner drafts, submits and completes; either party signs, amends (proposes, withdraws, declines) and terminates', () => {
    expect(Object.fromEntries(Object.entries(AGREEMENT_TRANSITIONS).map(([a, t]) => [a, [...t.by].sort()]))).toEqual({
      edit: ['partner'],
      submit: ['partner'],
      sign: ['enterprise', 'partner'],
      activate: ['enterprise', 'partner'],
      amend: ['enterprise', 'partner'],
      signAmendment: ['enterprise', 'partner'],
      withdrawAmendment: ['enterprise', 'partner'],
      declineAmendment: ['enterprise', 'partner'],
      complete: ['partner'],
      terminate: ['enterprise', 'partner'],
    });
    expect(mayTake('complete', 'enterprise')).toBe(false);
    expect(mayTake('terminate', 'enterprise')).toBe(true);
  });

  it('live statuses match the database’s one-live-agreement-per-application index (status <> TERMINATED)', () => {
    expect([...LIVE_AGREEMENT_STATUSES].sort()).toEqual(AGREEMENT_STATUSES.filter((s) => s !== 'TERMINATED').sort());
  });

  it('terms versions: DRAFT → AWAITING_SIGNATURES → IN_FORCE → SUPERSEDED, or WITHDRAWN / DECLINED before they bind', () => {
    expect(TERMS_TRANSITIONS).toEqual({
      submit: { from: ['DRAFT'], to: 'AWAITING_SIGNATURES' },
      enterInForce: { from: ['AWAITING_SIGNATURES'], to: 'IN_FORCE' },
      supersede: { from: ['IN_FORCE'], to: 'SUPERSEDED' },
      withdraw: { from: ['DRAFT', 'AWAITING_SIGNATURES'], to: 'WITHDRAWN' },
      decline: { from: ['AWAITING_SIGNATURES'], to: 'DECLINED' },
    });
  });
});
