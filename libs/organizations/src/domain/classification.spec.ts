import {
  classify,
  DEFAULT_SIZE_REGIME,
  formatRupiah,
  isPartnerScale,
  isSizeRegimeCode,
  isSmallScale,
  SCALES,
  SIZE_REGIMES,
  type Scale,
  type SizeRegimeCode,
} from './classification.js';

const JUTA = 1_000_000;
const MILIAR = 1_000_000_000;

type Measure = 'netAssetsIdr' | 'annualSalesIdr';
const one = (measure: Measure, amount: number) => ({ [measure]: amount });

describe('SCALES and helpers', () => {
  it('orders classes smallest to largest', () => {
    expect(SCALES).toEqual(['MIKRO', 'KECIL', 'MENENGAH', 'BESAR']);
  });

  it.each<[Scale, boolean, boolean]>([
    ['MIKRO', true, false],
    ['KECIL', true, false],
    ['MENENGAH', false, true],
    ['BESAR', false, true],
  ])('%s: small=%s partner=%s', (scale, small, partner) => {
    expect(isSmallScale(scale)).toBe(small);
    expect(isPartnerScale(scale)).toBe(partner);
  });

  it('defaults to pp-7-2021 and recognises regime codes', () => {
    expect(DEFAULT_SIZE_REGIME).toBe('pp-7-2021');
    expect(isSizeRegimeCode('uu-20-2008')).toBe(true);
    expect(isSizeRegimeCode('uu-1-2000')).toBe(false);
    expect(isSizeRegimeCode('toString')).toBe(false);
    expect(isSizeRegimeCode(undefined)).toBe(false);
  });
});

describe('formatRupiah', () => {
  it.each<[number, string]>([
    [0, 'Rp0'],
    [999, 'Rp999'],
    [1_000, 'Rp1.000'],
    [1_250_000, 'Rp1.250.000'],
    [15_000_000_001, 'Rp15.000.000.001'],
    [-5_000, '-Rp5.000'],
  ])('%d → %s', (n, text) => {
    expect(formatRupiah(n)).toBe(text);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects non-integer %d', (n) => {
    expect(() => formatRupiah(n)).toThrow(RangeError);
  });
});

describe('SIZE_REGIMES data', () => {
  it.each(Object.entries(SIZE_REGIMES))('%s is self-consistent', (code, regime) => {
    expect(regime.code).toBe(code);
    expect(regime.title).toBeTruthy();
    expect(regime.legalBasis).toBeTruthy();
    for (const limits of Object.values(regime.thresholds)) {
      const ordered = regime.scales.filter((s) => s !== 'BESAR').map((s) => limits[s as keyof typeof limits]);
      expect(ordered.every((n) => Number.isSafeInteger(n))).toBe(true);
      expect([...(ordered as number[])].sort((a, b) => a - b)).toEqual(ordered);
    }
  });

  it('uu-9-1995 has no MIKRO class', () => {
    expect(SIZE_REGIMES['uu-9-1995'].scales).not.toContain('MIKRO');
  });

  it('is frozen (versioned data, not mutable config)', () => {
    expect(Object.isFrozen(SIZE_REGIMES['pp-7-2021'].thresholds.annualSales)).toBe(true);
  });
});

/**
 * Every threshold of every regime, one measure at a time: the limit itself and
 * one rupiah below belong to `atOrBelow`, one rupiah above to `above`.
 * Amounts are written out here (not read from SIZE_REGIMES) so a wrong figure
 * in the data fails the test.
 */
