import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EVIDENCE_KINDS = ['FILE', 'LINK', 'NOTE'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Evidence for an obligation: an uploaded file (type judged from its bytes, sha256 kept), a link or a note. Never changed once written. */
@Entity({ name: 'evidence' })
export class Evidence {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') obligationId: string;
  @Column('text') kind: EvidenceKind;
  @Column('text', { nullable: true }) note: string | null;
  @Column('text', { nullable: true }) url: string | null;
  @Column('text', { nullable: true }) fileName: string | null;
  @Column('text', { nullable: true }) mediaType: string | null;
  @Column('bigint', { nullable: true, transformer: { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  sizeBytes: number | null;
  @Column('char', { length: 64, nullable: true }) sha256: string | null;
  /** Where the bytes are in the EvidenceStorage; never shown. */
  @Column('text', { nullable: true }) storageKey: string | null;
  @Column('uuid', { nullable: true }) uploadedBy: string | null;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @Column({ type: 'timestamptz', insert: false }) createdAt: Date;
}
