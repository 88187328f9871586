import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericToNumber, type SupportType } from '@jalin/opportunities';
import { bigintToNumber } from '@jalin/organizations';
import type { CommitmentStatus, DisputeKind } from '../domain/commitment.lifecycle.js';

/**
 * What the partner commits to under one terms version (PP 44/1997 Pasal 3 or 4), with measurable
 * targets, and the small firm's counter-confirmation or dispute of its delivery.
 */
@Entity({ name: 'commitment' })
export class Commitment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agreementId: string;
  @Column('integer') termsVersion: number;
  @Column('integer') position: number;
  @Column('text') type: SupportType;
  @Column('text') description: string;
  @Column('numeric', { nullable: true, transformer: numericToNumber }) quantity: number | null;
  @Column('text', { nullable: true }) unit: string | null;
  @Column('bigint', { nullable: true, transformer: bigintToNumber }) valueIdr: number | null;
  @Column('date', { nullable: true }) dueDate: string | null;
  @Column('text', { nullable: true }) schedule: string | null;
  @Column('text') status: CommitmentStatus;
  @Column('timestamptz', { nullable: true }) confirmedAt: Date | null;
  @Column('uuid', { nullable: true }) confirmedBy: string | null;
  @Column('timestamptz', { nullable: true }) disputedAt: Date | null;
  @Column('text', { nullable: true }) disputeKind: DisputeKind | null;
  @Column('text', { nullable: true }) disputeReason: string | null;
  @Column({ type: 'timestamptz', insert: false }) createdAt: Date;
  @Column({ type: 'timestamptz', insert: false }) updatedAt: Date;
  @Column('integer') version: number;
}
