import type { CoachingSessionTerms } from './domain/terms.js';
import type {
  AgreementSummaryView,
  CoachingPlanItemView,
  CommitmentView,
  SignatureView,
  TermsVersionView,
} from './dto/agreement-view.dto.js';
import type { AgreementTerms } from './entities/agreement-terms.entity.js';
import type { Agreement } from './entities/agreement.entity.js';
import type { CoachingPlanItem } from './entities/coaching-plan-item.entity.js';
import type { Commitment } from './entities/commitment.entity.js';
import type { Signature } from './entities/signature.entity.js';

const partyOfOrg = (a: Agreement, orgId: string | null) => (orgId === null ? null : orgId === a.partnerId ? 'partner' : orgId === a.enterpriseId ? 'enterprise' : null);

export function toSummaryView(a: Agreement, names: Map<string, string>, pendingAmendmentVersion: number | null, disputedCommitments: number): AgreementSummaryView {
  return {
    id: a.id,
    number: a.number,
    applicationId: a.applicationId,
    opportunityId: a.opportunityId,
    partnerId: a.partnerId,
    enterpriseId: a.enterpriseId,
    partner: { id: a.partnerId, name: names.get(a.partnerId) ?? '' },
    enterprise: { id: a.enterpriseId, name: names.get(a.enterpriseId) ?? '' },
    pattern: a.pattern,
    status: a.status,
    termsVersion: a.termsVersion,
    title: a.title,
    startDate: a.startDate,
    endDate: a.endDate,
    reportingPeriod: a.reportingPeriod,
    paymentTermDays: a.paymentTermDays,
    pendingAmendmentVersion,
    disputedCommitments,
    submittedAt: a.submittedAt,
    activatedAt: a.activatedAt,
    completedAt: a.completedAt,
    terminatedAt: a.terminatedAt,
    terminatedBy: a.terminatedBy,
    terminationReason: a.terminationReason,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

export function toSignatureView(a: Agreement, s: Signature): SignatureView {
  return {
    termsVersion: s.termsVersion,
    party: partyOfOrg(a, s.organizationId) ?? 'unknown',
    organizationId: s.organizationId,
    userId: s.userId,
    signedAt: s.signedAt,
  };
}

export function toTermsVersionView(a: Agreement, t: AgreementTerms, signatures: Signature[]): TermsVersionView {
  return {
    agreementId: t.agreementId,
    termsVersion: t.termsVersion,
    status: t.status,
    title: t.title,
    startDate: t.startDate,
    endDate: t.endDate,
    reportingPeriod: t.reportingPeriod,
    paymentTermDays: t.paymentTermDays,
    commitments: t.commitments,
    coaching: t.coaching,
    reason: t.reason,
    proposedBy: t.proposedBy,
    proposedByParty: partyOfOrg(a, t.proposedBy),
    signatures: signatures.filter((s) => s.termsVersion === t.termsVersion).map((s) => toSignatureView(a, s)),
    createdAt: t.createdAt,
    inForceAt: t.inForceAt,
    closedAt: t.closedAt ?? null,
    closedBy: t.closedBy ?? null,
    closedByParty: partyOfOrg(a, t.closedBy ?? null),
    closeReason: t.closeReason ?? null,
  };
}

export function toCommitmentView(c: Commitment): CommitmentView {
  return {
    id: c.id,
    agreementId: c.agreementId,
    termsVersion: c.termsVersion,
    position: c.position,
    type: c.type,
    description: c.description,
    quantity: c.quantity,
    unit: c.unit,
    valueIdr: c.valueIdr,
    dueDate: c.dueDate,
    schedule: c.schedule,
    status: c.status,
    confirmedAt: c.confirmedAt,
    confirmedBy: c.confirmedBy,
    disputedAt: c.disputedAt,
    disputeKind: c.disputeKind,
    disputeReason: c.disputeReason,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

export function toCoachingPlanItemView(p: CoachingPlanItem, sessions: CoachingSessionTerms[]): CoachingPlanItemView {
  return { id: p.id, position: p.position, aspect: p.aspect, activity: p.activity, description: p.description, sessions };
}
