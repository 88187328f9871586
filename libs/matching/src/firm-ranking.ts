import { sqlParams } from '@jalin/core';
import { answeredNeedsSql, fixedPartsSql, type FixedOpportunity, fixedScoreSql, holdsRequiredFastSql, holdsRequiredSql, partsLateral } from './match-sql.js';
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
  type Period,
  regionPath,
  SECTOR_BY_SHARED_DIGITS,
} from './scoring.js';

/** What runs SQL: a DataSource or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface OppRow {
  id: string;
  partner_id: string;
  partner_name: string;
  pattern: Pattern;
  title: string;
  status: string;
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

/** One firm's score for one opportunity, as PostgreSQL computed it (numerics as text). */
export interface ScoredRow {
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
export type RankedRow = ScoredRow & { scoreNum: number };

/** Ranking position of a firm: score descending, then id ascending (PostgreSQL orders uuids as their hex text). */
export type Cursor = [score: number, id: string];

export const SCORE_COLS = `s.sector_digits, s.loc_len, s.sector, s.location, s.capacity, s.certifications, s.needs, s.track_record, s.score`;

const round4 = (v: string | number) => Math.round(Number(v) * 10000) / 10000;
export const toBreakdown = (r: ScoredRow): Breakdown => ({
  sector: round4(r.sector),
  location: round4(r.location),
  capacity: round4(r.capacity),
  certifications: round4(r.certifications),
  needs: round4(r.needs),
  trackRecord: round4(r.track_record),
});

const before = (a: { score: number; id: string }, b: { score: number; id: string }) =>
  a.score !== b.score ? b.score - a.score : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Today's date in Jakarta (the platform's reference day for certificate validity). */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}

