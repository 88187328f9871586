import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '@jalin/core';
import { CASE_STATUSES, type CaseAction, type CaseStatus } from '../case.lifecycle.js';

/** Optional, but when sent it must be a value: `null` is refused. */
const NotNullIfSent = () => ValidateIf((_o, v) => v !== undefined);

/** A calendar date `YYYY-MM-DD` that exists. */
const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date that exists' }),
  );

/**
 * What an officer may conclude was violated: the abuses KPPU names (domain.md, "What goes wrong")
 * and the partner's Pasal 14 duties.
 */
export const VIOLATION_TYPES = [
  'LATE_PAYMENT',
  'UNFAIR_PRICE',
  'INPUTS_NOT_SUPPLIED',
  'PRODUCE_REFUSED',
  'ONE_SIDED_CHANGE',
  'COACHING_NOT_DELIVERED',
  'OWNERSHIP_OR_CONTROL',
  'AGREEMENT_TERMS',
  'REPORTING',
  'NO_PIC',
  'NO_OPPORTUNITY_INFORMATION',
  'OTHER',
] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

export class VersionedCaseDto {
  @ApiPropertyOptional({ description: 'The case version you read; a stale one gets 409' }) @NotNullIfSent() @IsInt() @Min(1) version?: number;
}

export class CreateCaseDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Open the case from this finding: its partner and agreement are the case’s unless given' })
  @IsOptional() @IsUUID(undefined, { message: 'findingId must be a UUID' }) findingId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A case on the partner as a whole' })
  @IsOptional() @IsUUID(undefined, { message: 'partnerId must be a UUID' }) partnerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A case on one agreement (its partner is the one monitored; its small firm sees the conclusion)' })
  @IsOptional() @IsUUID(undefined, { message: 'agreementId must be a UUID' }) agreementId?: string;

  @ApiProperty({ example: 'Usaha kecil menyanggah keterlambatan pembayaran tiga kali dalam satu triwulan.' })
  @IsString() @MinLength(3) @MaxLength(4000) reason: string;

  @ApiProperty({ format: 'date', description: 'First day of the period examined' }) @IsCalendarDate() periodFrom: string;
  @ApiProperty({ format: 'date', description: 'Last day of the period examined (not before periodFrom)' }) @IsCalendarDate() periodTo: string;
}

export class ConcludeCaseDto extends VersionedCaseDto {
  @ApiProperty({ description: 'true: a violation that the partner must remedy (→ ADDRESSED); false: no violation (→ DECLINED)' })
  @IsBoolean() violation: boolean;

  @ApiPropertyOptional({ enum: VIOLATION_TYPES, description: 'Required when violation is true; refused when false' })
  @NotNullIfSent() @IsIn(VIOLATION_TYPES) violationType?: ViolationType;

  @ApiPropertyOptional({ example: 'Bayar seluruh tagihan yang tertunda dan tetapkan jadwal pembayaran 30 hari.', description: 'Required when violation is true; refused when false' })
  @NotNullIfSent() @IsString() @MinLength(3) @MaxLength(4000) requiredRemedy?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Required when violation is true (today or later, in the partner’s zone); refused when false' })
  @NotNullIfSent() @IsCalendarDate() remedyDueDate?: string;

  @ApiProperty({ example: 'Bukti transfer menunjukkan pembayaran 45–60 hari setelah penyerahan barang.', description: 'The officer’s reasoning' })
  @IsString() @MinLength(3) @MaxLength(4000) note: string;
}

export class CompleteCaseDto extends VersionedCaseDto {
  @ApiPropertyOptional({ example: 'Laporan perbaikan diterima; pembayaran kini tepat waktu.' })
  @NotNullIfSent() @IsString() @MaxLength(4000) note?: string;
}

export class CancelCaseDto extends VersionedCaseDto {
  @ApiProperty({ example: 'Dibuka ganda; dilanjutkan pada kasus lain.' }) @IsString() @MinLength(3) @MaxLength(4000) reason: string;
}

/** A message in JSON; as multipart, `text` is a field beside up to five `file` parts. */
export class CaseMessageDto {
  @ApiPropertyOptional({ example: 'Mohon lampirkan bukti transfer untuk tiga pengiriman terakhir.', description: 'Required unless files are attached (multipart)' })
  @NotNullIfSent() @IsString() @MaxLength(4000) text?: string;
}

/** The partner's remedy report in JSON; as multipart, `summary` is a field beside up to five `file` parts. */
export class RemedyReportDto {
  @ApiPropertyOptional({ example: 'Tagihan tertunda telah dilunasi pada 3 Maret; jadwal pembayaran baru terlampir.', description: 'Required (3–4000 characters)' })
  @NotNullIfSent() @IsString() @MaxLength(4000) summary?: string;
}

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'partnerId must be a UUID' }) partnerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'agreementId must be a UUID' }) agreementId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'findingId must be a UUID' }) findingId?: string;
}

export class PartyCaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES.filter((s) => s !== 'DRAFT') }) @IsOptional() @IsIn(CASE_STATUSES.filter((s) => s !== 'DRAFT')) status?: CaseStatus;
}

export class CaseConclusionView {
  @ApiProperty({ description: 'true: a violation the partner must remedy; false: none found' }) violation: boolean;
  @ApiProperty({ type: String, enum: VIOLATION_TYPES, nullable: true }) violationType: string | null;
  @ApiProperty({ type: String, nullable: true }) requiredRemedy: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'A day in the partner’s zone' }) remedyDueDate: string | null;
  @ApiProperty() note: string;
  @ApiProperty({ type: String, format: 'date-time' }) concludedAt: Date;
}

export class CaseAttachmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'As uploaded (display only)' }) fileName: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'], description: 'Judged from the file’s bytes' }) mediaType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the stored bytes, hex' }) sha256: string;
  @ApiProperty({ description: 'Where the caller downloads it' }) downloadUrl: string;
}

export class CaseMessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['MESSAGE', 'REMEDY_REPORT'] }) kind: string;
  @ApiProperty({ enum: ['OFFICER', 'PARTNER'] }) authorSide: string;
  @ApiProperty({ format: 'uuid' }) authorUserId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The partner, for its messages' }) organizationId: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: [CaseAttachmentView] }) attachments: CaseAttachmentView[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class CaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MC/2026/000042' }) number: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ enum: ['PARTNER', 'AGREEMENT'] }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() partnerName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agreementId: string | null;
  @ApiProperty({ type: String, nullable: true }) agreementNumber: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The small firm party to the agreement' }) enterpriseId: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) findingId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The rule of the finding the case came from' }) findingRuleCode: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ type: CaseConclusionView, nullable: true, description: 'Once ADDRESSED or DECLINED' }) conclusion: CaseConclusionView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the partner last filed a remedy report' }) remedyReportedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) completionNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
  @ApiProperty({ type: [String], description: 'What the caller may do next (the transition table): open, address, decline, complete, cancel, message, reportRemedy' })
  allowedActions: CaseAction[];
}

export class CaseDetailView extends CaseView {
  @ApiProperty({ type: [CaseMessageView], description: 'The dialogue, oldest first' }) messages: CaseMessageView[];
}

/** What the small firm party to the agreement sees: the conclusion, nothing of the dialogue. */
export class CaseConclusionOnlyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ enum: ['ADDRESSED', 'DECLINED', 'COMPLETED'] }) status: string;
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty() agreementNumber: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() partnerName: string;
  @ApiProperty({ type: CaseConclusionView }) conclusion: CaseConclusionView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: Date | null;
}

export class CasePageView {
  @ApiProperty({ type: [CaseView] }) items: CaseView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
