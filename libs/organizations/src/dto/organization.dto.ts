import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsKbliCode, IsNib, IsNpwp, IsRegionCode } from '../domain/validators.js';
import { CAPACITY_PERIODS, NEEDS } from '../entities/organization.entity.js';

const MAX_IDR = Number.MAX_SAFE_INTEGER;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

export class LocationDto {
  @ApiProperty({ example: -6.589 }) @IsLatitude() lat: number;
  @ApiProperty({ example: 110.668 }) @IsLongitude() lng: number;
}

export class CapacityDto {
  @ApiProperty({ example: 'keripik singkong' }) @IsString() @MinLength(2) @MaxLength(200) product: string;
  @ApiProperty({ example: 500 }) @IsNumber({ maxDecimalPlaces: 3 }) @IsPositive() @Max(1e12) quantity: number;
  @ApiProperty({ example: 'kg' }) @IsString() @MinLength(1) @MaxLength(30) unit: string;
  @ApiProperty({ enum: CAPACITY_PERIODS }) @IsIn(CAPACITY_PERIODS) period: (typeof CAPACITY_PERIODS)[number];
}

export class CertificationDto {
  @ApiProperty({ example: 'HALAL', description: 'PIRT, HALAL, SNI, BPOM_MD, BPOM_ML, ISO_9001, ORGANIC, or another name' })
  @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'type must be an upper-case code such as HALAL or PIRT' })
  type: string;
  @ApiProperty({ example: 'ID33110000123450323' }) @IsString() @MinLength(1) @MaxLength(100) number: string;
  @ApiPropertyOptional({ example: '2027-03-01', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'validUntil must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validUntil must be a date YYYY-MM-DD' })
  validUntil?: string | null;
}

export class PicDto {
  @ApiProperty({ example: 'Dewi Lestari' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ example: 'Manajer Kemitraan' }) @IsString() @MinLength(2) @MaxLength(200) position: string;
  @ApiProperty({ example: 'dewi@example.co.id' }) @IsEmail() email: string;
  @ApiProperty({ example: '+62 812 3456 7890' }) @Matches(PHONE, { message: 'phone must be a telephone number' }) phone: string;
}

/** Every profile field an organisation may write; which apply depends on its kind. All optional here. */
export class ProfileFieldsDto {
  @ApiPropertyOptional({ example: 'UD Sumber Rejeki' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: '9120301234567', description: '13 digits' }) @IsOptional() @IsNib() nib?: string;
  @ApiPropertyOptional({ example: '01.312.166.0-091.000', description: '15 or 16 digits, punctuation allowed; stored digits-only' })
  @IsOptional() @IsNpwp() npwp?: string;
  @ApiPropertyOptional({ example: 'CV' }) @IsOptional() @IsString() @MaxLength(100) legalForm?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ example: '33.20.01', description: 'Kemendagri regency (NN.NN), district or village code' })
  @IsOptional() @IsRegionCode({ levels: ['regency', 'district', 'village'] }) regionCode?: string;
  @ApiPropertyOptional({ type: LocationDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto | null;
  @ApiPropertyOptional({ type: [String], example: ['10794'] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsKbliCode({ each: true }) kbliCodes?: string[];
  @ApiPropertyOptional({ example: 800000000, description: 'Net assets / modal usaha excluding land and buildings, integer rupiah' })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_IDR) netAssetsIdr?: number | null;
  @ApiPropertyOptional({ example: 1500000000, description: 'Annual sales, integer rupiah' })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_IDR) annualSalesIdr?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) workforce?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1800) @Max(2100) foundedYear?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail() contactEmail?: string | null;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'contactPhone must be a telephone number' }) contactPhone?: string | null;

  // enterprise only
  @ApiPropertyOptional({ description: 'enterprise only: what the firm makes, free text' }) @IsOptional() @IsString() @MaxLength(2000) products?: string;
  @ApiPropertyOptional({ type: [CapacityDto], description: 'enterprise only' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CapacityDto) capacities?: CapacityDto[];
  @ApiPropertyOptional({ type: [CertificationDto], description: 'enterprise only' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CertificationDto) certifications?: CertificationDto[];
  @ApiPropertyOptional({ enum: NEEDS, isArray: true, description: 'enterprise only: diagnosed needs' })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(NEEDS, { each: true }) needs?: (typeof NEEDS)[number][];

  // partner only
  @ApiPropertyOptional({ type: PicDto, nullable: true, description: 'partner only: the penanggung jawab kemitraan' })
  @IsOptional() @ValidateNested() @Type(() => PicDto) pic?: PicDto | null;
}

export class RegisterOrganizationDto extends ProfileFieldsDto {
  @ApiProperty({ enum: ['enterprise', 'partner'] }) @IsIn(['enterprise', 'partner']) kind: 'enterprise' | 'partner';
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) declare name: string;
  @ApiProperty() @IsNib() declare nib: string;
  @ApiProperty() @IsRegionCode({ levels: ['regency', 'district', 'village'] }) declare regionCode: string;
}

export class UpdateOrganizationDto extends ProfileFieldsDto {
  @ApiPropertyOptional({ description: 'The version you read; a stale one gets 409' }) @IsOptional() @IsInt() @Min(1) version?: number;
}
