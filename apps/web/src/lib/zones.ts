/**
 * Indonesia's three time zones by province (Kemendagri code). Mirrors
 * libs/core/src/reference-data/time-zones.ts — the API stores dates in the same zones.
 * Indonesia has no daylight saving time, so each zone has one fixed offset.
 */
export type Zone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function zoneOfProvince(provinceCode: string | null | undefined): Zone {
  if (provinceCode && WITA.has(provinceCode)) return 'Asia/Makassar';
  if (provinceCode && WIT.has(provinceCode)) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}

export const zoneLabel = (z: Zone): 'WIB' | 'WITA' | 'WIT' =>
  z === 'Asia/Jakarta' ? 'WIB' : z === 'Asia/Makassar' ? 'WITA' : 'WIT';

export const zoneOffset = (z: Zone): '+07:00' | '+08:00' | '+09:00' =>
  z === 'Asia/Jakarta' ? '+07:00' : z === 'Asia/Makassar' ? '+08:00' : '+09:00';

/** A zone string from the API (e.g. an obligation's `timeZone`), or WIB when it is not one of the three. */
export function asZone(z: string | null | undefined): Zone {
  return z === 'Asia/Makassar' || z === 'Asia/Jayapura' ? z : 'Asia/Jakarta';
}

/** The zone of the signed-in user's browser when it is an Indonesian one; else WIB. */
export function browserZone(): Zone {
  try {
    return asZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch {
    return 'Asia/Jakarta';
  }
}
