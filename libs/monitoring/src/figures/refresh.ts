import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { statusSql } from '@jalin/obligations';
import { agreementKbliSql } from './filters.js';
import { cellsFromFactsSql, COUNTERS } from './sql.js';

/** How often the worker refreshes the monitoring snapshot. */
export const FIGURES_REFRESH_EVERY_MS = 5 * 60_000;

/** Serialises refreshes (worker, API's first read, tests): a second one waits, then runs on fresh data. */
const REFRESH_LOCK = `pg_advisory_xact_lock(hashtext('jalin:monitoring-figures'))`;

export interface RefreshResult {
  asOf: string;
  durationMs: number;
  agreements: number;
  obligations: number;
  sessions: number;
  /** fact rows written (new or changed) and removed (gone or changed) by this refresh */
  written: number;
  removed: number;
}

const COLS = COUNTERS.join(', ');

/** The fact tables: their columns (the key first) and the query computing them from the live tables. */
interface FactSpec {
  table: string;
  columns: string[];
  /** columns that may be NULL (compared through coalesce so the diff stays a hash join) */
  nullable?: string[];
  select: string;
}

const DIMS = ['partner_id', 'enterprise_id', 'province_code', 'kbli_code', 'division', 'pattern'];

const FACTS: FactSpec[] = [
  {
    table: 'monitoring_agreement_fact',
    columns: ['agreement_id', ...DIMS, 'status', 'start_date'],
    select: `SELECT a.id, a.partner_id, a.enterprise_id, e.province_code, k.code, left(k.code, 2), a.pattern, a.status, a.start_date
               FROM agreement a
               JOIN organization e ON e.id = a.enterprise_id
               LEFT JOIN opportunity op ON op.id = a.opportunity_id
               CROSS JOIN LATERAL (SELECT ${agreementKbliSql('e', 'op')} AS code) k`,
  },
  {
    table: 'monitoring_obligation_fact',
    columns: ['obligation_id', 'agreement_id', ...DIMS, 'type', 'status', 'on_time', 'due_date'],
    nullable: ['on_time'],
    select: `SELECT o.id, o.agreement_id, f.partner_id, f.enterprise_id, f.province_code, f.kbli_code, f.division, f.pattern,
                    o.type, ${statusSql('o')},
                    CASE WHEN o.state = 'FULFILLED' THEN coalesce((o.fulfilled_at AT TIME ZONE o.time_zone)::date <= o.due_date, false) END,
                    o.due_date
               FROM obligation o JOIN monitoring_agreement_fact f ON f.agreement_id = o.agreement_id`,
  },
  {
    table: 'monitoring_session_fact',
    columns: ['session_id', 'agreement_id', ...DIMS, 'session_date'],
    select: `SELECT s.id, s.agreement_id, f.partner_id, f.enterprise_id, f.province_code, f.kbli_code, f.division, f.pattern,
                    (s.scheduled_at AT TIME ZONE coalesce(r.time_zone, 'Asia/Jakarta'))::date
               FROM coaching_session s
               JOIN monitoring_agreement_fact f ON f.agreement_id = s.agreement_id
               JOIN organization p ON p.id = f.partner_id
               LEFT JOIN region r ON r.code = p.province_code
              WHERE s.status = 'CONFIRMED'`,
  },
];

/** Tables rebuilt whole from the facts each time (small). */
const DERIVED = ['monitoring_reach', 'monitoring_partner', 'monitoring_partner_segment', 'monitoring_segment', 'monitoring_cell'];

/**
 * Brings a fact table in line with `spec.select`, writing only what differs: the new rows go to a
 * temporary table, rows gone or changed are deleted, rows new or changed inserted (both hash
 * anti-joins). Between two refreshes little changes, so little is written and the indexes stay small.
 */
async function syncFacts(m: EntityManager, spec: FactSpec): Promise<{ written: number; removed: number }> {
  const tmp = `${spec.table}_next`;
  const same = spec.columns
    .map((c) => (spec.nullable?.includes(c) ? `coalesce(n.${c}::text, '') = coalesce(f.${c}::text, '')` : `n.${c} = f.${c}`))
    .join(' AND ');
  const cols = spec.columns.join(', ');
  await m.query(`CREATE TEMP TABLE ${tmp} ON COMMIT DROP AS SELECT * FROM ${spec.table} WITH NO DATA`);
  await m.query(`INSERT INTO ${tmp} (${cols}) ${spec.select}`);
  await m.query(`ANALYZE ${tmp}`);
  // What to add is decided before anything is written (an anti-join against the table being inserted
  // into would rescan the pages it is filling).
  await m.query(`CREATE TEMP TABLE ${tmp}_add ON COMMIT DROP AS
    SELECT ${spec.columns.map((c) => `n.${c}`).join(', ')} FROM ${tmp} n WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} f WHERE ${same})`);
  const removed = await count(m, `WITH d AS (DELETE FROM ${spec.table} f WHERE NOT EXISTS (SELECT 1 FROM ${tmp} n WHERE ${same}) RETURNING 1) SELECT count(*)::int AS n FROM d`);
  const written = await count(m, `WITH i AS (INSERT INTO ${spec.table} (${cols}) SELECT ${cols} FROM ${tmp}_add RETURNING 1) SELECT count(*)::int AS n FROM i`);
  // statistics for the joins that follow in this transaction
  if (written || removed) await m.query(`ANALYZE ${spec.table}`);
  return { written, removed };
}

