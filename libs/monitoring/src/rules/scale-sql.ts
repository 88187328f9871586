import { SCALES, type Scale, SIZE_REGIMES, type SizeMeasure, type SizeRegimeCode } from '@jalin/organizations';

/** Rank of each class in SQL: MIKRO 0, KECIL 1, MENENGAH 2, BESAR 3. */
export const SCALE_RANK: Readonly<Record<Scale, number>> = Object.freeze(Object.fromEntries(SCALES.map((s, i) => [s, i])) as Record<Scale, number>);
export const KECIL_RANK = SCALE_RANK.KECIL;

/** The class one measure gives under `regime`, as a rank (NULL when the amount is NULL) — `scaleFor` in SQL. */
function measureRankSql(regimeCode: SizeRegimeCode, measure: SizeMeasure, col: string): string {
  const regime = SIZE_REGIMES[regimeCode];
  const limits = regime.thresholds[measure];
  const arms = regime.scales
    .filter((s): s is Exclude<Scale, 'BESAR'> => s !== 'BESAR' && limits[s as Exclude<Scale, 'BESAR'>] !== undefined)
    .map((s) => `WHEN ${col} <= ${limits[s]!}::bigint THEN ${SCALE_RANK[s]}`);
  return `(CASE WHEN ${col} IS NULL THEN NULL ${arms.join(' ')} ELSE ${SCALE_RANK.BESAR} END)`;
}

/**
 * The size class (as a rank, see SCALE_RANK) a firm with net assets `assets` and annual sales `sales`
 * (bigint columns, NULL when not stated) has under `regime` — `classify` (libs/organizations) in SQL,
 * so a rule can reclassify every small firm in one statement. NULL when neither measure is stated.
 * - salesElseAssets (pp-7-2021): annual sales when stated, else net assets (modal usaha);
 * - smallerOfTwo (uu-20-2008): the smaller of the two classes (LEAST ignores an unstated measure);
 * - kecilByEitherElseLarger (uu-9-1995): KECIL when either measure is within its KECIL limit, else the larger.
 */
export function scaleRankSql(regimeCode: SizeRegimeCode, assets: string, sales: string): string {
  const regime = SIZE_REGIMES[regimeCode];
  const a = measureRankSql(regimeCode, 'netAssets', assets);
  const s = measureRankSql(regimeCode, 'annualSales', sales);
  switch (regime.measureRule) {
    case 'salesElseAssets':
      return `coalesce(${s}, ${a})`;
    case 'smallerOfTwo':
      return `least(${a}, ${s})`;
    case 'kecilByEitherElseLarger':
      return `(CASE WHEN ${a} = ${KECIL_RANK} OR ${s} = ${KECIL_RANK} THEN ${KECIL_RANK} ELSE greatest(${a}, ${s}) END)`;
  }
}

/** A rank back to its class name, in SQL. */
export const scaleNameSql = (rank: string) => `(ARRAY[${SCALES.map((s) => `'${s}'`).join(', ')}])[(${rank}) + 1]`;
