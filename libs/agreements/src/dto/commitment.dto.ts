import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { TransitionDto } from '@jalin/opportunities';
import { DISPUTE_KINDS, type DisputeKind } from '../domain/commitment.lifecycle.js';

/** Confirming takes only the commitment version you read (optional). */
export class ConfirmCommitmentDto extends TransitionDto {}

export class DisputeCommitmentDto extends TransitionDto {
  @ApiProperty({ example: 'Pembayaran diterima 45 hari setelah pengiriman, padahal disepakati 30 hari' })
  @IsString() @MinLength(3) @MaxLength(2000) reason: string;
  @ApiPropertyOptional({ enum: DISPUTE_KINDS, default: 'OTHER' }) @IsOptional() @IsIn(DISPUTE_KINDS) kind?: DisputeKind;
}
