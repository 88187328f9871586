import { createHash } from 'node:crypto';
import {
  LEVEL_BY_CODE_LENGTH,
  LOCATION_BY_LEVEL,
  MATCH_WEIGHTS,
  NEEDS_ANSWERED_BY_PATTERN,
  NEEDS_ANSWERED_BY_SUPPORT,
  NEUTRAL_NEEDS,
  PERIODS_PER_YEAR,
  SECTOR_BY_SHARED_DIGITS,
} from './scoring.js';

/**
 * Bump when the SQL of the score changes in a way the tables it embeds do not show; every cache built
 * under another fingerprint is ignored by readers and rebuilt by the next sweep.
 */
const SCORING_SQL_VERSION = 1;
/** Fingerprint of the score's definition: a cache built under another one is never read. */
export const SCORING_FINGERPRINT = createHash('sha1')
  .update(JSON.stringify({ v: SCORING_SQL_VERSION, MATCH_WEIGHTS, SECTOR_BY_SHARED_DIGITS, LOCATION_BY_LEVEL, LEVEL_BY_CODE_LENGTH, NEEDS_ANSWERED_BY_PATTERN, NEEDS_ANSWERED_BY_SUPPORT, NEUTRAL_NEEDS, PERIODS_PER_YEAR }))
  .digest('hex')
  .slice(0, 16);

/**
 * The score of scoring.ts as SQL, over the firm's precomputed columns (cap_units/cap_yearly,
 * cert_types/cert_valid_until, needs, track_record). `f` is the firm (organization row); the
 * opportunity side is given as SQL expressions — bound parameters when ranking firms for one
 * opportunity, columns when ranking opportunities for one firm.
 *
 * Every path (the tier walk's unrolled form in fixedPartsSql, this general form, the match cache's
 * refresh) does the same numeric arithmetic on the same values, so the same firm and opportunity
 * always get the very same score, to the last digit: a cached ranking and a live one never disagree.
 */
export interface OpportunitySide {
  /** text[]: every KBLI prefix (2+ digits) of the opportunity's codes */
  prefixes: string;
  /** text[]: the site's region code and its ancestors */
  sitePath: string;
  /** numeric or NULL, text or NULL, text (WEEK/MONTH/YEAR) or NULL */
  reqQuantity: string;
  reqUnit: string;
  reqPeriod: string;
  /** text[] (distinct) */
  preferred: string;
  /** text[] (distinct): the needs the opportunity answers */
  answered: string;
  /** date */
  today: string;
}

const num = (n: number) => n.toString();

const sectorCase = (digits: string) =>
  `CASE ${digits} ${Object.entries(SECTOR_BY_SHARED_DIGITS).map(([d, v]) => `WHEN ${d} THEN ${num(v)}`).join(' ')} ELSE 0 END`;
const locationCase = (len: string) =>
  `CASE ${len} ${Object.entries(LEVEL_BY_CODE_LENGTH).map(([l, lvl]) => `WHEN ${l} THEN ${num(LOCATION_BY_LEVEL[lvl])}`).join(' ')} ELSE 0 END`;
const perYearCase = (period: string) =>
  `CASE ${period} ${Object.entries(PERIODS_PER_YEAR).map(([p, n]) => `WHEN '${p}' THEN ${n}`).join(' ')} ELSE 1 END`;

/** SQL text[] of the needs an opportunity row answers (pattern + support offered), distinct. */
export function answeredNeedsSql(pattern: string, support: string): string {
  const values = NEEDS_ANSWERED_BY_SUPPORT.map(([s, n]) => `('${s}','${n}')`).join(',');
  const byPattern = Object.entries(NEEDS_ANSWERED_BY_PATTERN)
    .map(([p, ns]) => `WHEN '${p}' THEN ARRAY[${ns.map((n) => `'${n}'`).join(',')}]`)
    .join(' ');
  return `ARRAY(SELECT m.n FROM (VALUES ${values}) m(s, n) WHERE m.s = ANY(${support})
            UNION SELECT unnest(CASE ${pattern} ${byPattern} ELSE ARRAY[]::text[] END))`;
}

/** SQL numeric: the firm's yearly capacity in the unit (an SQL text expression), 0 when it has none. */
const yearlyIn = (unit: string) => `coalesce(f.cap_yearly[array_position(f.cap_units, lower(trim(${unit})))], 0)`;
/** SQL boolean: the firm holds a certificate of the type (SQL text), valid on the day (SQL date). */
const validOn = (type: string, today: string) => `(coalesce(f.cert_valid_until[array_position(f.cert_types, ${type})], '-infinity'::date) >= ${today})`;

/**
 * A LATERAL subquery yielding, per firm: sector_digits, loc_len, the six parts, and score
 * (0–100, two decimals). Use as `CROSS JOIN LATERAL (${partsLateral(...)}) s`.
 */
