import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationStatus } from '../domain/application.lifecycle.js';
import { type CapacityPeriod, numericToNumber } from './opportunity.entity.js';

/**
 * A small firm's application to an opportunity — or, while INVITED, the partner's invitation to
 * apply (the same row becomes SUBMITTED when the firm applies).
 */
@Entity({ name: 'application' })
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') opportunityId: string;
  @Column('uuid') enterpriseId: string;
  @Column('uuid') partnerId: string;
  @Column('text') status: ApplicationStatus;
  @Column('text') message: string;
  @Column('numeric', { nullable: true, transformer: numericToNumber }) offeredQuantity: number | null;
  @Column('text', { nullable: true }) offeredUnit: string | null;
  @Column('text', { nullable: true }) offeredPeriod: CapacityPeriod | null;
  @Column('text', { nullable: true }) invitationMessage: string | null;
  @Column('uuid', { nullable: true }) invitedBy: string | null;
  @Column('uuid', { nullable: true }) submittedBy: string | null;
  @Column('uuid', { nullable: true }) decidedBy: string | null;
  @Column('text', { nullable: true }) decisionNote: string | null;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
  @Column({ type: 'timestamptz', insert: false }) createdAt: Date;
  @Column({ type: 'timestamptz', insert: false }) updatedAt: Date;
  @Column('integer') version: number;
}
