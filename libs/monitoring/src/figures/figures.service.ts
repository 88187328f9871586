import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, decodeCursor, DomainError, encodeCursor, ErrorCode, invalid, READ_CONNECTION, Role, sqlParams } from '@jalin/core';
import {
  type BreakdownBy,
  type BreakdownGroup,
  type BreakdownQuery,
  type BreakdownView,
  type Figures,
  type OverdueItem,
  type OverdueQuery,
  type OverdueView,
  type PartnerFigures,
  type PartnerSort,
  type PartnersQuery,
  type PartnersView,
  type ReportFigures,
  type SummaryView,
  type TrendView,
} from './figures.dto.js';
import { dateWithinSql, kbliIsFine, type MonitoringFilter, type MonitoringFilterQuery, monitoringScopeSql, toMonitoringFilter } from './filters.js';
import { FiguresRefresher } from './refresh.js';
import { type Counts, type Key, partsSql, reachFromSignaturesSql, sumCounters } from './sql.js';
import { monthsBetween, planWindow } from './window.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PATTERN_LABELS: Record<string, string> = { INTI_PLASMA: 'Inti-plasma', SUBCONTRACT: 'Subkontrak' };

type Row = Counts & { reached?: number };

const reportsOf = (c: Counts): ReportFigures => ({ due: c.pr_on_time + c.pr_late + c.pr_overdue, onTime: c.pr_on_time, late: c.pr_late, overdue: c.pr_overdue });
const rateOf = (r: ReportFigures) => (r.due > 0 ? r.onTime / r.due : null);

/** The figures of one group of counters. */
function figuresOf(c: Row): Figures {
  const byStatus = { DRAFT: c.ag_draft, AWAITING_SIGNATURES: c.ag_awaiting, ACTIVE: c.ag_active, COMPLETED: c.ag_completed, TERMINATED: c.ag_terminated };
  const obligations = { UPCOMING: c.ob_upcoming, DUE: c.ob_due, OVERDUE: c.ob_overdue, FULFILLED: c.ob_fulfilled, WAIVED: c.ob_waived, CANCELLED: c.ob_cancelled };
  const reports = reportsOf(c);
  return {
    agreements: {
      total: Object.values(byStatus).reduce((s, x) => s + x, 0),
      byStatus,
      byPattern: { INTI_PLASMA: c.ag_inti_plasma, SUBCONTRACT: c.ag_subcontract },
    },
    smallFirmsReached: c.reached ?? 0,
    obligations: { total: Object.values(obligations).reduce((s, x) => s + x, 0), byStatus: obligations },
    reports,
    onTimeReportRate: rateOf(reports),
    overdueCount: c.ob_overdue,
    coachingSessionsDelivered: c.sessions_confirmed,
  };
}

/** Sort keys of the partner list: SQL over the row `r`, and the JS type of the cursor value. */
const PARTNER_SORT_SQL: Record<PartnerSort, { sql: (order: 'asc' | 'desc') => string; type: 'number' | 'string' }> = {
  overdue: { sql: () => 'r.ob_overdue', type: 'number' },
  // null (no report due) sorts last in either direction
  onTimeRate: { sql: (order) => `coalesce(r.rate, ${order === 'asc' ? 2 : -1})::float8`, type: 'number' },
  activeAgreements: { sql: () => 'r.ag_active', type: 'number' },
  agreements: { sql: () => 'r.ag_total', type: 'number' },
  picAppointed: { sql: () => '(CASE WHEN r.pic THEN 1 ELSE 0 END)', type: 'number' },
  name: { sql: () => 'r.name', type: 'string' },
};

/**
 * Ministry monitoring figures, read from the snapshot (`refreshMonitoringFigures`) over the read-only
 * connection (DATABASE_READ_URL, defaulting to DATABASE_URL). Each response is read in one
 * REPEATABLE READ transaction, so its figures and its `asOf` come from the same snapshot.
 * Scope: a ministry officer limited to provinces sees only partnerships whose small firm lies in
 * them — in lists and in every total; ADMIN and unlimited officers see all.
 */