export function partsLateral(o: OpportunitySide): string {
  const raw = `SELECT
      (SELECT coalesce(max(length(p)), 0) FROM unnest(f.kbli_prefixes) p WHERE p = ANY(${o.prefixes})) AS sector_digits,
      (SELECT coalesce(max(length(p)), 0) FROM unnest(f.region_path) p WHERE p = ANY(${o.sitePath})) AS loc_len,
      CASE WHEN ${o.reqQuantity} IS NULL OR ${o.reqQuantity} <= 0 OR coalesce(${o.reqUnit}, '') = '' OR ${o.reqPeriod} IS NULL THEN 1::numeric
        ELSE least(1, ${yearlyIn(o.reqUnit)} / (${o.reqQuantity} * ${perYearCase(o.reqPeriod)})) END AS capacity,
      CASE WHEN cardinality(${o.preferred}) = 0 THEN 1::numeric ELSE (
        SELECT count(*) FROM unnest(${o.preferred}) t WHERE ${validOn('t', o.today)})::numeric / cardinality(${o.preferred}) END AS certifications,
      CASE WHEN cardinality(f.needs) = 0 THEN ${num(NEUTRAL_NEEDS)}::numeric ELSE (
        SELECT count(*) FROM unnest(${o.answered}) n WHERE f.needs @> ARRAY[n])::numeric / cardinality(f.needs) END AS needs,
      f.track_record::numeric AS track_record`;
  return `SELECT r.*, ${fixedScoreSql('r')} AS score
    FROM (SELECT q.*, ${sectorCase('q.sector_digits')} AS sector, ${locationCase('q.loc_len')} AS location FROM (${raw}) q) r`;
}

/** SQL boolean: the firm holds every required certification, valid on `today`. */
export function holdsRequiredSql(required: string, today: string): string {
  return `NOT EXISTS (SELECT 1 FROM unnest(${required}) rq WHERE NOT ${validOn('rq', today)})`;
}

/**
 * The same score for ONE known opportunity, unrolled into plain array look-ups on the precomputed
 * columns: no per-row subqueries. Within a tier the sector and location parts are constants, passed in.
 */
export interface FixedOpportunity {
  /** the opportunity's required quantity as PostgreSQL returned it, unit and period; null when nothing is required */
  required: { quantity: string; unit: string; period: keyof typeof PERIODS_PER_YEAR } | null;
  /** distinct */
  preferred: string[];
  /** distinct */
  answered: string[];
  /** SQL date of today, created on first use */
  today: () => string;
  p: (v: unknown) => string;
}

export function fixedPartsSql(o: FixedOpportunity, sector: number, location: number): string {
  const capacity = o.required === null
    ? '1::numeric'
    : `least(1, ${yearlyIn(`${o.p(o.required.unit)}::text`)} / (${o.p(o.required.quantity)}::numeric * ${PERIODS_PER_YEAR[o.required.period]}))`;
  const certs = o.preferred.length
    ? `((${o.preferred.map((t) => `${validOn(`${o.p(t)}::text`, o.today())}::int`).join(' + ')})::numeric / ${o.preferred.length})`
    : '1::numeric';
  const needs = o.answered.length
    ? `CASE WHEN cardinality(f.needs) = 0 THEN ${num(NEUTRAL_NEEDS)}::numeric ELSE (${o.answered
        .map((n) => `(f.needs @> ARRAY[${o.p(n)}::text])::int`)
        .join(' + ')})::numeric / cardinality(f.needs) END`
    : `CASE WHEN cardinality(f.needs) = 0 THEN ${num(NEUTRAL_NEEDS)}::numeric ELSE 0::numeric / cardinality(f.needs) END`;
  return `${num(sector)} AS sector, ${num(location)} AS location, ${capacity} AS capacity,
    ${certs} AS certifications, ${needs} AS needs, f.track_record::numeric AS track_record`;
}

/** SQL numeric 0–100, two decimals: the weighted sum of the parts of the row `alias`. */
export function fixedScoreSql(alias = 'x'): string {
  const w = MATCH_WEIGHTS;
  const x = alias;
  return `round(100 * (${num(w.sector)} * ${x}.sector + ${num(w.location)} * ${x}.location + ${num(w.capacity)} * ${x}.capacity
    + ${num(w.certifications)} * ${x}.certifications + ${num(w.needs)} * ${x}.needs + ${num(w.trackRecord)} * ${x}.track_record)::numeric, 2)`;
}

/** Required certificates held and valid, unrolled over the precomputed columns. */
export function holdsRequiredFastSql(required: string[], today: () => string, p: (v: unknown) => string): string[] {
  if (!required.length) return [];
  return [
    `f.cert_types @> ${p(required)}::text[]`,
    ...required.map((t) => validOn(`${p(t)}::text`, today())),
  ];
}
