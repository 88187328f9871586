import type { Actor } from '@jalin/core';
import { agreementKbliSql, dateWithinSql, type MonitoringFilter, monitoringScopeSql } from '../figures/filters.js';

/**
 * The exports read the monitoring filters exactly as the figures do (figures/filters.ts): a
 * partnership lies in its small firm's province (a province-limited officer exports only those in
 * the provinces), `kbli` matches the agreement's KBLI code, and the window bounds each thing by its
 * own date — agreements by start date, obligations by due date, coaching sessions by scheduled day.
 */

/** Table aliases of the export queries: the agreement, its partner and small firm, its opportunity. */
export const AGREEMENT_JOINS = `JOIN organization pe ON pe.id = a.partner_id
  JOIN organization en ON en.id = a.enterprise_id
  JOIN opportunity op ON op.id = a.opportunity_id`;

/** The agreement's KBLI code (the figures' definition), for rows joined as AGREEMENT_JOINS does. */
export const AGREEMENT_KBLI = agreementKbliSql('en', 'op');

/**
 * WHERE terms (AND-ed) selecting the agreements `actor` may monitor that pass the filters; with
 * `byStartDate`, also those whose start date lies in the window.
 */
export function agreementWhere(actor: Actor, p: (v: unknown) => string, f: MonitoringFilter, byStartDate: boolean): string[] {
  const where = monitoringScopeSql(actor, f, p, { province: 'en.province_code', pattern: 'a.pattern', kbliCode: AGREEMENT_KBLI });
  if (byStartDate && (f.from || f.to)) where.push(dateWithinSql('a.start_date', f.from, f.to, p));
  where.push('TRUE');
  return where;
}

/** An obligation (alias `o`) due in the window; TRUE without one. */
export const dueInWindow = (p: (v: unknown) => string, f: MonitoringFilter, o = 'o') => dateWithinSql(`${o}.due_date`, f.from, f.to, p);
