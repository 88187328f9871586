import { agreementNumber, isCalendarDate, type Terms, termsErrors } from './terms.js';

const terms = (over: Partial<Terms> = {}): Terms => ({
  title: 'Subkontrak keripik',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  reportingPeriod: 'QUARTERLY',
  paymentTermDays: 30,
  commitments: [{ type: 'PRODUCTION_WORK', description: 'Order 2 ton/bulan', quantity: 2000, unit: 'kg', valueIdr: 5_000_000, dueDate: '2026-06-30', schedule: null }],
  coaching: [{ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', description: 'Keamanan pangan', sessions: [] }],
  ...over,
});

describe('agreement terms', () => {
  it('accepts valid terms', () => {
    expect(termsErrors('SUBCONTRACT', terms())).toEqual([]);
  });

  it('names each commitment type the pattern does not allow, by position (Pasal 3 vs Pasal 4)', () => {
    const t = terms({
      commitments: [
        { type: 'TECHNOLOGY', description: 'ok for both', quantity: null, unit: null, valueIdr: null, dueDate: null, schedule: null },
        { type: 'FINANCING', description: 'ok for both', quantity: null, unit: null, valueIdr: null, dueDate: null, schedule: null },
        { type: 'LAND', description: 'inti-plasma only', quantity: null, unit: null, valueIdr: null, dueDate: null, schedule: null },
      ],
    });
    const errors = termsErrors('SUBCONTRACT', t);
    expect(errors).toEqual([{ field: 'commitments.2.type', message: expect.stringContaining('LAND is not a commitment type for SUBCONTRACT (PP 44/1997 Pasal 4') }]);
    expect(termsErrors('INTI_PLASMA', t)).toEqual([]);
    expect(termsErrors('INTI_PLASMA', terms())[0]).toMatchObject({ field: 'commitments.0.type', message: expect.stringContaining('Pasal 3') });
  });

  it('the end date must follow the start date', () => {
    expect(termsErrors('SUBCONTRACT', terms({ endDate: '2026-01-01', commitments: [] }))).toEqual([{ field: 'endDate', message: expect.stringContaining('after startDate') }]);
    expect(termsErrors('SUBCONTRACT', terms({ startDate: '2027-01-01', endDate: '2026-12-31' }))).toContainEqual(expect.objectContaining({ field: 'endDate' }));
  });

  it('due dates lie within the agreement; a quantity needs a unit', () => {
    const c = terms().commitments[0];
    expect(termsErrors('SUBCONTRACT', terms({ commitments: [{ ...c, dueDate: '2027-01-01' }] }))).toEqual([
      { field: 'commitments.0.dueDate', message: expect.stringContaining('within the agreement') },
    ]);
    expect(termsErrors('SUBCONTRACT', terms({ commitments: [{ ...c, dueDate: '2026-12-31' }] }))).toEqual([]);
    expect(termsErrors('SUBCONTRACT', terms({ commitments: [{ ...c, unit: null }] }))).toEqual([{ field: 'commitments.0.unit', message: expect.any(String) }]);
  });

  it('human-resources coaching is TRAINING, APPRENTICESHIP, COMPARATIVE_STUDY or CONSULTATION; other aspects are free', () => {
    for (const activity of ['TRAINING', 'APPRENTICESHIP', 'COMPARATIVE_STUDY', 'CONSULTATION']) {
      expect(termsErrors('SUBCONTRACT', terms({ coaching: [{ aspect: 'HUMAN_RESOURCES', activity, description: '', sessions: [] }] }))).toEqual([]);
    }
    expect(termsErrors('SUBCONTRACT', terms({ coaching: [{ aspect: 'HUMAN_RESOURCES', activity: 'PROMOTION', description: '', sessions: [] }] }))).toEqual([
      { field: 'coaching.0.activity', message: expect.stringContaining('PROMOTION is not a human-resources coaching activity') },
    ]);
    expect(termsErrors('SUBCONTRACT', terms({ coaching: [{ aspect: 'MARKETING', activity: 'Pameran produk', description: '', sessions: [] }] }))).toEqual([]);
  });

  it('calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });

  it('numbers agreements KMT/<year>/<6 digits>', () => {
    expect(agreementNumber(2026, 123)).toBe('KMT/2026/000123');
    expect(agreementNumber(2026, '1')).toBe('KMT/2026/000001');
    expect(agreementNumber(2027, 1234567)).toBe('KMT/2027/1234567');
  });
});
