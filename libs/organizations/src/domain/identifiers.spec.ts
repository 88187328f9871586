import {
  isKbliCodeFormat,
  isValidNib,
  kbliDivision,
  kbliSection,
  luhnCheckDigit,
  normalizeNib,
  normalizeNpwp,
  provinceOf,
  regionLevel,
  validateNpwp,
} from './identifiers.js';

describe('NIB', () => {
  it('normalizes by stripping whitespace', () => {
    expect(normalizeNib(' 1234 5678\t90123 ')).toBe('1234567890123');
  });

  it.each<[string, boolean]>([
    ['1234567890123', true],
    ['1234 5678 90123', true],
    ['123456789012', false],
    ['12345678901234', false],
    ['12345678901a3', false],
    ['1234-567890123', false],
    ['', false],
  ])('%p valid=%s', (input, valid) => {
    expect(isValidNib(input)).toBe(valid);
  });
});

describe('NPWP', () => {
  const LEGACY = ['013121660091000', '016090524017000'];

  it('normalizes punctuation away', () => {
    expect(normalizeNpwp('01.312.166.0-091.000')).toBe('013121660091000');
    expect(normalizeNpwp(' 01 609 052 4 - 017 000 ')).toBe('016090524017000');
  });

  it('Luhn check digit matches the two known numbers', () => {
    expect(luhnCheckDigit('01312166')).toBe(0);
    expect(luhnCheckDigit('01609052')).toBe(4);
  });

  it.each<[string, string]>([
    ['01.312.166.0-091.000', '013121660091000'],
    ['016090524017000', '016090524017000'],
    ['01 609 052 4 017 000', '016090524017000'],
  ])('legacy 15-digit %p is valid', (input, digits) => {
    expect(validateNpwp(input)).toEqual({ valid: true, digits, form: 'legacy15' });
  });

  // Every other digit in each of the first nine places (the 8 covered digits and
  // the check digit itself) must break the check.
  const mutants = LEGACY.flatMap((npwp) =>
    Array.from({ length: 9 }, (_, pos) =>
      Array.from({ length: 10 }, (_, d) => String(d))
        .filter((d) => d !== npwp[pos])
        .map((d): [string, number] => [npwp.slice(0, pos) + d + npwp.slice(pos + 1), pos + 1]),
    ).flat(),
  );
  it.each(mutants)('single-digit change %s (digit %d) is invalid', (npwp) => {
    const result = validateNpwp(npwp);
    expect(result.valid).toBe(false);
    expect(result).toMatchObject({ reason: expect.stringContaining('check digit') });
    expect(validateNpwp(`0${npwp}`).valid).toBe(false);
  });

  it('does not check digits 10–15 (the tax office and branch code)', () => {
    expect(validateNpwp('013121660091001').valid).toBe(true);
  });

  it('reports the expected check digit', () => {
    expect(validateNpwp('013121661091000')).toEqual({
      valid: false,
      reason: 'NPWP check digit (9th digit of the 15-digit number) is 1 but digits 1–8 require 0',
    });
  });

  it.each(['0013121660091000', '0.01.312.166.0-091.000', '0016090524017000'])(
    '16-digit 0 + legacy %p is valid',
    (input) => {
      expect(validateNpwp(input)).toMatchObject({ valid: true, form: 'prefixed16' });
    },
  );

  it('rejects 0 + a legacy number with a wrong check digit', () => {
    expect(validateNpwp('0013121661091000')).toMatchObject({
      valid: false,
      reason: expect.stringContaining('0 + a valid 15-digit NPWP'),
    });
  });

  it.each<[string, RegExp]>([
    ['', /empty/],
    ['  ..- ', /empty/],
    ['O1.312.166.0-091.000', /only digits/],
    ['01/312/166/0/091/000', /only digits/],
    ['01312166009100', /15 or 16 digits, got 14/],
    ['01312166009100012', /15 or 16 digits, got 17/],
  ])('rejects %p', (input, reason) => {
    const result = validateNpwp(input);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.reason).toMatch(reason);
  });
});

