import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CoachingAspect } from '@jalin/obligations';

/** One line of the coaching plan (pembinaan) of a terms version; its sessions are in the terms snapshot. */
@Entity({ name: 'coaching_plan_item' })
export class CoachingPlanItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agreementId: string;
  @Column('integer') termsVersion: number;
  @Column('integer') position: number;
  @Column('text') aspect: CoachingAspect;
  @Column('text') activity: string;
  @Column('text') description: string;
}