@Injectable()
export class FiguresService {
  private provinces?: Promise<ReadonlySet<string>>;
  private snapshotSeen = false;

  constructor(
    @InjectDataSource(READ_CONNECTION) private readonly read: DataSource,
    private readonly refresher: FiguresRefresher,
  ) {}

  async summary(actor: Actor, q: MonitoringFilterQuery): Promise<SummaryView> {
    const f = await this.filter(q);
    return this.reading(async (m, asOf) => {
      const { values, p } = sqlParams();
      const [row] = await m.query(
        `WITH parts AS (${this.parts(actor, f, [], p)}),
              reach AS (${this.reachSql(actor, f, [], p)})
         SELECT ${sumCounters('x')}, (SELECT reached FROM reach) AS reached FROM parts x`,
        values,
      );
      return { asOf, filters: this.applied(actor, f), ...figuresOf(row as Row) };
    });
  }

  async breakdown(actor: Actor, q: BreakdownQuery): Promise<BreakdownView> {
    const f = await this.filter(q);
    const key: Key = q.by === 'kbli' ? 'division' : q.by;
    const col = key === 'province' ? 'province_code' : key;
    return this.reading(async (m, asOf) => {
      const { values, p } = sqlParams();
      const label: Record<BreakdownBy, string> = {
        province: `(SELECT r.name FROM region r WHERE r.code = g.key AND r.level = 'province')`,
        kbli: `(SELECT k.title FROM kbli k WHERE k.code = g.key)`,
        pattern: 'NULL::text',
      };
      const rows: (Row & { key: string; label: string | null })[] = await m.query(
        `WITH parts AS (${this.parts(actor, f, [key], p)}),
              reach AS (${this.reachSql(actor, f, [key], p)}),
              g AS (SELECT x.${col} AS key, ${sumCounters('x')} FROM parts x GROUP BY x.${col})
         SELECT g.*, coalesce(reach.reached, 0)::int AS reached, ${label[q.by]} AS label
           FROM g LEFT JOIN reach ON reach.${col} = g.key
          ORDER BY g.key`,
        values,
      );
      const items: BreakdownGroup[] = rows.map((r) => ({
        key: r.key,
        label: q.by === 'pattern' ? (PATTERN_LABELS[r.key] ?? r.key) : (r.label ?? (r.key ? r.key : 'Tanpa KBLI')),
        ...figuresOf(r),
      }));
      return { asOf, by: q.by, filters: this.applied(actor, f), items };
    });
  }

  async trend(actor: Actor, q: MonitoringFilterQuery): Promise<TrendView> {
    const f = await this.filter(q);
    return this.reading(async (m, asOf) => {
      const { values, p } = sqlParams();
      const rows: (Counts & { month: string })[] = await m.query(
        `WITH parts AS (${this.parts(actor, f, ['month'], p)})
         SELECT to_char(x.month::date, 'YYYY-MM') AS month, ${sumCounters('x')} FROM parts x
          GROUP BY 1 HAVING sum(x.pr_on_time + x.pr_late + x.pr_overdue + x.ob_overdue) > 0 ORDER BY 1`,
        values,
      );
      const byMonth = new Map(rows.map((r) => [r.month, r]));
      let months: string[] = [];
      if (rows.length || (f.from && f.to)) {
        const first = f.from ?? rows[0].month;
        const last = f.to ?? rows[rows.length - 1].month;
        months = monthsBetween(first, last);
        // a very wide window: keep the months that have data and those between them
        if (months.length > 240 && rows.length) months = monthsBetween(rows[0].month, rows[rows.length - 1].month);
        else if (months.length > 240) months = [];
      }
      const zero = { pr_on_time: 0, pr_late: 0, pr_overdue: 0, ob_overdue: 0 } as Counts;
      const items = months.map((month) => {
        const c = byMonth.get(month) ?? zero;
        const reports = reportsOf(c);
        return { month, reports, onTimeReportRate: rateOf(reports), overdueCount: c.ob_overdue };
      });
      return { asOf, filters: this.applied(actor, f), items };
    });
  }

