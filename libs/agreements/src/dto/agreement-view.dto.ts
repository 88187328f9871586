import { ApiProperty } from '@nestjs/swagger';
import { PATTERNS, SUPPORT_TYPES } from '@jalin/opportunities';
import { AGREEMENT_STATUSES, TERMS_STATUSES } from '../domain/agreement.lifecycle.js';
import { COMMITMENT_STATUSES, DISPUTE_KINDS } from '../domain/commitment.lifecycle.js';
import { COACHING_ASPECTS, REPORTING_PERIODS } from '@jalin/obligations';

export class PartyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CoachingSessionPlanView {
  @ApiProperty({ type: String, format: 'date-time' }) scheduledAt: string;
  @ApiProperty() location: string;
}

/** A commitment as the terms wrote it (a snapshot in the version history). */
export class CommitmentTermsView {
  @ApiProperty({ format: 'uuid', description: 'The commitment row this line became' }) commitmentId: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: SUPPORT_TYPES }) type: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: Number, nullable: true }) quantity: number | null;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Integer rupiah' }) valueIdr: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: String, nullable: true }) schedule: string | null;
}

export class CoachingTermsView {
  @ApiProperty({ format: 'uuid' }) planItemId: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: COACHING_ASPECTS }) aspect: string;
  @ApiProperty() activity: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [CoachingSessionPlanView] }) sessions: CoachingSessionPlanView[];
}

/** A live commitment with its counter-confirmation state. */
export class CommitmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty() termsVersion: number;
  @ApiProperty() position: number;
  @ApiProperty({ enum: SUPPORT_TYPES }) type: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: Number, nullable: true }) quantity: number | null;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Integer rupiah' }) valueIdr: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: String, nullable: true }) schedule: string | null;
  @ApiProperty({ enum: COMMITMENT_STATUSES, description: 'PENDING until the small firm confirms delivery or disputes it' }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) confirmedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disputedAt: Date | null;
  @ApiProperty({ enum: DISPUTE_KINDS, nullable: true }) disputeKind: string | null;
  @ApiProperty({ type: String, nullable: true }) disputeReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}

export class CoachingPlanItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: COACHING_ASPECTS }) aspect: string;
  @ApiProperty() activity: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [CoachingSessionPlanView] }) sessions: CoachingSessionPlanView[];
}

export class SignatureView {
  @ApiProperty() termsVersion: number;
  @ApiProperty({ enum: ['partner', 'enterprise'] }) party: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, format: 'date-time' }) signedAt: Date;
}

/** One terms version: the original (1) or an amendment. */
export class TermsVersionView {
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty() termsVersion: number;
  @ApiProperty({ enum: TERMS_STATUSES }) status: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date' }) startDate: string;
  @ApiProperty({ type: String, format: 'date' }) endDate: string;
  @ApiProperty({ enum: REPORTING_PERIODS }) reportingPeriod: string;
  @ApiProperty({ type: Number, nullable: true }) paymentTermDays: number | null;
  @ApiProperty({ type: [CommitmentTermsView] }) commitments: CommitmentTermsView[];
  @ApiProperty({ type: [CoachingTermsView] }) coaching: CoachingTermsView[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the amendment was proposed' }) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) proposedBy: string | null;
  @ApiProperty({ enum: ['partner', 'enterprise'], nullable: true }) proposedByParty: string | null;
  @ApiProperty({ type: [SignatureView] }) signatures: SignatureView[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) inForceAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the amendment was withdrawn or declined' }) closedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organisation that withdrew or declined it' }) closedBy: string | null;
  @ApiProperty({ enum: ['partner', 'enterprise'], nullable: true }) closedByParty: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was withdrawn or declined' }) closeReason: string | null;
}

export class AgreementSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KMT/2026/000123' }) number: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) opportunityId: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId: string;
  @ApiProperty({ type: PartyView }) partner: PartyView;
  @ApiProperty({ type: PartyView }) enterprise: PartyView;
  @ApiProperty({ enum: PATTERNS }) pattern: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status: string;
  @ApiProperty({ description: 'The terms version in force (or, before activation, being signed)' }) termsVersion: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date' }) startDate: string;
  @ApiProperty({ type: String, format: 'date' }) endDate: string;
  @ApiProperty({ enum: REPORTING_PERIODS }) reportingPeriod: string;
  @ApiProperty({ type: Number, nullable: true }) paymentTermDays: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The amendment awaiting signatures, if any' }) pendingAmendmentVersion: number | null;
  @ApiProperty({ description: 'Live commitments the small firm disputes' }) disputedCommitments: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) terminatedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) terminatedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) terminationReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}

export class AgreementView extends AgreementSummaryView {
  @ApiProperty({ type: TermsVersionView, description: 'The terms version in force (or being signed)' }) terms: TermsVersionView;
  @ApiProperty({ type: [CommitmentView], description: 'The live commitments (of termsVersion) with their confirm/dispute state' }) commitments: CommitmentView[];
  @ApiProperty({ type: [CoachingPlanItemView] }) coaching: CoachingPlanItemView[];
  @ApiProperty({ type: [SignatureView], description: 'Signatures on termsVersion' }) signatures: SignatureView[];
  @ApiProperty({ type: TermsVersionView, nullable: true, description: 'The amendment awaiting signatures' }) pendingAmendment: TermsVersionView | null;
  @ApiProperty({ type: [TermsVersionView], description: 'Every terms version, oldest first' }) versions: TermsVersionView[];
}
