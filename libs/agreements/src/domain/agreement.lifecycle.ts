import { DomainError, ErrorCode } from '@jalin/core';

export const AGREEMENT_STATUSES = ['DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Which side of the partnership may take an action. */
export type Party = 'partner' | 'enterprise';

export type AgreementAction =
  | 'edit' | 'submit' | 'sign' | 'activate' | 'amend' | 'signAmendment' | 'withdrawAmendment' | 'declineAmendment' | 'complete' | 'terminate';

export interface AgreementMove {
  from: readonly AgreementStatus[];
  to: AgreementStatus;
  by: readonly Party[];
}

/**
 * The agreement lifecycle (domain.md): DRAFT → AWAITING_SIGNATURES → ACTIVE → COMPLETED | TERMINATED.
 * The one table of allowed moves; anything else is a 409.
 *
 * - `edit` and `submit`: the owning partner, while DRAFT. Terms are frozen from submission on: after
 *   that they change only through an amendment both parties sign.
 * - `sign`: a member of each party signs the terms once; `activate` is the signature that completes
 *   the pair (both parties have signed), which makes the agreement ACTIVE.
 * - `amend` proposes terms version n+1 on an ACTIVE agreement; `signAmendment` signs it (the
 *   second signature puts it in force). The agreement stays ACTIVE throughout. Until then the
 *   proposing party may `withdrawAmendment` and the other party may `declineAmendment` (which party
 *   proposed it is checked beside the table); the terms in force stay as they were.
 * - `complete`: the owning partner, once the end date has passed (a rule checked beside the table).
 * - `terminate`: either party, with a reason. Besides ACTIVE, a DRAFT or an agreement still awaiting
 *   signatures may be terminated (abandoned): it never bound anyone, it frees the application for a
 *   fresh agreement, and it counts in no one's track record.
 */
export const AGREEMENT_TRANSITIONS: Readonly<Record<AgreementAction, AgreementMove>> = {
  edit: { from: ['DRAFT'], to: 'DRAFT', by: ['partner'] },
  submit: { from: ['DRAFT'], to: 'AWAITING_SIGNATURES', by: ['partner'] },
  sign: { from: ['AWAITING_SIGNATURES'], to: 'AWAITING_SIGNATURES', by: ['partner', 'enterprise'] },
  activate: { from: ['AWAITING_SIGNATURES'], to: 'ACTIVE', by: ['partner', 'enterprise'] },
  amend: { from: ['ACTIVE'], to: 'ACTIVE', by: ['partner', 'enterprise'] },
  signAmendment: { from: ['ACTIVE'], to: 'ACTIVE', by: ['partner', 'enterprise'] },
  withdrawAmendment: { from: ['ACTIVE'], to: 'ACTIVE', by: ['partner', 'enterprise'] },
  declineAmendment: { from: ['ACTIVE'], to: 'ACTIVE', by: ['partner', 'enterprise'] },
  complete: { from: ['ACTIVE'], to: 'COMPLETED', by: ['partner'] },
  terminate: { from: ['DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE'], to: 'TERMINATED', by: ['partner', 'enterprise'] },
};

/** Statuses in which the agreement holds its application (the database's one-live-agreement index). */
export const LIVE_AGREEMENT_STATUSES = ['DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE', 'COMPLETED'] as const satisfies readonly AgreementStatus[];

const WHY: Partial<Record<AgreementAction, Partial<Record<AgreementStatus, string>>>> = {
  edit: {
    AWAITING_SIGNATURES: 'the terms are frozen once signed (submitted for signature); change them through an amendment once ACTIVE',
    ACTIVE: 'the terms are frozen once signed; propose an amendment (a new version both parties sign) instead',
    COMPLETED: 'the terms are frozen once signed, and the agreement has ended',
    TERMINATED: 'the terms are frozen once signed, and the agreement has been terminated',
  },
  sign: { DRAFT: 'the partner must submit it for signature first' },
  activate: { DRAFT: 'the partner must submit it for signature first' },
  amend: {
    DRAFT: 'a draft is edited directly (PATCH) until it is submitted',
    AWAITING_SIGNATURES: 'the original terms are still awaiting signatures',
  },
  signAmendment: { DRAFT: 'the partner must submit it for signature first' },
  complete: { AWAITING_SIGNATURES: 'it never became ACTIVE', DRAFT: 'it never became ACTIVE' },
};

const VERB: Record<AgreementAction, string> = {
  edit: 'edited',
  submit: 'submitted for signature',
  sign: 'signed',
  activate: 'activated',
  amend: 'amended',
  signAmendment: 'signed',
  withdrawAmendment: 'amended (an amendment withdrawn)',
  declineAmendment: 'amended (an amendment declined)',
  complete: 'completed',
  terminate: 'terminated',
};

/** The move `action` makes from `from`, or a 409 saying why not. */
export function agreementTransition(action: AgreementAction, from: AgreementStatus): AgreementMove {
  const t = AGREEMENT_TRANSITIONS[action];
  if (!t.from.includes(from)) {
    const why = WHY[action]?.[from];
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `An agreement that is ${from} cannot be ${VERB[action]}${why ? `: ${why}` : `; only ${t.from.join(' or ')} ones can`}`,
      { agreementStatus: from, action },
    );
  }
  return t;
}

export const mayTake = (action: AgreementAction, party: Party) => AGREEMENT_TRANSITIONS[action].by.includes(party);

/**
 * Terms versions: version 1 is DRAFT while the agreement is, AWAITING_SIGNATURES once submitted and
 * IN_FORCE on activation; an amendment is proposed AWAITING_SIGNATURES and goes IN_FORCE once both
 * sign, superseding the version before it. Unsigned versions are WITHDRAWN when the agreement ends or
 * when the proposing party withdraws its amendment, and DECLINED when the other party refuses it.
 */
export const TERMS_STATUSES = ['DRAFT', 'AWAITING_SIGNATURES', 'IN_FORCE', 'SUPERSEDED', 'WITHDRAWN', 'DECLINED'] as const;
export type TermsStatus = (typeof TERMS_STATUSES)[number];

export const TERMS_TRANSITIONS: Readonly<Record<'submit' | 'enterInForce' | 'supersede' | 'withdraw' | 'decline', { from: readonly TermsStatus[]; to: TermsStatus }>> = {
  submit: { from: ['DRAFT'], to: 'AWAITING_SIGNATURES' },
  enterInForce: { from: ['AWAITING_SIGNATURES'], to: 'IN_FORCE' },
  supersede: { from: ['IN_FORCE'], to: 'SUPERSEDED' },
  withdraw: { from: ['DRAFT', 'AWAITING_SIGNATURES'], to: 'WITHDRAWN' },
  decline: { from: ['AWAITING_SIGNATURES'], to: 'DECLINED' },
};
