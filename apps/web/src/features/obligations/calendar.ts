/** Month grid arithmetic on calendar dates (`YYYY-MM-DD`), independent of any time zone. */

export interface Day {
  date: string;
  inMonth: boolean;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** First and last day of a month `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: iso(new Date(Date.UTC(y, m, 0))) };
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return iso(new Date(Date.UTC(y, m - 1 + n, 1))).slice(0, 7);
}

/** Whole weeks (Monday first) covering the month. */
export function monthGrid(month: string): Day[][] {
  const { from, to } = monthRange(month);
  const first = new Date(`${from}T00:00:00Z`);
  const last = new Date(`${to}T00:00:00Z`);
  const cur = new Date(first);
  cur.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  const end = new Date(last);
  end.setUTCDate(last.getUTCDate() + ((7 - last.getUTCDay()) % 7));
  const weeks: Day[][] = [];
  while (cur <= end) {
    if (!weeks.length || weeks[weeks.length - 1]!.length === 7) weeks.push([]);
    const date = iso(cur);
    weeks[weeks.length - 1]!.push({ date, inMonth: date.slice(0, 7) === month });
    cur.setUTCDate(cur.getUTCDate() + 1);
  }
  return weeks;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** The same day of the month `n` months on, clamped to that month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsToDate(date: string, n: number): string {
  const month = addMonths(date.slice(0, 7), n);
  const { to } = monthRange(month);
  const day = Math.min(Number(date.slice(8)), Number(to.slice(8)));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * Where a key moves the focused day in a month grid (WAI-ARIA grid pattern): arrows by a day or a
 * week, Home/End to the week's Monday/Sunday, PageUp/PageDown by a month. Null for other keys.
 */
export function dayAfterKey(date: string, key: string): string | null {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -weekday);
    case 'End':
      return addDays(date, 6 - weekday);
    case 'PageUp':
      return addMonthsToDate(date, -1);
    case 'PageDown':
      return addMonthsToDate(date, 1);
    default:
      return null;
  }
}
