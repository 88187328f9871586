import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TermsStatus } from '../domain/agreement.lifecycle.js';
import type { ReportingPeriodKind } from '@jalin/obligations';
import type { CoachingSnapshot, CommitmentSnapshot } from '../domain/terms.js';

/** One version of an agreement's terms: the original (1) or an amendment (n+1), kept for ever. */
@Entity({ name: 'agreement_terms' })
export class AgreementTerms {
  @PrimaryColumn('uuid') agreementId: string;
  @PrimaryColumn('integer') termsVersion: number;
  @Column('text') status: TermsStatus;
  @Column('text') title: string;
  @Column('date') startDate: string;
  @Column('date') endDate: string;
  @Column('text') reportingPeriod: ReportingPeriodKind;
  @Column('integer', { nullable: true }) paymentTermDays: number | null;
  /** What the terms said, as written (the `commitment` rows carry their confirmation state). */
  @Column('jsonb') commitments: CommitmentSnapshot[];
  @Column('jsonb') coaching: CoachingSnapshot[];
  /** Why an amendment was proposed. */
  @Column('text', { nullable: true }) reason: string | null;
  @Column('uuid', { nullable: true }) proposedBy: string | null;
  @Column('uuid', { nullable: true }) proposedByUser: string | null;
  @Column({ type: 'timestamptz', insert: false }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) inForceAt: Date | null;
  /** When a pending amendment was withdrawn (by its proposer) or declined (by the other party), by whom, why. */
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  @Column('uuid', { nullable: true }) closedBy: string | null;
  @Column('uuid', { nullable: true }) closedByUser: string | null;
  @Column('text', { nullable: true }) closeReason: string | null;
}