  async partners(actor: Actor, q: PartnersQuery): Promise<PartnersView> {
    const f = await this.filter(q);
    const limit = q.limit ?? 20;
    const sort: PartnerSort = q.sort ?? 'overdue';
    const order = q.order ?? (sort === 'name' ? 'asc' : 'desc');
    const sortSpec = PARTNER_SORT_SQL[sort];
    const cur = decodeCursor(q.cursor, 4);
    if (cur && (cur[0] !== sort || cur[1] !== order || typeof cur[2] !== sortSpec.type || typeof cur[3] !== 'string' || !UUID.test(cur[3]))) {
      throw invalid([{ field: 'cursor', message: 'cursor is not one this API issued for this sort and order' }]);
    }
    return this.reading(async (m, asOf) => {
      const { values, p } = sqlParams();
      const cmp = order === 'asc' ? '>' : '<';
      const dir = order === 'asc' ? 'ASC' : 'DESC';
      const keyset = cur ? `WHERE (s.sort_key, s.id) ${cmp} (${p(cur[2])}::${sortSpec.type === 'number' ? 'float8' : 'text'}, ${p(cur[3])}::uuid)` : '';
      const rows: {
        id: string;
        name: string;
        provinceCode: string;
        pic: boolean;
        ag_total: number;
        ag_active: number;
        pr_on_time: number;
        pr_late: number;
        pr_overdue: number;
        ob_overdue: number;
        sort_key: number | string;
      }[] = await m.query(
        `WITH parts AS (${this.parts(actor, f, ['partner'], p)}),
              g AS (SELECT x.partner_id, ${sumCounters('x')} FROM parts x GROUP BY x.partner_id),
              r AS (SELECT g.partner_id AS id, o.name, o.province_code AS "provinceCode", coalesce(mp.pic_appointed, false) AS pic,
                           g.ag_draft + g.ag_awaiting + g.ag_active + g.ag_completed + g.ag_terminated AS ag_total, g.ag_active,
                           g.pr_on_time, g.pr_late, g.pr_overdue, g.ob_overdue,
                           CASE WHEN g.pr_on_time + g.pr_late + g.pr_overdue > 0
                                THEN g.pr_on_time::float8 / (g.pr_on_time + g.pr_late + g.pr_overdue) END AS rate
                      FROM g JOIN organization o ON o.id = g.partner_id
                      LEFT JOIN monitoring_partner mp ON mp.partner_id = g.partner_id),
              s AS (SELECT r.*, ${sortSpec.sql(order)} AS sort_key FROM r)
         SELECT * FROM s ${keyset} ORDER BY s.sort_key ${dir}, s.id ${dir} LIMIT ${p(limit + 1)}`,
        values,
      );
      const more = rows.length > limit;
      const kept = more ? rows.slice(0, limit) : rows;
      const items: PartnerFigures[] = kept.map((r) => {
        const reports = reportsOf(r as unknown as Counts);
        return {
          partnerId: r.id,
          name: r.name,
          provinceCode: r.provinceCode,
          agreements: r.ag_total,
          activeAgreements: r.ag_active,
          reports,
          onTimeRate: rateOf(reports),
          overdueCount: r.ob_overdue,
          picAppointed: r.pic,
        };
      });
      const last = kept[kept.length - 1];
      return { asOf, items, nextCursor: more ? encodeCursor([sort, order, last.sort_key, last.id]) : null };
    });
  }

