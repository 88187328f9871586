import type { DataSource, QueryRunner } from 'typeorm';
import { loadEnv, sqlParams } from '@jalin/core';
import { type Cursor, jakartaToday, loadOpportunities, type OppRow, type Queryable, pairScoresSql, rankFirms, type RankedRow, SCORE_COLS, scoringForOpportunity, type ScoredRow } from './firm-ranking.js';
import { SCORING_FINGERPRINT } from './match-sql.js';

/** Taken shared by the organisation triggers (migration 1765500000000), exclusively by a build. */
const WRITERS_LOCK = `hashtext('jalin:match-cache')`;
/** One maintainer at a time (re-scoring, building, the day's roll). */
const MAINTAINER_LOCK = `hashtext('jalin:match-cache-maintainer')`;
/** More changed firms than this touching one cache since the last sweep, and a reader ranks live instead. */
const MAX_STALE_AT_READ = 200;
/** Stale organisations re-scored per transaction. */
const STALE_BATCH = 2_000;
/** A cache whose day is further behind is rebuilt rather than rolled forward. */
const ROLL_MAX_DAYS = 7;

const ENTRY_COLS = 'opportunity_id, firm_id, score, sector_digits, loc_len, sector, location, capacity, certifications, needs, track_record';
/** SQL reading an array-per-column batch of entries ($1…$11) as rows. */
const UNNEST_ENTRIES = `unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::int[], $5::int[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[])
  AS x(opportunity_id, firm_id, score, sector_digits, loc_len, sector, location, capacity, certifications, needs, track_record)`;
const entryArrays = (rows: (ScoredRow & { opportunity_id: string })[]) => [
  rows.map((r) => r.opportunity_id),
  rows.map((r) => r.id),
  rows.map((r) => r.score),
  rows.map((r) => r.sector_digits),
  rows.map((r) => r.loc_len),
  rows.map((r) => r.sector),
  rows.map((r) => r.location),
  rows.map((r) => r.capacity),
  rows.map((r) => r.certifications),
  rows.map((r) => r.needs),
  rows.map((r) => r.track_record),
];

export interface MatchCacheOptions {
  /** serve reads from the cache (MATCH_CACHE_READS) */
  reads?: boolean;
  /** firms kept per opportunity (MATCH_CACHE_SIZE) */
  size?: number;
  /** the live ranking's one-query threshold (MATCH_SMALL_SET) */
  smallSet?: number;
}

export interface MatchCacheSweep {
  /** organisations whose stale rows were re-scored */
  refreshed: number;
  /** caches rolled forward to today (certificates expiring re-scored) */
  rolled: number;
  /** caches dropped (opportunity no longer OPEN, scoring changed, partner moved, too old to roll) */
  dropped: number;
  /** caches built */
  built: number;
  /** false when another maintainer held the lock (nothing done) */
  ran: boolean;
}

/**
 * The match cache: for each OPEN opportunity, its best-ranked small firms (MATCH_CACHE_SIZE of them)
 * with every score part, so GET /opportunities/:id/matches reads a page off an index instead of
 * ranking a national population per request.
 *
 * It is exact, never "recent": a cache holds every eligible firm ranking at or above its boundary.
 * Organisation writes mark themselves stale in their own transaction (database triggers); a reader
 * scores the few stale firms touching its cache afresh and merges them in; the worker's sweep
 * re-scores stale firms against every cache (inserting those that now reach the boundary, removing
 * those that fell below it or out of the hard filters), rolls caches to the new Jakarta day (re-scoring firms whose
 * certificates expired), drops caches of opportunities no longer OPEN and builds missing ones with
 * the live ranking itself. Whatever the cache cannot answer (stale, not built, another day, a page
 * past its boundary) is ranked live, with the same SQL arithmetic, so the answer never changes.
 */
export class MatchCache {
  private readonly o: Required<MatchCacheOptions>;
  constructor(
    private readonly ds: DataSource,
    o: MatchCacheOptions = {},
  ) {
    const env = loadEnv();
    this.o = { reads: o.reads ?? env.MATCH_CACHE_READS, size: o.size ?? env.MATCH_CACHE_SIZE, smallSet: o.smallSet ?? env.MATCH_SMALL_SET };
  }

