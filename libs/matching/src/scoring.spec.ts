import {
  answeredNeeds,
  capacityPart,
  certificationsPart,
  locationLevel,
  locationPart,
  MATCH_WEIGHTS,
  needsPart,
  PARTS,
  sectorPart,
  sharedDigits,
  totalScore,
  trackRecordPart,
} from './scoring.js';
import { explain, localeFrom } from './reasons.js';

describe('match score parts', () => {
  it('weights sum to 1 and cover every part', () => {
    expect(PARTS.sort()).toEqual(['capacity', 'certifications', 'location', 'needs', 'sector', 'trackRecord']);
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('sector: deepest shared KBLI level', () => {
    expect(sharedDigits(['10794'], ['10794'])).toBe(5);
    expect(sectorPart(['10794'], ['10794'])).toBe(1);
    expect(sectorPart(['10793'], ['10794'])).toBe(0.75);
    expect(sectorPart(['10710'], ['10794'])).toBe(0.5);
    expect(sectorPart(['10110'], ['10794'])).toBe(0.25);
    expect(sectorPart(['31001'], ['10794'])).toBe(0);
    expect(sectorPart(['31001', '10799'], ['10', '10794'])).toBe(0.75);
    expect(sectorPart(['10110'], ['10'])).toBe(0.25);
  });

  it('location: village > district > regency > province', () => {
    expect(locationLevel('33.20.01.2001', '33.20.01.2001')).toBe('village');
    expect(locationPart('33.20.01.2001', '33.20.01.2001')).toBe(1);
    expect(locationPart('33.20.01.2002', '33.20.01.2001')).toBe(0.8);
    expect(locationPart('33.20.02', '33.20.01')).toBe(0.6);
    expect(locationPart('33.20.01', '33.20')).toBe(0.6);
    expect(locationPart('33.21', '33.20')).toBe(0.3);
    expect(locationPart('35.07', '33.20')).toBe(0);
  });

  it('capacity: normalised to the required period, capped at 1, unit must match', () => {
    const req = { quantity: 1000, unit: 'kg', period: 'MONTH' as const };
    expect(capacityPart([{ quantity: 250, unit: 'kg', period: 'WEEK' }], req)).toBeCloseTo(1, 10); // 250×52/12 = 1083
    expect(capacityPart([{ quantity: 6000, unit: 'KG', period: 'YEAR' }], req)).toBeCloseTo(0.5, 10);
    expect(capacityPart([{ quantity: 6000, unit: 'pcs', period: 'YEAR' }], req)).toBe(0);
    expect(capacityPart([], req)).toBe(0);
    expect(capacityPart([], null)).toBe(1);
  });

  it('certifications: share of preferred held and valid on the day', () => {
    const certs = [{ type: 'HALAL', validUntil: '2027-03-01' }, { type: 'SNI', validUntil: '2020-01-01' }, { type: 'PIRT', validUntil: null }];
    expect(certificationsPart(certs, ['HALAL', 'SNI'], '2026-11-29')).toBe(0.5);
    expect(certificationsPart(certs, ['HALAL', 'PIRT'], '2026-11-29')).toBe(1);
    expect(certificationsPart(certs, ['HALAL'], '2027-03-02')).toBe(0);
    expect(certificationsPart(certs, ['HALAL'], '2027-03-01')).toBe(1);
    expect(certificationsPart([], [], '2026-11-29')).toBe(1);
  });

  it('needs: the mapping of issue 3, neutral when none diagnosed', () => {
    expect(answeredNeeds('SUBCONTRACT', ['FINANCING'])).toEqual(['CAPITAL', 'PARTNERSHIP']);
    expect(answeredNeeds('INTI_PLASMA', ['LAND'])).toEqual(['INFRASTRUCTURE', 'MARKETING', 'PARTNERSHIP']);
    expect(answeredNeeds('SUBCONTRACT', ['TECHNICAL_GUIDANCE'])).toEqual(['MANAGEMENT', 'PARTNERSHIP', 'TECHNOLOGY']);
    expect(answeredNeeds('SUBCONTRACT', ['PRODUCTION_INPUTS', 'RAW_MATERIAL_SUPPLY'])).toEqual(['INFRASTRUCTURE', 'PARTNERSHIP', 'RAW_MATERIALS']);
    expect(answeredNeeds('SUBCONTRACT', ['PRODUCTION_WORK'])).toEqual(['MARKETING', 'PARTNERSHIP']);
    expect(needsPart(['CAPITAL', 'BUREAUCRACY'], 'SUBCONTRACT', ['FINANCING'])).toBe(0.5);
    expect(needsPart(['CAPITAL', 'MARKETING'], 'SUBCONTRACT', ['FINANCING', 'PRODUCTION_WORK'])).toBe(1);
    expect(needsPart([], 'SUBCONTRACT', ['FINANCING'])).toBe(0.5);
  });

  it('track record: neutral for newcomers, up with completions, down with terminations', () => {
    expect(trackRecordPart(0, 0, 0)).toBe(0.5);
    expect(trackRecordPart(3, 0, 0)).toBeCloseTo(0.8, 10);
    expect(trackRecordPart(0, 2, 0)).toBeCloseTo(0.25, 10);
    expect(trackRecordPart(0, 0, 50)).toBeCloseTo(0.6, 10);
    expect(trackRecordPart(100, 0, 100)).toBe(1);
  });

  it('total: weighted sum, 0–100 with two decimals', () => {
    expect(totalScore({ sector: 1, location: 1, capacity: 1, certifications: 1, needs: 1, trackRecord: 1 })).toBe(100);
    expect(totalScore({ sector: 0, location: 0, capacity: 0, certifications: 0, needs: 0, trackRecord: 0 })).toBe(0);
    expect(totalScore({ sector: 0.75, location: 0.6, capacity: 0.5, certifications: 1, needs: 0.5, trackRecord: 0.5 })).toBe(64.5);
  });
});

describe('reasons', () => {
  const input = {
    firm: {
      kbliCodes: ['10794'], regionCode: '33.20.01', capacities: [{ quantity: 500, unit: 'kg', period: 'MONTH' as const }],
      certifications: [{ type: 'HALAL', validUntil: '2027-03-01' }], needs: ['CAPITAL'], agreementsCompleted: 0, agreementsTerminated: 0, sessionsConfirmed: 0,
    },
    opportunity: {
      kbliCodes: ['10794'], siteRegionCode: '33.20', required: { quantity: 1000, unit: 'kg', period: 'MONTH' as const },
      preferred: ['HALAL'], pattern: 'SUBCONTRACT' as const, support: ['FINANCING'],
    },
    breakdown: { sector: 1, location: 0.6, capacity: 0.5, certifications: 1, needs: 1, trackRecord: 0.5 },
    today: '2026-11-29',
    kbliTitles: new Map([['10794', 'Industri Kerupuk, Keripik, Peyek Dan Sejenisnya']]),
    regionNames: new Map([['33.20', 'Kabupaten Jepara']]),
  };

  it('speaks English when asked', () => {
    const r = explain(input, 'en');
    expect(r).toContain('Same regency as the opportunity (Kabupaten Jepara)');
    expect(r).toContain('Holds the preferred HALAL certificate, valid until 2027-03-01');
    expect(r).toContain('Capacity 500 kg per month covers 50% of the 1,000 kg required');
    expect(r).toContain('Same KBLI sub-class 10794 (Industri Kerupuk, Keripik, Peyek Dan Sejenisnya)');
  });

  it('speaks Indonesian by default', () => {
    const r = explain(input, 'id');
    expect(r).toContain('Satu kabupaten/kota dengan lokasi peluang (Kabupaten Jepara)');
    expect(r).toContain('Kapasitas 500 kg per bulan memenuhi 50% dari kebutuhan 1.000 kg');
  });

  it('reads Accept-Language', () => {
    expect(localeFrom(undefined)).toBe('id');
    expect(localeFrom('en-US,en;q=0.9')).toBe('en');
    expect(localeFrom('id-ID,id;q=0.9,en;q=0.8')).toBe('id');
    expect(localeFrom('fr, en;q=0.5')).toBe('en');
    expect(localeFrom('en;q=0.4, id;q=0.8')).toBe('id');
  });
});
