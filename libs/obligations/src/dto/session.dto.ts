import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageQuery } from '@jalin/core';
import { COACHING_ASPECTS, type CoachingAspect, HUMAN_RESOURCES_ACTIVITIES, SESSION_STATUSES, type SessionStatus } from '../domain/session.js';
import { NotNullIfSent, TIMESTAMP_WITH_ZONE, VersionedBody } from './common.js';

export class SessionScheduleDto {
  @ApiProperty({ enum: COACHING_ASPECTS }) @IsIn(COACHING_ASPECTS) aspect: CoachingAspect;
  @ApiProperty({ example: 'TRAINING', description: `HUMAN_RESOURCES: one of ${HUMAN_RESOURCES_ACTIVITIES.join(', ')}; other aspects: free text` })
  @IsString() @MinLength(1) @MaxLength(100) activity: string;
  @ApiProperty({ example: 'Higiene dan sanitasi pengolahan pangan' }) @IsString() @MinLength(1) @MaxLength(500) topic: string;
  @ApiProperty({ example: '2026-03-02T09:00:00+07:00', description: 'An instant with its zone' })
  @IsString() @Matches(TIMESTAMP_WITH_ZONE, { message: 'scheduledAt must be an ISO 8601 date-time with a zone, e.g. 2026-03-02T09:00:00+07:00' })
  scheduledAt: string;
  @ApiProperty({ example: 'Balai pelatihan PT Mitra, Surabaya' }) @IsString() @MaxLength(500) location: string;
}

export class AttendeeDto {
  @ApiProperty({ example: 'Siti Aminah' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
}

export class SessionAttendanceDto extends VersionedBody {
  @ApiProperty({ type: [AttendeeDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => AttendeeDto) attendees: AttendeeDto[];
  @ApiPropertyOptional({ example: 'Pelatihan berlangsung 09.00–15.00; materi dibagikan.' }) @NotNullIfSent() @IsString() @MaxLength(4000) note?: string;
}

export class SessionConfirmDto extends VersionedBody {}

export class SessionDisputeDto extends VersionedBody {
  @ApiProperty({ example: 'Pelatihan tidak pernah diadakan; tidak ada pegawai kami yang hadir.' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class SessionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'agreementId must be a UUID' }) agreementId?: string;
  @ApiPropertyOptional({ enum: SESSION_STATUSES }) @IsOptional() @IsIn(SESSION_STATUSES) status?: SessionStatus;
}

export class CoachingSessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) planItemId: string | null;
  @ApiProperty({ enum: COACHING_ASPECTS }) aspect: string;
  @ApiProperty() activity: string;
  @ApiProperty() topic: string;
  @ApiProperty({ type: String, format: 'date-time' }) scheduledAt: Date;
  @ApiProperty() location: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: string;
  @ApiProperty({ type: [AttendeeDto] }) attendees: AttendeeDto[];
  @ApiProperty({ type: String, nullable: true }) attendanceNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) attendanceRecordedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disputedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) disputeReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its COACHING obligation' }) obligationId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}
