import { intlLocale, type Lang } from '../../lib/format';

/** A rate 0–1 as a percentage in the UI language (`81,3%` / `81.3%`); '—' when there is none. */
export function formatPercent(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A `YYYY-MM` month as "Apr 2026" / "Apr 2026" (month names in the UI language). */
export function formatMonth(month: string, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(intlLocale(lang), { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** Title case for the upper-case names of the reference data (JAWA TENGAH → Jawa Tengah). */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
