import { type DaySpan, type WindowPlan } from './window.js';

/**
 * The counters kept per cell, and how each is counted from its facts. A cell row holds, for one
 * (province, KBLI division, pattern, month) — and per partner in the partner cells —:
 * agreements by status and pattern (month of the start date), obligations by status at `as_of` and
 * progress reports on time / late / overdue (month of the due date), confirmed coaching sessions
 * (month of the scheduled day).
 */
export const COUNTERS = [
  'ag_draft',
  'ag_awaiting',
  'ag_active',
  'ag_completed',
  'ag_terminated',
  'ag_inti_plasma',
  'ag_subcontract',
  'ob_upcoming',
  'ob_due',
  'ob_overdue',
  'ob_fulfilled',
  'ob_waived',
  'ob_cancelled',
  'pr_on_time',
  'pr_late',
  'pr_overdue',
  'sessions_confirmed',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

type FactKind = 'agreement' | 'obligation' | 'session';

interface FactSource {
  table: string;
  date: string;
  counts: Partial<Record<Counter, string>>;
}

const n = (cond: string) => `count(*) FILTER (WHERE ${cond})`;
const PR = `f.type = 'PROGRESS_REPORT'`;

export const FACTS: Record<FactKind, FactSource> = {
  agreement: {
    table: 'monitoring_agreement_fact',
    date: 'start_date',
    counts: {
      ag_draft: n(`f.status = 'DRAFT'`),
      ag_awaiting: n(`f.status = 'AWAITING_SIGNATURES'`),
      ag_active: n(`f.status = 'ACTIVE'`),
      ag_completed: n(`f.status = 'COMPLETED'`),
      ag_terminated: n(`f.status = 'TERMINATED'`),
      ag_inti_plasma: n(`f.pattern = 'INTI_PLASMA'`),
      ag_subcontract: n(`f.pattern = 'SUBCONTRACT'`),
    },
  },
  obligation: {
    table: 'monitoring_obligation_fact',
    date: 'due_date',
    counts: {
      ob_upcoming: n(`f.status = 'UPCOMING'`),
      ob_due: n(`f.status = 'DUE'`),
      ob_overdue: n(`f.status = 'OVERDUE'`),
      ob_fulfilled: n(`f.status = 'FULFILLED'`),
      ob_waived: n(`f.status = 'WAIVED'`),
      ob_cancelled: n(`f.status = 'CANCELLED'`),
      pr_on_time: n(`${PR} AND f.status = 'FULFILLED' AND f.on_time`),
      pr_late: n(`${PR} AND f.status = 'FULFILLED' AND NOT f.on_time`),
      pr_overdue: n(`${PR} AND f.status = 'OVERDUE'`),
    },
  },
  session: { table: 'monitoring_session_fact', date: 'session_date', counts: { sessions_confirmed: 'count(*)' } },
};

/** Grouping keys: how each reads on a cell row (`c`) and on a fact row (`f`, given its date column). */
export type Key = 'province' | 'kbli' | 'division' | 'pattern' | 'month' | 'partner';
const KEY: Record<Key, { name: string; cell: string; fact: (date: string) => string }> = {
  province: { name: 'province_code', cell: 'c.province_code', fact: () => 'f.province_code' },
  kbli: { name: 'kbli_code', cell: 'c.kbli_code', fact: () => 'f.kbli_code' },
  division: { name: 'division', cell: 'c.division', fact: () => 'f.division' },
  pattern: { name: 'pattern', cell: 'c.pattern', fact: () => 'f.pattern' },
  month: { name: 'month', cell: 'c.month', fact: (date) => `date_trunc('month', f.${date})::date` },
  partner: { name: 'partner_id', cell: 'c.partner_id', fact: () => 'f.partner_id' },
};
export const keyName = (k: Key) => KEY[k].name;

function spanSql(col: string, s: DaySpan, p: (v: unknown) => string): string {
  const parts: string[] = [];
  if (s.from) parts.push(`${col} >= ${p(s.from)}::date`);
  if (s.to) parts.push(`${col} <= ${p(s.to)}::date`);
  return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
}

export interface PartsOptions {
  keys: Key[];
  /** per partner: the partner segments (all time only; a window per partner is read from the facts) */
  partner: boolean;
  /**
   * Without dates (and no month key) the all-time segments are read — they carry the KBLI code, so
   * any KBLI prefix applies; with dates, the monthly cells — by division only.
   */
  plan: WindowPlan;
  /** scope conditions on a cell row (alias c) and on a fact row (alias f); built only when used (they add parameters) */
  cellWhere: () => string[];
  factWhere: () => string[];
  p: (v: unknown) => string;
}

/**
 * A UNION ALL of per-key counter sums: whole months from the cells, the rest from the facts (each
 * fact by its own date). Columns: the keys' names, then every counter. Sum it again by the keys.
 */
export function partsSql(o: PartsOptions): string {
  const keysOf = (f: (k: Key) => string) => o.keys.map((k) => `${f(k)} AS ${KEY[k].name}`);
  const groupBy = o.keys.length ? ` GROUP BY ${o.keys.map((_, i) => i + 1).join(', ')}` : '';
  const parts: string[] = [];
  if (o.plan.cells) {
    // every month wanted and none grouped by: the all-time segments answer it
    const allTime = isAllTime(o.plan, o.keys);
    if (o.partner && !allTime) throw new Error('partsSql: per partner, only all-time totals come from cells');
    const table = `monitoring_${o.partner ? 'partner_' : ''}${allTime ? 'segment' : 'cell'}`;
    const where = [...o.cellWhere(), ...(allTime ? [] : [spanSql('c.month', o.plan.cells, o.p)])];
    parts.push(
      `SELECT ${[...keysOf((k) => KEY[k].cell), ...COUNTERS.map((c) => `sum(c.${c})::bigint AS ${c}`)].join(', ')}
         FROM ${table} c${where.length ? ` WHERE ${where.join(' AND ')}` : ''}${groupBy}`,
    );
  }
  if (o.plan.facts.length) {
    const scope = o.factWhere();
    for (const src of Object.values(FACTS)) {
      const spans = o.plan.facts.map((s) => spanSql(`f.${src.date}`, s, o.p));
      const where = [...scope, spans.length === 1 ? spans[0] : `(${spans.join(' OR ')})`];
      parts.push(
        `SELECT ${[...keysOf((k) => KEY[k].fact(src.date)), ...COUNTERS.map((c) => `${src.counts[c] ?? '0'}::bigint AS ${c}`)].join(', ')}
           FROM ${src.table} f WHERE ${where.join(' AND ')}${groupBy}`,
      );
    }
  }
  if (!parts.length) {
    // nothing to read: one empty relation with the right columns
    parts.push(`SELECT ${[...o.keys.map((k) => `NULL::text AS ${KEY[k].name}`), ...COUNTERS.map((c) => `0::bigint AS ${c}`)].join(', ')} WHERE FALSE`);
  }
  return parts.join('\n  UNION ALL\n  ');
}

/** True when `partsSql` reads the all-time segments (no dates, no month key). */
export const isAllTime = (plan: WindowPlan, keys: Key[]) =>
  !!plan.cells && plan.cells.from === null && plan.cells.to === null && !plan.facts.length && !keys.includes('month');

/** `coalesce(sum(x), 0)::int AS x` for every counter, over rows aliased `alias`. */
export const sumCounters = (alias = 'x') => COUNTERS.map((c) => `coalesce(sum(${alias}.${c}), 0)::int AS ${c}`).join(', ');

/** The cells built from the facts (the refresh): every key of the cell table, no filter, all time. */
export function cellsFromFactsSql(keys: Key[]): string {
  const parts = Object.values(FACTS).map(
    (src) =>
      `SELECT ${[...keys.map((k) => `${KEY[k].fact(src.date)} AS ${KEY[k].name}`), ...COUNTERS.map((c) => `${src.counts[c] ?? '0'}::bigint AS ${c}`)].join(', ')}
         FROM ${src.table} f GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`,
  );
  const names = keys.map((k) => KEY[k].name);
  return `SELECT ${[...names, ...COUNTERS.map((c) => `sum(x.${c})::int`)].join(', ')} FROM (${parts.join(' UNION ALL ')}) x GROUP BY ${names.join(', ')}`;
}

/**
 * Small firms reached, all time, from `monitoring_reach` (firms per province and set of
 * "division:pattern" keys): `scope` are conditions on one key `k` (its division
 * `split_part(k, ':', 1)`, pattern `split_part(k, ':', 2)`) and the row's province `r.province_code`.
 * A firm counts in a group when one of its keys matches the scope and lies in the group.
 */
export function reachFromSignaturesSql(keys: Key[], scope: string[]): string {
  const match = scope.length ? scope.join(' AND ') : 'TRUE';
  if (!keys.length) {
    return `SELECT coalesce(sum(r.firms), 0)::int AS reached FROM monitoring_reach r
             WHERE EXISTS (SELECT 1 FROM unnest(r.keys) k WHERE ${match})`;
  }
  if (keys.length !== 1 || !['province', 'division', 'pattern'].includes(keys[0])) throw new Error(`reach by ${keys.join(', ')} is not supported`);
  if (keys[0] === 'province') {
    return `SELECT r.province_code, sum(r.firms)::int AS reached FROM monitoring_reach r
             WHERE EXISTS (SELECT 1 FROM unnest(r.keys) k WHERE ${match}) GROUP BY r.province_code`;
  }
  const part = keys[0] === 'division' ? 1 : 2;
  return `SELECT g.${keys[0]}, sum(r.firms)::int AS reached FROM monitoring_reach r
           CROSS JOIN LATERAL (SELECT DISTINCT split_part(k, ':', ${part}) AS ${keys[0]} FROM unnest(r.keys) k WHERE ${match}) g
          GROUP BY g.${keys[0]}`;
}
