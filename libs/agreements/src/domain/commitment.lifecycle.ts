import { DomainError, ErrorCode } from '@jalin/core';

export const COMMITMENT_STATUSES = ['PENDING', 'CONFIRMED', 'DISPUTED'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** What went wrong, in the terms KPPU uses for partnership abuses (domain.md, "What goes wrong"). */
export const DISPUTE_KINDS = ['LATE_PAYMENT', 'PRICE', 'NOT_SUPPLIED', 'NOT_DELIVERED', 'OTHER'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

export type CommitmentAction = 'confirm' | 'dispute';

/**
 * Counter-confirmation of a commitment by the small firm it is owed to. A PENDING commitment is
 * confirmed (delivered as agreed) or disputed; a DISPUTED one may later be confirmed (the dispute
 * resolved); a CONFIRMED one is final. The one table; anything else is a 409.
 */
export const COMMITMENT_TRANSITIONS: Readonly<Record<CommitmentAction, { from: readonly CommitmentStatus[]; to: CommitmentStatus }>> = {
  confirm: { from: ['PENDING', 'DISPUTED'], to: 'CONFIRMED' },
  dispute: { from: ['PENDING'], to: 'DISPUTED' },
};

const WHY: Record<CommitmentAction, Partial<Record<CommitmentStatus, string>>> = {
  confirm: { CONFIRMED: 'a confirmation is final' },
  dispute: { CONFIRMED: 'a confirmation is final', DISPUTED: 'it is already disputed; confirm it once the dispute is resolved' },
};

export function commitmentTransition(action: CommitmentAction, from: CommitmentStatus): CommitmentStatus {
  const t = COMMITMENT_TRANSITIONS[action];
  if (!t.from.includes(from)) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `A commitment that is ${from} cannot be ${action === 'confirm' ? 'confirmed' : 'disputed'}: ${WHY[action][from] ?? `only ${t.from.join(' or ')} ones can`}`,
      { commitmentStatus: from, action },
    );
  }
  return t.to;
}
