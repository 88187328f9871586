/**
 * How a date window is answered. Monthly cells hold whole calendar months; a window that starts or
 * ends inside a month takes those partial months from the facts (by day), and the whole months in
 * between from the cells. Both come from the same snapshot, so the sum is exact.
 */
export interface DaySpan {
  /** inclusive; null = unbounded */
  from: string | null;
  to: string | null;
}

export interface WindowPlan {
  /** Months (first days, inclusive) to read from the cells; null = none. Null bounds = unbounded. */
  cells: DaySpan | null;
  /** Day spans to read from the facts (disjoint from `cells`). */
  facts: DaySpan[];
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
function addMonths(day: string, n: number): string {
  const x = d(firstOfMonth(day));
  x.setUTCMonth(x.getUTCMonth() + n);
  return iso(x);
}
function addDays(day: string, n: number): string {
  const x = d(day);
  x.setUTCDate(x.getUTCDate() + n);
  return iso(x);
}
const lastOfMonth = (day: string) => addDays(addMonths(day, 1), -1);

/**
 * Splits [from, to] into whole months for the cells and edge days for the facts. `cellsUsable` is
 * false when a filter only the facts can apply is set (a KBLI prefix finer than a division): then
 * the whole window comes from the facts.
 */
export function planWindow(from: string | null, to: string | null, cellsUsable = true): WindowPlan {
  if (!cellsUsable) return { cells: null, facts: [{ from, to }] };
  const cellFrom = from === null ? null : from === firstOfMonth(from) ? from : addMonths(from, 1);
  const cellTo = to === null ? null : to === lastOfMonth(to) ? firstOfMonth(to) : addMonths(to, -1);
  if (cellFrom !== null && cellTo !== null && cellFrom > cellTo) return { cells: null, facts: [{ from, to }] };
  const facts: DaySpan[] = [];
  if (from !== null && cellFrom !== from) facts.push({ from, to: addDays(cellFrom!, -1) });
  if (to !== null && cellTo !== null && to !== lastOfMonth(cellTo)) facts.push({ from: addMonths(cellTo, 1), to });
  return { cells: { from: cellFrom, to: cellTo }, facts };
}

/** Every month (`YYYY-MM`) from `a` to `b` inclusive (both `YYYY-MM-DD` or `YYYY-MM`). */
export function monthsBetween(a: string, b: string): string[] {
  const out: string[] = [];
  for (let m = firstOfMonth(a.length === 7 ? `${a}-01` : a), end = firstOfMonth(b.length === 7 ? `${b}-01` : b); m <= end; m = addMonths(m, 1)) {
    out.push(m.slice(0, 7));
  }
  return out;
}
