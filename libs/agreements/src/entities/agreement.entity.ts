import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Pattern } from '@jalin/opportunities';
import type { AgreementStatus } from '../domain/agreement.lifecycle.js';
import type { ReportingPeriodKind } from '@jalin/obligations';

/**
 * A partnership agreement (perjanjian kemitraan) between a partner and a small firm, made from an
 * accepted application. The title, dates and reporting columns mirror the terms version in force
 * (`termsVersion`); the terms themselves live in `agreement_terms`, one row per version.
 */
@Entity({ name: 'agreement' })
export class Agreement {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Human-readable and unique: KMT/2026/000123. */
  @Column('text') number: string;
  @Column('uuid') applicationId: string;
  @Column('uuid') opportunityId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid') enterpriseId: string;
  @Column('text') pattern: Pattern;
  @Column('text') status: AgreementStatus;
  /** The terms version in force (or, before activation, the one being signed). */
  @Column('integer') termsVersion: number;
  @Column('text') title: string;
  @Column('date') startDate: string;
  @Column('date') endDate: string;
  @Column('text') reportingPeriod: ReportingPeriodKind;
  @Column('integer', { nullable: true }) paymentTermDays: number | null;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { nullable: true }) activatedAt: Date | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @Column('timestamptz', { nullable: true }) terminatedAt: Date | null;
  @Column('uuid', { nullable: true }) terminatedBy: string | null;
  @Column('text', { nullable: true }) terminationReason: string | null;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @Column({ type: 'timestamptz', insert: false }) createdAt: Date;
  @Column({ type: 'timestamptz', insert: false }) updatedAt: Date;
  /** Optimistic concurrency: writers update `WHERE id AND version` and check the row count. */
  @Column('integer') version: number;
}
