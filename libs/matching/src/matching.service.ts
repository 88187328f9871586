import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Actor, decodeCursor, encodeCursor, loadEnv, notFound, type Page, Role, sqlParams } from '@jalin/core';
import { answeredNeedsSql, fixedPartsSql, fixedScoreSql, holdsRequiredFastSql, holdsRequiredSql, partsLateral, perYearCase } from './match-sql.js';
import { explain, type Locale } from './reasons.js';
import {
  answeredNeeds,
  type Breakdown,
  kbliPrefixes,
  LEVEL_BY_CODE_LENGTH,
  LOCATION_BY_LEVEL,
  type LocationLevel,
  MATCH_WEIGHTS,
  NEUTRAL_NEEDS,
  type Pattern,
  PERIODS_PER_YEAR,
  type Period,
  regionPath,
  SECTOR_BY_SHARED_DIGITS,
} from './scoring.js';

export interface MatchItem {
  enterprise: { id: string; name: string; regionCode: string; scale: string; kbliCodes: string[] };
  score: number;
  breakdown: Breakdown;
  reasons: string[];
}
export interface RecommendationItem {
  opportunity: {
    id: string;
    title: string;
    pattern: Pattern;
    partnerId: string;
    partnerName: string;
    kbliCodes: string[];
    siteRegionCode: string;
    slots: number;
    closesAt: Date | null;
  };
  score: number;
  breakdown: Breakdown;
  reasons: string[];
}

interface OppRow {
  id: string;
  partner_id: string;
  partner_name: string;
  pattern: Pattern;
  title: string;
  kbli_codes: string[];
  region_codes: string[];
  site_region_code: string;
  required_quantity: string | null;
  required_unit: string | null;
  required_period: Period | null;
  required_certifications: string[];
  preferred_certifications: string[];
  support_offered: string[];
  slots: number;
  closes_at: Date | null;
}
interface ScoredRow {
  id: string;
  sector_digits: number;
  loc_len: number;
  sector: string;
  location: string;
  capacity: string;
  certifications: string;
  needs: string;
  track_record: string;
  score: string;
}
interface FirmRow {
  id: string;
  name: string;
  region_code: string;
  scale: string;
  kbli_codes: string[];
  capacities: { product: string; quantity: number; unit: string; period: Period }[];
  certifications: { type: string; number: string; validUntil: string | null }[];
  needs: string[];
  agreements_completed: number;
  agreements_terminated: number;
  sessions_confirmed: number;
}

const SCORE_COLS = `s.sector_digits, s.loc_len, s.sector, s.location, s.capacity, s.certifications, s.needs, s.track_record, s.score`;
const FIRM_COLS = `f.id, f.name, f.region_code, f.scale, f.kbli_codes, f.capacities, f.certifications, f.needs,
  f.agreements_completed, f.agreements_terminated, f.sessions_confirmed`;

/** Today's date in Jakarta (the platform's reference day for certificate validity). */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}

const round4 = (v: string | number) => Math.round(Number(v) * 10000) / 10000;
const toBreakdown = (r: ScoredRow): Breakdown => ({
  sector: round4(r.sector),
  location: round4(r.location),
  capacity: round4(r.capacity),
  certifications: round4(r.certifications),
  needs: round4(r.needs),
  trackRecord: round4(r.track_record),
});

/** Sort key: score descending, then id ascending (PostgreSQL orders uuids as their hex text). */
const before = (a: { score: number; id: string }, b: { score: number; id: string }) =>
  a.score !== b.score ? b.score - a.score : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

