/**
 * Size classes (skala usaha) and the versioned regimes that assign them.
 * Pure logic: no database, no Nest. See docs/domain.md "Size classes".
 *
 * Amounts are integer rupiah. "≤" in the law means the limit itself still
 * belongs to the smaller class, so every limit below is an INCLUSIVE upper
 * bound of the class it is keyed by.
 */

export type Scale = 'MIKRO' | 'KECIL' | 'MENENGAH' | 'BESAR';

/** Ordered smallest → largest. */
export const SCALES: readonly Scale[] = ['MIKRO', 'KECIL', 'MENENGAH', 'BESAR'] as const;

export type SmallScale = 'MIKRO' | 'KECIL';
export type PartnerScale = 'MENENGAH' | 'BESAR';

/** MIKRO or KECIL: may register as an `enterprise` (small firm). */
export function isSmallScale(s: Scale): s is SmallScale {
  return s === 'MIKRO' || s === 'KECIL';
}

/** MENENGAH or BESAR: may register as a `partner`. */
export function isPartnerScale(s: Scale): s is PartnerScale {
  return s === 'MENENGAH' || s === 'BESAR';
}

export type SizeRegimeCode = 'uu-9-1995' | 'uu-20-2008' | 'pp-7-2021';

export type SizeMeasure = 'netAssets' | 'annualSales';

/**
 * How a regime combines the two measures:
 * - `kecilByEitherElseLarger` (uu-9-1995): KECIL when EITHER measure is within
 *   its KECIL limit ("atau"); otherwise MENENGAH only when BOTH are within the
 *   MENENGAH limits ("dan"), else BESAR — i.e. the larger of the two classes.
 * - `smallerOfTwo` (uu-20-2008): each measure gives a class; the smaller wins.
 * - `salesElseAssets` (pp-7-2021): annual sales when stated, else modal usaha.
 */
export type MeasureRule = 'kecilByEitherElseLarger' | 'smallerOfTwo' | 'salesElseAssets';

/** Inclusive upper limits (rupiah) per class; BESAR has none. */
export type ScaleLimits = Partial<Record<Exclude<Scale, 'BESAR'>, number>>;

export interface SizeRegime {
  readonly code: SizeRegimeCode;
  readonly title: string;
  readonly legalBasis: string;
  readonly measureRule: MeasureRule;
  /** Classes this regime can produce, smallest → largest. */
  readonly scales: readonly Scale[];
  /** What the regime calls each measure, as used in `reason` sentences. */
  readonly measureNames: Readonly<Record<SizeMeasure, string>>;
  readonly thresholds: Readonly<Record<SizeMeasure, Readonly<ScaleLimits>>>;
}

export const DEFAULT_SIZE_REGIME: SizeRegimeCode = 'pp-7-2021';

const JUTA = 1_000_000;
const MILIAR = 1_000_000_000;

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

