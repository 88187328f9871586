import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ObligationState, ObligationType, OwedBy } from '../domain/obligation.js';

/**
 * A Pasal 14 duty of a partnership with a due date, an owner, evidence and a stored `state`. The
 * status the API shows (UPCOMING / DUE / OVERDUE for an OPEN one) is derived when read, in the
 * obligation's own zone (`obligationStatus`, `statusSql`), so it is never stale. Dates are calendar
 * dates (`YYYY-MM-DD`) in `timeZone`.
 */
@Entity({ name: 'obligation' })
export class Obligation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { nullable: true }) agreementId: string | null;
  @Column('uuid') partnerId: string;
  @Column('uuid', { nullable: true }) enterpriseId: string | null;
  @Column('text') owedBy: OwedBy;
  @Column('text') type: ObligationType;
  @Column('text') title: string;
  @Column('text') legalBasis: string;
  @Column('date') dueDate: string;
  @Column('date', { nullable: true }) periodStart: string | null;
  @Column('date', { nullable: true }) periodEnd: string | null;
  @Column('uuid', { nullable: true }) commitmentId: string | null;
  @Column('uuid', { nullable: true }) sessionId: string | null;
  /** CASE_REMEDY: the monitoring case whose remedy this is (null for every other type). */
  @Column('uuid', { nullable: true }) caseId: string | null;
  @Column('text') timeZone: string;
  @Column('text') state: ObligationState;
  @Column('timestamptz', { nullable: true }) fulfilledAt: Date | null;
  @Column('timestamptz', { nullable: true }) waivedAt: Date | null;
  @Column('uuid', { nullable: true }) waivedBy: string | null;
  @Column('text', { nullable: true }) waiveReason: string | null;
  @Column('timestamptz', { nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'timestamptz', insert: false }) createdAt: Date;
  @Column({ type: 'timestamptz', insert: false }) updatedAt: Date;
  /** Optimistic concurrency: writers update `WHERE id AND version` and check the row count. */
  @Column('integer') version: number;
}
