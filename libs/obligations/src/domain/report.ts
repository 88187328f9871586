import { DomainError, ErrorCode } from '@jalin/core';

export const REPORT_STATUSES = ['SUBMITTED', 'ACCEPTED', 'REVISION_REQUESTED', 'RESUBMITTED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REVIEW_DECISIONS = ['ACCEPTED', 'REVISION_REQUESTED'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export type ReportAction = 'resubmit' | 'accept' | 'requestRevision';

/**
 * The progress-report lifecycle (domain.md): SUBMITTED → ACCEPTED, or SUBMITTED → REVISION_REQUESTED
 * → RESUBMITTED → ACCEPTED | REVISION_REQUESTED, every version kept. The first submission creates
 * the report (SUBMITTED) and is not a move. One table; anything else is 409.
 */
export const REPORT_TRANSITIONS: Readonly<Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus; by: 'partner' | 'ministry' }>> = {
  resubmit: { from: ['REVISION_REQUESTED'], to: 'RESUBMITTED', by: 'partner' },
  accept: { from: ['SUBMITTED', 'RESUBMITTED'], to: 'ACCEPTED', by: 'ministry' },
  requestRevision: { from: ['SUBMITTED', 'RESUBMITTED'], to: 'REVISION_REQUESTED', by: 'ministry' },
};

export const reviewAction = (d: ReviewDecision): ReportAction => (d === 'ACCEPTED' ? 'accept' : 'requestRevision');

const PAST: Record<ReportAction, string> = { resubmit: 'submitted again', accept: 'accepted', requestRevision: 'sent back for revision' };

export function reportTransition(action: ReportAction, from: ReportStatus): ReportStatus {
  const t = REPORT_TRANSITIONS[action];
  if (!t.from.includes(from)) {
    const why = action === 'resubmit' && from !== 'ACCEPTED' ? ' (it awaits the ministry’s review)' : '';
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `A progress report that is ${from} cannot be ${PAST[action]}${why}; only ${t.from.join(' or ')} ones can`, {
      reportStatus: from,
      action,
    });
  }
  return t.to;
}
