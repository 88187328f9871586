import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCALES, SIZE_REGIME_CODES } from '../domain/classification.js';
import { CAPACITY_PERIODS, NEEDS, type Need } from '../entities/organization.entity.js';

export class FirmCapacityView {
  @ApiProperty({ example: 'keripik singkong' }) product: string;
  @ApiProperty({ example: 500 }) quantity: number;
  @ApiProperty({ example: 'kg' }) unit: string;
  @ApiProperty({ enum: CAPACITY_PERIODS }) period: (typeof CAPACITY_PERIODS)[number];
}

export class CertificationView {
  @ApiProperty({ example: 'HALAL' }) type: string;
  @ApiProperty() number: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null: does not expire' }) validUntil: string | null;
  @ApiProperty({ description: 'Still valid today' }) valid: boolean;
}

export class PicView {
  @ApiProperty() name: string;
  @ApiProperty() position: string;
  @ApiProperty() email: string;
  @ApiProperty() phone: string;
}

export class LocationView {
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
}

/**
 * An organisation (small firm or partner). Small firms carry products, capacities, certifications
 * and needs; partners their PIC. The private fields (tax number, financial figures, the record's
 * version) appear only for the organisation's own members, the ministry and admins.
 */
export class OrganizationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['enterprise', 'partner'] }) kind: 'enterprise' | 'partner';
  @ApiProperty() name: string;
  @ApiProperty({ description: 'NIB, 13 digits' }) nib: string;
  @ApiProperty({ type: String, nullable: true }) legalForm: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ example: '33.20.01', description: 'Kemendagri code' }) regionCode: string;
  @ApiProperty({ example: '33' }) provinceCode: string;
  @ApiProperty({ type: LocationView, nullable: true }) location: LocationView | null;
  @ApiProperty({ type: [String], example: ['10794'] }) kbliCodes: string[];
  @ApiProperty({ type: Number, nullable: true }) workforce: number | null;
  @ApiProperty({ type: Number, nullable: true }) foundedYear: number | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ enum: SCALES }) scale: (typeof SCALES)[number];
  @ApiProperty({ enum: SIZE_REGIME_CODES }) scaleRegime: (typeof SIZE_REGIME_CODES)[number];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ description: 'Small firms' }) products?: string;
  @ApiPropertyOptional({ type: [FirmCapacityView], description: 'Small firms' }) capacities?: FirmCapacityView[];
  @ApiPropertyOptional({ type: [CertificationView], description: 'Small firms' }) certifications?: CertificationView[];
  @ApiPropertyOptional({ enum: NEEDS, isArray: true, description: 'Small firms' }) needs?: Need[];
  @ApiPropertyOptional({ type: PicView, nullable: true, description: 'Partners' }) pic?: PicView | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Members, ministry and admins only' }) npwp?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Rupiah; members, ministry and admins only' }) netAssetsIdr?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Rupiah; members, ministry and admins only' }) annualSalesIdr?: number | null;
  @ApiPropertyOptional({ description: 'Which figure decided the size class; members, ministry and admins only' }) scaleBasis?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Members, ministry and admins only' }) scaleComputedAt?: Date;
  @ApiPropertyOptional({ description: 'For optimistic locking (send it back on PATCH); members, ministry and admins only' }) version?: number;
}
