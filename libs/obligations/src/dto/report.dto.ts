import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@jalin/core';
import { REPORT_STATUSES, REVIEW_DECISIONS, type ReportStatus, type ReviewDecision } from '../domain/report.js';
import { COACHING_ASPECTS } from '../domain/session.js';
import { IsCalendarDate, NotNullIfSent, VersionedBody } from './common.js';

export class ReportVolumeDto {
  @ApiProperty({ example: 'Keripik singkong kemasan 250 g' }) @IsString() @MinLength(1) @MaxLength(200) product: string;
  @ApiProperty({ example: 1200 }) @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e12) quantity: number;
  @ApiProperty({ example: 'kg', description: 'May be empty for a value-only volume' }) @IsString() @MaxLength(30) unit: string;
  @ApiProperty({ example: 36_000_000, description: 'Rupiah, integer' }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) valueIdr: number;
}

export class CoachingDeliveredDto {
  @ApiProperty({ enum: COACHING_ASPECTS }) @IsIn(COACHING_ASPECTS) aspect: string;
  @ApiProperty({ example: 'TRAINING' }) @IsString() @MinLength(1) @MaxLength(100) activity: string;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(10_000) sessions: number;
}

export class ReportSubmitDto extends VersionedBody {
  @ApiProperty({ format: 'date', example: '2026-01-15' }) @IsCalendarDate() periodStart: string;
  @ApiProperty({ format: 'date', example: '2026-03-31', description: 'Names the period: a PROGRESS_REPORT obligation of the agreement must end on it' })
  @IsCalendarDate() periodEnd: string;
  @ApiProperty({ example: 'Pasokan berjalan sesuai jadwal; dua pelatihan higiene pangan diselenggarakan.' }) @IsString() @MinLength(1) @MaxLength(10_000) summary: string;
  @ApiProperty({ type: [ReportVolumeDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ReportVolumeDto) volumes: ReportVolumeDto[];
  @ApiProperty({ type: [CoachingDeliveredDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CoachingDeliveredDto)
  coachingDelivered: CoachingDeliveredDto[];
  @ApiProperty({ description: 'Were the small firm’s payments made within paymentTermDays?' }) @IsBoolean() paymentsOnTime: boolean;
  @ApiProperty({ example: 'Harga singkong naik 15% pada Februari.', description: 'Problems met; may be empty' }) @IsString() @MaxLength(10_000) issues: string;
}

export class ReportReviewDto extends VersionedBody {
  @ApiProperty({ enum: REVIEW_DECISIONS }) @IsIn(REVIEW_DECISIONS) decision: ReviewDecision;
  @ApiPropertyOptional({ description: 'Required when asking for a revision: what to change' }) @NotNullIfSent() @IsString() @MaxLength(4000) note?: string;
}

export class ReportListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'agreementId must be a UUID' }) agreementId?: string;
  @ApiPropertyOptional({ enum: REPORT_STATUSES }) @IsOptional() @IsIn(REPORT_STATUSES) status?: ReportStatus;
}

export class ReportDraftQuery {
  @ApiProperty({ format: 'date', description: 'The end of the reporting period (a PROGRESS_REPORT obligation of the agreement ends on it)' })
  @IsCalendarDate() periodEnd: string;
}

export class ReportVersionView {
  @ApiProperty() reportVersion: number;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [ReportVolumeDto] }) volumes: ReportVolumeDto[];
  @ApiProperty({ type: [CoachingDeliveredDto] }) coachingDelivered: CoachingDeliveredDto[];
  @ApiProperty({ type: Boolean, nullable: true }) paymentsOnTime: boolean | null;
  @ApiProperty() issues: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) submittedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: Date;
  @ApiProperty({ type: String, nullable: true, enum: REVIEW_DECISIONS }) reviewDecision: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewNote: string | null;
}

export class ProgressReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) obligationId: string | null;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId: string;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: string;
  @ApiProperty({ description: 'The latest submitted version (every one is kept)' }) reportVersion: number;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [ReportVolumeDto] }) volumes: ReportVolumeDto[];
  @ApiProperty({ type: [CoachingDeliveredDto] }) coachingDelivered: CoachingDeliveredDto[];
  @ApiProperty({ type: Boolean, nullable: true }) paymentsOnTime: boolean | null;
  @ApiProperty() issues: string;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) reviewNote: string | null;
  @ApiPropertyOptional({ type: [ReportVersionView], description: 'Every submitted version, oldest first (detail only)' }) versions?: ReportVersionView[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ description: 'For optimistic locking (not the report version)' }) version: number;
}

export class PartyIdentityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nib: string;
  @ApiProperty({ type: [String] }) kbliCodes: string[];
  @ApiProperty({ example: 'KECIL' }) scale: string;
  @ApiProperty({ example: '33.20.01' }) regionCode: string;
  @ApiProperty({ type: String, nullable: true }) regionName: string | null;
  @ApiProperty() provinceCode: string;
}

export class DraftCommitmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() type: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['CONFIRMED', 'DISPUTED'] }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disputedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) disputeKind: string | null;
  @ApiProperty({ type: String, nullable: true }) disputeReason: string | null;
}

/**
 * A report pre-filled from the platform. `periodStart`, `periodEnd`, `summary`, `volumes`,
 * `coachingDelivered`, `paymentsOnTime` and `issues` are exactly the submission's fields: edit and
 * POST them. The rest is context.
 */
export class ReportDraftView {
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [ReportVolumeDto], description: 'Commitments with a quantity, unit or value due in the period' }) volumes: ReportVolumeDto[];
  @ApiProperty({ type: [CoachingDeliveredDto], description: 'Sessions confirmed by the small firm in the period, by aspect and activity' })
  coachingDelivered: CoachingDeliveredDto[];
  @ApiProperty({ description: 'No LATE_PAYMENT dispute on a commitment of the period' }) paymentsOnTime: boolean;
  @ApiProperty({ description: 'Disputes of the period, one per line' }) issues: string;
  @ApiProperty() periodLabel: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty({ example: 'KMT/2026/000123' }) agreementNumber: string;
  @ApiProperty() agreementTitle: string;
  @ApiProperty({ enum: ['INTI_PLASMA', 'SUBCONTRACT'] }) pattern: string;
  @ApiProperty({ enum: ['QUARTERLY', 'SEMESTER', 'YEARLY'] }) reportingPeriod: string;
  @ApiProperty({ type: PartyIdentityView }) partner: PartyIdentityView;
  @ApiProperty({ type: PartyIdentityView }) enterprise: PartyIdentityView;
  @ApiProperty({ type: [DraftCommitmentView], description: 'Commitments confirmed or disputed that were due in the period or confirmed or disputed in it' }) commitments: DraftCommitmentView[];
  @ApiProperty({ description: 'Coaching sessions held in the period that the small firm disputed' }) sessionsDisputed: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The report already filed for this period, if any' }) reportId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: REPORT_STATUSES }) reportStatus: string | null;
}
