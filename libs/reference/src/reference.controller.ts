import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { notFound, Public } from '@jalin/core';
import { ReferenceService } from './reference.service.js';
import { KbliListView, RegionListView } from './reference.views.js';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class RegionQuery {
  @ApiPropertyOptional({ description: 'Parent region code; omitted = provinces', example: '33.20' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2})?)?$/, { message: 'parent must be a province, regency or district code (NN, NN.NN, NN.NN.NN)' })
  parent?: string;

  @ApiPropertyOptional({ description: 'Find regions by name instead (e.g. "Jepara")' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class KbliQuery {
  @ApiPropertyOptional({ description: 'Code prefix', example: '1079' })
  @IsOptional()
  @Matches(/^\d{1,5}$/, { message: 'prefix must be 1–5 digits' })
  prefix?: string;

  @ApiPropertyOptional({ description: 'Words in title and description', example: 'keripik singkong' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: [1, 2, 3, 4, 5] })
  @IsOptional()
  @Transform(toInt)
  @IsIn([1, 2, 3, 4, 5])
  level?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@ApiTags('reference')
@Controller('reference')
export class ReferenceController {
  constructor(private readonly ref: ReferenceService) {}

  @Get('regions')
  @Public()
  @ApiOperation({ summary: 'Region tree (Kemendagri codes): children of `parent`, provinces when omitted; or search by name with `q`' })
  @ApiOkResponse({ type: RegionListView })
  async regions(@Query() query: RegionQuery): Promise<RegionListView> {
    if (query.q) return { items: await this.ref.searchRegions(query.q, 50) };
    if (query.parent && !(await this.ref.region(query.parent))) throw notFound(`Region ${query.parent}`);
    return { items: await this.ref.regions(query.parent) };
  }

  @Get('kbli')
  @Public()
  @ApiOperation({ summary: 'KBLI 2020 entries known to the platform: by code prefix and/or words (`q`)' })
  @ApiOkResponse({ type: KbliListView })
  async kbli(@Query() query: KbliQuery): Promise<KbliListView> {
    return { items: await this.ref.searchKbli({ q: query.q, prefix: query.prefix, level: query.level, limit: query.limit ?? 20 }) };
  }
}