  /**
   * The `need` best rows after `cur`, when the cache can answer exactly; null when the caller must
   * rank live. Firms changed since the last sweep (stale rows sharing the opportunity's divisions)
   * are left out of the cached rows and scored afresh in the same statement, so the answer is exact
   * the moment a change commits, not once the sweep has run. Each answer comes from one statement
   * (one snapshot).
   */
  async read(op: OppRow, o: { cur: Cursor | null; need: number; today: string }): Promise<RankedRow[] | null> {
    if (!this.o.reads) return null;
    // The common case, nothing changed since the last sweep: the page straight off the index.
    const quick = await this.readQuick(op, o);
    if (quick !== 'stale') return quick;
    return this.readMerged(op, o);
  }

  private async readQuick(op: OppRow, o: { cur: Cursor | null; need: number; today: string }): Promise<RankedRow[] | null | 'stale'> {
    const params: unknown[] = [op.id, o.today, SCORING_FINGERPRINT, o.need];
    const after = o.cur ? `AND (e.score < $5::numeric OR (e.score = $5::numeric AND e.firm_id > $6::uuid))` : '';
    if (o.cur) params.push(o.cur[0], o.cur[1]);
    const rows: (Partial<ScoredRow> & { complete: boolean; stale: boolean })[] = await this.ds.query(
      `SELECT c.boundary_score IS NULL AS complete,
              EXISTS (SELECT 1 FROM match_stale s WHERE s.divisions && c.divisions OR s.org_id = c.partner_id) AS stale, e.*
       FROM match_cache c
       LEFT JOIN LATERAL (
         SELECT e.firm_id AS id, e.sector_digits, e.loc_len, e.sector, e.location, e.capacity, e.certifications, e.needs, e.track_record, e.score
         FROM match_cache_entry e WHERE e.opportunity_id = c.opportunity_id ${after}
         ORDER BY e.score DESC, e.firm_id ASC LIMIT $4) e ON true
       WHERE c.opportunity_id = $1 AND c.day = $2::date AND c.scoring = $3`,
      params,
    );
    if (!rows.length) return null;
    if (rows[0].stale) return 'stale';
    return this.page(rows, o.need);
  }

  /** A short page is the end of the ranking only when the cache holds every eligible firm. */
  private page(rows: (Partial<ScoredRow> & { complete: boolean })[], need: number): RankedRow[] | null {
    const entries = rows.filter((r) => r.id).map((r) => ({ ...(r as ScoredRow), scoreNum: Number(r.score) }));
    if (entries.length < need && !rows[0].complete) return null;
    return entries;
  }

  /** Cached rows minus the stale firms, plus the stale firms scored afresh: one statement, one snapshot. */
  private async readMerged(op: OppRow, o: { cur: Cursor | null; need: number; today: string }): Promise<RankedRow[] | null> {
    const { values, p } = sqlParams();
    const { where, lateral } = scoringForOpportunity(op, o.today, p);
    const after = (score: string, id: string) =>
      o.cur ? `AND (${score} < ${p(o.cur[0])}::numeric OR (${score} = ${p(o.cur[0])}::numeric AND ${id} > ${p(o.cur[1])}::uuid))` : '';
    const rows: (Partial<ScoredRow> & { complete: boolean; stale: number })[] = await this.ds.query(
      `WITH c AS (
         SELECT c.* FROM match_cache c
         WHERE c.opportunity_id = ${p(op.id)}::uuid AND c.day = ${p(o.today)}::date AND c.scoring = ${p(SCORING_FINGERPRINT)}
           AND NOT EXISTS (SELECT 1 FROM match_stale s WHERE s.org_id = c.partner_id)),
       st AS MATERIALIZED (SELECT DISTINCT s.org_id FROM match_stale s, c WHERE s.divisions && c.divisions LIMIT ${MAX_STALE_AT_READ + 1}),
       ok AS (SELECT c.*, (SELECT count(*)::int FROM st) AS stale FROM c),
       page AS (
         (SELECT e.firm_id AS id, e.sector_digits, e.loc_len, e.sector, e.location, e.capacity, e.certifications, e.needs, e.track_record, e.score
          FROM ok JOIN match_cache_entry e ON e.opportunity_id = ok.opportunity_id
          WHERE ok.stale <= ${MAX_STALE_AT_READ} AND NOT EXISTS (SELECT 1 FROM st WHERE st.org_id = e.firm_id) ${after('e.score', 'e.firm_id')}
          ORDER BY e.score DESC, e.firm_id ASC LIMIT ${o.need})
         UNION ALL
         (SELECT f.id, ${SCORE_COLS}
          FROM ok, st JOIN organization f ON f.id = st.org_id CROSS JOIN LATERAL (${lateral}) s
          WHERE ok.stale BETWEEN 1 AND ${MAX_STALE_AT_READ} AND ${where.join(' AND ')}
            AND (ok.boundary_score IS NULL OR s.score > ok.boundary_score OR (s.score = ok.boundary_score AND f.id <= ok.boundary_id))
            ${after('s.score', 'f.id')}))
       SELECT ok.boundary_score IS NULL AS complete, ok.stale, x.*
       FROM ok LEFT JOIN LATERAL (SELECT * FROM page ORDER BY page.score DESC, page.id ASC LIMIT ${o.need}) x ON true`,
      values,
    );
    if (!rows.length || rows[0].stale > MAX_STALE_AT_READ) return null;
    return this.page(rows, o.need);
  }

