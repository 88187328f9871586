import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@jalin/core';
import { NEEDS } from '../entities/organization.entity.js';

export class EnterpriseSearchQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Words in name and products; typos tolerated', example: 'keripik singkong' })
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ description: 'KBLI code prefix (2–5 digits)', example: '107' })
  @IsOptional() @Matches(/^\d{2,5}$/, { message: 'kbli must be a KBLI code prefix of 2–5 digits' }) kbli?: string;
  @ApiPropertyOptional({ description: 'Region code prefix: province, regency, district or village', example: '33.20' })
  @IsOptional() @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'region must be a Kemendagri code (NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN)' }) region?: string;
  @ApiPropertyOptional({ description: 'Holds this certification, valid today', example: 'HALAL' })
  @IsOptional() @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'certification must be an upper-case code such as HALAL' }) certification?: string;
  @ApiPropertyOptional({ enum: ['MIKRO', 'KECIL'] }) @IsOptional() @IsIn(['MIKRO', 'KECIL']) scale?: 'MIKRO' | 'KECIL';
  @ApiPropertyOptional({ enum: NEEDS }) @IsOptional() @IsIn(NEEDS) need?: string;
}

export class PartnerListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Words in the partner’s name (each must appear; case and accents ignored)', example: 'snack nusantara' })
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}
