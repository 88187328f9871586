import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@jalin/core';
import { IsKbliCode, IsRegionCode, LocationDto } from '@jalin/organizations';
import { CLOSED_REASONS, OPPORTUNITY_STATUSES } from '../domain/opportunity.lifecycle.js';
import { PATTERNS, SUPPORT_TYPES } from '../domain/support-types.js';
import { CAPACITY_PERIODS } from '../entities/opportunity.entity.js';

/** Optional, but when sent it must be a value: `null` is refused (for fields the record cannot lack). */
export const NotNullIfSent = () => ValidateIf((_o, v) => v !== undefined);

const CERT = /^[A-Z0-9_]{2,40}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export class CapacityRequirementDto {
  @ApiProperty({ example: 2000 }) @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false }) @IsPositive() @Max(1e12) quantity: number;
  @ApiProperty({ example: 'kg' }) @IsString() @MinLength(1) @MaxLength(30) unit: string;
  @ApiProperty({ enum: CAPACITY_PERIODS }) @IsIn(CAPACITY_PERIODS) period: (typeof CAPACITY_PERIODS)[number];
}

/** class-validator rules per field, shared by create (required where the record needs it) and update. */
const Rules = {
  pattern: () => IsIn(PATTERNS),
  title: () => applyDecorators(IsString(), MinLength(3), MaxLength(200)),
  description: () => applyDecorators(IsString(), MaxLength(10_000)),
  kbliCodes: () => applyDecorators(IsArray(), ArrayMinSize(1), ArrayMaxSize(20), ArrayUnique(), IsKbliCode({ each: true })),
  regionCodes: () => applyDecorators(IsArray(), ArrayMaxSize(100), ArrayUnique(), IsRegionCode({ each: true })),
  siteRegionCode: () => IsRegionCode(),
  siteLocation: () => applyDecorators(ValidateNested(), Type(() => LocationDto)),
  requiredCapacity: () => applyDecorators(ValidateNested(), Type(() => CapacityRequirementDto)),
  certifications: () =>
    applyDecorators(IsArray(), ArrayMaxSize(20), ArrayUnique(), Matches(CERT, { each: true, message: '$property must hold upper-case codes such as HALAL or PIRT' })),
  // Any upper-case code here; whether the pattern allows it is checked with the pattern (400 naming it).
  supportOffered: () =>
    applyDecorators(IsArray(), ArrayMaxSize(10), ArrayUnique(), Matches(/^[A-Z_]{2,40}$/, { each: true, message: `supportOffered must hold support types (${SUPPORT_TYPES.join(', ')})` })),
  slots: () => applyDecorators(IsInt(), Min(1), Max(100_000)),
  closesAt: () =>
    applyDecorators(
      IsISO8601({ strict: true, strictSeparator: true }, { message: 'closesAt must be an ISO 8601 timestamp with a zone, e.g. 2026-12-31T17:00:00+07:00' }),
      Matches(TIMESTAMP, { message: 'closesAt must be an ISO 8601 timestamp with a zone, e.g. 2026-12-31T17:00:00+07:00' }),
    ),
};

const DOC: Record<string, ApiPropertyOptions> = {
  pattern: { enum: PATTERNS },
  title: { example: 'Pemasok keripik singkong untuk jaringan ritel Jawa Timur' },
  description: { example: 'Kami mencari UMK yang mampu memasok keripik singkong kemasan 250 g secara rutin.' },
  kbliCodes: { type: [String], example: ['10794'], description: 'KBLI 2020 codes (2–5 digits), checked against reference data' },
  regionCodes: { type: [String], example: ['35', '33.20'], description: 'Where firms may be (Kemendagri codes, any level); empty = anywhere' },
  siteRegionCode: { example: '35.78', description: 'Where the work is delivered or the nucleus plant stands; default the partner’s regionCode' },
  siteLocation: { type: LocationDto, nullable: true },
  requiredCapacity: { type: CapacityRequirementDto, nullable: true },
  requiredCertifications: { type: [String], example: ['PIRT'], description: 'Hard filter: firms must hold each, valid' },
  preferredCertifications: { type: [String], example: ['HALAL'], description: 'Soft: ranked higher' },
  supportOffered: {
    enum: SUPPORT_TYPES,
    isArray: true,
    description: 'INTI_PLASMA: LAND, PRODUCTION_INPUTS, TECHNICAL_GUIDANCE, TECHNOLOGY, FINANCING, OTHER_ASSISTANCE; SUBCONTRACT: PRODUCTION_WORK, RAW_MATERIAL_SUPPLY, TECHNICAL_GUIDANCE, TECHNOLOGY, FINANCING',
  },
  slots: { minimum: 1, example: 5, description: 'How many firms the partner will accept' },
  closesAt: { type: String, format: 'date-time', nullable: true, description: 'Deadline for applications; must be in the future when publishing. None = open until closed or filled' },
};