  async overdue(actor: Actor, q: OverdueQuery): Promise<OverdueView> {
    const f = await this.filter(q);
    const limit = q.limit ?? 20;
    const cur = decodeCursor(q.cursor, 2);
    if (cur && (typeof cur[0] !== 'string' || !DAY.test(cur[0]) || typeof cur[1] !== 'string' || !UUID.test(cur[1]))) {
      throw invalid([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
    }
    return this.reading(async (m, asOf) => {
      const { values, p } = sqlParams();
      const where = [
        `f.status = 'OVERDUE'`,
        ...monitoringScopeSql(actor, f, p, { province: 'f.province_code', pattern: 'f.pattern', kbliCode: 'f.kbli_code', division: 'f.division' }),
        dateWithinSql('f.due_date', f.from, f.to, p),
      ];
      if (q.type) where.push(`f.type = ${p(q.type)}`);
      if (cur) where.push(`(f.due_date, f.obligation_id) > (${p(cur[0])}::date, ${p(cur[1])}::uuid)`);
      const rows: (Omit<OverdueItem, 'agreement' | 'partner' | 'enterprise' | 'province'> & Record<string, string>)[] = await m.query(
        `SELECT f.obligation_id AS "obligationId", o.type, o.title, o.legal_basis AS "legalBasis", f.due_date::text AS "dueDate",
                ((s.as_of AT TIME ZONE o.time_zone)::date - f.due_date) AS "daysOverdue",
                a.id AS "agreementId", a.number AS "agreementNumber", a.title AS "agreementTitle",
                p.id AS "partnerId", p.name AS "partnerName", e.id AS "enterpriseId", e.name AS "enterpriseName",
                f.province_code AS "provinceCode", coalesce(r.name, f.province_code) AS "provinceName"
           FROM monitoring_obligation_fact f
           CROSS JOIN monitoring_snapshot s
           JOIN obligation o ON o.id = f.obligation_id
           JOIN agreement a ON a.id = f.agreement_id
           JOIN organization p ON p.id = f.partner_id
           JOIN organization e ON e.id = f.enterprise_id
           LEFT JOIN region r ON r.code = f.province_code
          WHERE ${where.join(' AND ')}
          ORDER BY f.due_date, f.obligation_id
          LIMIT ${p(limit + 1)}`,
        values,
      );
      const more = rows.length > limit;
      const kept = more ? rows.slice(0, limit) : rows;
      const items: OverdueItem[] = kept.map((r) => ({
        obligationId: r.obligationId,
        type: r.type,
        title: r.title,
        legalBasis: r.legalBasis,
        dueDate: r.dueDate,
        daysOverdue: Number(r.daysOverdue),
        agreement: { id: r.agreementId, number: r.agreementNumber, title: r.agreementTitle },
        partner: { id: r.partnerId, name: r.partnerName },
        enterprise: { id: r.enterpriseId, name: r.enterpriseName },
        province: { code: r.provinceCode, name: r.provinceName },
      }));
      const last = kept[kept.length - 1];
      return { asOf, items, nextCursor: more ? encodeCursor([last.dueDate, last.obligationId]) : null };
    });
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** Validates the filters (the province must exist) and returns them. */
  private async filter(q: MonitoringFilterQuery): Promise<MonitoringFilter> {
    this.provinces ??= this.read
      .query(`SELECT code FROM region WHERE level = 'province'`)
      .then((rows: { code: string }[]) => new Set(rows.map((r) => r.code)))
      .catch((err: unknown) => {
        this.provinces = undefined;
        throw err;
      });
    return toMonitoringFilter(q, q.province ? await this.provinces : undefined);
  }

  private applied(actor: Actor, f: MonitoringFilter) {
    return { ...f, limitedToProvinces: actor.role === Role.MINISTRY && actor.provinceCodes.length ? [...actor.provinceCodes] : null };
  }

  /** The counters per `keys`, from the cells for whole months and the facts for the rest. */
  private parts(actor: Actor, f: MonitoringFilter, keys: Key[], p: (v: unknown) => string): string {
    const dated = !!(f.from || f.to);
    const partner = keys.includes('partner');
    // All time: the segments (they carry the KBLI code). A window: the monthly cells (by division, and
    // none per partner) plus the facts for partial months — or the facts alone when the cells cannot
    // apply the filter (a KBLI prefix finer than a division) or there are none (per partner).
    const allTime = !dated && !keys.includes('month');
    const cellsUsable = allTime || (!kbliIsFine(f.kbli) && !partner);
    return partsSql({
      keys,
      partner,
      plan: planWindow(f.from, f.to, cellsUsable),
      cellWhere: () =>
        monitoringScopeSql(actor, f, p, { province: 'c.province_code', pattern: 'c.pattern', division: 'c.division', ...(allTime ? { kbliCode: 'c.kbli_code' } : {}) }),
      factWhere: () => monitoringScopeSql(actor, f, p, { province: 'f.province_code', pattern: 'f.pattern', kbliCode: 'f.kbli_code', division: 'f.division' }),
      p,
    });
  }

  /**
   * Distinct small firms with an ACTIVE or COMPLETED agreement starting in the window, per `keys`:
   * without dates (and no KBLI prefix finer than a division) from the reach signatures; otherwise
   * from the window's agreement facts.
   */
  private reachSql(actor: Actor, f: MonitoringFilter, keys: Key[], p: (v: unknown) => string): string {
    if (!f.from && !f.to && !kbliIsFine(f.kbli)) {
      return reachFromSignaturesSql(keys, monitoringScopeSql(actor, f, p, { province: 'r.province_code', pattern: `split_part(k, ':', 2)`, division: `split_part(k, ':', 1)` }));
    }
    const cols = keys.map((k) => (k === 'province' ? 'f.province_code' : `f.${k}`));
    const names = keys.map((k) => (k === 'province' ? 'province_code' : k));
    const where = [
      `f.status IN ('ACTIVE', 'COMPLETED')`,
      ...monitoringScopeSql(actor, f, p, { province: 'f.province_code', pattern: 'f.pattern', kbliCode: 'f.kbli_code', division: 'f.division' }),
      dateWithinSql('f.start_date', f.from, f.to, p),
    ];
    return `SELECT ${[...names, 'count(*)::int AS reached'].join(', ')}
              FROM (SELECT DISTINCT ${[...cols, 'f.enterprise_id'].join(', ')} FROM monitoring_agreement_fact f WHERE ${where.join(' AND ')}) d
             ${names.length ? `GROUP BY ${names.join(', ')}` : ''}`;
  }

  /**
   * Runs `fn` in a read-only REPEATABLE READ transaction on the read connection, with the snapshot's
   * `asOf`. Before the very first snapshot exists (a fresh installation whose worker has not run
   * yet) the API takes one itself, on the write connection.
   */
  private async reading<T>(fn: (m: EntityManager, asOf: string) => Promise<T>): Promise<T> {
    if (!this.snapshotSeen) {
      const [s] = await this.read.query(`SELECT as_of FROM monitoring_snapshot WHERE id = 1`);
      if (!s?.as_of) await this.refresher.refresh();
      this.snapshotSeen = true;
    }
    // One round trip opens a read-only REPEATABLE READ transaction (figures and asOf from one snapshot)
    // without JIT (aggregates over tens of thousands of rows: compiling costs more than it saves).
    const qr = this.read.createQueryRunner();
    await qr.connect();
    let open = false;
    try {
      await qr.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL jit = off`);
      open = true;
      const [s] = await qr.query(`SELECT as_of FROM monitoring_snapshot WHERE id = 1`);
      if (!s?.as_of) throw new DomainError(ErrorCode.DEPENDENCY_DOWN, 'The monitoring figures are not yet on the read replica; try again shortly', { headers: { 'Retry-After': '5' } });
      const out = await fn(qr.manager, new Date(s.as_of).toISOString());
      await qr.query('COMMIT');
      open = false;
      return out;
    } finally {
      if (open) await qr.query('ROLLBACK').catch(() => undefined);
      await qr.release();
    }
  }
}
