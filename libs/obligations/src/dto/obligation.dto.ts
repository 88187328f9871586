import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@jalin/core';
import { OBLIGATION_STATUSES, OBLIGATION_TYPES, OWED_BY, type ObligationStatus, type ObligationType } from '../domain/obligation.js';
import { EVIDENCE_KINDS } from '../entities/evidence.entity.js';
import { IsCalendarDate, NotNullIfSent, VersionedBody } from './common.js';

export class ObligationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'agreementId must be a UUID' }) agreementId?: string;
  @ApiPropertyOptional({ enum: OBLIGATION_STATUSES, description: 'The derived status (UPCOMING, DUE, OVERDUE) or a closed state' })
  @IsOptional() @IsIn(OBLIGATION_STATUSES) status?: ObligationStatus;
  @ApiPropertyOptional({ enum: OBLIGATION_TYPES }) @IsOptional() @IsIn(OBLIGATION_TYPES) type?: ObligationType;
  @ApiPropertyOptional({ format: 'date', description: 'Due on or after' }) @IsOptional() @IsCalendarDate() dueFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Due on or before' }) @IsOptional() @IsCalendarDate() dueTo?: string;
}

export class ObligationWaiveDto extends VersionedBody {
  @ApiProperty({ example: 'Usaha kecil mitra berhenti beroperasi akibat banjir; laporan triwulan ini dibebaskan.' })
  @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

/** JSON evidence, or the text fields of a multipart upload (beside its `file` part). */
export class ObligationEvidenceDto extends VersionedBody {
  @ApiPropertyOptional({ example: 'Surat penunjukan penanggung jawab kemitraan, ditandatangani direksi.' })
  @NotNullIfSent() @IsString() @MaxLength(4000) note?: string;
  @ApiPropertyOptional({ example: 'https://drive.example.id/berita-acara.pdf', description: 'http(s) link to the evidence' })
  @NotNullIfSent() @IsString() @MaxLength(2000) @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' }) url?: string;
}

export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As uploaded (display only)' }) fileName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Judged from the file’s bytes: application/pdf, image/png or image/jpeg' }) mediaType: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the stored bytes, hex' }) sha256: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For files: where to download it' }) downloadUrl: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploadedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class ObligationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agreementId: string | null;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) enterpriseId: string | null;
  @ApiProperty({ enum: OWED_BY }) owedBy: string;
  @ApiProperty({ enum: OBLIGATION_TYPES, description: 'A Pasal 14 duty, or CASE_REMEDY: the remedy report owed on a monitoring case concluded with a violation' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'PP 44/1997 Pasal 14 huruf b' }) legalBasis: string;
  @ApiProperty({ format: 'date', description: 'A calendar date in timeZone' }) dueDate: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES, description: 'Derived when read: an open obligation is UPCOMING, DUE (within 7 days) or OVERDUE' }) status: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodStart: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodEnd: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) commitmentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sessionId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'CASE_REMEDY: the monitoring case whose remedy report this is (GET /api/v1/cases/:caseId); it is fulfilled by POST /api/v1/cases/:caseId/remedy-report, not by evidence',
  })
  caseId: string | null;
  @ApiProperty({ example: 'Asia/Makassar', description: 'The partner’s zone (WIB/WITA/WIT); dates are days there' }) timeZone: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) fulfilledAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) waivedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) waiveReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: Date | null;
  @ApiProperty({ type: [EvidenceView] }) evidence: EvidenceView[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}