async function count(m: EntityManager, sql: string): Promise<number> {
  const [row] = await m.query(sql);
  return Number(row.n);
}

/**
 * Takes a new monitoring snapshot in one REPEATABLE READ transaction: every figure is computed from
 * the same consistent view of the live tables, and readers see the previous snapshot until this one
 * commits, then the new one whole. `as_of` is the transaction's clock (`now()`), and every obligation
 * status is derived at that instant in the obligation's own zone (the obligations API's rule,
 * `statusSql`), so each figure is exact as of `as_of`.
 *
 * - Agreement facts: every agreement with its small firm's province, its KBLI code (`agreementKbliSql`)
 *   and pattern, status and start date.
 * - Obligation facts: every obligation of an agreement, with its status at `as_of` and, once FULFILLED,
 *   whether it was fulfilled on or before its due date (the fulfilment's day in the obligation's zone).
 * - Session facts: CONFIRMED coaching sessions, by their scheduled day in the partner's zone.
 * - Cells: the facts counted per (province, division, pattern, month); segments: per (province, KBLI
 *   code, pattern) over all time (and per partner); reach: small firms per province and set of division:pattern keys of
 *   their ACTIVE / COMPLETED agreements.
 */
export async function refreshMonitoringFigures(ds: DataSource): Promise<RefreshResult> {
  const started = Date.now();
  const res = await ds.transaction('REPEATABLE READ', async (m) => {
    await m.query(`SELECT ${REFRESH_LOCK}`);
    await m.query(`SET LOCAL work_mem = '128MB'`);
    await m.query(`SET LOCAL jit = off`);
    // Every step joins or anti-joins whole tables: hash joins, whatever the (possibly stale) statistics say.
    await m.query(`SET LOCAL enable_nestloop = off`);
    let written = 0;
    let removed = 0;
    for (const spec of FACTS) {
      const r = await syncFacts(m, spec);
      written += r.written;
      removed += r.removed;
    }
    for (const t of DERIVED) await m.query(`DELETE FROM ${t}`);
    // in month order, so a window's cells lie on few pages
    await m.query(
      `INSERT INTO monitoring_cell (province_code, division, pattern, month, ${COLS}) ${cellsFromFactsSql(['province', 'division', 'pattern', 'month'])} ORDER BY month`,
    );
    await m.query(
      `INSERT INTO monitoring_segment (province_code, kbli_code, division, pattern, ${COLS}) ${cellsFromFactsSql(['province', 'kbli', 'division', 'pattern'])}`,
    );
    await m.query(
      `INSERT INTO monitoring_partner_segment (partner_id, province_code, kbli_code, division, pattern, ${COLS})
       ${cellsFromFactsSql(['partner', 'province', 'kbli', 'division', 'pattern'])}`,
    );
    await m.query(`INSERT INTO monitoring_reach (province_code, keys, firms)
      SELECT province_code, keys, count(*) FROM (
        SELECT enterprise_id, province_code, array_agg(DISTINCT division || ':' || pattern ORDER BY division || ':' || pattern) AS keys
          FROM monitoring_agreement_fact WHERE status IN ('ACTIVE', 'COMPLETED') GROUP BY 1, 2) e
      GROUP BY 1, 2`);
    await m.query(
      `INSERT INTO monitoring_partner (partner_id, pic_appointed)
       SELECT p.id, (p.pic IS NOT NULL AND p.pic <> 'null'::jsonb)
         FROM organization p WHERE p.id IN (SELECT DISTINCT partner_id FROM monitoring_agreement_fact)`,
    );
    await m.query(
      `UPDATE monitoring_snapshot SET as_of = now(), refreshed_in_ms = $1,
              agreements = (SELECT count(*) FROM monitoring_agreement_fact),
              obligations = (SELECT count(*) FROM monitoring_obligation_fact),
              sessions = (SELECT count(*) FROM monitoring_session_fact)
        WHERE id = 1`,
      [Date.now() - started],
    );
    const [row] = await m.query(`SELECT as_of AS "asOf", agreements, obligations, sessions FROM monitoring_snapshot WHERE id = 1`);
    return { ...(row as { asOf: Date; agreements: number; obligations: number; sessions: number }), written, removed };
  });
  // Statistics for the planner, and the visibility map for index-only scans; with few rows changed this is quick.
  await ds.query(`VACUUM (ANALYZE) ${[...DERIVED, ...FACTS.map((f) => f.table)].join(', ')}`);
  return {
    asOf: new Date(res.asOf).toISOString(),
    durationMs: Date.now() - started,
    agreements: res.agreements,
    obligations: res.obligations,
    sessions: res.sessions,
    written: res.written,
    removed: res.removed,
  };
}

/** The refresh as a provider (write connection): the worker's job, the API's first read, tests. */
@Injectable()
export class FiguresRefresher {
  private readonly logger = new Logger('MonitoringFigures');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async refresh(): Promise<RefreshResult> {
    const r = await refreshMonitoringFigures(this.ds);
    this.logger.log(
      `monitoring snapshot as of ${r.asOf}: ${r.agreements} agreements, ${r.obligations} obligations, ${r.sessions} sessions ` +
        `(${r.written} fact rows written, ${r.removed} removed) in ${r.durationMs} ms`,
    );
    return r;
  }
}
