import { ApiProperty } from '@nestjs/swagger';

/** Response shapes of the matching routes, for the OpenAPI document (and the console's generated client). */

export class ScoreBreakdownView {
  @ApiProperty({ description: 'Deepest shared KBLI level: 5/4/3/2 digits → 1/0.75/0.5/0.25 (weight 0.30)' }) sector: number;
  @ApiProperty({ description: 'Same village/district/regency/province as the site → 1/0.8/0.6/0.3 (weight 0.20)' }) location: number;
  @ApiProperty({ description: 'Capacity in the required unit and period ÷ required quantity, capped at 1; 1 when nothing is required (weight 0.15)' }) capacity: number;
  @ApiProperty({ description: 'Share of the preferred certificates held and valid today; 1 when none is preferred (weight 0.10)' }) certifications: number;
  @ApiProperty({ description: 'Share of the firm’s diagnosed needs the support answers; 0.5 when none (weight 0.15)' }) needs: number;
  @ApiProperty({ description: 'Agreements completed vs terminated, confirmed coaching; 0.5 for newcomers (weight 0.10)' }) trackRecord: number;
}

export class MatchedEnterpriseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '33.20.01.2001' }) regionCode: string;
  @ApiProperty({ enum: ['MIKRO', 'KECIL'] }) scale: string;
  @ApiProperty({ type: [String], example: ['10794'] }) kbliCodes: string[];
}

export class MatchItemView {
  @ApiProperty({ type: MatchedEnterpriseView }) enterprise: MatchedEnterpriseView;
  @ApiProperty({ description: '0–100, two decimals: 100 × Σ weight × part' }) score: number;
  @ApiProperty({ type: ScoreBreakdownView }) breakdown: ScoreBreakdownView;
  @ApiProperty({ type: [String], description: 'Short sentences, Indonesian or English by Accept-Language' }) reasons: string[];
}

export class RecommendedOpportunityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['INTI_PLASMA', 'SUBCONTRACT'] }) pattern: 'INTI_PLASMA' | 'SUBCONTRACT';
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() partnerName: string;
  @ApiProperty({ type: [String] }) kbliCodes: string[];
  @ApiProperty({ description: 'The site (the partner’s region when the opportunity names none)' }) siteRegionCode: string;
  @ApiProperty() slots: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt: Date | null;
}

export class RecommendationItemView {
  @ApiProperty({ type: RecommendedOpportunityView }) opportunity: RecommendedOpportunityView;
  @ApiProperty({ description: '0–100, two decimals: 100 × Σ weight × part' }) score: number;
  @ApiProperty({ type: ScoreBreakdownView }) breakdown: ScoreBreakdownView;
  @ApiProperty({ type: [String], description: 'Short sentences, Indonesian or English by Accept-Language' }) reasons: string[];
}
