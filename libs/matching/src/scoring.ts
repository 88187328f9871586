import { kbliPrefixes, regionPath } from '@jalin/core';

/**
 * The match score, in one documented place. A match is scored 0–100 as the weighted sum of six
 * parts, each 0–1. Ranking happens in PostgreSQL (see match-sql.ts), built from these same tables;
 * the functions here are the reference definition, used for explanations and unit tests.
 */

export type Pattern = 'INTI_PLASMA' | 'SUBCONTRACT';
export type Period = 'WEEK' | 'MONTH' | 'YEAR';
export type Need = 'CAPITAL' | 'MARKETING' | 'RAW_MATERIALS' | 'TECHNOLOGY' | 'MANAGEMENT' | 'BUREAUCRACY' | 'INFRASTRUCTURE' | 'PARTNERSHIP';

/** Weights of the parts; they sum to 1. */
export const MATCH_WEIGHTS = {
  /** deepest shared KBLI level */
  sector: 0.3,
  /** the firm's region against the opportunity's site */
  location: 0.2,
  /** the firm's capacity for the product against the required quantity */
  capacity: 0.15,
  /** share of preferred certifications held and valid */
  certifications: 0.1,
  /** share of the firm's diagnosed needs the opportunity's support answers */
  needs: 0.15,
  /** the firm's history on the platform */
  trackRecord: 0.1,
} as const;
export type Part = keyof typeof MATCH_WEIGHTS;
export const PARTS = Object.keys(MATCH_WEIGHTS) as Part[];

/** Sector: value by the number of KBLI digits the firm shares with the opportunity (5 > 4 > 3 > 2). */
export const SECTOR_BY_SHARED_DIGITS: Record<2 | 3 | 4 | 5, number> = { 5: 1, 4: 0.75, 3: 0.5, 2: 0.25 };

export type LocationLevel = 'village' | 'district' | 'regency' | 'province' | 'none';
/** Location: the deepest Kemendagri level the firm shares with the opportunity's site. */
export const LOCATION_BY_LEVEL: Record<LocationLevel, number> = { village: 1, district: 0.8, regency: 0.6, province: 0.3, none: 0 };
/** Region code length per level (NN, NN.NN, NN.NN.NN, NN.NN.NN.NNNN). */
export const LEVEL_BY_CODE_LENGTH: Record<number, LocationLevel> = { 2: 'province', 5: 'regency', 8: 'district', 13: 'village' };

/** Needs part when the firm diagnosed no needs: neither helps nor hurts. */
export const NEUTRAL_NEEDS = 0.5;
/** Track record of a newcomer (no finished agreements, no confirmed sessions). */
export const NEUTRAL_TRACK_RECORD = 0.5;

/**
 * Which diagnosed needs a kind of support answers (issue 3). An INTI_PLASMA nucleus buys its
 * plasma's output, which answers MARKETING; any partnership answers PARTNERSHIP.
 */
export const NEEDS_ANSWERED_BY_SUPPORT: ReadonlyArray<readonly [support: string, need: Need]> = [
  ['FINANCING', 'CAPITAL'],
  ['RAW_MATERIAL_SUPPLY', 'RAW_MATERIALS'],
  ['PRODUCTION_INPUTS', 'RAW_MATERIALS'],
  ['TECHNOLOGY', 'TECHNOLOGY'],
  ['TECHNICAL_GUIDANCE', 'TECHNOLOGY'],
  ['TECHNICAL_GUIDANCE', 'MANAGEMENT'],
  ['PRODUCTION_WORK', 'MARKETING'],
  ['LAND', 'INFRASTRUCTURE'],
  ['PRODUCTION_INPUTS', 'INFRASTRUCTURE'],
];
export const NEEDS_ANSWERED_BY_PATTERN: Record<Pattern, Need[]> = {
  INTI_PLASMA: ['MARKETING', 'PARTNERSHIP'],
  SUBCONTRACT: ['PARTNERSHIP'],
};

