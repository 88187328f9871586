/**
 * The demo's running partnerships: which partner takes on which applicant, the terms they sign and
 * what has happened since — coaching held and confirmed (or not), commitments confirmed, evidenced
 * or disputed, progress reports filed on time, late or not at all, and the ministry's reviews.
 *
 * Pure data and date arithmetic — no I/O. Dates are relative to `today` (the seed's day in WIB), so
 * a partnership started "14 months ago" is 14 months old whenever the demo is seeded; partnerships.ts
 * drives all of it through the services, so every rule applies.
 */
import type { CoachingAspect, ReportingPeriodKind, ReviewDecision } from '@jalin/obligations';
import type { DisputeKind } from '@jalin/agreements';
import type { Pattern } from '@jalin/opportunities';

/** What became of a coaching session whose time has come, in the order they were scheduled. */
export type SessionOutcome =
  /** attendance recorded and the small firm confirmed it (the COACHING obligation is fulfilled) */
  | 'CONFIRMED'
  /** attendance recorded, the small firm has not confirmed yet */
  | 'HELD'
  /** attendance recorded, the small firm disputes that it took place as recorded */
  | 'DISPUTED'
  /** nothing recorded: the session reads as not given (its obligation OVERDUE) */
  | 'MISSED';

/** A progress report filed for a period whose due date has passed, and the ministry's review of it. */
export interface ReportFiling {
  /** ON_TIME: filed a few days before the due date; LATE: some days after it. */
  filed: 'ON_TIME' | 'LATE';
  review?: { decision: ReviewDecision; note?: string };
}

/** What the small firm or the partner has done about a commitment (when it is dated, once that date has passed). */
export type CommitmentOutcome =
  | { confirm: true }
  /** the partner evidences its HONOUR_AGREEMENT obligation (dated commitments only) */
  | { evidence: string }
  | { dispute: DisputeKind; reason: string };

export interface PlannedCommitment {
  type: string;
  description: string;
  quantity?: number;
  unit?: string;
  valueIdr?: number;
  /** Due on the 28th of the month this many months after the start month (a dated commitment is tracked as an obligation). */
  dueMonth?: number;
  schedule?: string;
  outcome?: CommitmentOutcome;
}

export interface PlannedCoaching {
  aspect: CoachingAspect;
  activity: string;
  description: string;
  location: string;
  /** A session at 09:00 (partner's zone) on the 14th of the month this many months after the start month, for each. */
  months: number[];
}

export interface PartnershipPlan {
  partner: string;
  /** The pattern of the partner's opportunity (the commitments below are that pattern's). */
  pattern: Pattern;
  /** DRAFT: an agreement not yet submitted; ACTIVE: signed by both. */
  stage: 'DRAFT' | 'ACTIVE';
  /** The agreement starts on the first day of the month this many months before the current one (negative: after it). */
  startMonthsAgo: number;
  termMonths: number;
  title: string;
  reportingPeriod?: ReportingPeriodKind;
  paymentTermDays: number | null;
  commitments: PlannedCommitment[];
  coaching: PlannedCoaching[];
  /** Sessions whose time has come, in order; those beyond the list get `laterSessions`. */
  sessions?: SessionOutcome[];
  laterSessions?: SessionOutcome;
  /** Reporting periods whose due date has passed, oldest first; `null` and those beyond the list are not filed (OVERDUE). */
  reports?: (ReportFiling | null)[];
  /** What the partner reports as realised per month of a period (the draft adds the commitments due in it). */
  monthlyVolume?: { product: string; quantity: number; unit: string; valueIdr: number };
  /** An amendment the partner proposes once the rest has happened, signed by both (in force). */
  amendment?: {
    reason: string;
    extendMonths: number;
    /** Changed fields of commitments, by index (keep the description: the commitment, its confirmation or dispute, carries over). */
    update: Record<number, Partial<Pick<PlannedCommitment, 'quantity' | 'valueIdr'>>>;
    add: PlannedCommitment[];
  };
}

const REVISION_NOTE = 'Mohon lengkapi rincian nilai pembayaran per pengiriman beserta tanggal bayarnya, dan lampirkan daftar hadir pelatihan.';