export class CreateOpportunityDto {
  @ApiProperty(DOC.pattern) @Rules.pattern() pattern: (typeof PATTERNS)[number];
  @ApiProperty(DOC.title) @Rules.title() title: string;
  @ApiPropertyOptional(DOC.description) @IsOptional() @Rules.description() description?: string;
  @ApiProperty(DOC.kbliCodes) @Rules.kbliCodes() kbliCodes: string[];
  @ApiPropertyOptional(DOC.regionCodes) @IsOptional() @Rules.regionCodes() regionCodes?: string[];
  @ApiPropertyOptional(DOC.siteRegionCode) @IsOptional() @Rules.siteRegionCode() siteRegionCode?: string;
  @ApiPropertyOptional(DOC.siteLocation) @IsOptional() @Rules.siteLocation() siteLocation?: LocationDto | null;
  @ApiPropertyOptional(DOC.requiredCapacity) @IsOptional() @Rules.requiredCapacity() requiredCapacity?: CapacityRequirementDto | null;
  @ApiPropertyOptional(DOC.requiredCertifications) @IsOptional() @Rules.certifications() requiredCertifications?: string[];
  @ApiPropertyOptional(DOC.preferredCertifications) @IsOptional() @Rules.certifications() preferredCertifications?: string[];
  @ApiPropertyOptional(DOC.supportOffered) @IsOptional() @Rules.supportOffered() supportOffered?: string[];
  @ApiProperty(DOC.slots) @Rules.slots() slots: number;
  @ApiPropertyOptional(DOC.closesAt) @IsOptional() @Rules.closesAt() closesAt?: string | null;
}

/** Only what is sent changes. `null` clears siteLocation, requiredCapacity, closesAt, and resets siteRegionCode. */
export class UpdateOpportunityDto {
  @ApiPropertyOptional(DOC.pattern) @NotNullIfSent() @Rules.pattern() pattern?: (typeof PATTERNS)[number];
  @ApiPropertyOptional(DOC.title) @NotNullIfSent() @Rules.title() title?: string;
  @ApiPropertyOptional(DOC.description) @NotNullIfSent() @Rules.description() description?: string;
  @ApiPropertyOptional(DOC.kbliCodes) @NotNullIfSent() @Rules.kbliCodes() kbliCodes?: string[];
  @ApiPropertyOptional(DOC.regionCodes) @NotNullIfSent() @Rules.regionCodes() regionCodes?: string[];
  @ApiPropertyOptional({ ...DOC.siteRegionCode, nullable: true }) @IsOptional() @Rules.siteRegionCode() siteRegionCode?: string | null;
  @ApiPropertyOptional(DOC.siteLocation) @IsOptional() @Rules.siteLocation() siteLocation?: LocationDto | null;
  @ApiPropertyOptional(DOC.requiredCapacity) @IsOptional() @Rules.requiredCapacity() requiredCapacity?: CapacityRequirementDto | null;
  @ApiPropertyOptional(DOC.requiredCertifications) @NotNullIfSent() @Rules.certifications() requiredCertifications?: string[];
  @ApiPropertyOptional(DOC.preferredCertifications) @NotNullIfSent() @Rules.certifications() preferredCertifications?: string[];
  @ApiPropertyOptional(DOC.supportOffered) @NotNullIfSent() @Rules.supportOffered() supportOffered?: string[];
  @ApiPropertyOptional(DOC.slots) @NotNullIfSent() @Rules.slots() slots?: number;
  @ApiPropertyOptional(DOC.closesAt) @IsOptional() @Rules.closesAt() closesAt?: string | null;
  @ApiPropertyOptional({ description: 'The version you read; a stale one gets 409' }) @NotNullIfSent() @IsInt() @Min(1) version?: number;
}

/** Body of a state change (publish, close, withdraw, decline): optionally the version you read. */
export class TransitionDto {
  @ApiPropertyOptional({ description: 'The version you read; a stale one gets 409' }) @NotNullIfSent() @IsInt() @Min(1) version?: number;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class OpportunityListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PATTERNS }) @IsOptional() @IsIn(PATTERNS) pattern?: (typeof PATTERNS)[number];
  @ApiPropertyOptional({ description: 'KBLI code prefix (2–5 digits): an opportunity matches when one of its codes starts with it', example: '107' })
  @IsOptional() @Matches(/^\d{2,5}$/, { message: 'kbli must be a KBLI code prefix of 2–5 digits' }) kbli?: string;
  @ApiPropertyOptional({
    description:
      'Kemendagri code (any level). Matches opportunities open to firms anywhere (no regionCodes), and those with a region code that contains the given region or lies inside it (33.20 matches 33, 33.20 and 33.20.01, not 33.21)',
    example: '33.20',
  })
  @IsOptional() @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'region must be a Kemendagri code (NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN)' }) region?: string;
  @ApiPropertyOptional({ description: 'Words in title and description (prefix match, all words)', example: 'keripik' })
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ description: 'Partners only: your own opportunities, of every status' })
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'mine must be true or false' }) mine?: boolean;
}

export class CapacityView {
  @ApiProperty() quantity: number;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: CAPACITY_PERIODS }) period: string;
}

export class OpportunityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ enum: PATTERNS }) pattern: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) kbliCodes: string[];
  @ApiProperty({ type: [String] }) regionCodes: string[];
  @ApiProperty({ type: String, nullable: true }) siteRegionCode: string | null;
  @ApiProperty({ type: LocationDto, nullable: true }) siteLocation: { lat: number; lng: number } | null;
  @ApiProperty({ type: CapacityView, nullable: true }) requiredCapacity: { quantity: number; unit: string; period: string } | null;
  @ApiProperty({ type: [String] }) requiredCertifications: string[];
  @ApiProperty({ type: [String] }) preferredCertifications: string[];
  @ApiProperty({ enum: SUPPORT_TYPES, isArray: true }) supportOffered: string[];
  @ApiProperty() slots: number;
  @ApiProperty() acceptedCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt: Date | null;
  @ApiProperty({ enum: OPPORTUNITY_STATUSES, description: 'Never stale: OPEN past closesAt reads CLOSED (DEADLINE)' }) status: string;
  @ApiProperty({ enum: CLOSED_REASONS, nullable: true }) closedReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}