export const PERIODS_PER_YEAR: Record<Period, number> = { WEEK: 52, MONTH: 12, YEAR: 1 };

export function answeredNeeds(pattern: Pattern, support: string[]): Need[] {
  const out = new Set<Need>(NEEDS_ANSWERED_BY_PATTERN[pattern]);
  for (const [s, n] of NEEDS_ANSWERED_BY_SUPPORT) if (support.includes(s)) out.add(n);
  return [...out].sort();
}

export { kbliPrefixes, regionPath };

export function sharedDigits(firmCodes: string[], oppCodes: string[]): 0 | 2 | 3 | 4 | 5 {
  const opp = new Set(kbliPrefixes(oppCodes));
  let best = 0;
  for (const p of kbliPrefixes(firmCodes)) if (opp.has(p) && p.length > best) best = p.length;
  return best as 0 | 2 | 3 | 4 | 5;
}

export function sectorPart(firmCodes: string[], oppCodes: string[]): number {
  const d = sharedDigits(firmCodes, oppCodes);
  return d ? SECTOR_BY_SHARED_DIGITS[d] : 0;
}

export function locationLevel(firmRegion: string, siteRegion: string): LocationLevel {
  const site = new Set(regionPath(siteRegion));
  let best = 0;
  for (const p of regionPath(firmRegion)) if (site.has(p) && p.length > best) best = p.length;
  return LEVEL_BY_CODE_LENGTH[best] ?? 'none';
}

export const locationPart = (firmRegion: string, siteRegion: string) => LOCATION_BY_LEVEL[locationLevel(firmRegion, siteRegion)];

export interface Quantity {
  quantity: number;
  unit: string;
  period: Period;
}

/** Firm capacity in the opportunity's unit and period, against what it requires (capped at 1). No requirement → 1. */
export function capacityPart(capacities: Quantity[], required: Quantity | null): number {
  if (!required || !(required.quantity > 0)) return 1;
  const unit = required.unit.trim().toLowerCase();
  let best = 0;
  for (const c of capacities) {
    if (c.unit.trim().toLowerCase() !== unit) continue;
    const inOppPeriod = (c.quantity * PERIODS_PER_YEAR[c.period]) / PERIODS_PER_YEAR[required.period];
    best = Math.max(best, Math.min(1, inOppPeriod / required.quantity));
  }
  return best;
}

export interface Cert {
  type: string;
  validUntil: string | null;
}
export const isValidOn = (c: Cert, day: string) => c.validUntil === null || c.validUntil >= day;

/** Share of the preferred certifications the firm holds, valid on `day`. None preferred → 1. */
export function certificationsPart(certs: Cert[], preferred: string[], day: string): number {
  if (!preferred.length) return 1;
  const held = new Set(certs.filter((c) => isValidOn(c, day)).map((c) => c.type));
  return preferred.filter((p) => held.has(p)).length / preferred.length;
}

/** Share of the firm's needs the opportunity answers; a firm without diagnosed needs is neutral. */
export function needsPart(needs: string[], pattern: Pattern, support: string[]): number {
  if (!needs.length) return NEUTRAL_NEEDS;
  const answered = new Set<string>(answeredNeeds(pattern, support));
  return needs.filter((n) => answered.has(n)).length / needs.length;
}

/**
 * Track record from finished agreements and confirmed coaching sessions: completed agreements
 * raise it, terminated ones lower it (Laplace-smoothed, so a newcomer sits at 0.5), and each
 * confirmed session adds a little, up to +0.1.
 */
export function trackRecordPart(completed: number, terminated: number, sessionsConfirmed: number): number {
  const base = (completed + 1) / (completed + terminated + 2);
  return Math.min(1, base + Math.min(0.1, sessionsConfirmed * 0.01));
}

export type Breakdown = Record<Part, number>;

/** 0–100, two decimals: the weighted sum of the parts. */
export function totalScore(b: Breakdown): number {
  let s = 0;
  for (const p of PARTS) s += MATCH_WEIGHTS[p] * b[p];
  return Math.round(s * 10000) / 100;
}
