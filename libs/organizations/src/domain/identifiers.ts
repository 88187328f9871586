/**
 * Indonesian business identifiers and reference-code formats.
 * Pure logic: no database, no Nest. See docs/domain.md "Reference data".
 */

// ---------------------------------------------------------------- NIB

/** Strip whitespace: `"1234 5678 90123"` → `"1234567890123"`. */
export function normalizeNib(input: string): string {
  return input.replace(/\s+/g, '');
}

/** NIB (Nomor Induk Berusaha): exactly 13 digits once whitespace is removed. */
export function isValidNib(input: string): boolean {
  return typeof input === 'string' && /^\d{13}$/.test(normalizeNib(input));
}

// ---------------------------------------------------------------- NPWP

export type NpwpForm = 'legacy15' | 'prefixed16' | 'nik16';

export type NpwpValidation =
  | { valid: true; digits: string; form: NpwpForm }
  | { valid: false; reason: string };

/** Strip dots, dashes and whitespace: `01.312.166.0-091.000` → `013121660091000`. */
export function normalizeNpwp(input: string): string {
  return input.replace(/[.\s\-\u2010-\u2015]/g, '');
}

/**
 * Luhn check digit over a string of digits (the digit that, appended, makes the
 * whole string pass Luhn). The legacy NPWP's 9th digit is this over digits 1–8.
 */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new RangeError('luhnCheckDigit expects digits only');
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Reason the 15 digits are not a legacy NPWP, or null when they are. */
function legacyNpwpProblem(digits15: string): string | null {
  const expected = luhnCheckDigit(digits15.slice(0, 8));
  const actual = Number(digits15[8]);
  return actual === expected
    ? null
    : `check digit (9th digit of the 15-digit number) is ${actual} but digits 1–8 require ${expected}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reason the 16 digits are not a plausible NIK, or null when they are. */
export function nikProblem(nik: string): string | null {
  if (!/^\d{16}$/.test(nik)) return 'NIK must be exactly 16 digits';
  const province = Number(nik.slice(0, 2));
  if (province < 11) {
    return `NIK region code starts with province ${nik.slice(0, 2)}, which is not a province code (11–99)`;
  }
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const day = rawDay > 40 ? rawDay - 40 : rawDay; // women: day + 40
  if (day < 1 || day > 31) {
    return `NIK birth day ${nik.slice(6, 8)} is not 01–31 (or 41–71 for women)`;
  }
  if (month < 1 || month > 12) return `NIK birth month ${nik.slice(8, 10)} is not 01–12`;
  // YY may be 19YY or 20YY: accept the date if it exists in either century.
  const maxDay = Math.max(daysInMonth(1900 + yy, month), daysInMonth(2000 + yy, month));
  if (day > maxDay) {
    return `NIK birth date ${String(day).padStart(2, '0')}-${nik.slice(8, 10)}-${nik.slice(10, 12)} does not exist`;
  }
  if (nik.slice(12) === '0000') return 'NIK serial number (last 4 digits) must not be 0000';
  return null;
}

/**
 * Validate an NPWP as typed (dots, dashes and spaces allowed). Forms:
 * - `legacy15`: 15 digits, 9th is the Luhn check digit over the first 8;
 * - `prefixed16`: `0` + a valid legacy15 number;
 * - `nik16`: an individual's NIK (never starts with 0, provinces are 11–99).
 */
export function validateNpwp(input: string): NpwpValidation {
  if (typeof input !== 'string') return { valid: false, reason: 'NPWP must be a string' };
  const digits = normalizeNpwp(input);
  if (digits.length === 0) return { valid: false, reason: 'NPWP is empty' };
  if (!/^\d+$/.test(digits)) {
    return { valid: false, reason: 'NPWP may contain only digits, dots, dashes and spaces' };
  }
  if (digits.length === 15) {
    const problem = legacyNpwpProblem(digits);
    return problem ? { valid: false, reason: `NPWP ${problem}` } : { valid: true, digits, form: 'legacy15' };
  }
  if (digits.length === 16) {
    if (digits.startsWith('0')) {
      const problem = legacyNpwpProblem(digits.slice(1));
      return problem
        ? { valid: false, reason: `16-digit NPWP starting with 0 must be 0 + a valid 15-digit NPWP: ${problem}` }
        : { valid: true, digits, form: 'prefixed16' };
    }
    const problem = nikProblem(digits);
    return problem
      ? { valid: false, reason: `16-digit NPWP not starting with 0 must be a valid NIK: ${problem}` }
      : { valid: true, digits, form: 'nik16' };
  }
  return { valid: false, reason: `NPWP must have 15 or 16 digits, got ${digits.length}` };
}

// ---------------------------------------------------------------- KBLI

export type KbliSection =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K'
  | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U';

/** KBLI 2020 code: division (2) … sub-class (5 digits). Format only. */
export function isKbliCodeFormat(code: string): boolean {
  return typeof code === 'string' && /^\d{2,5}$/.test(code);
}

/** The 2-digit division of a KBLI code (`10792` → `10`), or null if not a KBLI code. */
export function kbliDivision(code: string): string | null {
  return isKbliCodeFormat(code) ? code.slice(0, 2) : null;
}

/** KBLI 2020 sections as inclusive division ranges. */
export const KBLI_SECTIONS: readonly { section: KbliSection; from: number; to: number }[] = [
  { section: 'A', from: 1, to: 3 },
  { section: 'B', from: 5, to: 9 },
  { section: 'C', from: 10, to: 33 },
  { section: 'D', from: 35, to: 35 },
  { section: 'E', from: 36, to: 39 },
  { section: 'F', from: 41, to: 43 },
  { section: 'G', from: 45, to: 47 },
  { section: 'H', from: 49, to: 53 },
  { section: 'I', from: 55, to: 56 },
  { section: 'J', from: 58, to: 63 },
  { section: 'K', from: 64, to: 66 },
  { section: 'L', from: 68, to: 68 },
  { section: 'M', from: 69, to: 75 },
  { section: 'N', from: 77, to: 82 },
  { section: 'O', from: 84, to: 84 },
  { section: 'P', from: 85, to: 85 },
  { section: 'Q', from: 86, to: 88 },
  { section: 'R', from: 90, to: 93 },
  { section: 'S', from: 94, to: 96 },
  { section: 'T', from: 97, to: 98 },
  { section: 'U', from: 99, to: 99 },
];

/**
 * Section letter (A–U) of a division (`"10"` → `"C"`); null for divisions no
 * section covers (e.g. `04`, `34`). A longer KBLI code is accepted and read by
 * its division (`"10792"` → `"C"`).
 */
export function kbliSection(division: string): KbliSection | null {
  const div = kbliDivision(division);
  if (div === null) return null;
  const n = Number(div);
  return KBLI_SECTIONS.find((r) => n >= r.from && n <= r.to)?.section ?? null;
}

// ---------------------------------------------------------------- Regions

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

const REGION_PATTERNS: readonly [RegionLevel, RegExp][] = [
  ['province', /^\d{2}$/],
  ['regency', /^\d{2}\.\d{2}$/],
  ['district', /^\d{2}\.\d{2}\.\d{2}$/],
  ['village', /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/],
];

/** Level of a Kemendagri region code by its format, or null if it has none. */
export function regionLevel(code: string): RegionLevel | null {
  if (typeof code !== 'string') return null;
  return REGION_PATTERNS.find(([, re]) => re.test(code))?.[0] ?? null;
}

/** Province code (`NN`) of any well-formed region code, else null. */
export function provinceOf(code: string): string | null {
  return regionLevel(code) === null ? null : code.slice(0, 2);
}