export const SIZE_REGIMES: Readonly<Record<SizeRegimeCode, SizeRegime>> = deepFreeze({
  'uu-9-1995': {
    code: 'uu-9-1995',
    title: 'UU No. 9/1995 tentang Usaha Kecil',
    legalBasis:
      'Undang-Undang Nomor 9 Tahun 1995 tentang Usaha Kecil, Pasal 5 (industri kecil menengah bound for MENENGAH)',
    measureRule: 'kecilByEitherElseLarger',
    scales: ['KECIL', 'MENENGAH', 'BESAR'],
    measureNames: { netAssets: 'net assets', annualSales: 'annual sales' },
    thresholds: {
      netAssets: { KECIL: 200 * JUTA, MENENGAH: 5 * MILIAR },
      annualSales: { KECIL: 1 * MILIAR, MENENGAH: 25 * MILIAR },
    },
  },
  'uu-20-2008': {
    code: 'uu-20-2008',
    title: 'UU No. 20/2008 tentang Usaha Mikro, Kecil, dan Menengah (as first enacted)',
    legalBasis: 'Undang-Undang Nomor 20 Tahun 2008 tentang UMKM, Pasal 6',
    measureRule: 'smallerOfTwo',
    scales: ['MIKRO', 'KECIL', 'MENENGAH', 'BESAR'],
    measureNames: { netAssets: 'net assets', annualSales: 'annual sales' },
    thresholds: {
      netAssets: { MIKRO: 50 * JUTA, KECIL: 500 * JUTA, MENENGAH: 10 * MILIAR },
      annualSales: { MIKRO: 300 * JUTA, KECIL: 2_500 * JUTA, MENENGAH: 50 * MILIAR },
    },
  },
  'pp-7-2021': {
    code: 'pp-7-2021',
    title: 'PP No. 7/2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan KUMKM',
    legalBasis:
      'Peraturan Pemerintah Nomor 7 Tahun 2021, Pasal 35–36, under UU No. 20/2008 as amended by UU No. 11/2020 (Cipta Kerja)',
    measureRule: 'salesElseAssets',
    scales: ['MIKRO', 'KECIL', 'MENENGAH', 'BESAR'],
    measureNames: { netAssets: 'net assets (modal usaha)', annualSales: 'annual sales' },
    thresholds: {
      netAssets: { MIKRO: 1 * MILIAR, KECIL: 5 * MILIAR, MENENGAH: 10 * MILIAR },
      annualSales: { MIKRO: 2 * MILIAR, KECIL: 15 * MILIAR, MENENGAH: 50 * MILIAR },
    },
  },
} satisfies Record<SizeRegimeCode, SizeRegime>);

export const SIZE_REGIME_CODES = Object.keys(SIZE_REGIMES) as SizeRegimeCode[];

export function isSizeRegimeCode(value: unknown): value is SizeRegimeCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SIZE_REGIMES, value);
}

export interface ClassificationInput {
  netAssetsIdr?: number | null;
  annualSalesIdr?: number | null;
}

export interface Classification {
  scale: Scale;
  regime: SizeRegimeCode;
  decidedBy: SizeMeasure | 'both';
  reason: string;
}