describe.each<[SizeRegimeCode, Measure, number, Scale, Scale]>([
  // UU 9/1995
  ['uu-9-1995', 'netAssetsIdr', 200 * JUTA, 'KECIL', 'MENENGAH'],
  ['uu-9-1995', 'netAssetsIdr', 5 * MILIAR, 'MENENGAH', 'BESAR'],
  ['uu-9-1995', 'annualSalesIdr', 1 * MILIAR, 'KECIL', 'MENENGAH'],
  ['uu-9-1995', 'annualSalesIdr', 25 * MILIAR, 'MENENGAH', 'BESAR'],
  // UU 20/2008
  ['uu-20-2008', 'netAssetsIdr', 50 * JUTA, 'MIKRO', 'KECIL'],
  ['uu-20-2008', 'netAssetsIdr', 500 * JUTA, 'KECIL', 'MENENGAH'],
  ['uu-20-2008', 'netAssetsIdr', 10 * MILIAR, 'MENENGAH', 'BESAR'],
  ['uu-20-2008', 'annualSalesIdr', 300 * JUTA, 'MIKRO', 'KECIL'],
  ['uu-20-2008', 'annualSalesIdr', 2_500 * JUTA, 'KECIL', 'MENENGAH'],
  ['uu-20-2008', 'annualSalesIdr', 50 * MILIAR, 'MENENGAH', 'BESAR'],
  // PP 7/2021
  ['pp-7-2021', 'netAssetsIdr', 1 * MILIAR, 'MIKRO', 'KECIL'],
  ['pp-7-2021', 'netAssetsIdr', 5 * MILIAR, 'KECIL', 'MENENGAH'],
  ['pp-7-2021', 'netAssetsIdr', 10 * MILIAR, 'MENENGAH', 'BESAR'],
  ['pp-7-2021', 'annualSalesIdr', 2 * MILIAR, 'MIKRO', 'KECIL'],
  ['pp-7-2021', 'annualSalesIdr', 15 * MILIAR, 'KECIL', 'MENENGAH'],
  ['pp-7-2021', 'annualSalesIdr', 50 * MILIAR, 'MENENGAH', 'BESAR'],
])('%s %s limit %d', (regime, measure, limit, atOrBelow, above) => {
  const decidedBy = measure === 'netAssetsIdr' ? 'netAssets' : 'annualSales';

  it.each<[string, number, Scale]>([
    ['1 rupiah below', limit - 1, atOrBelow],
    ['at the limit', limit, atOrBelow],
    ['1 rupiah above', limit + 1, above],
  ])(`%s → %s`, (_label, amount, expected) => {
    const result = classify(regime, one(measure, amount));
    expect(result).toMatchObject({ scale: expected, regime, decidedBy });
    expect(result!.reason).toContain(formatRupiah(amount));
    expect(result!.reason).toContain(formatRupiah(limit));
    expect(result!.reason).toContain(regime);
  });
});

describe('smallest amounts', () => {
  it.each<[SizeRegimeCode, Scale]>([
    ['uu-9-1995', 'KECIL'],
    ['uu-20-2008', 'MIKRO'],
    ['pp-7-2021', 'MIKRO'],
  ])('%s: zero classes %s', (regime, scale) => {
    expect(classify(regime, { netAssetsIdr: 0, annualSalesIdr: 0 })?.scale).toBe(scale);
  });
});

describe('uu-9-1995 combination: KECIL by either measure, MENENGAH only if both within', () => {
  it.each<[number, number, Scale, string]>([
    [200 * JUTA, 100 * MILIAR, 'KECIL', 'netAssets'],
    [100 * MILIAR, 1 * MILIAR, 'KECIL', 'annualSales'],
    [200 * JUTA, 1 * MILIAR, 'KECIL', 'both'],
    [200 * JUTA + 1, 1 * MILIAR + 1, 'MENENGAH', 'both'],
    [5 * MILIAR, 25 * MILIAR, 'MENENGAH', 'both'],
    [5 * MILIAR + 1, 25 * MILIAR, 'BESAR', 'netAssets'],
    [5 * MILIAR, 25 * MILIAR + 1, 'BESAR', 'annualSales'],
    [5 * MILIAR + 1, 25 * MILIAR + 1, 'BESAR', 'both'],
  ])('assets %d, sales %d → %s by %s', (netAssetsIdr, annualSalesIdr, scale, decidedBy) => {
    expect(classify('uu-9-1995', { netAssetsIdr, annualSalesIdr })).toMatchObject({ scale, decidedBy });
  });

  it('explains that one measure suffices for KECIL', () => {
    const r = classify('uu-9-1995', { netAssetsIdr: 150 * JUTA, annualSalesIdr: 3 * MILIAR });
    expect(r?.reason).toBe(
      'net assets Rp150.000.000 are within Rp200.000.000, the KECIL limit under uu-9-1995; one measure within its KECIL limit suffices',
    );
  });

  it('classes on the stated measure alone when the other is missing', () => {
    const r = classify('uu-9-1995', { netAssetsIdr: null, annualSalesIdr: 3 * MILIAR });
    expect(r).toMatchObject({ scale: 'MENENGAH', decidedBy: 'annualSales' });
    expect(r?.reason).toContain('net assets not stated');
  });
});

