import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportStatus } from '../domain/report.js';

export interface ReportVolume {
  product: string;
  quantity: number;
  unit: string;
  valueIdr: number;
}
export interface CoachingDelivered {
  aspect: string;
  activity: string;
  sessions: number;
}

/** A periodic progress report (Pasal 14) on one agreement's period; its content lives in versions. */
@Entity({ name: 'progress_report' })
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agreementId: string;
  @Column('uuid', { nullable: true }) obligationId: string | null;
  @Column('uuid') partnerId: string;
  @Column('uuid') enterpriseId: string;
  @Column('date') periodStart: string;
  @Column('date') periodEnd: string;
  @Column('text') status: ReportStatus;
  /** The latest submitted version (1, 2, …); every one is kept in progress_report_version. */
  @Column('integer') reportVersion: number;
  @Column('timestamptz') submittedAt: Date;
  @Column('timestamptz', { nullable: true }) reviewedAt: Date | null;
  @Column('uuid', { nullable: true }) reviewedBy: string | null;
  @Column('text', { nullable: true }) reviewNote: string | null;
  @Column({ type: 'timestamptz', insert: false }) createdAt: Date;
  @Column({ type: 'timestamptz', insert: false }) updatedAt: Date;
  /** Optimistic concurrency (not the report version): bumped by every write. */
  @Column('integer') version: number;
}

/** One submitted version of a report, with the review it received; never changed but for that review. */
@Entity({ name: 'progress_report_version' })
export class ProgressReportVersion {
  @PrimaryColumn('uuid') reportId: string;
  @PrimaryColumn('integer') reportVersion: number;
  @Column('text') summary: string;
  @Column('jsonb') volumes: ReportVolume[];
  @Column('jsonb') coachingDelivered: CoachingDelivered[];
  @Column('boolean', { nullable: true }) paymentsOnTime: boolean | null;
  @Column('text') issues: string;
  @Column('uuid', { nullable: true }) submittedBy: string | null;
  @Column('timestamptz') submittedAt: Date;
  @Column('text', { nullable: true }) reviewDecision: string | null;
  @Column('text', { nullable: true }) reviewNote: string | null;
}