  /**
   * One maintenance pass (the worker runs it every MATCH_CACHE_SWEEP_SECONDS): re-score stale
   * organisations, roll caches to today, drop caches no longer wanted, then build missing ones until
   * `buildBudgetMs` is spent. Skipped (ran: false) while another maintainer runs.
   */
  async sweep(o: { buildBudgetMs?: number; today?: string } = {}): Promise<MatchCacheSweep> {
    const today = o.today ?? jakartaToday();
    const res: MatchCacheSweep = { refreshed: 0, rolled: 0, dropped: 0, built: 0, ran: false };
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      const [{ locked }] = await qr.query(`SELECT pg_try_advisory_lock(${MAINTAINER_LOCK}) AS locked`);
      if (!locked) return res;
      res.ran = true;
      try {
        for (;;) {
          const n = await this.inTransaction(qr, (m) => this.refreshStale(m, today));
          res.refreshed += n;
          if (n < STALE_BATCH) break;
        }
        res.dropped += await this.inTransaction(qr, (m) => this.dropUnwanted(m, today));
        res.rolled += await this.inTransaction(qr, (m) => this.rollForward(m, today));
        const deadline = Date.now() + (o.buildBudgetMs ?? 20_000);
        const missing: { id: string }[] = await qr.query(
          `SELECT op.id FROM opportunity op WHERE op.status = 'OPEN' AND (op.closes_at IS NULL OR op.closes_at > now())
             AND NOT EXISTS (SELECT 1 FROM match_cache c WHERE c.opportunity_id = op.id) ORDER BY op.published_at NULLS LAST, op.id`,
        );
        for (const { id } of missing) {
          if (Date.now() > deadline) break;
          if (await this.inTransaction(qr, (m) => this.build(m, id, today))) res.built++;
        }
      } finally {
        await qr.query(`SELECT pg_advisory_unlock(${MAINTAINER_LOCK})`);
      }
      return res;
    } finally {
      await qr.release();
    }
  }

  private async inTransaction<T>(qr: QueryRunner, fn: (m: Queryable) => Promise<T>): Promise<T> {
    await qr.startTransaction();
    try {
      const out = await fn(qr);
      await qr.commitTransaction();
      return out;
    } catch (err) {
      await qr.rollbackTransaction();
      throw err;
    }
  }

  /**
   * Builds one opportunity's cache from the live ranking. Holds the writers' lock exclusively, so
   * organisation changes wait (at most the build's length) instead of slipping past it.
   */
  private async build(m: Queryable, opportunityId: string, today: string): Promise<boolean> {
    await m.query(`SET LOCAL lock_timeout = '5s'`);
    await m.query(`SELECT pg_advisory_xact_lock(${WRITERS_LOCK})`);
    const op = (await loadOpportunities(m, [opportunityId])).get(opportunityId);
    if (!op || op.status !== 'OPEN') return false;
    const size = this.o.size;
    const rows = await rankFirms(m, op, { cur: null, need: size + 1, today, smallSet: this.o.smallSet });
    const kept = rows.slice(0, size);
    const boundary = rows.length > size ? kept[kept.length - 1] : null;
    await m.query(`DELETE FROM match_cache WHERE opportunity_id = $1`, [op.id]);
    await m.query(
      `INSERT INTO match_cache (opportunity_id, partner_id, divisions, day, scoring, boundary_score, boundary_id, built_size)
       SELECT op.id, op.partner_id, op.kbli_divisions, $2::date, $3, $4::numeric, $5::uuid, $6 FROM opportunity op WHERE op.id = $1`,
      [op.id, today, SCORING_FINGERPRINT, boundary?.score ?? null, boundary?.id ?? null, kept.length],
    );
    if (kept.length) {
      await m.query(`INSERT INTO match_cache_entry (${ENTRY_COLS}) SELECT * FROM ${UNNEST_ENTRIES}`, entryArrays(kept.map((r) => ({ ...r, opportunity_id: op.id }))));
    }
    return true;
  }

  /** Re-scores up to STALE_BATCH stale organisations against every cache; returns how many. */
  private async refreshStale(m: Queryable, today: string): Promise<number> {
    const stale: { id: string; org_id: string; kind: string }[] = await m.query(
      `SELECT id, org_id, kind FROM match_stale ORDER BY id LIMIT ${STALE_BATCH} FOR UPDATE SKIP LOCKED`,
    );
    if (!stale.length) return 0;
    // A partner's change may move the site of its opportunities (it defaults to the partner's region): rebuild them.
    const partners = [...new Set(stale.filter((s) => s.kind !== 'enterprise').map((s) => s.org_id))];
    if (partners.length) await m.query(`DELETE FROM match_cache WHERE partner_id = ANY($1::uuid[])`, [partners]);
    await this.rescore(m, [...new Set(stale.map((s) => s.org_id))], today);
    await m.query(`DELETE FROM match_stale WHERE id = ANY($1::bigint[])`, [stale.map((s) => s.id)]);
    return stale.length;
  }

  /**
   * Replaces the given firms' entries in every cache: removed everywhere, then inserted where they
   * pass the hard filters and rank at or above the cache's boundary.
   */
  private async rescore(m: Queryable, firmIds: string[], today: string): Promise<void> {
    if (!firmIds.length) return;
    await m.query(`DELETE FROM match_cache_entry WHERE firm_id = ANY($1::uuid[])`, [firmIds]);
    // Scored and kept in one statement: nothing travels through Node.
    await m.query(
      `INSERT INTO match_cache_entry (${ENTRY_COLS})
       SELECT x.opportunity_id, x.id, x.score, x.sector_digits, x.loc_len, x.sector, x.location, x.capacity, x.certifications, x.needs, x.track_record
       FROM (${pairScoresSql({ firms: 'f.id = ANY($1::uuid[])', opportunities: 'op.id IN (SELECT opportunity_id FROM match_cache)', today: '$2::date' })}) x
       JOIN match_cache c ON c.opportunity_id = x.opportunity_id
       WHERE c.boundary_score IS NULL OR x.score > c.boundary_score OR (x.score = c.boundary_score AND x.id <= c.boundary_id)`,
      [firmIds, today],
    );
  }

  /** Drops caches of opportunities no longer OPEN, built under another scoring, or too many days behind. */
  private async dropUnwanted(m: Queryable, today: string): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(
      `WITH d AS (DELETE FROM match_cache c USING opportunity op
         WHERE op.id = c.opportunity_id AND (op.status <> 'OPEN' OR c.scoring <> $1 OR c.day < $2::date - ${ROLL_MAX_DAYS} OR c.day > $2::date)
         RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      [SCORING_FINGERPRINT, today],
    );
    return n;
  }

  /**
   * A new Jakarta day: certificates valid until a day now past no longer count. Re-scores the firms
   * holding one (set-based), then marks the caches as judged for today.
   */
  private async rollForward(m: Queryable, today: string): Promise<number> {
    const [{ since }]: { since: string | null }[] = await m.query(`SELECT min(day)::text AS since FROM match_cache WHERE day < $1::date`, [today]);
    if (!since) return 0;
    const firms: { id: string }[] = await m.query(
      `SELECT f.id FROM organization f
       WHERE f.kind = 'enterprise' AND EXISTS (SELECT 1 FROM unnest(f.cert_valid_until) v WHERE v >= $1::date AND v < $2::date)`,
      [since, today],
    );
    for (let i = 0; i < firms.length; i += STALE_BATCH) await this.rescore(m, firms.slice(i, i + STALE_BATCH).map((f) => f.id), today);
    const [{ n }]: { n: number }[] = await m.query(
      `WITH u AS (UPDATE match_cache SET day = $1::date WHERE day < $1::date RETURNING 1) SELECT count(*)::int AS n FROM u`,
      [today],
    );
    return n;
  }
}
