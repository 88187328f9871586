import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@jalin/core';
import { NotNullIfSent, PATTERNS, SUPPORT_TYPES, TransitionDto } from '@jalin/opportunities';
import { AGREEMENT_STATUSES } from '../domain/agreement.lifecycle.js';
import { COACHING_ASPECTS, type CoachingAspect, HUMAN_RESOURCES_ACTIVITIES, REPORTING_PERIODS, type ReportingPeriodKind } from '@jalin/obligations';
import { isCalendarDate } from '../domain/terms.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date `YYYY-MM-DD` that exists on the calendar. */
const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: (v) => isCalendarDate(v), defaultMessage: (a) => `${a?.property} must be a date YYYY-MM-DD` },
  });

const IsZonedTimestamp = () =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be an ISO 8601 timestamp with a zone, e.g. 2026-03-02T09:00:00+07:00' }),
    Matches(TIMESTAMP, { message: '$property must be an ISO 8601 timestamp with a zone, e.g. 2026-03-02T09:00:00+07:00' }),
  );

export class CoachingSessionPlanDto {
  @ApiProperty({ example: '2026-03-02T09:00:00+07:00', description: 'When (ISO 8601 with a zone)' }) @IsZonedTimestamp() scheduledAt: string;
  @ApiProperty({ example: 'Balai Latihan Kerja Kudus' }) @IsString() @MaxLength(500) location: string;
}

