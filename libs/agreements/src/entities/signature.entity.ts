import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A party's signature on one terms version: once per organisation (unique in the database). */
@Entity({ name: 'signature' })
export class Signature {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agreementId: string;
  @Column('integer') termsVersion: number;
  @Column('uuid') organizationId: string;
  @Column('uuid') userId: string;
  @Column({ type: 'timestamptz', insert: false }) signedAt: Date;
}
