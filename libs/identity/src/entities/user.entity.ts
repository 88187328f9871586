import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@jalin/core';

@Entity({ name: 'app_user' })
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { select: false }) passwordHash: string;
  @Column('text') fullName: string;
  @Column('text') role: Role;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @Column('text', { array: true }) provinceCodes: string[];
  @Column('text') locale: 'id' | 'en';
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { default: () => 'now()' }) updatedAt: Date;
  @Column('integer', { default: 1 }) version: number;
}

@Entity({ name: 'refresh_token' })
export class RefreshToken {
  @Column('uuid', { primary: true }) id: string;
  @Column('uuid') userId: string;
  @Column('uuid') familyId: string;
  @Column('text') tokenHash: string;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
}