@Injectable()
export class MatchingService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Small firms ranked for one opportunity: the exact top of the documented score, ties broken by id.
   *
   * Rather than score every firm of the division, firms are visited in tiers of (shared KBLI depth ×
   * location level), each tier found through GIN indexes. A tier's best possible score is known in
   * advance (its sector and location values plus full marks for the other parts), so tiers are taken
   * in that order and the walk stops once the page is full with scores no later tier can reach.
   */
  async matches(actor: Actor, opportunityId: string, q: { limit?: number; cursor?: string }, locale: Locale): Promise<Page<MatchItem>> {
    const op = await this.loadOpportunity(opportunityId);
    if (!op || (actor.role === Role.PARTNER && op.partner_id !== actor.organizationId)) throw notFound('Opportunity');
    const limit = q.limit ?? 20;
    const cur = decodeCursor(q.cursor, 2) as [number, string] | null;
    const today = jakartaToday();
    const prefixes = kbliPrefixes(op.kbli_codes);
    const divisions = [...new Set(op.kbli_codes.map((c) => c.slice(0, 2)))];
    const sitePath = regionPath(op.site_region_code);
    const preferred = [...new Set(op.preferred_certifications)];
    const need = limit + 1;
    const slack = MATCH_WEIGHTS.capacity + MATCH_WEIGHTS.certifications + MATCH_WEIGHTS.needs + MATCH_WEIGHTS.trackRecord;
    const byLen = (d: number) => prefixes.filter((x) => x.length === d);
    const sectorTiers = ([5, 4, 3, 2] as const).filter((d) => byLen(d).length);
    const locationTiers: { len: number; code: string | null; level: LocationLevel }[] = [
      ...sitePath.map((code) => ({ len: code.length, code, level: LEVEL_BY_CODE_LENGTH[code.length] })),
      { len: 0, code: null, level: 'none' as const },
    ];
    // Wide tiers (same province or farther) are split further by what the firm's own columns say
    // about the other parts: no capacity in the required unit → capacity 0; none of the preferred
    // certificate types → 0; needs answered / none diagnosed / none answered → ≤1 / 0.5 / 0.
    // Each split tightens the tier's best possible score, so most of a wide tier is never scored.
    const answered = answeredNeeds(op.pattern, op.support_offered);
    const reqUnit = op.required_quantity && Number(op.required_quantity) > 0 && op.required_unit && op.required_period ? op.required_unit.trim().toLowerCase() : null;
    type Split = { sql: (p: (v: unknown) => string) => string; slack: number; key: string };
    const capSplits: Split[] = reqUnit
      ? [
          { key: 'cap+', slack: MATCH_WEIGHTS.capacity, sql: (p) => `f.cap_units @> ARRAY[${p(reqUnit)}::text]` },
          { key: 'cap-', slack: 0, sql: (p) => `NOT (f.cap_units @> ARRAY[${p(reqUnit)}::text])` },
        ]
      : [{ key: 'cap', slack: MATCH_WEIGHTS.capacity, sql: () => 'true' }];
    const certSplits: Split[] = preferred.length
      ? [
          { key: 'cert+', slack: MATCH_WEIGHTS.certifications, sql: (p) => `f.certification_types && ${p(preferred)}::text[]` },
          { key: 'cert-', slack: 0, sql: (p) => `NOT (f.certification_types && ${p(preferred)}::text[])` },
        ]
      : [{ key: 'cert', slack: MATCH_WEIGHTS.certifications, sql: () => 'true' }];
    const needSplits: Split[] = [
      ...(answered.length ? [{ key: 'needs+', slack: MATCH_WEIGHTS.needs, sql: (p: (v: unknown) => string) => `f.needs && ${p(answered)}::text[]` }] : []),
      { key: 'needs0', slack: MATCH_WEIGHTS.needs * NEUTRAL_NEEDS, sql: () => `cardinality(f.needs) = 0` },
      {
        key: 'needs-', slack: 0,
        sql: (p: (v: unknown) => string) => (answered.length ? `cardinality(f.needs) > 0 AND NOT (f.needs && ${p(answered)}::text[])` : `cardinality(f.needs) > 0`),
      },
    ];
    const wideSplits = capSplits.flatMap((c) => certSplits.flatMap((e) => needSplits.map((n) => [c, e, n])));
    const tiers = sectorTiers
      .flatMap((d) => locationTiers.flatMap((l) => {
        const base = MATCH_WEIGHTS.sector * SECTOR_BY_SHARED_DIGITS[d] + MATCH_WEIGHTS.location * LOCATION_BY_LEVEL[l.level];
        if (l.level !== 'province' && l.level !== 'none') return [{ d, l, splits: [] as Split[], ub: 100 * (base + slack) }];
        return wideSplits.map((splits) => ({ d, l, splits, ub: 100 * (base + MATCH_WEIGHTS.trackRecord + splits.reduce((a, x) => a + x.slack, 0)) }));
      }))
      .sort((a, b) => b.ub - a.ub || b.d - a.d || b.l.len - a.l.len);

    let best: (ScoredRow & { scoreNum: number })[] = [];
    const merge = (rows: ScoredRow[]) => {
      best = [...best, ...rows.map((r) => ({ ...r, scoreNum: Number(r.score) }))]
        .sort((a, b) => before({ score: a.scoreNum, id: a.id }, { score: b.scoreNum, id: b.id }))
        .slice(0, need);
    };
    // Few candidates (a selective opportunity): score them all in one query, tiers and all.
    // Only a selective hard filter (regions, required certificates) can make the set small; without
    // one the probe would only cost a scan of the division's index.
    const selective = op.region_codes.some((c) => c.length >= 5) || op.required_certifications.length > 0;
    const small = selective ? await this.scoreSmallCandidateSet(op, { prefixes, divisions, sitePath, preferred, today, cur, need }) : null;
    if (small) merge(small);
    for (const tier of small ? [] : tiers) {
      if (best.length >= need && best[need - 1].scoreNum > tier.ub + 1e-9) break;
      // Every query gets its own parameter list (PostgreSQL rejects parameters a query does not use).
      const { values: params, p } = sqlParams();
      let todayRef: string | undefined;
      const todayP = () => (todayRef ??= `${p(today)}::date`);
      const fixed = {
        reqYearly:
          op.required_quantity && Number(op.required_quantity) > 0 && op.required_unit && op.required_period
            ? `${p(Number(op.required_quantity) * PERIODS_PER_YEAR[op.required_period])}::numeric`
            : null,
        reqUnit: op.required_unit ?? '',
        preferred,
        answered: answeredNeeds(op.pattern, op.support_offered),
        today: todayP,
        p,
      };
      // The division filter is implied by each tier's own KBLI condition (and would only make the
      // planner read the division's whole posting list), so tiers leave it out.
      const base = [`f.kind = 'enterprise'`, `f.scale IN ('MIKRO', 'KECIL')`];
      if (op.region_codes.length) base.push(`f.region_path && ${p(op.region_codes)}::text[]`);
      base.push(...holdsRequiredFastSql([...new Set(op.required_certifications)], todayP, p));
      const cursorSql = cur ? `WHERE (x.score < ${p(cur[0])}::numeric OR (x.score = ${p(cur[0])}::numeric AND x.id > ${p(cur[1])}::uuid))` : '';

      // Exact tier membership, decided on the firm's own columns before anything is scored.
      const where = [...base];
      const deeper = prefixes.filter((x) => x.length > tier.d);
      where.push(tier.d === 2 ? `f.kbli_divisions && ${p(byLen(2))}::text[]` : `f.kbli_prefixes && ${p(byLen(tier.d))}::text[]`);
      if (deeper.length) where.push(`NOT (f.kbli_prefixes && ${p(deeper)}::text[])`);
      if (tier.l.code) {
        where.push(`f.region_path @> ARRAY[${p(tier.l.code)}::text]`);
        const deeperSite = sitePath.filter((c) => c.length > tier.l.len);
        if (deeperSite.length) where.push(`NOT (f.region_path && ${p(deeperSite)}::text[])`);
      } else {
        where.push(`NOT (f.region_path && ${p(sitePath)}::text[])`);
      }
      for (const split of tier.splits) where.push(split.sql(p));
      const parts = fixedPartsSql(fixed, SECTOR_BY_SHARED_DIGITS[tier.d], LOCATION_BY_LEVEL[tier.l.level]);
      const rows: ScoredRow[] = await this.ds.query(
        `SELECT x.*, ${tier.d} AS sector_digits, ${tier.l.len} AS loc_len FROM (
           SELECT y.*, ${fixedScoreSql().replace(/x\./g, 'y.')} AS score FROM (
             SELECT f.id, ${parts} FROM organization f WHERE ${where.join(' AND ')}) y) x
         ${cursorSql} ORDER BY x.score DESC, x.id ASC LIMIT ${need}`,
        params,
      );
      merge(rows);
    }
    const more = best.length > limit;
    const page = best.slice(0, limit);
    const firms = await this.loadFirms(page.map((r) => r.id));
    const names = await this.names(op.kbli_codes, page.flatMap((r) => firms.get(r.id)!.kbli_codes), sitePath);
    const items = page.map((r): MatchItem => {
      const f = firms.get(r.id)!;
      const breakdown = toBreakdown(r);
      return {
        enterprise: { id: f.id, name: f.name, regionCode: f.region_code, scale: f.scale, kbliCodes: f.kbli_codes },
        score: r.scoreNum,
        breakdown,
        reasons: explain(this.reasonInput(f, op, breakdown, today, names), locale),
      };
    });
    return { items, nextCursor: more ? encodeCursor([page[page.length - 1].scoreNum, page[page.length - 1].id]) : null };
  }

  /** OPEN opportunities ranked for one small firm (its members, or the ministry). */
  async recommendations(actor: Actor, enterpriseId: string, q: { limit?: number; cursor?: string }, locale: Locale): Promise<Page<RecommendationItem>> {
    const mayRead = actor.role === Role.MINISTRY || actor.role === Role.ADMIN || actor.organizationId === enterpriseId;
    const firm = mayRead ? (await this.loadFirms([enterpriseId])).get(enterpriseId) : undefined;
    if (!firm) throw notFound('Enterprise');
    const limit = q.limit ?? 20;
    const cur = decodeCursor(q.cursor, 2) as [number, string] | null;
    const today = jakartaToday();
    const params: unknown[] = [enterpriseId, today];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const lateral = partsLateral({
      prefixes: 'jalin_kbli_prefixes(op.kbli_codes)',
      sitePath: 'jalin_region_path(coalesce(op.site_region_code, (SELECT pr.region_code FROM organization pr WHERE pr.id = op.partner_id)))',
      reqQuantity: 'op.required_quantity',
      reqUnit: 'op.required_unit',
      reqPerYear: perYearCase('op.required_period'),
      preferred: 'ARRAY(SELECT DISTINCT unnest(op.preferred_certifications))',
      answered: answeredNeedsSql('op.pattern', 'op.support_offered'),
      today: '$2::date',
    });
    const where = [
      `op.status = 'OPEN'`,
      `(op.closes_at IS NULL OR op.closes_at > now())`,
      `op.kbli_divisions && f.kbli_divisions`,
      `(cardinality(op.region_codes) = 0 OR op.region_codes && f.region_path)`,
      `f.scale IN ('MIKRO', 'KECIL')`,
      holdsRequiredSql('op.required_certifications', '$2::date'),
    ];
    if (cur) where.push(`(s.score < ${p(cur[0])}::numeric OR (s.score = $${params.length}::numeric AND op.id > ${p(cur[1])}::uuid))`);
    const rows: (ScoredRow & OppRow & { opp_id: string })[] = await this.ds.query(
      `SELECT op.id AS opp_id, ${SCORE_COLS}
       FROM (SELECT * FROM organization WHERE id = $1 AND kind = 'enterprise') f
       JOIN opportunity op ON op.kbli_divisions && f.kbli_divisions AND op.status = 'OPEN'
       CROSS JOIN LATERAL (${lateral}) s
       WHERE ${where.join(' AND ')}
       ORDER BY s.score DESC, op.id ASC LIMIT ${limit + 1}`,
      params,
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const opps = await this.loadOpportunities(page.map((r) => r.opp_id));
    const names = await this.names(
      [...opps.values()].flatMap((o) => o.kbli_codes),
      firm.kbli_codes,
      [...new Set([...opps.values()].flatMap((o) => regionPath(o.site_region_code)))],
    );
    const items = page.map((r): RecommendationItem => {
      const op = opps.get(r.opp_id)!;
      const breakdown = toBreakdown(r);
      return {
        opportunity: {
          id: op.id, title: op.title, pattern: op.pattern, partnerId: op.partner_id, partnerName: op.partner_name,
          kbliCodes: op.kbli_codes, siteRegionCode: op.site_region_code, slots: op.slots, closesAt: op.closes_at,
        },
        score: Number(r.score),
        breakdown,
        reasons: explain(this.reasonInput(firm, op, breakdown, today, names), locale),
      };
    });
    const last = page[page.length - 1];
    return { items, nextCursor: more ? encodeCursor([Number(last.score), last.opp_id]) : null };
  }

  /**
   * When at most SMALL_SET firms pass the hard filters, one query scores them all (the general
   * expression of match-sql.ts); otherwise null and the tier walk takes over.
   */
  private async scoreSmallCandidateSet(
    op: OppRow,
    x: { prefixes: string[]; divisions: string[]; sitePath: string[]; preferred: string[]; today: string; cur: [number, string] | null; need: number },
  ): Promise<ScoredRow[] | null> {
    const SMALL_SET = loadEnv().MATCH_SMALL_SET;
    const { values, p } = sqlParams();
    let todayRef: string | undefined;
    const today = () => (todayRef ??= `${p(x.today)}::date`);
    // The selective filters lead the index scan; the division (a long posting list) is only rechecked.
    const where = [`f.kind = 'enterprise'`, `f.scale IN ('MIKRO', 'KECIL')`, `(f.kbli_divisions && ${p(x.divisions)}::text[]) IS TRUE`];
    if (op.region_codes.length) where.push(`f.region_path && ${p(op.region_codes)}::text[]`);
    where.push(...holdsRequiredFastSql([...new Set(op.required_certifications)], today, p));
    const whereParams = values.length;
    const lateral = partsLateral({
      prefixes: `${p(x.prefixes)}::text[]`,
      sitePath: `${p(x.sitePath)}::text[]`,
      reqQuantity: `${p(op.required_quantity)}::numeric`,
      reqUnit: `${p(op.required_unit)}::text`,
      reqPerYear: `${p(op.required_period ? PERIODS_PER_YEAR[op.required_period] : 1)}::numeric`,
      preferred: `${p(x.preferred)}::text[]`,
      answered: `${p(answeredNeeds(op.pattern, op.support_offered))}::text[]`,
      today: today(),
    });
    const cursorSql = x.cur ? `AND (s.score < ${p(x.cur[0])}::numeric OR (s.score = ${p(x.cur[0])}::numeric AND f.id > ${p(x.cur[1])}::uuid))` : '';
    const rows: (ScoredRow & { total: number })[] = await this.ds.query(
      `WITH c AS MATERIALIZED (SELECT f.* FROM organization f WHERE ${where.join(' AND ')} LIMIT ${SMALL_SET + 1}),
            n AS (SELECT count(*)::int AS total FROM c)
       SELECT f.id, ${SCORE_COLS}, n.total FROM n, c f CROSS JOIN LATERAL (${lateral}) s
       WHERE n.total <= ${SMALL_SET} ${cursorSql}
       ORDER BY s.score DESC, f.id ASC LIMIT ${x.need}`,
      values,
    );
    if (rows.length) return rows;
    // No rows: either nothing qualifies (small, empty) or too many to take this path.
    const [{ total }] = await this.ds.query(
      `SELECT count(*)::int AS total FROM (SELECT 1 FROM organization f WHERE ${where.join(' AND ')} LIMIT ${SMALL_SET + 1}) c`,
      values.slice(0, whereParams),
    );
    return total <= SMALL_SET ? [] : null;
  }

  private async loadOpportunity(id: string): Promise<OppRow | null> {
    return (await this.loadOpportunities([id])).get(id) ?? null;
  }

  /** One query for a page of opportunities (never one per item). */
  private async loadOpportunities(ids: string[]): Promise<Map<string, OppRow>> {
    if (!ids.length) return new Map();
    const rows: OppRow[] = await this.ds.query(
      `SELECT op.id, op.partner_id, p.name AS partner_name, op.pattern, op.title, op.kbli_codes, op.region_codes,
              coalesce(op.site_region_code, p.region_code) AS site_region_code, op.required_quantity, op.required_unit,
              op.required_period, op.required_certifications, op.preferred_certifications, op.support_offered, op.slots, op.closes_at
       FROM opportunity op JOIN organization p ON p.id = op.partner_id WHERE op.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async loadFirms(ids: string[]): Promise<Map<string, FirmRow>> {
    if (!ids.length) return new Map();
    const rows: FirmRow[] = await this.ds.query(`SELECT ${FIRM_COLS} FROM organization f WHERE f.id = ANY($1::uuid[]) AND f.kind = 'enterprise'`, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async names(oppCodes: string[], firmCodes: string[], regionCodes: string[]) {
    const codes = [...new Set([...kbliPrefixes(oppCodes), ...kbliPrefixes(firmCodes)])];
    const [k, r] = await Promise.all([
      this.ds.query(`SELECT code, title FROM kbli WHERE code = ANY($1)`, [codes]) as Promise<{ code: string; title: string }[]>,
      this.ds.query(`SELECT code, name FROM region WHERE code = ANY($1)`, [regionCodes]) as Promise<{ code: string; name: string }[]>,
    ]);
    return { kbliTitles: new Map(k.map((x) => [x.code, x.title])), regionNames: new Map(r.map((x) => [x.code, x.name])) };
  }

  private reasonInput(f: FirmRow, op: OppRow, breakdown: Breakdown, today: string, names: { kbliTitles: Map<string, string>; regionNames: Map<string, string> }) {
    return {
      firm: {
        kbliCodes: f.kbli_codes,
        regionCode: f.region_code,
        capacities: f.capacities,
        certifications: f.certifications,
        needs: f.needs,
        agreementsCompleted: f.agreements_completed,
        agreementsTerminated: f.agreements_terminated,
        sessionsConfirmed: f.sessions_confirmed,
      },
      opportunity: {
        kbliCodes: op.kbli_codes,
        siteRegionCode: op.site_region_code,
        required: op.required_quantity && op.required_unit && op.required_period
          ? { quantity: Number(op.required_quantity), unit: op.required_unit, period: op.required_period }
          : null,
        preferred: op.preferred_certifications,
        pattern: op.pattern,
        support: op.support_offered,
      },
      breakdown,
      today,
      ...names,
    };
  }
}