export const PARTNERSHIP_PLANS: readonly PartnershipPlan[] = [
  {
    partner: 'PT Gurih Nusantara Pangan',
    pattern: 'SUBCONTRACT',
    stage: 'ACTIVE',
    startMonthsAgo: 14,
    termMonths: 24,
    title: 'Perjanjian subkontrak produksi kerupuk udang',
    paymentTermDays: 30,
    commitments: [
      {
        type: 'PRODUCTION_WORK',
        description: 'Pesanan kerupuk udang mentah untuk merek Gurih Nusantara, diambil setiap minggu',
        quantity: 1500,
        unit: 'kg',
        valueIdr: 63_000_000,
        schedule: 'Setiap bulan; pengambilan tiap hari Senin',
        outcome: { confirm: true },
      },
      {
        type: 'RAW_MATERIAL_SUPPLY',
        description: 'Pasokan tepung tapioka dan udang kering dari gudang inti dengan harga kontrak',
        quantity: 900,
        unit: 'kg',
        valueIdr: 11_700_000,
        schedule: 'Setiap bulan, paling lambat tanggal 5',
        outcome: { confirm: true },
      },
      {
        type: 'TECHNICAL_GUIDANCE',
        description: 'Pendampingan penerapan CPPOB dan pendaftaran izin edar BPOM MD',
        dueMonth: 6,
        outcome: { evidence: 'Berita acara pendampingan CPPOB ditandatangani kedua pihak; berkas pendaftaran BPOM MD telah diajukan.' },
      },
      { type: 'FINANCING', description: 'Uang muka 30% untuk setiap pesanan bulanan', valueIdr: 18_900_000, schedule: 'Setiap awal bulan' },
    ],
    coaching: [
      {
        aspect: 'HUMAN_RESOURCES',
        activity: 'TRAINING',
        description: 'Pelatihan higiene dan sanitasi pengolahan pangan',
        location: 'Ruang pelatihan PT Gurih Nusantara Pangan, Buduran, Sidoarjo',
        months: [1, 5, 9, 13, 17, 21],
      },
      {
        aspect: 'TECHNOLOGY',
        activity: 'Pengendalian mutu produksi',
        description: 'Uji kadar air dan kerenyahan kerupuk sebelum pengemasan',
        location: 'Rumah produksi UD Kerupuk Udang Candi Jaya, Candi, Sidoarjo',
        months: [3, 7, 11, 15],
      },
      {
        aspect: 'MARKETING',
        activity: 'Pendampingan pengemasan',
        description: 'Desain kemasan 250 g dan label informasi nilai gizi',
        location: 'Rumah produksi UD Kerupuk Udang Candi Jaya, Candi, Sidoarjo',
        months: [6, 18],
      },
    ],
    sessions: ['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'HELD', 'CONFIRMED', 'MISSED', 'HELD'],
    laterSessions: 'HELD',
    reports: [
      { filed: 'ON_TIME', review: { decision: 'ACCEPTED' } },
      { filed: 'LATE', review: { decision: 'REVISION_REQUESTED', note: REVISION_NOTE } },
      { filed: 'ON_TIME' },
    ],
    monthlyVolume: { product: 'Kerupuk udang mentah', quantity: 1450, unit: 'kg', valueIdr: 60_900_000 },
  },
  {
    partner: 'PT Jati Nusantara Ekspor Mebel',
    pattern: 'SUBCONTRACT',
    stage: 'ACTIVE',
    startMonthsAgo: 11,
    termMonths: 24,
    title: 'Perjanjian subkontrak kursi makan jati ukir',
    paymentTermDays: 45,
    commitments: [
      {
        type: 'PRODUCTION_WORK',
        description: 'Pesanan kursi makan jati ukir untuk pasar ekspor',
        quantity: 120,
        unit: 'pcs',
        valueIdr: 102_000_000,
        schedule: 'Setiap bulan',
        outcome: { dispute: 'LATE_PAYMENT', reason: 'Pembayaran pesanan bulan lalu diterima 62 hari setelah pengiriman, padahal disepakati 45 hari.' },
      },
      {
        type: 'RAW_MATERIAL_SUPPLY',
        description: 'Pasokan kayu jati bersertifikat SVLK dari TPK inti dengan harga kontrak',
        quantity: 10,
        unit: 'm3',
        valueIdr: 55_000_000,
        schedule: 'Setiap bulan, paling lambat tanggal 10',
        outcome: { confirm: true },
      },
      {
        type: 'TECHNOLOGY',
        description: 'Pinjam pakai mesin amplas dan oven pengering kayu',
        dueMonth: 2,
        outcome: { evidence: 'Berita acara serah terima mesin amplas dan jadwal pemakaian oven pengering, ditandatangani kedua pihak.' },
      },
      { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan finishing standar ekspor (water-based coating)' },
    ],
    coaching: [
      {
        aspect: 'HUMAN_RESOURCES',
        activity: 'APPRENTICESHIP',
        description: 'Pemagangan tenaga finishing di pabrik inti',
        location: 'Pabrik PT Jati Nusantara Ekspor Mebel, Genuk, Semarang',
        months: [1, 7],
      },
      {
        aspect: 'TECHNOLOGY',
        activity: 'Kontrol mutu dan kadar air kayu',
        description: 'Pengukuran kadar air kayu dan inspeksi mutu sebelum pengiriman',
        location: 'Bengkel CV Jati Ukir Mantingan, Tahunan, Jepara',
        months: [2, 5, 8, 11, 14],
      },
      {
        aspect: 'MANAGEMENT',
        activity: 'Pendampingan pembukuan',
        description: 'Pembukuan sederhana dan perhitungan harga pokok produksi',
        location: 'Bengkel CV Jati Ukir Mantingan, Tahunan, Jepara',
        months: [4, 10],
      },
    ],
    sessions: ['CONFIRMED', 'CONFIRMED', 'DISPUTED', 'CONFIRMED', 'CONFIRMED', 'HELD', 'MISSED'],
    laterSessions: 'HELD',
    reports: [{ filed: 'LATE', review: { decision: 'ACCEPTED' } }, { filed: 'ON_TIME' }],
    monthlyVolume: { product: 'Kursi makan jati ukir', quantity: 115, unit: 'pcs', valueIdr: 97_750_000 },
    amendment: {
      reason: 'Volume pesanan dinaikkan menjadi 150 kursi per bulan dan masa perjanjian diperpanjang 12 bulan; inti menambah uang muka 25%.',
      extendMonths: 12,
      update: { 0: { quantity: 150, valueIdr: 127_500_000 } },
      add: [{ type: 'FINANCING', description: 'Uang muka 25% untuk setiap pesanan bulanan', valueIdr: 31_875_000, schedule: 'Setiap awal bulan' }],
    },
  },
  {
    partner: 'PT Perkebunan Kopi Latimojong',
    pattern: 'INTI_PLASMA',
    stage: 'ACTIVE',
    startMonthsAgo: 9,
    termMonths: 60,
    title: 'Perjanjian kemitraan inti-plasma kebun kopi arabika Buntu Batu',
    paymentTermDays: 14,
    commitments: [
      {
        type: 'LAND',
        description: 'Penyiapan lahan kebun plasma di Buntu Batu: pembukaan, terasering dan jalan kebun',
        quantity: 25,
        unit: 'ha',
        dueMonth: 3,
        outcome: { evidence: 'Berita acara penyerahan lahan siap tanam 25 ha, dilampiri peta kebun plasma.' },
      },
      {
        type: 'PRODUCTION_INPUTS',
        description: 'Bibit arabika S 795 dan Lini S beserta pupuk organik untuk kebun plasma',
        quantity: 27_500,
        unit: 'batang',
        valueIdr: 137_500_000,
        dueMonth: 4,
        outcome: { confirm: true },
      },
      {
        type: 'TECHNICAL_GUIDANCE',
        description: 'Bimbingan budidaya, pemangkasan dan panen petik merah oleh mantri kebun inti',
        schedule: 'Kunjungan kebun setiap dua minggu',
        outcome: { confirm: true },
      },
      { type: 'FINANCING', description: 'Kredit sarana produksi tanpa bunga, diangsur dari hasil panen', valueIdr: 250_000_000 },
      {
        // PP 44/1997 Pasal 3 names no purchase of the plasma's output; the inti's buying guarantee at a
        // fair price is the "other assistance" that makes the plasma's farming pay.
        type: 'OTHER_ASSISTANCE',
        description: 'Pembelian seluruh hasil panen plasma (ceri merah) dengan harga wajar: harga acuan pasar Enrekang, paling rendah Rp9.000/kg',
        quantity: 60_000,
        unit: 'kg',
        schedule: 'Setiap musim panen (Mei–Agustus)',
      },
    ],
    coaching: [
      {
        aspect: 'HUMAN_RESOURCES',
        activity: 'TRAINING',
        description: 'Sekolah lapang budidaya kopi arabika',
        location: 'Kebun percontohan PT Perkebunan Kopi Latimojong, Baraka, Enrekang',
        months: [1, 3, 5, 7, 9, 11],
      },
      {
        aspect: 'CAPITAL',
        activity: 'Pendampingan akses pembiayaan',
        description: 'Pendampingan pengajuan KUR dan pembukuan kelompok tani',
        location: 'Balai Desa Pasui, Buntu Batu, Enrekang',
        months: [4, 10],
      },
    ],
    sessions: [],
    laterSessions: 'CONFIRMED',
    reports: [{ filed: 'ON_TIME', review: { decision: 'ACCEPTED' } }, { filed: 'ON_TIME' }, { filed: 'ON_TIME' }, { filed: 'ON_TIME' }],
    monthlyVolume: { product: 'Ceri merah kopi arabika dibeli dari plasma', quantity: 4200, unit: 'kg', valueIdr: 39_900_000 },
  },
  {
    partner: 'PT Wastra Batik Nusantara',
    pattern: 'SUBCONTRACT',
    stage: 'ACTIVE',
    startMonthsAgo: 6,
    termMonths: 12,
    title: 'Perjanjian subkontrak batik tulis Giriloyo',
    paymentTermDays: 30,
    commitments: [
      {
        type: 'PRODUCTION_WORK',
        description: 'Pesanan batik tulis motif Giriloyo untuk gerai Wastra Nusantara',
        quantity: 200,
        unit: 'lembar',
        valueIdr: 90_000_000,
        schedule: 'Setiap bulan',
        outcome: { confirm: true },
      },
      {
        type: 'RAW_MATERIAL_SUPPLY',
        description: 'Pasokan kain primissima dan malam batik dari inti dengan harga kontrak',
        quantity: 800,
        unit: 'meter',
        valueIdr: 24_000_000,
        schedule: 'Setiap bulan, paling lambat tanggal 5',
        outcome: { dispute: 'NOT_SUPPLIED', reason: 'Kain primissima untuk pesanan dua bulan terakhir tidak dikirim; kami membelinya sendiri dengan harga pasar.' },
      },
      // Dated and left alone: its HONOUR_AGREEMENT obligation reads OVERDUE.
      { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan desain motif dan pewarnaan alam', dueMonth: 2 },
    ],
    coaching: [
      {
        aspect: 'MARKETING',
        activity: 'Pemotretan produk dan katalog daring',
        description: 'Foto produk dan katalog daring untuk gerai Wastra Nusantara',
        location: 'Sanggar KUB Batik Tulis Giriloyo, Wukirsari, Imogiri, Bantul',
        months: [1, 4, 7],
      },
      {
        aspect: 'HUMAN_RESOURCES',
        activity: 'COMPARATIVE_STUDY',
        description: 'Studi banding ke sentra batik Pekalongan',
        location: 'Museum Batik dan Kampung Batik Kauman, Kota Pekalongan',
        months: [3],
      },
    ],
    sessions: ['HELD', 'MISSED', 'HELD'],
    laterSessions: 'MISSED',
    // A partner falling behind: no report filed.
    reports: [],
  },
  {
    partner: 'PT Kopi Dataran Tinggi Sumatera',
    pattern: 'SUBCONTRACT',
    stage: 'ACTIVE',
    startMonthsAgo: 4,
    termMonths: 24,
    title: 'Perjanjian subkontrak pengolahan green bean arabika Gayo',
    paymentTermDays: 21,
    commitments: [
      {
        type: 'PRODUCTION_WORK',
        description: 'Pengolahan kopi gelondong merah menjadi green bean Gayo grade 1 (semi-washed)',
        quantity: 8000,
        unit: 'kg',
        valueIdr: 760_000_000,
        schedule: 'Setiap bulan selama musim panen',
        outcome: { confirm: true },
      },
      {
        type: 'TECHNOLOGY',
        description: 'Pinjam pakai mesin huller dan alat ukur kadar air',
        dueMonth: 1,
        outcome: { evidence: 'Mesin huller dan moisture meter diserahkan ke koperasi; berita acara serah terima terlampir.' },
      },
      { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan sortasi, cupping dan standar mutu ekspor' },
      { type: 'FINANCING', description: 'Uang muka pembelian gelondong merah dari anggota koperasi', valueIdr: 150_000_000, schedule: 'Setiap awal bulan panen' },
    ],
    coaching: [
      {
        aspect: 'TECHNOLOGY',
        activity: 'Sortasi dan pengukuran kadar air',
        description: 'Pelatihan sortasi biji dan pengukuran kadar air green bean',
        location: 'Gudang Koperasi Kopi Arabika Bebesan Mandiri, Bebesen, Aceh Tengah',
        months: [0, 2, 5, 8],
      },
      {
        aspect: 'HUMAN_RESOURCES',
        activity: 'CONSULTATION',
        description: 'Konsultasi tata kelola dan pembukuan koperasi',
        location: 'Kantor Koperasi Kopi Arabika Bebesan Mandiri, Bebesen, Aceh Tengah',
        months: [3, 9],
      },
    ],
    sessions: ['CONFIRMED', 'CONFIRMED', 'HELD'],
    laterSessions: 'HELD',
    reports: [{ filed: 'ON_TIME' }],
    monthlyVolume: { product: 'Green bean arabika Gayo grade 1', quantity: 7600, unit: 'kg', valueIdr: 722_000_000 },
  },
  {
    partner: 'PT Rotan Cirebon Internasional',
    pattern: 'SUBCONTRACT',
    stage: 'DRAFT',
    startMonthsAgo: -1,
    termMonths: 12,
    title: 'Perjanjian subkontrak kursi rotan anyam',
    paymentTermDays: 30,
    commitments: [
      { type: 'PRODUCTION_WORK', description: 'Pesanan kursi rotan anyam untuk pasar ekspor', quantity: 300, unit: 'pcs', valueIdr: 135_000_000, schedule: 'Setiap bulan' },
      {
        type: 'RAW_MATERIAL_SUPPLY',
        description: 'Pasokan rotan batang dan kulit rotan dari gudang inti dengan harga kontrak',
        quantity: 2000,
        unit: 'kg',
        valueIdr: 40_000_000,
        schedule: 'Setiap bulan, paling lambat tanggal 5',
      },
      { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan desain dan finishing produk ekspor' },
    ],
    coaching: [
      {
        aspect: 'HUMAN_RESOURCES',
        activity: 'TRAINING',
        description: 'Pelatihan teknik anyaman dan finishing rotan',
        location: 'Workshop PT Rotan Cirebon Internasional, Plumbon, Cirebon',
        months: [1, 4],
      },
    ],
  },
];

/** Partners that have accepted their first applicant but not yet drafted the agreement: something to do. */
export const ACCEPTED_ONLY: readonly string[] = ['PT Kriya Dewata Ekspor'];

// ------------------------------------------------------------------ dates

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The first day of the month `k` months after that of `date` (YYYY-MM-DD). */
export function monthStart(date: string, k: number): string {
  const [y, m] = date.split('-').map(Number);
  const idx = y * 12 + (m - 1) + k;
  return `${Math.floor(idx / 12)}-${pad2((idx % 12) + 1)}-01`;
}

/** Day `day` of the month `k` months after the month of `date`. */
export const dayOfMonth = (date: string, k: number, day: number) => `${monthStart(date, k).slice(0, 8)}${pad2(day)}`;

/** The UTC offset written on times in a zone (the demo's partners lie in WIB and WITA). */
export const ZONE_OFFSET: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

/** The plan's start and end dates, `today` being the seed's day. */
export function planPeriod(plan: PartnershipPlan, today: string): { startDate: string; endDate: string } {
  const startDate = monthStart(today, -plan.startMonthsAgo);
  // The last day of the term: the day before the same date `termMonths` later.
  const next = monthStart(startDate, plan.termMonths);
  const end = new Date(`${next}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return { startDate, endDate: end.toISOString().slice(0, 10) };
}

const commitmentBody = (c: PlannedCommitment, startDate: string) => ({
  type: c.type,
  description: c.description,
  ...(c.quantity !== undefined ? { quantity: c.quantity, unit: c.unit } : {}),
  ...(c.valueIdr !== undefined ? { valueIdr: c.valueIdr } : {}),
  ...(c.dueMonth !== undefined ? { dueDate: dayOfMonth(startDate, c.dueMonth, 28) } : {}),
  ...(c.schedule ? { schedule: c.schedule } : {}),
});

/**
 * The terms as a request body (CreateAgreementDto without `applicationId`, or ProposeAmendmentDto
 * without `reason`), with the coaching sessions in the partner's zone `timeZone`.
 */
export function termsBody(plan: PartnershipPlan, today: string, timeZone: string, amended = false) {
  const { startDate, endDate: baseEnd } = planPeriod(plan, today);
  const amendment = amended ? plan.amendment : undefined;
  const endDate = amendment ? planPeriod({ ...plan, termMonths: plan.termMonths + amendment.extendMonths }, today).endDate : baseEnd;
  const offset = ZONE_OFFSET[timeZone] ?? '+07:00';
  const commitments = plan.commitments.map((c, i) => ({ ...c, ...(amendment?.update[i] ?? {}) }));
  return {
    title: plan.title,
    startDate,
    endDate,
    reportingPeriod: plan.reportingPeriod ?? 'QUARTERLY',
    paymentTermDays: plan.paymentTermDays,
    commitments: [...commitments, ...(amendment?.add ?? [])].map((c) => commitmentBody(c, startDate)),
    coaching: plan.coaching.map((c) => ({
      aspect: c.aspect,
      activity: c.activity,
      description: c.description,
      sessions: c.months.map((k) => ({ scheduledAt: `${dayOfMonth(startDate, k, 14)}T09:00:00${offset}`, location: c.location })),
    })),
  };
}