describe('uu-20-2008 combination: the smaller class of the two measures', () => {
  it.each<[number, number, Scale, string]>([
    [50 * JUTA, 100 * MILIAR, 'MIKRO', 'netAssets'],
    [100 * MILIAR, 300 * JUTA, 'MIKRO', 'annualSales'],
    [100 * MILIAR, 300 * JUTA + 1, 'KECIL', 'annualSales'],
    [500 * JUTA + 1, 2_500 * JUTA + 1, 'MENENGAH', 'both'],
    [10 * MILIAR + 1, 50 * MILIAR, 'MENENGAH', 'annualSales'],
    [10 * MILIAR + 1, 50 * MILIAR + 1, 'BESAR', 'both'],
    [50 * JUTA, 300 * JUTA, 'MIKRO', 'both'],
  ])('assets %d, sales %d → %s by %s', (netAssetsIdr, annualSalesIdr, scale, decidedBy) => {
    expect(classify('uu-20-2008', { netAssetsIdr, annualSalesIdr })).toMatchObject({ scale, decidedBy });
  });

  it('names the measure that lost', () => {
    const r = classify('uu-20-2008', { netAssetsIdr: 40 * JUTA, annualSalesIdr: 60 * MILIAR });
    expect(r?.reason).toBe(
      'net assets Rp40.000.000 are within Rp50.000.000, the MIKRO limit under uu-20-2008; the smaller of the two classes applies (annual sales alone would give BESAR)',
    );
  });
});

describe('pp-7-2021 combination: annual sales when stated, else modal usaha', () => {
  it.each<[number | null | undefined, number | null | undefined, Scale, string]>([
    [20 * MILIAR, 2 * MILIAR, 'MIKRO', 'annualSales'],
    [0, 60 * MILIAR, 'BESAR', 'annualSales'],
    [20 * MILIAR, 0, 'MIKRO', 'annualSales'], // zero sales are stated sales
    [20 * MILIAR, null, 'BESAR', 'netAssets'],
    [5 * MILIAR, undefined, 'KECIL', 'netAssets'],
  ])('assets %p, sales %p → %s by %s', (netAssetsIdr, annualSalesIdr, scale, decidedBy) => {
    expect(classify('pp-7-2021', { netAssetsIdr, annualSalesIdr })).toMatchObject({ scale, decidedBy });
  });

  it('gives the documented reason sentence', () => {
    const r = classify('pp-7-2021', { annualSalesIdr: 15 * MILIAR + 1 });
    expect(r?.reason).toMatch(
      /^annual sales Rp15\.000\.000\.001 exceed Rp15\.000\.000\.000, the KECIL limit under pp-7-2021\b/,
    );
    expect(r?.reason).toContain('within Rp50.000.000.000, the MENENGAH limit');
  });

  it('calls the asset measure modal usaha', () => {
    expect(classify('pp-7-2021', { netAssetsIdr: 1 })?.reason).toContain('modal usaha');
  });
});

describe('missing and invalid input', () => {
  it.each<[SizeRegimeCode]>([['uu-9-1995'], ['uu-20-2008'], ['pp-7-2021']])('%s: null without measures', (regime) => {
    expect(classify(regime, {})).toBeNull();
    expect(classify(regime, { netAssetsIdr: null, annualSalesIdr: null })).toBeNull();
    expect(classify(regime, { netAssetsIdr: undefined })).toBeNull();
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects amount %p', (amount) => {
    expect(() => classify('pp-7-2021', { annualSalesIdr: amount })).toThrow(RangeError);
    expect(() => classify('pp-7-2021', { netAssetsIdr: amount })).toThrow(RangeError);
  });

  it('rejects an unknown regime', () => {
    expect(() => classify('uu-1-1900' as SizeRegimeCode, { annualSalesIdr: 1 })).toThrow(RangeError);
  });
});
