import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The filters every monitoring page shares (api.md, Monitoring: province, kbli, pattern, from, to),
 * kept in the URL query so a filtered dashboard can be bookmarked, shared, and carried from one
 * page to the next (the navigation links keep the query).
 */
export interface MonitoringFilter {
  province: string;
  kbli: string;
  pattern: '' | 'INTI_PLASMA' | 'SUBCONTRACT';
  from: string;
  to: string;
}

export const FILTER_KEYS = ['province', 'kbli', 'pattern', 'from', 'to'] as const;
export const EMPTY_FILTER: MonitoringFilter = { province: '', kbli: '', pattern: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
function isDay(v: string): boolean {
  if (!DAY.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Reads the filters from a query string, dropping values the API would refuse. */
export function readFilter(params: URLSearchParams): MonitoringFilter {
  const province = params.get('province') ?? '';
  const kbli = (params.get('kbli') ?? '').toUpperCase();
  const pattern = params.get('pattern') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    province: /^\d{2}$/.test(province) ? province : '',
    kbli: /^(?:[A-U]|\d{2,5})$/.test(kbli) ? kbli : '',
    pattern: pattern === 'INTI_PLASMA' || pattern === 'SUBCONTRACT' ? pattern : '',
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
  };
}

/** The filters' part of a query string (`?province=33&pattern=SUBCONTRACT`), '' when none is set. */
export function filterSearch(f: MonitoringFilter): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) p.set(k, f[k]);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const hasFilter = (f: MonitoringFilter) => FILTER_KEYS.some((k) => !!f[k]);

/** The filters in the URL, and a setter that keeps the page's other query parameters (but resets paging). */
export function useMonitoringFilter(): [MonitoringFilter, (next: Partial<MonitoringFilter>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const update = useCallback(
    (next: Partial<MonitoringFilter>) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(next)) {
            if (v) p.set(k, v);
            else p.delete(k);
          }
          p.delete('cursor');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(
    () =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          for (const k of FILTER_KEYS) p.delete(k);
          p.delete('cursor');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filter, update, clear];
}

/** Month bounds (`YYYY-MM-DD`) of a `YYYY-MM` month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
