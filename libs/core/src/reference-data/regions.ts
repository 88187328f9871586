import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';
export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** Kemendagri regions from the npm package `idn-area-data`, flattened into one list. */
export async function loadKemendagriRegions(): Promise<RegionRow[]> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  return [
    ...provinces.map((p) => ({ code: p.code, name: p.name, level: 'province' as const, parentCode: null })),
    ...regencies.map((r) => ({ code: r.code, name: r.name, level: 'regency' as const, parentCode: r.province_code })),
    ...districts.map((d) => ({ code: d.code, name: d.name, level: 'district' as const, parentCode: d.regency_code })),
    ...villages.map((v) => ({ code: v.code, name: v.name, level: 'village' as const, parentCode: v.district_code })),
  ];
}
