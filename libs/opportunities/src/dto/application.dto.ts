import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageQuery } from '@jalin/core';
import { APPLICATION_STATUSES } from '../domain/application.lifecycle.js';
import { CapacityRequirementDto, CapacityView, NotNullIfSent, TransitionDto } from './opportunity.dto.js';

export class ApplyDto {
  @ApiPropertyOptional({ example: 'Kami sanggup memasok 2 ton per bulan, bersertifikat PIRT.', description: 'To the partner' })
  @NotNullIfSent() @IsString() @MaxLength(4000) message?: string;
  @ApiPropertyOptional({ type: CapacityRequirementDto, description: 'What the firm can supply' })
  @IsOptional() @ValidateNested() @Type(() => CapacityRequirementDto) offeredCapacity?: CapacityRequirementDto | null;
}

export class InviteDto {
  @ApiProperty({ format: 'uuid', description: 'The small firm invited' }) @IsUUID() enterpriseId: string;
  @ApiPropertyOptional({ example: 'Profil usaha Anda sesuai dengan kebutuhan kami. Silakan melamar.' })
  @NotNullIfSent() @IsString() @MaxLength(4000) message?: string;
}

export class DecisionDto extends TransitionDto {
  @ApiPropertyOptional({ description: 'Why; shown to the firm' }) @NotNullIfSent() @IsString() @MaxLength(2000) note?: string;
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'opportunityId must be a UUID' }) opportunityId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: (typeof APPLICATION_STATUSES)[number];
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) opportunityId: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiProperty({ description: 'The firm’s message' }) message: string;
  @ApiProperty({ type: CapacityView, nullable: true }) offeredCapacity: { quantity: number; unit: string; period: string } | null;
  @ApiProperty({ type: String, nullable: true, description: 'The partner’s message, when invited' }) invitationMessage: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty() invited: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}
