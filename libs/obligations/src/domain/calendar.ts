/**
 * Calendar dates (`YYYY-MM-DD`) as plain strings: an obligation's dates are days in its
 * organisation's zone (WIB/WITA/WIT), never instants, so the arithmetic here is done in UTC where
 * no day is ever 23 or 25 hours long.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export const REPORTING_PERIODS = ['QUARTERLY', 'SEMESTER', 'YEARLY'] as const;
export type ReportingPeriodKind = (typeof REPORTING_PERIODS)[number];

/** Months per reporting period; periods are calendar-aligned (quarters Jan–Mar, …, semesters Jan–Jun, years). */
export const PERIOD_MONTHS: Record<ReportingPeriodKind, number> = { QUARTERLY: 3, SEMESTER: 6, YEARLY: 12 };

/** A progress report is due on the 10th day after its period ends (period end 31 March → due 10 April). */
export const REPORT_DUE_DAYS_AFTER_PERIOD = 10;

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(d: IsoDate): [number, number, number] {
  if (!isIsoDate(d)) throw new RangeError(`not a calendar date: ${String(d)}`);
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

const fmt = (y: number, m: number, d: number): IsoDate => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const toUtc = (d: IsoDate) => {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day);
};
const fromUtc = (ms: number): IsoDate => {
  const x = new Date(ms);
  return fmt(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
};

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** 28–31; February has 29 days in leap years (2028, 2000) and 28 otherwise (2100). */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(d) + n * DAY_MS);
}

/** `b − a` in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export const minDate = (a: IsoDate, b: IsoDate) => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);

/** The last day of the calendar quarter, semester or year that contains `d`. */
export function calendarPeriodEnd(d: IsoDate, kind: ReportingPeriodKind): IsoDate {
  const [y, m] = parts(d);
  const span = PERIOD_MONTHS[kind];
  const lastMonth = Math.ceil(m / span) * span;
  return fmt(y, lastMonth, daysInMonth(y, lastMonth));
}

/** "Triwulan I 2026", "Semester II 2026", "Tahun 2026": the calendar period a report period falls in. */
export function periodLabel(periodEnd: IsoDate, kind: ReportingPeriodKind): string {
  const [y, m] = parts(periodEnd);
  const roman = ['I', 'II', 'III', 'IV'];
  if (kind === 'QUARTERLY') return `Triwulan ${roman[Math.ceil(m / 3) - 1]} ${y}`;
  if (kind === 'SEMESTER') return `Semester ${roman[Math.ceil(m / 6) - 1]} ${y}`;
  return `Tahun ${y}`;
}

export interface ReportingPeriod {
  start: IsoDate;
  end: IsoDate;
  due: IsoDate;
  label: string;
}

/**
 * The reporting periods of an agreement running `start`..`end` (both days included), aligned to
 * calendar quarters / semesters / years — as the investment-activity report (LKPM) of medium and large
 * firms is: the first period runs from `start` to the end of its calendar period, the last is cut at
 * `end`. Each is due REPORT_DUE_DAYS_AFTER_PERIOD days after it ends.
 */
export function reportingPeriods(start: IsoDate, end: IsoDate, kind: ReportingPeriodKind): ReportingPeriod[] {
  if (end < start) return [];
  const out: ReportingPeriod[] = [];
  for (let cur = start; cur <= end; ) {
    const periodEnd = minDate(calendarPeriodEnd(cur, kind), end);
    out.push({ start: cur, end: periodEnd, due: addDays(periodEnd, REPORT_DUE_DAYS_AFTER_PERIOD), label: periodLabel(periodEnd, kind) });
    cur = addDays(periodEnd, 1);
  }
  return out;
}

/** The calendar date of instant `at` (default: now) in an IANA zone (e.g. Asia/Makassar). */
export function dateIn(timeZone: string, at: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