/** One query for a set of opportunities (never one per item); the site defaults to the partner's region. */
export async function loadOpportunities(db: Queryable, ids: string[]): Promise<Map<string, OppRow>> {
  if (!ids.length) return new Map();
  const rows: OppRow[] = await db.query(
    `SELECT op.id, op.partner_id, p.name AS partner_name, op.pattern, op.title, op.status, op.kbli_codes, op.region_codes,
            coalesce(op.site_region_code, p.region_code) AS site_region_code, op.required_quantity, op.required_unit,
            op.required_period, op.required_certifications, op.preferred_certifications, op.support_offered, op.slots, op.closes_at
     FROM opportunity op JOIN organization p ON p.id = op.partner_id WHERE op.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The required quantity when the opportunity states one completely (quantity > 0, unit, period), else null. */
function requiredOf(op: OppRow): FixedOpportunity['required'] {
  return op.required_quantity !== null && Number(op.required_quantity) > 0 && op.required_unit && op.required_period
    ? { quantity: op.required_quantity, unit: op.required_unit, period: op.required_period }
    : null;
}

/** The hard filters of issue 3 as SQL on `f` (besides the KBLI division, which each caller states its own way). */
function hardFilters(op: OppRow, today: () => string, p: (v: unknown) => string): string[] {
  const where = [`f.kind = 'enterprise'`, `f.scale IN ('MIKRO', 'KECIL')`];
  if (op.region_codes.length) where.push(`f.region_path && ${p(op.region_codes)}::text[]`);
  where.push(...holdsRequiredFastSql([...new Set(op.required_certifications)], today, p));
  return where;
}

/**
 * Small firms ranked for one opportunity: the exact top `need` rows after `cur` of the documented
 * score, ties broken by id.
 *
 * Rather than score every firm of the division, firms are visited in tiers of (shared KBLI depth ×
 * location level), each tier found through GIN indexes. A tier's best possible score is known in
 * advance (its sector and location values plus full marks for the other parts), so tiers are taken
 * in that order and the walk stops once `need` rows are held with scores no later tier can reach.
 * When a selective hard filter leaves at most `smallSet` firms, one query scores them all instead.
 */
export async function rankFirms(db: Queryable, op: OppRow, o: { cur: Cursor | null; need: number; today: string; smallSet: number }): Promise<RankedRow[]> {
  const { cur, need, today } = o;
  const prefixes = kbliPrefixes(op.kbli_codes);
  const sitePath = regionPath(op.site_region_code);
  const preferred = [...new Set(op.preferred_certifications)];
  const answered = answeredNeeds(op.pattern, op.support_offered);
  const required = requiredOf(op);
  const slack = MATCH_WEIGHTS.capacity + MATCH_WEIGHTS.certifications + MATCH_WEIGHTS.needs + MATCH_WEIGHTS.trackRecord;
  const byLen = (d: number) => prefixes.filter((x) => x.length === d);
  const sectorTiers = ([5, 4, 3, 2] as const).filter((d) => byLen(d).length);
  // A firm inside one of `regionCodes` shares at least that code's ancestors with the site: location
  // tiers shallower than the least of those are empty, and are never queried.
  const floor = op.region_codes.length
    ? Math.min(...op.region_codes.map((rc) => Math.max(0, ...regionPath(rc).filter((c) => sitePath.includes(c)).map((c) => c.length))))
    : 0;
  const locationTiers: { len: number; code: string | null; level: LocationLevel }[] = [
    ...sitePath.map((code) => ({ len: code.length, code, level: LEVEL_BY_CODE_LENGTH[code.length] })),
    { len: 0, code: null, level: 'none' as const },
  ].filter((l) => l.len >= floor);
  // Wide tiers (same province or farther) are split further by what the firm's own columns say
  // about the other parts: no capacity in the required unit → capacity 0; none of the preferred
  // certificate types → 0; needs answered / none diagnosed / none answered → ≤1 / 0.5 / 0.
  // Each split tightens the tier's best possible score, so most of a wide tier is never scored.
  type Split = { sql: (p: (v: unknown) => string) => string; slack: number; key: string };
  const unitSql = (p: (v: unknown) => string) => `ARRAY[lower(trim(${p(required!.unit)}::text))]`;
  const capSplits: Split[] = required
    ? [
        { key: 'cap+', slack: MATCH_WEIGHTS.capacity, sql: (p) => `f.cap_units @> ${unitSql(p)}` },
        { key: 'cap-', slack: 0, sql: (p) => `NOT (f.cap_units @> ${unitSql(p)})` },
      ]
    : [{ key: 'cap', slack: MATCH_WEIGHTS.capacity, sql: () => 'true' }];
  // On the generated cert_types (GIN-indexed), which the score itself reads: a split can never
  // disagree with the score, whatever wrote the certificates.
  const certSplits: Split[] = preferred.length
    ? [
        { key: 'cert+', slack: MATCH_WEIGHTS.certifications, sql: (p) => `f.cert_types && ${p(preferred)}::text[]` },
        { key: 'cert-', slack: 0, sql: (p) => `NOT (f.cert_types && ${p(preferred)}::text[])` },
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

  let best: RankedRow[] = [];
  const merge = (rows: ScoredRow[]) => {
    best = [...best, ...rows.map((r) => ({ ...r, scoreNum: Number(r.score) }))]
      .sort((a, b) => before({ score: a.scoreNum, id: a.id }, { score: b.scoreNum, id: b.id }))
      .slice(0, need);
  };
  // Few candidates (a selective opportunity): score them all in one query, tiers and all.
  // Only a selective hard filter (regions, required certificates) can make the set small; without
  // one the probe would only cost a scan of the division's index.
  const selective = op.region_codes.some((c) => c.length >= 5) || op.required_certifications.length > 0;
  const small = selective ? await scoreSmallCandidateSet(db, op, { today, cur, need, smallSet: o.smallSet }) : null;
  if (small) merge(small);
  for (const tier of small ? [] : tiers) {
    if (best.length >= need && best[need - 1].scoreNum > tier.ub + 1e-9) break;
    // Every query gets its own parameter list (PostgreSQL rejects parameters a query does not use).
    const { values: params, p } = sqlParams();
    let todayRef: string | undefined;
    const todayP = () => (todayRef ??= `${p(today)}::date`);
    // The division filter is implied by each tier's own KBLI condition (and would only make the
    // planner read the division's whole posting list), so tiers leave it out.
    const where = hardFilters(op, todayP, p);
    const cursorSql = cur ? `WHERE (x.score < ${p(cur[0])}::numeric OR (x.score = ${p(cur[0])}::numeric AND x.id > ${p(cur[1])}::uuid))` : '';
    // Exact tier membership, decided on the firm's own columns before anything is scored.
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
    const parts = fixedPartsSql({ required, preferred, answered, today: todayP, p }, SECTOR_BY_SHARED_DIGITS[tier.d], LOCATION_BY_LEVEL[tier.l.level]);
    const rows: ScoredRow[] = await db.query(
      `SELECT x.*, ${tier.d} AS sector_digits, ${tier.l.len} AS loc_len FROM (
         SELECT y.*, ${fixedScoreSql('y')} AS score FROM (
           SELECT f.id, ${parts} FROM organization f WHERE ${where.join(' AND ')}) y) x
       ${cursorSql} ORDER BY x.score DESC, x.id ASC LIMIT ${need}`,
      params,
    );
    merge(rows);
  }
  return best;
}

/**
 * For one opportunity, as bound parameters: the hard filters on `f` (division included) and the
 * LATERAL scoring subquery of match-sql.ts. `where` uses only the parameters created first.
 */
export function scoringForOpportunity(op: OppRow, day: string, p: (v: unknown) => string): { where: string[]; whereParams: number; lateral: string } {
  let todayRef: string | undefined;
  let whereParams = 0;
  const counted = (v: unknown) => (whereParams++, p(v));
  const today = () => (todayRef ??= `${counted(day)}::date`);
  const divisions = [...new Set(op.kbli_codes.map((c) => c.slice(0, 2)))];
  const where = [...hardFilters(op, today, counted), `(f.kbli_divisions && ${counted(divisions)}::text[]) IS TRUE`];
  const lateral = partsLateral({
    prefixes: `${p(kbliPrefixes(op.kbli_codes))}::text[]`,
    sitePath: `${p(regionPath(op.site_region_code))}::text[]`,
    reqQuantity: `${p(op.required_quantity)}::numeric`,
    reqUnit: `${p(op.required_unit)}::text`,
    reqPeriod: `${p(op.required_period)}::text`,
    preferred: `${p([...new Set(op.preferred_certifications)])}::text[]`,
    answered: `${p(answeredNeeds(op.pattern, op.support_offered))}::text[]`,
    today: today(),
  });
  return { where, whereParams, lateral };
}

/**
 * When at most `smallSet` firms pass the hard filters, one query scores them all (the general
 * expression of match-sql.ts); otherwise null and the tier walk takes over.
 */
async function scoreSmallCandidateSet(
  db: Queryable,
  op: OppRow,
  x: { today: string; cur: Cursor | null; need: number; smallSet: number },
): Promise<ScoredRow[] | null> {
  const { values, p } = sqlParams();
  // The selective filters lead the index scan; the division (a long posting list) is only rechecked.
  const { where, whereParams, lateral } = scoringForOpportunity(op, x.today, p);
  const cursorSql = x.cur ? `AND (s.score < ${p(x.cur[0])}::numeric OR (s.score = ${p(x.cur[0])}::numeric AND f.id > ${p(x.cur[1])}::uuid))` : '';
  const rows: (ScoredRow & { total: number })[] = await db.query(
    `WITH c AS MATERIALIZED (SELECT f.* FROM organization f WHERE ${where.join(' AND ')} LIMIT ${x.smallSet + 1}),
          n AS (SELECT count(*)::int AS total FROM c)
     SELECT f.id, ${SCORE_COLS}, n.total FROM n, c f CROSS JOIN LATERAL (${lateral}) s
     WHERE n.total <= ${x.smallSet} ${cursorSql}
     ORDER BY s.score DESC, f.id ASC LIMIT ${x.need}`,
    values,
  );
  if (rows.length) return rows;
  // No rows: either nothing qualifies (small, empty) or too many to take this path.
  const [{ total }] = await db.query(
    `SELECT count(*)::int AS total FROM (SELECT 1 FROM organization f WHERE ${where.join(' AND ')} LIMIT ${x.smallSet + 1}) c`,
    values.slice(0, whereParams),
  );
  return total <= x.smallSet ? [] : null;
}

/**
 * SQL scoring (firm × opportunity) pairs set-based, with the hard filters applied: a pair that fails
 * one has no row. The caller chooses the firms (a condition on `f`) and the opportunities (on `op`);
 * each opportunity's side (prefixes, site path, distinct certificates, answered needs) is computed
 * once. Rows: opportunity_id, id (the firm), the score columns. Used by the recommendations, the
 * match cache's refresh and tests.
 */
export function pairScoresSql(x: { firms: string; opportunities: string; today: string }): string {
  const lateral = partsLateral({
    prefixes: 'o.prefixes',
    sitePath: 'o.site_path',
    reqQuantity: 'o.required_quantity',
    reqUnit: 'o.required_unit',
    reqPeriod: 'o.required_period',
    preferred: 'o.preferred',
    answered: 'o.answered',
    today: x.today,
  });
  return `WITH o AS MATERIALIZED (
       SELECT op.id, op.kbli_divisions, op.region_codes, op.required_quantity, op.required_unit, op.required_period,
              ARRAY(SELECT DISTINCT unnest(op.required_certifications)) AS required,
              ARRAY(SELECT DISTINCT unnest(op.preferred_certifications)) AS preferred,
              ${answeredNeedsSql('op.pattern', 'op.support_offered')} AS answered,
              jalin_kbli_prefixes(op.kbli_codes) AS prefixes,
              jalin_region_path(coalesce(op.site_region_code, pr.region_code)) AS site_path
       FROM opportunity op JOIN organization pr ON pr.id = op.partner_id WHERE ${x.opportunities})
     SELECT o.id AS opportunity_id, f.id, ${SCORE_COLS}
     FROM organization f JOIN o ON o.kbli_divisions && f.kbli_divisions
     CROSS JOIN LATERAL (${lateral}) s
     WHERE ${x.firms} AND f.kind = 'enterprise' AND f.scale IN ('MIKRO', 'KECIL')
       AND (cardinality(o.region_codes) = 0 OR o.region_codes && f.region_path)
       AND ${holdsRequiredSql('o.required', x.today)}`;
}

/** Scores of the given firms for each of the given opportunities (pairScoresSql by ids). */
export async function scoreFirmsForOpportunities(db: Queryable, firmIds: string[], opportunityIds: string[], today: string): Promise<(ScoredRow & { opportunity_id: string })[]> {
  if (!firmIds.length || !opportunityIds.length) return [];
  return db.query(pairScoresSql({ firms: 'f.id = ANY($1::uuid[])', opportunities: 'op.id = ANY($2::uuid[])', today: '$3::date' }), [firmIds, opportunityIds, today]);
}
