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
 * The score of scoring.ts as SQL, built from the same tables. `f` is the firm (organization row);
 * the opportunity side is given as SQL expressions — bound parameters when ranking firms for one
 * opportunity, columns when ranking opportunities for one firm.
 */
export interface OpportunitySide {
  /** text[]: every KBLI prefix (2+ digits) of the opportunity's codes */
  prefixes: string;
  /** text[]: the site's region code and its ancestors */
  sitePath: string;
  /** numeric or NULL, text, numeric (periods per year) */
  reqQuantity: string;
  reqUnit: string;
  reqPerYear: string;
  /** text[] (distinct) */
  preferred: string;
  /** text[]: the needs the opportunity answers */
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

/** SQL text[] of the needs an opportunity row answers (pattern + support offered). */
export function answeredNeedsSql(pattern: string, support: string): string {
  const values = NEEDS_ANSWERED_BY_SUPPORT.map(([s, n]) => `('${s}','${n}')`).join(',');
  const byPattern = Object.entries(NEEDS_ANSWERED_BY_PATTERN)
    .map(([p, ns]) => `WHEN '${p}' THEN ARRAY[${ns.map((n) => `'${n}'`).join(',')}]`)
    .join(' ');
  return `ARRAY(SELECT m.n FROM (VALUES ${values}) m(s, n) WHERE m.s = ANY(${support})
            UNION SELECT unnest(CASE ${pattern} ${byPattern} ELSE ARRAY[]::text[] END))`;
}

export { perYearCase };

/**
 * A LATERAL subquery yielding, per firm: sector_digits, loc_len, the six parts, and score
 * (0–100, two decimals). Use as `CROSS JOIN LATERAL (${partsLateral(...)}) s`.
 */
export function partsLateral(o: OpportunitySide): string {
  const raw = `SELECT
      (SELECT coalesce(max(length(p)), 0) FROM unnest(f.kbli_prefixes) p WHERE p = ANY(${o.prefixes})) AS sector_digits,
      (SELECT coalesce(max(length(p)), 0) FROM unnest(f.region_path) p WHERE p = ANY(${o.sitePath})) AS loc_len,
      CASE WHEN ${o.reqQuantity} IS NULL OR ${o.reqQuantity} <= 0 THEN 1::numeric ELSE coalesce((
        SELECT max(least(1, (c->>'quantity')::numeric * ${perYearCase("c->>'period'")} / (${o.reqPerYear}) / ${o.reqQuantity}))
        FROM jsonb_array_elements(f.capacities) c WHERE lower(trim(c->>'unit')) = lower(trim(${o.reqUnit}))), 0) END AS capacity,
      CASE WHEN cardinality(${o.preferred}) = 0 THEN 1::numeric ELSE (
        SELECT count(DISTINCT e->>'type') FROM jsonb_array_elements(f.certifications) e
        WHERE e->>'type' = ANY(${o.preferred}) AND (e->>'validUntil' IS NULL OR (e->>'validUntil')::date >= ${o.today}))::numeric
        / cardinality(${o.preferred}) END AS certifications,
      CASE WHEN cardinality(f.needs) = 0 THEN ${num(NEUTRAL_NEEDS)}::numeric ELSE (
        SELECT count(*) FROM unnest(f.needs) n WHERE n = ANY(${o.answered}))::numeric / cardinality(f.needs) END AS needs,
      f.track_record::numeric AS track_record`;
  const w = MATCH_WEIGHTS;
  return `SELECT r.*, ${sectorCase('r.sector_digits')}::numeric AS sector, ${locationCase('r.loc_len')}::numeric AS location,
      round(100 * (${num(w.sector)} * ${sectorCase('r.sector_digits')} + ${num(w.location)} * ${locationCase('r.loc_len')}
        + ${num(w.capacity)} * r.capacity + ${num(w.certifications)} * r.certifications
        + ${num(w.needs)} * r.needs + ${num(w.trackRecord)} * r.track_record)::numeric, 2) AS score
    FROM (${raw}) r`;
}

/** SQL boolean: the firm holds every required certification, valid on `today`. */
export function holdsRequiredSql(required: string, today: string): string {
  return `NOT EXISTS (SELECT 1 FROM unnest(${required}) rq WHERE NOT EXISTS (
      SELECT 1 FROM jsonb_array_elements(f.certifications) e
      WHERE e->>'type' = rq AND (e->>'validUntil' IS NULL OR (e->>'validUntil')::date >= ${today})))`;
}

/**
 * The same score for ONE known opportunity, unrolled into plain array look-ups on the precomputed
 * columns (cap_units/cap_yearly, cert_types/cert_valid_until): no per-row subqueries. Within a tier
 * the sector and location parts are constants, passed in.
 */
export interface FixedOpportunity {
  /** SQL numeric: required quantity per year, or null when nothing is required */
  reqYearly: string | null;
  reqUnit: string;
  preferred: string[];
  answered: string[];
  /** SQL date of today, created on first use */
  today: () => string;
  p: (v: unknown) => string;
}

export function fixedPartsSql(o: FixedOpportunity, sector: number, location: number): string {
  const validOn = (type: string) =>
    `(coalesce(f.cert_valid_until[array_position(f.cert_types, ${o.p(type)}::text)], '-infinity'::date) >= ${o.today()})`;
  const capacity = o.reqYearly === null
    ? '1::numeric'
    : `least(1, coalesce(f.cap_yearly[array_position(f.cap_units, ${o.p(o.reqUnit.trim().toLowerCase())}::text)], 0) / ${o.reqYearly})`;
  const certs = o.preferred.length
    ? `((${o.preferred.map((t) => `${validOn(t)}::int`).join(' + ')})::numeric / ${o.preferred.length})`
    : '1::numeric';
  const needs = o.answered.length
    ? `CASE WHEN cardinality(f.needs) = 0 THEN ${num(NEUTRAL_NEEDS)}::numeric ELSE (${o.answered
        .map((n) => `(f.needs @> ARRAY[${o.p(n)}::text])::int`)
        .join(' + ')})::numeric / cardinality(f.needs) END`
    : `CASE WHEN cardinality(f.needs) = 0 THEN ${num(NEUTRAL_NEEDS)}::numeric ELSE 0::numeric END`;
  return `${num(sector)}::numeric AS sector, ${num(location)}::numeric AS location, ${capacity} AS capacity,
    ${certs} AS certifications, ${needs} AS needs, f.track_record::numeric AS track_record`;
}

export function fixedScoreSql(): string {
  const w = MATCH_WEIGHTS;
  return `round(100 * (${num(w.sector)} * x.sector + ${num(w.location)} * x.location + ${num(w.capacity)} * x.capacity
    + ${num(w.certifications)} * x.certifications + ${num(w.needs)} * x.needs + ${num(w.trackRecord)} * x.track_record)::numeric, 2)`;
}

/** Required certificates held and valid, unrolled over the precomputed columns. */
export function holdsRequiredFastSql(required: string[], today: () => string, p: (v: unknown) => string): string[] {
  if (!required.length) return [];
  return [
    `f.cert_types @> ${p(required)}::text[]`,
    ...required.map((t) => `coalesce(f.cert_valid_until[array_position(f.cert_types, ${p(t)}::text)], '-infinity'::date) >= ${today()}`),
  ];
}
