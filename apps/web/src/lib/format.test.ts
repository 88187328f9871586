import { describe, expect, it } from 'vitest';
import { addMonthsToDate, dayAfterKey, monthGrid } from '../features/obligations/calendar';
import { formatDate, formatDateTime, formatRupiah, fromLocalInput, parseDigits, todayIn, toLocalInput } from './format';
import { zoneLabel, zoneOfProvince } from './zones';

describe('rupiah', () => {
  it('writes integer rupiah the Indonesian way, without a space', () => {
    expect(formatRupiah(1250000)).toBe('Rp1.250.000');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(5_000_000_000)).toBe('Rp5.000.000.000');
    expect(formatRupiah('36000000')).toBe('Rp36.000.000');
  });
  it('shows a dash for nothing', () => {
    expect(formatRupiah(null)).toBe('—');
    expect(formatRupiah(undefined)).toBe('—');
  });
  it('reads digits typed with dots', () => {
    expect(parseDigits('Rp1.250.000')).toBe(1250000);
    expect(parseDigits('')).toBeNull();
  });
});

describe('dates', () => {
  it('writes calendar dates in Indonesian, never shifted by a zone', () => {
    expect(formatDate('2026-03-02', 'id')).toBe('2 Maret 2026');
    expect(formatDate('2026-12-31', 'id', 'Asia/Jayapura')).toBe('31 Desember 2026');
    expect(formatDate('2026-03-02', 'en')).toBe('2 March 2026');
  });
  it('shows an instant as the day in the given zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Jakarta.
    expect(formatDate('2026-03-01T23:30:00Z', 'id', 'Asia/Jakarta')).toBe('2 Maret 2026');
    expect(formatDate('2026-03-01T16:30:00Z', 'id', 'Asia/Jakarta')).toBe('1 Maret 2026');
  });
});

describe('times in WIB, WITA, WIT', () => {
  const instant = '2026-03-02T02:00:00Z';
  it('names the zone the Indonesian way', () => {
    expect(formatDateTime(instant, 'id', 'Asia/Jakarta')).toMatch(/^2 Maret 2026.*09\.00 WIB$/);
    expect(formatDateTime(instant, 'id', 'Asia/Makassar')).toMatch(/^2 Maret 2026.*10\.00 WITA$/);
    expect(formatDateTime(instant, 'id', 'Asia/Jayapura')).toMatch(/^2 Maret 2026.*11\.00 WIT$/);
    expect(formatDateTime(instant, 'en', 'Asia/Makassar')).toMatch(/2 March 2026.*10:00 WITA$/);
  });
  it('maps provinces to their zone', () => {
    expect(zoneLabel(zoneOfProvince('33'))).toBe('WIB');
    expect(zoneLabel(zoneOfProvince('51'))).toBe('WITA');
    expect(zoneLabel(zoneOfProvince('73'))).toBe('WITA');
    expect(zoneLabel(zoneOfProvince('94'))).toBe('WIT');
    expect(zoneLabel(zoneOfProvince(undefined))).toBe('WIB');
  });
  it('reads a datetime-local value as wall time in the zone, and back', () => {
    expect(fromLocalInput('2026-03-02T09:00', 'Asia/Jakarta')).toBe('2026-03-02T09:00:00+07:00');
    expect(fromLocalInput('2026-03-02T09:00', 'Asia/Jayapura')).toBe('2026-03-02T09:00:00+09:00');
    expect(toLocalInput('2026-03-02T09:00:00+07:00', 'Asia/Makassar')).toBe('2026-03-02T10:00');
    expect(fromLocalInput('', 'Asia/Jakarta')).toBe('');
  });
  it("knows today's date in each zone", () => {
    const now = new Date('2026-03-01T16:30:00Z'); // 23:30 WIB, 00:30 WITA
    expect(todayIn('Asia/Jakarta', now)).toBe('2026-03-01');
    expect(todayIn('Asia/Makassar', now)).toBe('2026-03-02');
  });
});

describe('month calendar', () => {
  it('covers the month in whole weeks starting on Monday', () => {
    const weeks = monthGrid('2026-03'); // 1 March 2026 is a Sunday
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]![0]!.date).toBe('2026-02-23');
    expect(weeks[0]![6]).toEqual({ date: '2026-03-01', inMonth: true });
    expect(weeks.at(-1)!.at(-1)!.date).toBe('2026-04-05');
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
  });

  it('moves the focused day by key as the grid pattern says, across months and leap days', () => {
    // 2026-03-04 is a Wednesday
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].map((k) => dayAfterKey('2026-03-04', k))).toEqual([
      '2026-03-03', '2026-03-05', '2026-02-25', '2026-03-11', '2026-03-02', '2026-03-08', '2026-02-04', '2026-04-04',
    ]);
    expect(dayAfterKey('2026-12-31', 'ArrowRight')).toBe('2027-01-01');
    expect(dayAfterKey('2026-03-01', 'Home')).toBe('2026-02-23'); // a Sunday: its week began in February
    expect(dayAfterKey('2026-03-04', 'Enter')).toBeNull();
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
  });
});
