import type { QueryClient } from '@tanstack/react-query';
import { expiresSoon, getTokens } from '../../api/session';
import { ShellLoader } from '../../app/shellLoader';
import { MinistryRoutesLoader } from '../../roles/ministry/loader';
import { filterQuery, type Summary, summaryQuery } from './api';
import { type MonitoringFilter, readFilter } from './filters';

const DASHBOARD = /^\/ministry(?:\/dashboard)?\/?$/;

let early: { filter: MonitoringFilter; summary: Promise<Summary> } | null = null;

/**
 * Opening the ministry dashboard signed in (a bookmark, a reload, the officer's home): the summary's
 * figures are asked for the moment the main script has run, and the console shell's and the ministry
 * pages' chunks are fetched — in parallel with /auth/me, instead of one after the other once React has
 * rendered the shell and then the role's pages. Called once from main.tsx, before the first render.
 * Anyone else (no session, another page) is unaffected; the charts (recharts) still load after the
 * figures show.
 */
export function startEarlyLoads(loc: Pick<Location, 'pathname' | 'search'> = window.location): void {
  const tokens = getTokens();
  if (!tokens || expiresSoon(tokens.accessToken) || !DASHBOARD.test(loc.pathname)) return;
  const filter = readFilter(new URLSearchParams(loc.search));
  const qs = new URLSearchParams(Object.entries(filterQuery(filter)).filter((e): e is [string, string] => !!e[1])).toString();
  // A plain fetch, sent at once (the API client's middleware would wait for the first render's task).
  const summary = fetch(`/api/v1/monitoring/summary${qs ? `?${qs}` : ''}`, {
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${tokens.accessToken}`,
      'Accept-Language': document.documentElement.lang || 'id',
    },
  }).then((r) => (r.ok ? (r.json() as Promise<Summary>) : Promise.reject(new Error(String(r.status)))));
  summary.catch(() => undefined);
  early = { filter, summary };
  void ShellLoader.preload().catch(() => undefined);
  void MinistryRoutesLoader.preload().catch(() => undefined);
}

/**
 * Hands the early summary to the app's query client (same key as the dashboard's query). Should the
 * early request have failed (an expired token, a network blip), the query simply runs again through
 * the API client, which refreshes the token and reports errors as usual.
 */
export function adoptEarlyLoads(client: QueryClient): void {
  if (!early) return;
  const { filter, summary } = early;
  early = null;
  const q = summaryQuery(filter);
  void client.prefetchQuery({ ...q, queryFn: (ctx) => summary.catch(() => q.queryFn!(ctx)) });
}
