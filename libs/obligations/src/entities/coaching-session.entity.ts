import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CoachingAspect, SessionStatus } from '../domain/session.js';

export interface Attendee {
  name: string;
}

/** A coaching session (pembinaan): scheduled and recorded by the partner, confirmed or disputed by the small firm. */
@Entity({ name: 'coaching_session' })
export class CoachingSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agreementId: string;
  @Column('uuid', { nullable: true }) planItemId: string | null;
  @Column('text') aspect: CoachingAspect;
  @Column('text') activity: string;
  @Column('text') topic: string;
  @Column('timestamptz') scheduledAt: Date;
  @Column('text') location: string;
  @Column('text') status: SessionStatus;
  @Column('jsonb') attendees: Attendee[];
  @Column('text', { nullable: true }) attendanceNote: string | null;
  @Column('timestamptz', { nullable: true }) attendanceRecordedAt: Date | null;
  @Column('timestamptz', { nullable: true }) confirmedAt: Date | null;
  @Column('timestamptz', { nullable: true }) disputedAt: Date | null;
  @Column('text', { nullable: true }) disputeReason: string | null;
  @Column({ type: 'timestamptz', insert: false }) createdAt: Date;
  @Column({ type: 'timestamptz', insert: false }) updatedAt: Date;
  @Column('integer') version: number;
}