/** `1250000` → `Rp1.250.000` (Indonesian grouping, no space). Integers only. */
export function formatRupiah(n: number): string {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`formatRupiah expects an integer rupiah amount, got ${n}`);
  }
  const grouped = Math.abs(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}Rp${grouped}`;
}

/** Class a single measure falls into under a regime (first class whose limit holds). */
function scaleFor(regime: SizeRegime, measure: SizeMeasure, amount: number): Scale {
  const limits = regime.thresholds[measure];
  for (const s of regime.scales) {
    const limit = limits[s as keyof ScaleLimits];
    if (limit !== undefined && amount <= limit) return s;
  }
  return 'BESAR';
}

const rank = (s: Scale): number => SCALES.indexOf(s);

/**
 * Why `amount` of `measure` lands in `scale`, e.g.
 * "annual sales Rp15.000.000.001 exceed Rp15.000.000.000, the KECIL limit under
 * pp-7-2021, and are within Rp50.000.000.000, the MENENGAH limit".
 */
function clause(regime: SizeRegime, measure: SizeMeasure, amount: number, scale: Scale): string {
  const limits = regime.thresholds[measure];
  const idx = regime.scales.indexOf(scale);
  const below = idx > 0 ? regime.scales[idx - 1] : undefined;
  const lower = below === undefined ? undefined : limits[below as keyof ScaleLimits];
  const upper = scale === 'BESAR' ? undefined : limits[scale];
  const head = `${regime.measureNames[measure]} ${formatRupiah(amount)}`;
  if (below === undefined || lower === undefined) {
    return `${head} are within ${formatRupiah(upper!)}, the ${scale} limit under ${regime.code}`;
  }
  const exceed = `${head} exceed ${formatRupiah(lower)}, the ${below} limit under ${regime.code}`;
  return upper === undefined ? exceed : `${exceed}, and are within ${formatRupiah(upper)}, the ${scale} limit`;
}

function checkAmount(name: string, v: number | null | undefined): number | undefined {
  if (v === null || v === undefined) return undefined;
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new RangeError(`${name} must be a non-negative integer rupiah amount, got ${v}`);
  }
  return v;
}

/**
 * Classify a firm under `regime`. Returns null when neither measure is given.
 * Throws RangeError for an unknown regime or an amount that is negative or not
 * an integer (amounts are validated at the edge; reaching here with one is a bug).
 *
 * uu-9-1995 with only ONE measure known: we class on that measure alone, as if
 * it were the only criterion (KECIL if within its KECIL limit, MENENGAH if within
 * its MENENGAH limit, else BESAR). We do not assume the unknown measure could
 * rescue the firm into KECIL ("atau") nor that it would push it out of MENENGAH
 * ("dan"): the class rests on what the firm stated, and `reason` says so.
 */
export function classify(regimeCode: SizeRegimeCode, input: ClassificationInput): Classification | null {
  if (!isSizeRegimeCode(regimeCode)) {
    throw new RangeError(`unknown size regime: ${String(regimeCode)}`);
  }
  const regime = SIZE_REGIMES[regimeCode];
  const amounts: Partial<Record<SizeMeasure, number>> = {
    netAssets: checkAmount('netAssetsIdr', input.netAssetsIdr),
    annualSales: checkAmount('annualSalesIdr', input.annualSalesIdr),
  };
  const given = (['netAssets', 'annualSales'] as const).filter((m) => amounts[m] !== undefined);
  if (given.length === 0) return null;

  const scales = Object.fromEntries(given.map((m) => [m, scaleFor(regime, m, amounts[m]!)])) as Partial<
    Record<SizeMeasure, Scale>
  >;
  const build = (scale: Scale, deciders: readonly SizeMeasure[], note = ''): Classification => ({
    scale,
    regime: regime.code,
    decidedBy: deciders.length === 2 ? 'both' : deciders[0]!,
    reason: deciders.map((m) => clause(regime, m, amounts[m]!, scale)).join('; and ') + note,
  });
  const missingNote = (known: SizeMeasure): string => {
    const other: SizeMeasure = known === 'netAssets' ? 'annualSales' : 'netAssets';
    return ` (${regime.measureNames[other]} not stated, so classed on ${regime.measureNames[known]} alone)`;
  };

  if (given.length === 1) {
    const m = given[0]!;
    return build(scales[m]!, [m], missingNote(m));
  }

  const a = scales.netAssets!;
  const s = scales.annualSales!;
  switch (regime.measureRule) {
    case 'salesElseAssets':
      return build(s, ['annualSales'], ' (annual sales decide when stated)');
    case 'smallerOfTwo': {
      if (a === s) return build(a, ['netAssets', 'annualSales']);
      const [winner, loser] = rank(a) < rank(s) ? (['netAssets', 'annualSales'] as const) : (['annualSales', 'netAssets'] as const);
      return build(
        scales[winner]!,
        [winner],
        `; the smaller of the two classes applies (${regime.measureNames[loser]} alone would give ${scales[loser]})`,
      );
    }
    case 'kecilByEitherElseLarger': {
      const kecil = given.filter((m) => scales[m] === 'KECIL');
      if (kecil.length === 2) return build('KECIL', kecil);
      if (kecil.length === 1) {
        return build('KECIL', kecil, '; one measure within its KECIL limit suffices');
      }
      if (a === s) return build(a, ['netAssets', 'annualSales']);
      const larger: SizeMeasure = rank(a) > rank(s) ? 'netAssets' : 'annualSales';
      return build(scales[larger]!, [larger], '; MENENGAH requires both measures within the MENENGAH limits');
    }
  }
}