describe('NPWP as NIK (16 digits)', () => {
  // 32.73.01 (Kota Bandung), born 15-08-(19)90, serial 0001
  it.each<[string, string]>([
    ['3273011508900001', 'man born 15 Aug'],
    ['3273015508900001', 'woman born 15 Aug (day + 40)'],
    ['3273010101000001', 'day 01'],
    ['3273014101000001', 'woman, day 41'],
    ['3273013101000001', 'day 31 in January'],
    ['3273017101000001', 'woman, day 71 in January'],
    ['3273013004900001', '30 April'],
    ['3273012902000001', '29 Feb 00 (2000 is leap)'],
    ['3273012902960001', '29 Feb 96 (1996)'],
    ['3273016902040001', 'woman, 29 Feb 04'],
    ['1101011508909999', 'province 11'],
    ['9999991508900001', 'province 99'],
    ['3273 0115 0890 0001', 'with spaces'],
  ])('%s is valid (%s)', (nik) => {
    expect(validateNpwp(nik)).toEqual({ valid: true, digits: nik.replace(/\s/g, ''), form: 'nik16' });
  });

  it.each<[string, RegExp]>([
    ['1001011508900001', /province/],
    ['0901011508900001', /0 \+ a valid 15-digit/], // leading 0 means the prefixed form
    ['3273010008900001', /birth day 00/],
    ['3273013208900001', /birth day 32/],
    ['3273014008900001', /birth day 40/],
    ['3273017208900001', /birth day 72/],
    ['3273011500900001', /birth month 00/],
    ['3273011513900001', /birth month 13/],
    ['3273013104900001', /31-04-90 does not exist/],
    ['3273017104900001', /31-04-90 does not exist/],
    ['3273013002900001', /30-02-90 does not exist/],
    ['3273012902010001', /29-02-01 does not exist/],
    ['3273016902900001', /29-02-90 does not exist/],
    ['3273011508900000', /serial/],
  ])('%s is invalid', (nik, reason) => {
    const result = validateNpwp(nik);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.reason).toMatch(reason);
  });
});

describe('KBLI', () => {
  it.each<[string, boolean]>([
    ['10', true],
    ['107', true],
    ['1079', true],
    ['10792', true],
    ['1', false],
    ['107921', false],
    ['10a', false],
    [' 10', false],
    ['10.79', false],
    ['', false],
  ])('%p format=%s', (code, ok) => {
    expect(isKbliCodeFormat(code)).toBe(ok);
  });

  it('takes the division from the first two digits', () => {
    expect(kbliDivision('10792')).toBe('10');
    expect(kbliDivision('01')).toBe('01');
    expect(kbliDivision('x')).toBeNull();
  });

  it.each<[string, string | null]>([
    ['00', null], ['01', 'A'], ['03', 'A'], ['04', null],
    ['05', 'B'], ['09', 'B'], ['10', 'C'], ['33', 'C'], ['34', null],
    ['35', 'D'], ['36', 'E'], ['39', 'E'], ['40', null],
    ['41', 'F'], ['43', 'F'], ['44', null], ['45', 'G'], ['47', 'G'], ['48', null],
    ['49', 'H'], ['53', 'H'], ['54', null], ['55', 'I'], ['56', 'I'], ['57', null],
    ['58', 'J'], ['63', 'J'], ['64', 'K'], ['66', 'K'], ['67', null], ['68', 'L'],
    ['69', 'M'], ['75', 'M'], ['76', null], ['77', 'N'], ['82', 'N'], ['83', null],
    ['84', 'O'], ['85', 'P'], ['86', 'Q'], ['88', 'Q'], ['89', null],
    ['90', 'R'], ['93', 'R'], ['94', 'S'], ['96', 'S'], ['97', 'T'], ['98', 'T'], ['99', 'U'],
  ])('division %s → section %p', (division, section) => {
    expect(kbliSection(division)).toBe(section);
  });

  it('reads a longer code by its division and rejects non-codes', () => {
    expect(kbliSection('10792')).toBe('C');
    expect(kbliSection('4')).toBeNull();
    expect(kbliSection('ab')).toBeNull();
  });
});

describe('region codes', () => {
  it.each<[string, string | null, string | null]>([
    ['32', 'province', '32'],
    ['32.73', 'regency', '32'],
    ['32.73.01', 'district', '32'],
    ['11.01.01.2001', 'village', '11'],
    ['3', null, null],
    ['3273', null, null],
    ['32.7', null, null],
    ['32.73.1', null, null],
    ['32.73.01.200', null, null],
    ['32.73.01.20011', null, null],
    ['32.73.01.20', null, null],
    ['32-73', null, null],
    [' 32.73', null, null],
    ['32.73.', null, null],
    ['', null, null],
  ])('%p → %p (province %p)', (code, level, province) => {
    expect(regionLevel(code)).toBe(level);
    expect(provinceOf(code)).toBe(province);
  });
});
