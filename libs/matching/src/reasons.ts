import { type Locale, preferredLocale } from '@jalin/core';
import {
  answeredNeeds,
  type Breakdown,
  type Cert,
  isValidOn,
  kbliPrefixes,
  LEVEL_BY_CODE_LENGTH,
  type Pattern,
  PERIODS_PER_YEAR,
  type Quantity,
  regionPath,
} from './scoring.js';

export type { Locale };

/** `Accept-Language` → 'en' when English is preferred over Indonesian; Indonesian otherwise. */
export const localeFrom = (header: string | undefined): Locale => preferredLocale(header, 'id');

const LEVEL_NAME: Record<Locale, Record<string, string>> = {
  id: { village: 'desa/kelurahan', district: 'kecamatan', regency: 'kabupaten/kota', province: 'provinsi' },
  en: { village: 'village', district: 'district', regency: 'regency', province: 'province' },
};
const PERIOD: Record<Locale, Record<string, string>> = {
  id: { WEEK: 'minggu', MONTH: 'bulan', YEAR: 'tahun' },
  en: { WEEK: 'week', MONTH: 'month', YEAR: 'year' },
};
const NEED: Record<Locale, Record<string, string>> = {
  id: { CAPITAL: 'permodalan', MARKETING: 'pemasaran', RAW_MATERIALS: 'bahan baku', TECHNOLOGY: 'teknologi', MANAGEMENT: 'manajemen', BUREAUCRACY: 'birokrasi', INFRASTRUCTURE: 'sarana dan prasarana', PARTNERSHIP: 'kemitraan' },
  en: { CAPITAL: 'capital', MARKETING: 'marketing', RAW_MATERIALS: 'raw materials', TECHNOLOGY: 'technology', MANAGEMENT: 'management', BUREAUCRACY: 'bureaucracy', INFRASTRUCTURE: 'infrastructure', PARTNERSHIP: 'partnership' },
};

const fmt = (n: number, locale: Locale) => new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 2 }).format(n);

export interface ReasonInput {
  firm: {
    kbliCodes: string[];
    regionCode: string;
    capacities: Quantity[];
    certifications: Cert[];
    needs: string[];
    agreementsCompleted: number;
    agreementsTerminated: number;
    sessionsConfirmed: number;
  };
  opportunity: {
    kbliCodes: string[];
    siteRegionCode: string;
    required: Quantity | null;
    preferred: string[];
    pattern: Pattern;
    support: string[];
  };
  breakdown: Breakdown;
  today: string;
  /** names of the KBLI codes and regions mentioned */
  kbliTitles: Map<string, string>;
  regionNames: Map<string, string>;
}

/** Short sentences a person understands, one per part that says something, strongest first. */
export function explain(x: ReasonInput, locale: Locale): string[] {
  const en = locale === 'en';
  const out: string[] = [];
  const { firm, opportunity: op } = x;

  // sector
  const oppPrefixes = new Set(kbliPrefixes(op.kbliCodes));
  const shared = kbliPrefixes(firm.kbliCodes).filter((p) => oppPrefixes.has(p)).sort((a, b) => b.length - a.length)[0];
  if (shared) {
    const title = x.kbliTitles.get(shared);
    const named = title ? `${shared} (${title})` : shared;
    out.push(
      shared.length === 5
        ? en ? `Same KBLI sub-class ${named}` : `KBLI kelompok yang sama: ${named}`
        : en ? `Shares KBLI ${shared.length}-digit group ${named}` : `Berbagi golongan KBLI ${shared.length} digit: ${named}`,
    );
  }

  // location
  const site = new Set(regionPath(op.siteRegionCode));
  const sharedRegion = regionPath(firm.regionCode).filter((p) => site.has(p)).sort((a, b) => b.length - a.length)[0];
  if (sharedRegion) {
    const level = LEVEL_BY_CODE_LENGTH[sharedRegion.length];
    const name = x.regionNames.get(sharedRegion) ?? sharedRegion;
    out.push(en ? `Same ${LEVEL_NAME.en[level]} as the opportunity (${name})` : `Satu ${LEVEL_NAME.id[level]} dengan lokasi peluang (${name})`);
  } else {
    out.push(en ? 'Outside the province of the opportunity’s site' : 'Di luar provinsi lokasi peluang');
  }

  // capacity
  if (op.required) {
    const req = op.required;
    const unit = req.unit.trim().toLowerCase();
    const best = firm.capacities
      .filter((c) => c.unit.trim().toLowerCase() === unit)
      .map((c) => (c.quantity * PERIODS_PER_YEAR[c.period]) / PERIODS_PER_YEAR[req.period])
      .sort((a, b) => b - a)[0];
    const per = PERIOD[locale][req.period];
    if (best === undefined) {
      out.push(en ? `No stated capacity in ${req.unit}` : `Belum menyatakan kapasitas dalam ${req.unit}`);
    } else {
      const pct = Math.min(100, Math.round((best / req.quantity) * 100));
      out.push(
        en
          ? `Capacity ${fmt(best, locale)} ${req.unit} per ${per} covers ${pct}% of the ${fmt(req.quantity, locale)} ${req.unit} required`
          : `Kapasitas ${fmt(best, locale)} ${req.unit} per ${per} memenuhi ${pct}% dari kebutuhan ${fmt(req.quantity, locale)} ${req.unit}`,
      );
    }
  }

  // certifications
  for (const type of op.preferred) {
    const held = firm.certifications.filter((c) => c.type === type).sort((a, b) => (b.validUntil ?? '9999') .localeCompare(a.validUntil ?? '9999'))[0];
    if (held && isValidOn(held, x.today)) {
      out.push(
        held.validUntil
          ? en ? `Holds the preferred ${type} certificate, valid until ${held.validUntil}` : `Memiliki sertifikat ${type} yang diutamakan, berlaku sampai ${held.validUntil}`
          : en ? `Holds the preferred ${type} certificate` : `Memiliki sertifikat ${type} yang diutamakan`,
      );
    } else if (held) {
      out.push(en ? `Its ${type} certificate expired on ${held.validUntil}` : `Sertifikat ${type} sudah kedaluwarsa sejak ${held.validUntil}`);
    } else {
      out.push(en ? `Does not hold the preferred ${type} certificate` : `Belum memiliki sertifikat ${type} yang diutamakan`);
    }
  }

  // needs
  const answered = new Set<string>(answeredNeeds(op.pattern, op.support));
  const met = firm.needs.filter((n) => answered.has(n));
  if (met.length) {
    const list = met.map((n) => NEED[locale][n] ?? n).join(', ');
    out.push(en ? `The support offered answers its needs: ${list}` : `Dukungan yang ditawarkan menjawab kebutuhannya: ${list}`);
  }

  // track record
  const done = firm.agreementsCompleted + firm.agreementsTerminated;
  if (done === 0 && firm.sessionsConfirmed === 0) {
    out.push(en ? 'New on Jalin: no track record yet (neutral)' : 'Baru di Jalin: belum ada rekam jejak (netral)');
  } else {
    out.push(
      en
        ? `Track record: ${firm.agreementsCompleted} agreement(s) completed, ${firm.agreementsTerminated} terminated, ${firm.sessionsConfirmed} coaching session(s) confirmed`
        : `Rekam jejak: ${firm.agreementsCompleted} perjanjian selesai, ${firm.agreementsTerminated} diakhiri, ${firm.sessionsConfirmed} sesi pembinaan terkonfirmasi`,
    );
  }
  return out;
}
