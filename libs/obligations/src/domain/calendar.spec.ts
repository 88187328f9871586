import { addDays, calendarPeriodEnd, dateIn, daysBetween, daysInMonth, isIsoDate, periodLabel, reportingPeriods } from './calendar.js';

describe('calendar dates', () => {
  it('knows month ends and leap years', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-01')).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-03-31', 10)).toBe('2026-04-10');
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01');
    expect(addDays('2027-02-20', 10)).toBe('2027-03-02');
    expect(addDays('2026-12-31', 10)).toBe('2027-01-10');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-03-10', '2026-03-03')).toBe(-7);
  });

  it('finds the end of the calendar quarter, semester and year', () => {
    expect(calendarPeriodEnd('2026-01-15', 'QUARTERLY')).toBe('2026-03-31');
    expect(calendarPeriodEnd('2026-05-01', 'QUARTERLY')).toBe('2026-06-30');
    expect(calendarPeriodEnd('2026-12-31', 'QUARTERLY')).toBe('2026-12-31');
    expect(calendarPeriodEnd('2026-02-01', 'SEMESTER')).toBe('2026-06-30');
    expect(calendarPeriodEnd('2026-07-01', 'SEMESTER')).toBe('2026-12-31');
    expect(calendarPeriodEnd('2026-07-01', 'YEARLY')).toBe('2026-12-31');
    expect(periodLabel('2026-09-30', 'QUARTERLY')).toBe('Triwulan III 2026');
    expect(periodLabel('2026-12-31', 'SEMESTER')).toBe('Semester II 2026');
    expect(periodLabel('2026-05-20', 'YEARLY')).toBe('Tahun 2026');
  });

  it('cuts quarterly periods at calendar quarters, the first from the start date, the last at the end date; due 10 days after', () => {
    expect(reportingPeriods('2026-01-15', '2026-12-31', 'QUARTERLY')).toEqual([
      { start: '2026-01-15', end: '2026-03-31', due: '2026-04-10', label: 'Triwulan I 2026' },
      { start: '2026-04-01', end: '2026-06-30', due: '2026-07-10', label: 'Triwulan II 2026' },
      { start: '2026-07-01', end: '2026-09-30', due: '2026-10-10', label: 'Triwulan III 2026' },
      { start: '2026-10-01', end: '2026-12-31', due: '2027-01-10', label: 'Triwulan IV 2026' },
    ]);
    expect(reportingPeriods('2026-03-31', '2026-05-20', 'QUARTERLY')).toEqual([
      { start: '2026-03-31', end: '2026-03-31', due: '2026-04-10', label: 'Triwulan I 2026' },
      { start: '2026-04-01', end: '2026-05-20', due: '2026-05-30', label: 'Triwulan II 2026' },
    ]);
  });

  it('semester and yearly periods', () => {
    expect(reportingPeriods('2026-02-10', '2027-08-31', 'SEMESTER').map((p) => [p.start, p.end, p.due])).toEqual([
      ['2026-02-10', '2026-06-30', '2026-07-10'],
      ['2026-07-01', '2026-12-31', '2027-01-10'],
      ['2027-01-01', '2027-06-30', '2027-07-10'],
      ['2027-07-01', '2027-08-31', '2027-09-10'],
    ]);
    expect(reportingPeriods('2026-02-10', '2028-01-31', 'YEARLY').map((p) => [p.start, p.end, p.due])).toEqual([
      ['2026-02-10', '2026-12-31', '2027-01-10'],
      ['2027-01-01', '2027-12-31', '2028-01-10'],
      ['2028-01-01', '2028-01-31', '2028-02-10'],
    ]);
  });

  it('a period ending on a leap day is due ten days later, in March', () => {
    const periods = reportingPeriods('2027-11-01', '2028-02-29', 'QUARTERLY');
    expect(periods.at(-1)).toEqual({ start: '2028-01-01', end: '2028-02-29', due: '2028-03-10', label: 'Triwulan I 2028' });
    expect(reportingPeriods('2027-11-01', '2028-02-20', 'QUARTERLY').at(-1)?.due).toBe('2028-03-01');
  });

  it('a one-day agreement has one period; an inverted one none', () => {
    expect(reportingPeriods('2026-06-30', '2026-06-30', 'YEARLY')).toHaveLength(1);
    expect(reportingPeriods('2026-07-01', '2026-06-30', 'YEARLY')).toEqual([]);
  });

  it('reads the date of an instant in each Indonesian zone', () => {
    const at = new Date('2026-03-01T16:30:00Z');
    expect(dateIn('Asia/Jakarta', at)).toBe('2026-03-01');
    expect(dateIn('Asia/Makassar', at)).toBe('2026-03-02');
    expect(dateIn('Asia/Jayapura', at)).toBe('2026-03-02');
  });
});