export class CommitmentDto {
  @ApiProperty({
    enum: SUPPORT_TYPES,
    description:
      'Must suit the pattern — INTI_PLASMA (PP 44/1997 Pasal 3): LAND, PRODUCTION_INPUTS, TECHNICAL_GUIDANCE, TECHNOLOGY, FINANCING, OTHER_ASSISTANCE; SUBCONTRACT (Pasal 4): PRODUCTION_WORK, RAW_MATERIAL_SUPPLY, TECHNICAL_GUIDANCE, TECHNOLOGY, FINANCING',
  })
  @IsIn(SUPPORT_TYPES, { message: `$property must be one of ${SUPPORT_TYPES.join(', ')}` })
  type: string;
  @ApiProperty({ example: 'Pasokan singkong segar 2 ton per bulan dengan harga kontrak Rp2.500/kg' }) @IsString() @MinLength(3) @MaxLength(2000) description: string;
  @ApiPropertyOptional({ example: 2000, description: 'Measurable target' })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false }) @IsPositive() @Max(1e12) quantity?: number | null;
  @ApiPropertyOptional({ example: 'kg' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(30) unit?: string | null;
  @ApiPropertyOptional({ example: 5_000_000, description: 'Integer rupiah' })
  @IsOptional() @IsInt({ message: 'valueIdr must be an integer number of rupiah' }) @Min(0) @Max(Number.MAX_SAFE_INTEGER) valueIdr?: number | null;
  @ApiPropertyOptional({ example: '2026-06-30', description: 'YYYY-MM-DD, within the agreement; a dated commitment is tracked as an obligation' })
  @IsOptional() @IsCalendarDate() dueDate?: string | null;
  @ApiPropertyOptional({ example: 'Setiap bulan, paling lambat tanggal 5', description: 'For recurring commitments' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(500) schedule?: string | null;
}

export class CoachingItemDto {
  @ApiProperty({ enum: COACHING_ASPECTS }) @IsIn(COACHING_ASPECTS) aspect: CoachingAspect;
  @ApiProperty({
    example: 'TRAINING',
    description: `For HUMAN_RESOURCES one of ${HUMAN_RESOURCES_ACTIVITIES.join(', ')}; for other aspects what is done (e.g. "Pendampingan pengemasan")`,
  })
  @IsString() @MinLength(2) @MaxLength(200) activity: string;
  @ApiProperty({ example: 'Pelatihan keamanan pangan dan sanitasi produksi' }) @IsString() @MaxLength(2000) description: string;
  @ApiPropertyOptional({ type: [CoachingSessionPlanDto], description: 'Scheduled sessions; each becomes a coaching obligation on activation' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CoachingSessionPlanDto) sessions?: CoachingSessionPlanDto[];
}

/** The terms: what an agreement (version 1) or an amendment (version n+1) says. */
export class TermsDto {
  @ApiProperty({ example: 'Perjanjian subkontrak keripik singkong 2026' }) @IsString() @MinLength(3) @MaxLength(200) title: string;
  @ApiProperty({ example: '2026-01-01', description: 'YYYY-MM-DD; may lie in the past (a partnership already running)' }) @IsCalendarDate() startDate: string;
  @ApiProperty({ example: '2026-12-31', description: 'YYYY-MM-DD, after startDate' }) @IsCalendarDate() endDate: string;
  @ApiPropertyOptional({ enum: REPORTING_PERIODS, default: 'QUARTERLY' }) @IsOptional() @IsIn(REPORTING_PERIODS) reportingPeriod?: ReportingPeriodKind;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 365, description: 'Days within which the partner pays for delivered goods' })
  @IsOptional() @IsInt() @Min(0) @Max(365) paymentTermDays?: number | null;
  @ApiProperty({ type: [CommitmentDto], description: 'What the partner provides (at least one)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CommitmentDto) commitments: CommitmentDto[];
  @ApiPropertyOptional({ type: [CoachingItemDto], description: 'The coaching plan (pembinaan) by aspect and activity' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CoachingItemDto) coaching?: CoachingItemDto[];
}

export class CreateAgreementDto extends TermsDto {
  @ApiProperty({ format: 'uuid', description: 'An ACCEPTED application to one of your opportunities' }) @IsUUID() applicationId: string;
}

/** Only what is sent changes; `commitments` and `coaching` replace the lists whole. `null` clears paymentTermDays. */
export class UpdateAgreementDto {
  @ApiPropertyOptional() @NotNullIfSent() @IsString() @MinLength(3) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @NotNullIfSent() @IsCalendarDate() startDate?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @NotNullIfSent() @IsCalendarDate() endDate?: string;
  @ApiPropertyOptional({ enum: REPORTING_PERIODS }) @NotNullIfSent() @IsIn(REPORTING_PERIODS) reportingPeriod?: ReportingPeriodKind;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(365) paymentTermDays?: number | null;
  @ApiPropertyOptional({ type: [CommitmentDto] })
  @NotNullIfSent() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CommitmentDto) commitments?: CommitmentDto[];
  @ApiPropertyOptional({ type: [CoachingItemDto] })
  @NotNullIfSent() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CoachingItemDto) coaching?: CoachingItemDto[];
  @ApiPropertyOptional({ description: 'The version you read; a stale one gets 409' }) @NotNullIfSent() @IsInt() @Min(1) version?: number;
}

export class ProposeAmendmentDto extends TermsDto {
  @ApiProperty({ example: 'Volume pasokan dinaikkan menjadi 3 ton per bulan' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
  @ApiPropertyOptional({ description: 'The agreement version you read; a stale one gets 409' }) @NotNullIfSent() @IsInt() @Min(1) version?: number;
}

export class TerminateDto extends TransitionDto {
  @ApiProperty({ example: 'Pasokan bahan baku tidak pernah dikirim' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class CloseAmendmentDto extends TransitionDto {
  @ApiProperty({ example: 'Volume pasokan tetap seperti perjanjian awal' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class AgreementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES }) @IsOptional() @IsIn(AGREEMENT_STATUSES) status?: (typeof AGREEMENT_STATUSES)[number];
  @ApiPropertyOptional({ enum: PATTERNS }) @IsOptional() @IsIn(PATTERNS) pattern?: (typeof PATTERNS)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'partnerId must be a UUID' }) partnerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'enterpriseId must be a UUID' }) enterpriseId?: string;
}
