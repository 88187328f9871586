/** Indonesia's three zones by province (Kemendagri province code). */
export type IndonesianZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** WIB (Asia/Jakarta) unless the province lies in WITA or WIT; unknown → WIB. */
export function zoneOfProvince(provinceCode: string | null | undefined): IndonesianZone {
  if (provinceCode && WITA.has(provinceCode)) return 'Asia/Makassar';
  if (provinceCode && WIT.has(provinceCode)) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}

export const zoneAbbreviation = (z: IndonesianZone) => (z === 'Asia/Jakarta' ? 'WIB' : z === 'Asia/Makassar' ? 'WITA' : 'WIT');
