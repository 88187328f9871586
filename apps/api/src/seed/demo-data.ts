/**
 * The demo population: invented firms with plausible Indonesian data.
 *
 * Pure data and deterministic generators — no I/O, no Math.random, no clock. Every figure that is
 * not written out below comes from a small PRNG seeded with the firm's name, so the same firm gets
 * the same NIB, NPWP, turnover and certificates on every run, and adding a firm does not reshuffle
 * the others. demo.ts sends what this file builds through AuthService, so every rule applies.
 *
 * Reference codes are real: every region code below exists in `idn-area-data` (Kemendagri), every
 * KBLI code in KBLI 2020. Names, people, identifiers, addresses and amounts are invented.
 */
import type { Capacity, CapacityPeriod, Certification, Need, Pic, RegisterOrganizationDto } from '@jalin/organizations';
import { luhnCheckDigit } from '@jalin/organizations';

/** The one password of every demo account (documented; ≥ 10 characters as the API requires). */
export const DEMO_PASSWORD = 'jalin-demo-2026';
export const DEMO_EMAIL_DOMAIN = 'demo.jalin.id';

export interface DemoRegistration {
  fullName: string;
  email: string;
  organization: RegisterOrganizationDto;
}

export interface DemoStaff {
  email: string;
  fullName: string;
  role: 'MINISTRY' | 'ADMIN';
}

export interface DemoPopulation {
  /** The first partner's e-mail marks a seeded database. */
  partners: DemoRegistration[];
  enterprises: DemoRegistration[];
  officer: DemoStaff;
  admin: DemoStaff;
  /** Who applies to each partner's opportunity: the partner's e-mail → firms' e-mails, in order. */
  applications: Map<string, string[]>;
}

export const DEMO_OFFICER: DemoStaff = {
  email: 'petugas@kemenperin.demo.jalin.id',
  fullName: 'Rina Kusumawardani',
  role: 'MINISTRY',
};

export const DEMO_ADMIN: DemoStaff = {
  email: 'admin@demo.jalin.id',
  fullName: 'Admin Demo Jalin',
  role: 'ADMIN',
};

// ------------------------------------------------------------------ deterministic randomness

/** FNV-1a, 32 bit: a stable seed from a string. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny, fast, seedable PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number | string) {
    this.next = mulberry32(typeof seed === 'string' ? hashSeed(seed) : seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `n` distinct items, in the order they were drawn. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  /** Integer in [min, max] rounded down to a multiple of `step` (never below min's multiple). */
  amount(min: number, max: number, step: number): number {
    return Math.max(Math.ceil(min / step), Math.floor(this.int(min, max) / step)) * step;
  }
}

// ------------------------------------------------------------------ identifiers

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A 13-digit NIB not yet in `used` (OSS-RBA style, most start 912…). */
export function makeNib(rng: Rng, used: Set<string>): string {
  for (;;) {
    const nib = `${rng.pick(['9120', '9120', '9120', '8120', '0220'])}${rng.digits(9)}`;
    if (!used.has(nib)) {
      used.add(nib);
      return nib;
    }
  }
}

/**
 * A legacy 15-digit NPWP: 2-digit taxpayer type, 6-digit serial, the Luhn check digit over those 8,
 * a 3-digit tax office (KPP) code and `000` (head office). Digits only.
 */
export function makeLegacyNpwp(rng: Rng, taxpayerType: string, kpp: string): string {
  const first8 = `${taxpayerType}${rng.digits(6)}`;
  return `${first8}${luhnCheckDigit(first8)}${kpp}000`;
}

/** `013121660091000` → `01.312.166.0-091.000`. */
export function formatLegacyNpwp(d: string): string {
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d[8]}-${d.slice(9, 12)}.${d.slice(12, 15)}`;
}

/** `Sokaraja Jaya` → `sokaraja-jaya`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const LEGAL_PREFIX = /^(PT|CV|UD|KUB|Koperasi)\s+/;
/** The e-mail host of an organisation: `UD Tempe Sari` → `tempe-sari.demo.jalin.id`. */
export function orgHost(name: string): string {
  return `${slugify(name.replace(LEGAL_PREFIX, ''))}.${DEMO_EMAIL_DOMAIN}`;
}

const MOBILE_PREFIXES = ['812', '813', '821', '822', '852', '853', '857', '858', '877', '878', '895', '896', '838'];
function mobile(rng: Rng): string {
  return `+62 ${rng.pick(MOBILE_PREFIXES)} ${rng.digits(4)} ${rng.digits(4)}`;
}

// ------------------------------------------------------------------ places

type ProvinceName =
  | 'Aceh'
  | 'Sumatera Utara'
  | 'DKI Jakarta'
  | 'Jawa Barat'
  | 'Jawa Tengah'
  | 'DI Yogyakarta'
  | 'Jawa Timur'
  | 'Bali'
  | 'Sulawesi Selatan';

interface Place {
  /** Kemendagri code: a village (NN.NN.NN.NNNN) for firms, a district (NN.NN.NN) for partners. */
  code: string;
  village?: string;
  district: string;
  regency: string;
  province: ProvinceName;
  lat: number;
  lng: number;
}

const p = (code: string, village: string | undefined, district: string, regency: string, province: ProvinceName, lat: number, lng: number): Place => ({
  code, village, district, regency, province, lat, lng,
});

/** Every code checked against node_modules/idn-area-data/data/{districts,villages}.csv (v4.0.1). */
const PLACES = {
  // Jawa Tengah — keripik, lanting, karak, peyek
  sokarajaKulon: p('33.02.19.2016', 'Sokaraja Kulon', 'Sokaraja', 'Kab. Banyumas', 'Jawa Tengah', -7.456, 109.284),
  purwokertoKidul: p('33.02.24.1004', 'Purwokerto Kidul', 'Purwokerto Selatan', 'Kab. Banyumas', 'Jawa Tengah', -7.437, 109.246),
  lemahduwur: p('33.05.16.2009', 'Lemahduwur', 'Kuwarasan', 'Kab. Kebumen', 'Jawa Tengah', -7.626, 109.556),
  panjer: p('33.05.12.1013', 'Panjer', 'Kebumen', 'Kab. Kebumen', 'Jawa Tengah', -7.671, 109.657),
  giriwono: p('33.12.12.1007', 'Giriwono', 'Wonogiri', 'Kab. Wonogiri', 'Jawa Tengah', -7.806, 110.921),
  tonggalan: p('33.10.25.1004', 'Tonggalan', 'Klaten Tengah', 'Kab. Klaten', 'Jawa Tengah', -7.706, 110.604),
  pacing: p('33.10.03.2003', 'Pacing', 'Wedi', 'Kab. Klaten', 'Jawa Tengah', -7.754, 110.586),
  // Jawa Timur — kerupuk udang/ikan, keripik tempe, keripik buah, rambak
  candi: p('35.15.07.2012', 'Candi', 'Candi', 'Kab. Sidoarjo', 'Jawa Timur', -7.488, 112.712),
  sedatigede: p('35.15.17.2011', 'Sedatigede', 'Sedati', 'Kab. Sidoarjo', 'Jawa Timur', -7.391, 112.764),
  sidokare: p('35.15.08.1004', 'Sidokare', 'Sidoarjo', 'Kab. Sidoarjo', 'Jawa Timur', -7.449, 112.716),
  purwantoro: p('35.73.01.1007', 'Purwantoro', 'Blimbing', 'Kota Malang', 'Jawa Timur', -7.956, 112.645),
  bunulrejo: p('35.73.01.1008', 'Bunulrejo', 'Blimbing', 'Kota Malang', 'Jawa Timur', -7.961, 112.651),
  bumiaji: p('35.79.02.2006', 'Bumiaji', 'Bumiaji', 'Kota Batu', 'Jawa Timur', -7.846, 112.531),
  ngantru: p('35.03.11.1003', 'Ngantru', 'Trenggalek', 'Kab. Trenggalek', 'Jawa Timur', -8.051, 111.709),
  selosari: p('35.20.06.1010', 'Selosari', 'Magetan', 'Kab. Magetan', 'Jawa Timur', -7.651, 111.336),
  // Jepara (Kab. 33.20) — teak furniture and carving
  tahunan: p('33.20.11.2012', 'Tahunan', 'Tahunan', 'Kab. Jepara', 'Jawa Tengah', -6.621, 110.681),
  mantingan: p('33.20.11.2011', 'Mantingan', 'Tahunan', 'Kab. Jepara', 'Jawa Tengah', -6.611, 110.691),
  senenan: p('33.20.11.2014', 'Senenan', 'Tahunan', 'Kab. Jepara', 'Jawa Tengah', -6.626, 110.701),
  petekeyan: p('33.20.11.2004', 'Petekeyan', 'Tahunan', 'Kab. Jepara', 'Jawa Tengah', -6.606, 110.666),
  sukodonoJpr: p('33.20.11.2003', 'Sukodono', 'Tahunan', 'Kab. Jepara', 'Jawa Tengah', -6.631, 110.664),
  mangunan: p('33.20.11.2005', 'Mangunan', 'Tahunan', 'Kab. Jepara', 'Jawa Tengah', -6.641, 110.689),
  krapyakJpr: p('33.20.11.2015', 'Krapyak', 'Tahunan', 'Kab. Jepara', 'Jawa Tengah', -6.616, 110.674),
  bawu: p('33.20.05.2004', 'Bawu', 'Batealit', 'Kab. Jepara', 'Jawa Tengah', -6.626, 110.739),
  sekuro: p('33.20.07.2013', 'Sekuro', 'Mlonggo', 'Kab. Jepara', 'Jawa Tengah', -6.541, 110.701),
  kalianyar: p('33.20.01.2002', 'Kalianyar', 'Kedung', 'Kab. Jepara', 'Jawa Tengah', -6.666, 110.641),
  robayan: p('33.20.13.2010', 'Robayan', 'Kalinyamatan', 'Kab. Jepara', 'Jawa Tengah', -6.731, 110.719),
  // Pekalongan (Kota 33.75, Kab. 33.26) — batik
  kaumanPkl: p('33.75.02.1004', 'Kauman', 'Pekalongan Timur', 'Kota Pekalongan', 'Jawa Tengah', -6.886, 109.677),
  medono: p('33.75.01.1002', 'Medono', 'Pekalongan Barat', 'Kota Pekalongan', 'Jawa Tengah', -6.896, 109.661),
  jenggot: p('33.75.04.1004', 'Jenggot', 'Pekalongan Selatan', 'Kota Pekalongan', 'Jawa Tengah', -6.921, 109.676),
  banyurip: p('33.75.04.1002', 'Banyurip', 'Pekalongan Selatan', 'Kota Pekalongan', 'Jawa Tengah', -6.916, 109.654),
  krapyakPkl: p('33.75.03.1002', 'Krapyak', 'Pekalongan Utara', 'Kota Pekalongan', 'Jawa Tengah', -6.871, 109.689),
  simbangkulon: p('33.26.14.1008', 'Simbangkulon', 'Buaran', 'Kab. Pekalongan', 'Jawa Tengah', -6.934, 109.689),
  kemplong: p('33.26.16.2015', 'Kemplong', 'Wiradesa', 'Kab. Pekalongan', 'Jawa Tengah', -6.884, 109.616),
  pajomblangan: p('33.26.13.2006', 'Pajomblangan', 'Kedungwuni', 'Kab. Pekalongan', 'Jawa Tengah', -6.959, 109.651),
  karangjompo: p('33.26.15.2012', 'Karangjompo', 'Tirto', 'Kab. Pekalongan', 'Jawa Tengah', -6.894, 109.641),
  // Bantul — batik tulis Giriloyo
  wukirsari: p('34.02.10.2003', 'Wukirsari', 'Imogiri', 'Kab. Bantul', 'DI Yogyakarta', -7.906, 110.419),
  // Cirebon (Kab. 32.09) — rattan
  tegalwangi: p('32.09.19.2009', 'Tegalwangi', 'Weru', 'Kab. Cirebon', 'Jawa Barat', -6.721, 108.504),
  weruLor: p('32.09.19.2008', 'Weru Lor', 'Weru', 'Kab. Cirebon', 'Jawa Barat', -6.709, 108.499),
  setuKulon: p('32.09.19.2006', 'Setu Kulon', 'Weru', 'Kab. Cirebon', 'Jawa Barat', -6.726, 108.489),
  meguGede: p('32.09.19.2003', 'Megu Gede', 'Weru', 'Kab. Cirebon', 'Jawa Barat', -6.714, 108.516),
  lurah: p('32.09.18.2003', 'Lurah', 'Plumbon', 'Kab. Cirebon', 'Jawa Barat', -6.701, 108.471),
  marikangen: p('32.09.18.2004', 'Marikangen', 'Plumbon', 'Kab. Cirebon', 'Jawa Barat', -6.711, 108.464),
  depokCrb: p('32.09.31.2006', 'Depok', 'Depok', 'Kab. Cirebon', 'Jawa Barat', -6.739, 108.456),
  kasugenganLor: p('32.09.31.2008', 'Kasugengan Lor', 'Depok', 'Kab. Cirebon', 'Jawa Barat', -6.734, 108.469),
  // Aceh Tengah (11.04), Bener Meriah (11.17) — Gayo arabica
  bebesan: p('11.04.03.2002', 'Bebesan', 'Bebesen', 'Kab. Aceh Tengah', 'Aceh', 4.626, 96.829),
  pegasing: p('11.04.07.2018', 'Pegasing', 'Pegasing', 'Kab. Aceh Tengah', 'Aceh', 4.596, 96.801),
  biesMulie: p('11.04.20.2003', 'Bies Mulie', 'Bies', 'Kab. Aceh Tengah', 'Aceh', 4.584, 96.762),
  payaTumpi: p('11.04.11.2008', 'Paya Tumpi', 'Kebayakan', 'Kab. Aceh Tengah', 'Aceh', 4.651, 96.869),
  simpangTiga: p('11.17.05.2016', 'Pasar Simpang Tiga', 'Bukit', 'Kab. Bener Meriah', 'Aceh', 4.724, 96.856),
  wihPesam: p('11.17.06.2017', 'Wih Pesam', 'Wih Pesam', 'Kab. Bener Meriah', 'Aceh', 4.755, 96.836),
  pondokGajah: p('11.17.04.2020', 'Pondok Gajah', 'Bandar', 'Kab. Bener Meriah', 'Aceh', 4.771, 96.904),
  // Enrekang (73.16), Tana Toraja (73.18) — Kalosi and Toraja arabica
  kalosi: p('73.16.05.1002', 'Kalosi', 'Alla', 'Kab. Enrekang', 'Sulawesi Selatan', -3.441, 119.856),
  tanete: p('73.16.04.1002', 'Tanete', 'Anggeraja', 'Kab. Enrekang', 'Sulawesi Selatan', -3.391, 119.811),
  pasui: p('73.16.10.2001', 'Pasui', 'Buntu Batu', 'Kab. Enrekang', 'Sulawesi Selatan', -3.456, 119.984),
  bittuang: p('73.18.02.1006', 'Bittuang', 'Bittuang', 'Kab. Tana Toraja', 'Sulawesi Selatan', -3.081, 119.701),
  tampoMakale: p('73.18.05.1020', 'Tampo Makale', 'Makale', 'Kab. Tana Toraja', 'Sulawesi Selatan', -3.101, 119.853),
  // Bangli (51.06) — Kintamani arabica
  catur: p('51.06.04.2037', 'Catur', 'Kintamani', 'Kab. Bangli', 'Bali', -8.216, 115.291),
  belantih: p('51.06.04.2036', 'Belantih', 'Kintamani', 'Kab. Bangli', 'Bali', -8.206, 115.309),
  mangguh: p('51.06.04.2009', 'Mangguh', 'Kintamani', 'Kab. Bangli', 'Bali', -8.254, 115.324),
  // partners (district level)
  buduran: p('35.15.15', undefined, 'Buduran', 'Kab. Sidoarjo', 'Jawa Timur', -7.428, 112.723),
  genuk: p('33.74.05', undefined, 'Genuk', 'Kota Semarang', 'Jawa Tengah', -6.956, 110.474),
  kebayoranBaru: p('31.74.07', undefined, 'Kebayoran Baru', 'Kota Adm. Jakarta Selatan', 'DKI Jakarta', -6.243, 106.799),
  medanDeli: p('12.71.06', undefined, 'Medan Deli', 'Kota Medan', 'Sumatera Utara', 3.713, 98.681),
  plumbon: p('32.09.18', undefined, 'Plumbon', 'Kab. Cirebon', 'Jawa Barat', -6.705, 108.474),
  baraka: p('73.16.03', undefined, 'Baraka', 'Kab. Enrekang', 'Sulawesi Selatan', -3.405, 119.934),
  tegallalang: p('51.04.06', undefined, 'Tegallalang', 'Kab. Gianyar', 'Bali', -8.437, 115.279),
  bebesen: p('11.04.03', undefined, 'Bebesen', 'Kab. Aceh Tengah', 'Aceh', 4.625, 96.831),
} satisfies Record<string, Place>;

type PlaceKey = keyof typeof PLACES;

/** Tax office (KPP) code prefix by province: Kanwil numbering, 0xx Jakarta … 9xx Bali/Nusa Tenggara. */
const KPP_PREFIX: Record<ProvinceName, string> = {
  'DKI Jakarta': '0',
  Aceh: '1',
  'Sumatera Utara': '1',
  'Jawa Barat': '4',
  'Jawa Tengah': '5',
  'DI Yogyakarta': '5',
  'Jawa Timur': '6',
  'Sulawesi Selatan': '8',
  Bali: '9',
};

function villageLabel(place: Place): string {
  const [prov, reg, , vil] = place.code.split('.');
  if (vil?.startsWith('1')) return 'Kel.';
  if (prov === '11' && (reg === '04' || reg === '17')) return 'Kampung';
  if (prov === '73' && reg === '18') return 'Lembang';
  return 'Desa';
}

const STREETS = ['Jl. Raya', 'Jl. Masjid', 'Jl. Pemuda', 'Jl. Melati', 'Jl. Kenanga', 'Jl. Pahlawan', 'Jl. Sawo', 'Jl. Mawar', 'Jl. Flamboyan', 'Jl. Anggrek', 'Jl. Delima', 'Jl. Cempaka'];

function address(rng: Rng, place: Place): string {
  const street = `${rng.pick(STREETS)} ${place.village ?? place.district} No. ${rng.int(1, 120)}`;
  const java = ['Jawa Barat', 'Jawa Tengah', 'DI Yogyakarta', 'Jawa Timur'].includes(place.province);
  const rtrw = java ? `, RT ${pad(rng.int(1, 9), 2)}/RW ${pad(rng.int(1, 8), 2)}` : '';
  const village = place.village ? `, ${villageLabel(place)} ${place.village}` : '';
  return `${street}${rtrw}${village}, Kec. ${place.district}, ${place.regency}, ${place.province}`;
}

/** About ±400 m around the place's centre. */
function locate(rng: Rng, place: Place): { lat: number; lng: number } {
  const j = () => Math.round((rng.float() - 0.5) * 0.008 * 1e5) / 1e5;
  return { lat: Math.round((place.lat + j()) * 1e5) / 1e5, lng: Math.round((place.lng + j()) * 1e5) / 1e5 };
}

// ------------------------------------------------------------------ what the firms do

type CertKind = 'PIRT' | 'HALAL' | 'HALAL_MUI' | 'BPOM_MD' | 'SNI' | 'SVLK' | 'ISO_9001' | 'BATIKMARK' | 'ORGANIC' | 'FAIRTRADE';

interface CertRule {
  kind: CertKind;
  p: number;
  only?: 'MIKRO' | 'KECIL';
}

interface CapacityTemplate {
  product: string;
  unit: string;
  period: CapacityPeriod;
  mikro: [number, number];
  kecil: [number, number];
  /** Chance this line appears (the first line always does). */
  p?: number;
}

interface Specialty {
  kbli: string[];
  extraKbli?: { code: string; p: number }[];
  products: string[];
  capacities: CapacityTemplate[];
  /** Share of firms that class KECIL (the rest MIKRO). */
  kecilShare: number;
  workforce: { mikro: [number, number]; kecil: [number, number] };
  certs: CertRule[];
  /** Likeliest first. */
  needs: Need[];
}

/** KBLI 2020 codes used below, all checked against /work/shared/data/kbli-2020.csv:
 * 10794 kerupuk/keripik/peyek · 10399 other fruit & vegetable processing · 31001 wooden furniture ·
 * 31002 rattan/bamboo furniture · 16293 wood carving (not furniture) · 13134 batik · 14111 garments ·
 * 16291 rattan & bamboo woven goods · 16104 rattan processing · 10761 coffee processing ·
 * 01270 beverage crops (coffee growing). Partners: 10710, 46339, 46491, 47711, 47511, 47912, 46314,
 * 46499, 47781. */
const SPECIALTIES = {
  keripikTempe: {
    kbli: ['10794'],
    products: [
      'Keripik tempe sagu dan keripik tempe tipis aneka rasa (original, balado, jeruk purut); kemasan 100 g, 250 g dan curah 5 kg untuk toko oleh-oleh.',
      'Keripik tempe renyah dari kedelai lokal, dikemas standing pouch 150 g; juga keripik bayam dan peyek kacang pesanan.',
    ],
    capacities: [
      { product: 'keripik tempe', unit: 'kg', period: 'MONTH', mikro: [300, 1500], kecil: [3000, 9000] },
      { product: 'peyek kacang', unit: 'kg', period: 'MONTH', mikro: [80, 400], kecil: [600, 2000], p: 0.4 },
    ],
    kecilShare: 0.25,
    workforce: { mikro: [3, 14], kecil: [15, 45] },
    certs: [{ kind: 'PIRT', p: 0.9, only: 'MIKRO' }, { kind: 'HALAL', p: 0.7 }, { kind: 'BPOM_MD', p: 0.9, only: 'KECIL' }, { kind: 'HALAL_MUI', p: 0.15 }],
    needs: ['MARKETING', 'CAPITAL', 'RAW_MATERIALS', 'TECHNOLOGY', 'BUREAUCRACY', 'MANAGEMENT'],
  },
  lanting: {
    kbli: ['10794'],
    products: [
      'Lanting singkong khas Kebumen (bawang, pedas, keju), dijual curah ke pengepul dan dalam kemasan 200 g.',
      'Lanting dan keripik singkong; menerima maklon kemasan merek pembeli.',
    ],
    capacities: [
      { product: 'lanting singkong', unit: 'kg', period: 'MONTH', mikro: [500, 2500], kecil: [4000, 12000] },
      { product: 'keripik singkong', unit: 'kg', period: 'MONTH', mikro: [200, 800], kecil: [1000, 4000], p: 0.5 },
    ],
    kecilShare: 0.3,
    workforce: { mikro: [4, 15], kecil: [16, 50] },
    certs: [{ kind: 'PIRT', p: 0.85, only: 'MIKRO' }, { kind: 'HALAL', p: 0.6 }, { kind: 'BPOM_MD', p: 0.8, only: 'KECIL' }],
    needs: ['MARKETING', 'CAPITAL', 'TECHNOLOGY', 'RAW_MATERIALS', 'MANAGEMENT', 'PARTNERSHIP'],
  },
  keripikSingkong: {
    kbli: ['10794'],
    products: [
      'Keripik singkong (balado, original, pedas manis) dan gaplek olahan dari singkong petani Wonogiri; kemasan 250 g dan curah.',
    ],
    capacities: [
      { product: 'keripik singkong', unit: 'kg', period: 'MONTH', mikro: [400, 2000], kecil: [3000, 8000] },
    ],
    kecilShare: 0.2,
    workforce: { mikro: [3, 12], kecil: [14, 40] },
    certs: [{ kind: 'PIRT', p: 0.9, only: 'MIKRO' }, { kind: 'HALAL', p: 0.6 }, { kind: 'BPOM_MD', p: 0.8, only: 'KECIL' }],
    needs: ['MARKETING', 'CAPITAL', 'TECHNOLOGY', 'INFRASTRUCTURE', 'BUREAUCRACY'],
  },
  karak: {
    kbli: ['10794'],
    products: [
      'Kerupuk karak (gendar) mentah dan matang dari beras, tanpa boraks; dipasok ke pedagang pasar Klaten–Solo.',
      'Kerupuk karak, kerupuk puli dan rambak nasi; kemasan 500 g dan karung 10 kg.',
    ],
    capacities: [
      { product: 'kerupuk karak mentah', unit: 'kg', period: 'MONTH', mikro: [600, 3000], kecil: [4000, 10000] },
    ],
    kecilShare: 0.2,
    workforce: { mikro: [3, 12], kecil: [13, 35] },
    certs: [{ kind: 'PIRT', p: 0.85, only: 'MIKRO' }, { kind: 'HALAL', p: 0.5 }],
    needs: ['MARKETING', 'RAW_MATERIALS', 'CAPITAL', 'TECHNOLOGY', 'INFRASTRUCTURE'],
  },
  peyek: {
    kbli: ['10794'],
    products: ['Rempeyek kacang tanah, peyek teri dan peyek kedelai, kemasan toples dan plastik 250 g untuk oleh-oleh.'],
    capacities: [
      { product: 'rempeyek kacang', unit: 'kg', period: 'MONTH', mikro: [150, 900], kecil: [1500, 5000] },
    ],
    kecilShare: 0.15,
    workforce: { mikro: [2, 10], kecil: [11, 30] },
    certs: [{ kind: 'PIRT', p: 0.9, only: 'MIKRO' }, { kind: 'HALAL', p: 0.6 }],
    needs: ['MARKETING', 'CAPITAL', 'MANAGEMENT', 'RAW_MATERIALS'],
  },
  kerupukUdang: {
    kbli: ['10794'],
    products: [
      'Kerupuk udang dan kerupuk ikan mentah (kemasan 250 g, 500 g dan dus 5 kg) untuk toko oleh-oleh, agen dan rumah makan di Sidoarjo–Surabaya.',
      'Kerupuk udang kualitas super dan kerupuk bandeng; menerima pesanan maklon dengan merek pembeli.',
    ],
    capacities: [
      { product: 'kerupuk udang mentah', unit: 'kg', period: 'MONTH', mikro: [800, 3000], kecil: [5000, 20000] },
      { product: 'kerupuk ikan bandeng', unit: 'kg', period: 'MONTH', mikro: [200, 1000], kecil: [1500, 6000], p: 0.5 },
    ],
    kecilShare: 0.4,
    workforce: { mikro: [4, 15], kecil: [16, 60] },
    certs: [
      { kind: 'PIRT', p: 0.85, only: 'MIKRO' }, { kind: 'HALAL', p: 0.8 }, { kind: 'BPOM_MD', p: 0.9, only: 'KECIL' },
      { kind: 'SNI', p: 0.4, only: 'KECIL' }, { kind: 'HALAL_MUI', p: 0.2 },
    ],
    needs: ['RAW_MATERIALS', 'MARKETING', 'CAPITAL', 'TECHNOLOGY', 'BUREAUCRACY', 'PARTNERSHIP'],
  },
  keripikBuah: {
    kbli: ['10794'],
    extraKbli: [{ code: '10399', p: 0.7 }],
    products: [
      'Keripik apel, nangka dan salak hasil penggorengan vakum (vacuum frying), kemasan 100 g; pemasok toko oleh-oleh Batu–Malang.',
    ],
    capacities: [
      { product: 'keripik apel vacuum frying', unit: 'kg', period: 'MONTH', mikro: [150, 800], kecil: [1200, 4000] },
      { product: 'keripik nangka', unit: 'kg', period: 'MONTH', mikro: [80, 400], kecil: [500, 2000], p: 0.7 },
    ],
    kecilShare: 0.5,
    workforce: { mikro: [4, 14], kecil: [15, 40] },
    certs: [{ kind: 'PIRT', p: 0.8, only: 'MIKRO' }, { kind: 'HALAL', p: 0.8 }, { kind: 'BPOM_MD', p: 0.9, only: 'KECIL' }],
    needs: ['TECHNOLOGY', 'RAW_MATERIALS', 'MARKETING', 'CAPITAL', 'PARTNERSHIP'],
  },
  rambak: {
    kbli: ['10794'],
    products: ['Kerupuk rambak kulit sapi dan kulit kerbau, mentah dan siap santap; kemasan 100 g dan curah.'],
    capacities: [
      { product: 'kerupuk rambak kulit sapi', unit: 'kg', period: 'MONTH', mikro: [150, 700], kecil: [1000, 3000] },
    ],
    kecilShare: 0.3,
    workforce: { mikro: [3, 12], kecil: [13, 30] },
    certs: [{ kind: 'PIRT', p: 0.85, only: 'MIKRO' }, { kind: 'HALAL', p: 0.9 }],
    needs: ['RAW_MATERIALS', 'MARKETING', 'CAPITAL', 'INFRASTRUCTURE'],
  },
  mebelJati: {
    kbli: ['31001'],
    extraKbli: [{ code: '16293', p: 0.3 }],
    products: [
      'Furnitur jati: kursi dan meja makan, bufet, lemari; finishing natural dan duco; melayani pesanan eksportir dan hotel.',
      'Kursi teras dan set meja makan kayu jati solid (kayu TPK Perhutani), produk setengah jadi (unfinished) maupun jadi.',
      'Mebel jati ukir gaya klasik Jepara dan minimalis; knock-down untuk pengapalan kontainer.',
    ],
    capacities: [
      { product: 'kursi makan jati', unit: 'unit', period: 'MONTH', mikro: [30, 150], kecil: [200, 800] },
      { product: 'meja makan jati', unit: 'unit', period: 'MONTH', mikro: [8, 40], kecil: [50, 200], p: 0.8 },
      { product: 'bufet dan lemari jati', unit: 'unit', period: 'MONTH', mikro: [4, 15], kecil: [20, 80], p: 0.5 },
      { product: 'kontainer 40 kaki mebel jati', unit: 'kontainer', period: 'YEAR', mikro: [1, 4], kecil: [6, 24], p: 0.3 },
    ],
    kecilShare: 0.45,
    workforce: { mikro: [4, 18], kecil: [20, 85] },
    certs: [{ kind: 'SVLK', p: 0.55 }, { kind: 'ISO_9001', p: 0.15, only: 'KECIL' }],
    needs: ['RAW_MATERIALS', 'CAPITAL', 'MARKETING', 'TECHNOLOGY', 'PARTNERSHIP', 'MANAGEMENT', 'INFRASTRUCTURE'],
  },
  ukirJati: {
    kbli: ['16293', '31001'],
    products: ['Ukiran relief dan panel kayu jati, kursi ukir dan gebyok; ukir tangan oleh perajin Senenan dan Mangunan.'],
    capacities: [
      { product: 'panel relief ukir jati', unit: 'buah', period: 'MONTH', mikro: [10, 40], kecil: [50, 150] },
      { product: 'kursi ukir jati', unit: 'unit', period: 'MONTH', mikro: [10, 40], kecil: [40, 120], p: 0.6 },
    ],
    kecilShare: 0.3,
    workforce: { mikro: [3, 15], kecil: [16, 45] },
    certs: [{ kind: 'SVLK', p: 0.4 }],
    needs: ['MARKETING', 'CAPITAL', 'RAW_MATERIALS', 'PARTNERSHIP', 'MANAGEMENT'],
  },
  batik: {
    kbli: ['13134'],
    extraKbli: [{ code: '14111', p: 0.35 }],
    products: [
      'Batik cap dan kombinasi cap-tulis motif pesisiran (jlamprang, buketan), kain 2,25 m dan kemeja; pewarna sintetis dan alam.',
      'Batik tulis halus motif Pekalongan dan batik cap untuk seragam instansi; menerima desain motif dari pemesan.',
      'Kain batik cap, sarung batik dan bahan kemeja; proses pencelupan dan pelorodan sendiri.',
    ],
    capacities: [
      { product: 'kain batik cap 2,25 m', unit: 'lembar', period: 'MONTH', mikro: [200, 1200], kecil: [1500, 6000] },
      { product: 'kain batik tulis', unit: 'lembar', period: 'MONTH', mikro: [10, 60], kecil: [60, 200], p: 0.6 },
      { product: 'kemeja batik', unit: 'potong', period: 'MONTH', mikro: [100, 500], kecil: [800, 3000], p: 0.4 },
    ],
    kecilShare: 0.35,
    workforce: { mikro: [4, 18], kecil: [20, 70] },
    certs: [{ kind: 'BATIKMARK', p: 0.35 }, { kind: 'SNI', p: 0.15, only: 'KECIL' }],
    needs: ['MARKETING', 'CAPITAL', 'RAW_MATERIALS', 'INFRASTRUCTURE', 'MANAGEMENT', 'TECHNOLOGY'],
  },
  batikTulis: {
    kbli: ['13134'],
    products: ['Batik tulis klasik Yogyakarta (sidomukti, truntum, parang) dengan pewarna alam dan sintetis; kain dan selendang.'],
    capacities: [
      { product: 'kain batik tulis', unit: 'lembar', period: 'MONTH', mikro: [20, 80], kecil: [100, 250] },
      { product: 'selendang batik tulis', unit: 'lembar', period: 'MONTH', mikro: [20, 100], kecil: [100, 300], p: 0.5 },
    ],
    kecilShare: 0.1,
    workforce: { mikro: [6, 19], kecil: [20, 40] },
    certs: [{ kind: 'BATIKMARK', p: 0.6 }],
    needs: ['MARKETING', 'CAPITAL', 'PARTNERSHIP', 'MANAGEMENT'],
  },
  rotan: {
    kbli: ['16291'],
    extraKbli: [{ code: '31002', p: 0.5 }, { code: '16104', p: 0.15 }],
    products: [
      'Kerajinan anyaman rotan: keranjang, kap lampu, nampan dan dekorasi; bahan rotan alam dari Kalimantan dan Sulawesi.',
      'Kursi dan meja rotan alam serta rotan sintetis untuk pasar ekspor; pengerjaan subkontrak untuk eksportir Cirebon.',
      'Anyaman rotan dan mendong: keranjang laundry, tempat tisu dan hiasan dinding; produk setengah jadi untuk finishing eksportir.',
    ],
    capacities: [
      { product: 'keranjang rotan', unit: 'buah', period: 'MONTH', mikro: [400, 2500], kecil: [3000, 10000] },
      { product: 'kursi rotan', unit: 'unit', period: 'MONTH', mikro: [40, 200], kecil: [250, 900], p: 0.5 },
      { product: 'kap lampu rotan', unit: 'buah', period: 'MONTH', mikro: [100, 600], kecil: [800, 2500], p: 0.4 },
    ],
    kecilShare: 0.35,
    workforce: { mikro: [5, 19], kecil: [20, 80] },
    certs: [{ kind: 'SVLK', p: 0.2 }, { kind: 'ISO_9001', p: 0.2, only: 'KECIL' }],
    needs: ['RAW_MATERIALS', 'MARKETING', 'PARTNERSHIP', 'CAPITAL', 'TECHNOLOGY', 'MANAGEMENT'],
  },
  kopiGayo: {
    kbli: ['10761'],
    extraKbli: [{ code: '01270', p: 0.6 }],
    products: [
      'Kopi arabika Gayo: gabah, green bean grade 1 semi-washed (giling basah) dan full-washed, serta kopi sangrai dan bubuk kemasan 250 g.',
      'Green bean arabika Gayo dari kebun anggota di ketinggian 1.200–1.600 mdpl; proses natural dan honey untuk specialty.',
    ],
    capacities: [
      { product: 'kopi arabika green bean', unit: 'ton', period: 'YEAR', mikro: [8, 40], kecil: [60, 300] },
      { product: 'kopi sangrai dan bubuk', unit: 'kg', period: 'MONTH', mikro: [80, 400], kecil: [500, 2000], p: 0.6 },
    ],
    kecilShare: 0.35,
    workforce: { mikro: [4, 18], kecil: [20, 60] },
    certs: [{ kind: 'ORGANIC', p: 0.5 }, { kind: 'FAIRTRADE', p: 0.35 }, { kind: 'PIRT', p: 0.4, only: 'MIKRO' }, { kind: 'HALAL', p: 0.4 }],
    needs: ['TECHNOLOGY', 'CAPITAL', 'INFRASTRUCTURE', 'MARKETING', 'PARTNERSHIP', 'BUREAUCRACY'],
  },
  kopiSulsel: {
    kbli: ['10761'],
    extraKbli: [{ code: '01270', p: 0.5 }],
    products: [
      'Kopi arabika Kalosi–Toraja: green bean full-washed dan kopi sangrai; bahan dari petani di lereng Latimojong dan Sesean.',
      'Kopi bubuk arabika dan robusta Toraja kemasan 100 g dan 250 g; green bean untuk roastery di Makassar.',
    ],
    capacities: [
      { product: 'kopi arabika green bean', unit: 'ton', period: 'YEAR', mikro: [5, 30], kecil: [40, 150] },
      { product: 'kopi bubuk', unit: 'kg', period: 'MONTH', mikro: [100, 500], kecil: [600, 2500], p: 0.7 },
    ],
    kecilShare: 0.25,
    workforce: { mikro: [3, 15], kecil: [16, 40] },
    certs: [{ kind: 'PIRT', p: 0.6, only: 'MIKRO' }, { kind: 'HALAL', p: 0.5 }, { kind: 'ORGANIC', p: 0.2 }],
    needs: ['TECHNOLOGY', 'INFRASTRUCTURE', 'CAPITAL', 'MARKETING', 'PARTNERSHIP', 'RAW_MATERIALS'],
  },
  kopiKintamani: {
    kbli: ['10761'],
    extraKbli: [{ code: '01270', p: 0.7 }],
    products: ['Kopi arabika Kintamani proses full-washed dan natural, green bean dan sangrai; bahan dari kebun anggota subak abian.'],
    capacities: [
      { product: 'kopi arabika green bean', unit: 'ton', period: 'YEAR', mikro: [5, 25], kecil: [30, 120] },
      { product: 'kopi sangrai', unit: 'kg', period: 'MONTH', mikro: [50, 300], kecil: [400, 1500], p: 0.6 },
    ],
    kecilShare: 0.3,
    workforce: { mikro: [3, 15], kecil: [16, 35] },
    certs: [{ kind: 'ORGANIC', p: 0.3 }, { kind: 'PIRT', p: 0.5, only: 'MIKRO' }, { kind: 'HALAL', p: 0.3 }],
    needs: ['MARKETING', 'TECHNOLOGY', 'CAPITAL', 'PARTNERSHIP', 'INFRASTRUCTURE'],
  },
} satisfies Record<string, Specialty>;

type SpecialtyKey = keyof typeof SPECIALTIES;

// ------------------------------------------------------------------ the firms

type LegalForm = 'UD' | 'CV' | 'KUB' | 'Koperasi';
/** [name, legal form, place, specialty, owner's name] */
type FirmStub = readonly [string, LegalForm, PlaceKey, SpecialtyKey, string];

/** 60 small firms in 7 provinces. Names and people are invented. */
export const FIRMS: readonly FirmStub[] = [
  // Jawa Tengah — keripik, lanting, karak, peyek (7)
  ['UD Tempe Sari Mendoan', 'UD', 'sokarajaKulon', 'keripikTempe', 'Sri Wahyuningsih'],
  ['CV Rasa Sokaraja Jaya', 'CV', 'purwokertoKidul', 'keripikTempe', 'Agus Prasetyo'],
  ['KUB Lanting Lemahduwur Makmur', 'KUB', 'lemahduwur', 'lanting', 'Siti Muslimah'],
  ['UD Lanting Joyo Panjer', 'UD', 'panjer', 'lanting', 'Bambang Riyadi'],
  ['UD Gaplek Manis Giriwono', 'UD', 'giriwono', 'keripikSingkong', 'Suparmi'],
  ['UD Karak Gendar Sumber Rejeki', 'UD', 'tonggalan', 'karak', 'Joko Santoso'],
  ['UD Peyek Kacang Mbok Darmi', 'UD', 'pacing', 'peyek', 'Darmini'],
  // Jawa Timur — kerupuk, keripik, rambak (8)
  ['UD Kerupuk Udang Candi Jaya', 'UD', 'candi', 'kerupukUdang', 'Abdul Rohim'],
  ['CV Kerupuk Samudra Sedati', 'CV', 'sedatigede', 'kerupukUdang', 'Mochammad Yusuf'],
  ['UD Kerupuk Ikan Bu Yati', 'UD', 'sidokare', 'kerupukUdang', 'Suryati'],
  ['UD Keripik Tempe Sanan Rejeki', 'UD', 'purwantoro', 'keripikTempe', 'Eko Wibowo'],
  ['UD Keripik Tempe Arjuna', 'UD', 'bunulrejo', 'keripikTempe', 'Dwi Handayani'],
  ['CV Keripik Buah Bumiaji Lestari', 'CV', 'bumiaji', 'keripikBuah', 'Hendra Gunawan'],
  ['UD Keripik Tempe Ngantru Sejahtera', 'UD', 'ngantru', 'keripikTempe', 'Suyatmi'],
  ['UD Rambak Magetan Barokah', 'UD', 'selosari', 'rambak', 'Slamet Riyanto'],
  // Jepara — teak furniture and carving (11)
  ['CV Jati Ukir Mantingan', 'CV', 'mantingan', 'mebelJati', 'Ahmad Fauzi'],
  ['UD Mebel Tahunan Indah', 'UD', 'tahunan', 'mebelJati', 'Sutrisno'],
  ['CV Karya Relief Senenan', 'CV', 'senenan', 'ukirJati', 'Muhammad Nur Said'],
  ['UD Sumber Jati Petekeyan', 'UD', 'petekeyan', 'mebelJati', 'Sunardi'],
  ['CV Lestari Jati Sukodono', 'CV', 'sukodonoJpr', 'mebelJati', 'Rudi Hartono'],
  ['UD Ukir Mangunan Asri', 'UD', 'mangunan', 'ukirJati', 'Endang Sulistyowati'],
  ['UD Mebel Bawu Makmur', 'UD', 'bawu', 'mebelJati', 'Supriyadi'],
  ['CV Sekuro Jati Mandiri', 'CV', 'sekuro', 'mebelJati', 'Ali Mahmudi'],
  ['UD Kursi Jati Kalianyar', 'UD', 'kalianyar', 'mebelJati', 'Kusnadi'],
  ['KUB Perajin Mebel Robayan', 'KUB', 'robayan', 'mebelJati', 'Edy Susanto'],
  ['CV Griya Jati Krapyak', 'CV', 'krapyakJpr', 'mebelJati', 'Yuliana Puspitasari'],
  // Pekalongan — batik (9)
  ['UD Batik Kauman Lestari', 'UD', 'kaumanPkl', 'batik', 'Fatimah Azzahra'],
  ['CV Batik Pesisir Medono', 'CV', 'medono', 'batik', 'Arif Rahman Hakim'],
  ['UD Batik Jenggot Sekar Jagad', 'UD', 'jenggot', 'batik', 'Nining Kurniasih'],
  ['UD Batik Cap Banyurip Asri', 'UD', 'banyurip', 'batik', 'Taufik Hidayat'],
  ['UD Batik Tulis Simbangkulon', 'UD', 'simbangkulon', 'batik', 'Khoirul Anam'],
  ['CV Batik Kemplong Wiradesa', 'CV', 'kemplong', 'batik', 'Sri Rahayu'],
  ['KUB Batik Pajomblangan Berkah', 'KUB', 'pajomblangan', 'batik', 'Umi Kulsum'],
  ['UD Batik Karangjompo Indah', 'UD', 'karangjompo', 'batik', 'Nur Kholis'],
  ['UD Batik Krapyak Pesisiran', 'UD', 'krapyakPkl', 'batik', 'Dian Permatasari'],
  // Bantul — batik tulis (2)
  ['KUB Batik Tulis Giriloyo Sekar Arum', 'KUB', 'wukirsari', 'batikTulis', 'Sumiyati'],
  ['UD Batik Wukirsari Lestari', 'UD', 'wukirsari', 'batikTulis', 'Tri Wulandari'],
  // Cirebon — rattan (8)
  ['CV Rotan Tegalwangi Kencana', 'CV', 'tegalwangi', 'rotan', 'Dedi Supardi'],
  ['UD Anyaman Rotan Weru Lor', 'UD', 'weruLor', 'rotan', 'Asep Saepudin'],
  ['UD Kerajinan Rotan Setu Kulon', 'UD', 'setuKulon', 'rotan', 'Ujang Suryana'],
  ['KUB Perajin Rotan Megu Gede', 'KUB', 'meguGede', 'rotan', 'Nana Suryani'],
  ['CV Rotan Plumbon Sejahtera', 'CV', 'lurah', 'rotan', 'Wawan Setiawan'],
  ['UD Rotan Marikangen Jaya', 'UD', 'marikangen', 'rotan', 'Eti Rohaeti'],
  ['UD Kriya Rotan Kasugengan', 'UD', 'kasugenganLor', 'rotan', 'Darsono'],
  ['UD Rotan Sintetis Depok', 'UD', 'depokCrb', 'rotan', 'Iis Rohmawati'],
  // Aceh — Gayo arabica (7)
  ['Koperasi Kopi Arabika Bebesan Mandiri', 'Koperasi', 'bebesan', 'kopiGayo', 'Mukhlis Bahrum'],
  ['UD Gayo Kupi Pegasing', 'UD', 'pegasing', 'kopiGayo', 'Zuhra Ariga'],
  ['CV Kopi Bies Mulie', 'CV', 'biesMulie', 'kopiGayo', 'Hasanuddin Daud'],
  ['UD Sangrai Kopi Paya Tumpi', 'UD', 'payaTumpi', 'kopiGayo', 'Cut Nurul Aini'],
  ['CV Redelong Arabika', 'CV', 'simpangTiga', 'kopiGayo', 'Teuku Rizal Fahmi'],
  ['Koperasi Petani Kopi Wih Pesam', 'Koperasi', 'wihPesam', 'kopiGayo', 'Yusra Efendi'],
  ['UD Burni Telong Kopi', 'UD', 'pondokGajah', 'kopiGayo', 'Salman Aman Dirga'],
  // Sulawesi Selatan — Kalosi and Toraja arabica (5)
  ['UD Kopi Kalosi Duri', 'UD', 'kalosi', 'kopiSulsel', 'Muhammad Arsyad'],
  ['CV Bamba Puang Kopi', 'CV', 'tanete', 'kopiSulsel', 'Hasniati'],
  ['KUB Kopi Latimojong Buntu Batu', 'KUB', 'pasui', 'kopiSulsel', 'Syamsul Bahri'],
  ['UD Kopi Sapan Bittuang', 'UD', 'bittuang', 'kopiSulsel', 'Yohanis Tandirerung'],
  ['CV Kopi Toraja Makale Mandiri', 'CV', 'tampoMakale', 'kopiSulsel', 'Agustina Palimbong'],
  // Bali — Kintamani arabica (3)
  ['UD Kopi Arabika Catur Kintamani', 'UD', 'catur', 'kopiKintamani', 'I Wayan Sukadana'],
  ['UD Kopi Belantih Lestari', 'UD', 'belantih', 'kopiKintamani', 'Ni Made Sriasih'],
  ['CV Kintamani Kopi Mangguh', 'CV', 'mangguh', 'kopiKintamani', 'I Nyoman Arta Wijaya'],
];

// ------------------------------------------------------------------ certificates

const MIKRO_MAX_SALES = 2_000_000_000;
const KECIL_MAX_SALES = 15_000_000_000;
const JUTA = 1_000_000;

const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

interface CertContext {
  rng: Rng;
  place: Place;
}

/** A date in the past (before mid-2026) for an expired certificate, or one 2027–2031 for a valid one. */
function expiry(rng: Rng, expired: boolean): { date: string; year: number } {
  const year = expired ? rng.int(2024, 2026) : rng.int(2027, 2031);
  const month = expired && year === 2026 ? rng.int(1, 6) : rng.int(1, 12);
  return { date: isoDate(year, month, rng.int(1, 28)), year };
}

function certificate(kind: CertKind, ctx: CertContext): Certification {
  const { rng, place } = ctx;
  const regency4 = place.code.slice(0, 5).replace('.', '');
  const prov = place.code.slice(0, 2);
  const expired = rng.chance(0.12);
  switch (kind) {
    case 'PIRT': {
      // 1 packaging + 2 food type + 4 regency + 2 product + 4 firm serial, then the expiry year.
      const e = expiry(rng, expired);
      return { type: 'PIRT', number: `P-IRT ${rng.int(1, 5)}${pad(rng.int(1, 16), 2)}${regency4}${pad(rng.int(1, 12), 2)}${rng.digits(4)}-${String(e.year).slice(2)}`, validUntil: e.date };
    }
    case 'HALAL': // BPJPH certificate: valid while the product and process are unchanged
      return { type: 'HALAL', number: `ID${prov}11${rng.digits(9)}${pad(rng.int(1, 12), 2)}${pad(rng.int(21, 25), 2)}`, validUntil: null };
    case 'HALAL_MUI': // an older LPPOM MUI certificate, four years from issue; usually lapsed by now
      return { type: 'HALAL', number: `LPPOM-${rng.digits(14)}`, validUntil: expiry(rng, rng.chance(0.7)).date };
    case 'BPOM_MD':
      return { type: 'BPOM_MD', number: `BPOM RI MD ${rng.int(2, 8)}${rng.digits(11)}`, validUntil: expiry(rng, expired).date };
    case 'SNI':
      return { type: 'SNI', number: `SPPT-SNI ${rng.digits(4)}/LSPro-${rng.pick(['BBIA', 'BBKB', 'BBPPI', 'B4T'])}/${rng.int(2020, 2025)}`, validUntil: expiry(rng, expired).date };
    case 'SVLK': // timber legality (S-LK), required to export wood products
      return { type: 'SVLK', number: `S-LK ${rng.digits(3)}/LVLK-${pad(rng.int(1, 40), 3)}/IDN/${rng.int(2019, 2025)}`, validUntil: expiry(rng, expired).date };
    case 'ISO_9001':
      return { type: 'ISO_9001', number: `QMS-${rng.digits(5)}-ID`, validUntil: expiry(rng, expired).date };
    case 'BATIKMARK': // "Batik Indonesia" mark from Balai Besar Kerajinan dan Batik
      return { type: 'BATIKMARK', number: `${rng.digits(4)}/BBKB/BM/${rng.int(2021, 2025)}`, validUntil: expiry(rng, expired).date };
    case 'ORGANIC': // yearly inspection: lapses more often
      return { type: 'ORGANIC', number: `LSO-${rng.pick(['BIOCERT', 'INOFICE', 'SUCOFINDO'])}-${rng.digits(4)}-${rng.int(2022, 2025)}`, validUntil: expiry(rng, rng.chance(0.25)).date };
    case 'FAIRTRADE':
      return { type: 'FAIRTRADE', number: `FLO ID ${rng.int(20000, 49999)}`, validUntil: expiry(rng, expired).date };
  }
}

// ------------------------------------------------------------------ builders

function buildEnterprise(stub: FirmStub, usedNibs: Set<string>): DemoRegistration {
  const [name, legalForm, placeKey, specialtyKey, owner] = stub;
  const place: Place = PLACES[placeKey];
  const spec: Specialty = SPECIALTIES[specialtyKey];
  const rng = new Rng(`jalin-demo:${name}`);
  const host = orgHost(name);

  const kecil = rng.chance(spec.kecilShare);
  const annualSalesIdr = kecil ? rng.amount(2_200 * JUTA, 12_000 * JUTA, 5 * JUTA) : rng.amount(150 * JUTA, 1_900 * JUTA, 5 * JUTA);
  const netAssetsIdr = kecil ? rng.amount(900 * JUTA, 4_500 * JUTA, JUTA) : rng.amount(35 * JUTA, Math.min(800 * JUTA, Math.floor(annualSalesIdr * 0.6)), JUTA);
  const [wMin, wMax] = kecil ? spec.workforce.kecil : spec.workforce.mikro;
  const foundedYear = rng.int(legalForm === 'Koperasi' ? 2005 : 1982, 2021);

  const kbliCodes = [...spec.kbli, ...(spec.extraKbli ?? []).filter((k) => rng.chance(k.p)).map((k) => k.code)];
  const capacities: Capacity[] = spec.capacities
    .filter((c, i) => i === 0 || rng.chance(c.p ?? 0.5))
    .map((c) => {
      const [lo, hi] = kecil ? c.kecil : c.mikro;
      const step = hi >= 1000 ? 100 : hi >= 100 ? 10 : 1;
      return { product: c.product, quantity: rng.amount(lo, hi, step), unit: c.unit, period: c.period };
    });
  const ctx: CertContext = { rng, place };
  const scale = kecil ? 'KECIL' : 'MIKRO';
  const certifications = spec.certs.filter((r) => (!r.only || r.only === scale) && rng.chance(r.p)).map((r) => certificate(r.kind, ctx));
  // Likelier needs first: each area is named with a chance falling along the list; 2–4 in all.
  const wanted = spec.needs.filter((_, i) => rng.chance(Math.max(0.2, 0.8 - i * 0.15)));
  const needs = (wanted.length >= 2 ? wanted : spec.needs.slice(0, 2)).slice(0, 4);

  const kpp = `${KPP_PREFIX[place.province]}${pad(rng.int(1, 60), 2)}`;
  const corporate = legalForm !== 'UD';
  let npwp: string | undefined;
  if (rng.chance(0.88)) {
    const legacy = makeLegacyNpwp(rng, corporate ? rng.pick(['01', '02', '03']) : rng.pick(['07', '08', '09']), kpp);
    npwp = rng.chance(0.5) ? `0${legacy}` : formatLegacyNpwp(legacy);
  }

  const organization: RegisterOrganizationDto = {
    kind: 'enterprise',
    name,
    nib: makeNib(rng, usedNibs),
    ...(npwp ? { npwp } : {}),
    legalForm,
    address: address(rng, place),
    regionCode: place.code,
    location: locate(rng, place),
    kbliCodes,
    netAssetsIdr,
    annualSalesIdr,
    workforce: rng.int(wMin, wMax),
    foundedYear,
    contactEmail: `info@${host}`,
    contactPhone: mobile(rng),
    products: rng.pick(spec.products),
    capacities,
    certifications,
    needs,
  };
  return { fullName: owner, email: `owner@${host}`, organization };
}

interface PartnerSpec {
  name: string;
  place: PlaceKey;
  kbli: string[];
  annualSalesIdr: number;
  netAssetsIdr: number;
  workforce: number;
  foundedYear: number;
  /** Area code of the office line, without the leading 0. */
  phoneArea: string;
  pic: { name: string; position: string };
  /**
   * Firms (names in FIRMS) that apply to the partner's opportunity, in this order. The first is the
   * one the partnership scenarios (demo-partnerships.ts) take on; firms are picked so that the
   * partnerships spread over several provinces (a partnership lies in its small firm's province).
   */
  applicants: readonly string[];
}

/** Eight medium and large partners, one per province. The first one's e-mail marks a seeded database. */
export const PARTNERS: readonly PartnerSpec[] = [
  {
    name: 'PT Gurih Nusantara Pangan', place: 'buduran', kbli: ['10794', '10710', '46339'],
    annualSalesIdr: 186_500_000_000, netAssetsIdr: 72_000_000_000, workforce: 640, foundedYear: 1996, phoneArea: '31',
    pic: { name: 'Ratna Dewi Anggraini', position: 'Manajer Kemitraan dan Pengadaan' },
    applicants: ['UD Kerupuk Udang Candi Jaya', 'UD Kerupuk Ikan Bu Yati'],
  },
  {
    name: 'PT Jati Nusantara Ekspor Mebel', place: 'genuk', kbli: ['31001', '46491'],
    annualSalesIdr: 42_750_000_000, netAssetsIdr: 8_400_000_000, workforce: 310, foundedYear: 2004, phoneArea: '24',
    pic: { name: 'Bayu Aji Nugroho', position: 'Kepala Divisi Sourcing' },
    applicants: ['CV Jati Ukir Mantingan', 'UD Mebel Tahunan Indah'],
  },
  {
    name: 'PT Wastra Batik Nusantara', place: 'kebayoranBaru', kbli: ['47711', '47511', '47912'],
    annualSalesIdr: 96_300_000_000, netAssetsIdr: 31_000_000_000, workforce: 420, foundedYear: 2001, phoneArea: '21',
    pic: { name: 'Larasati Widyaningrum', position: 'Manajer Kemitraan Perajin' },
    applicants: ['KUB Batik Tulis Giriloyo Sekar Arum', 'UD Batik Kauman Lestari'],
  },
  {
    name: 'PT Kopi Dataran Tinggi Sumatera', place: 'medanDeli', kbli: ['10761', '46314'],
    annualSalesIdr: 312_000_000_000, netAssetsIdr: 118_000_000_000, workforce: 260, foundedYear: 1998, phoneArea: '61',
    pic: { name: 'Hotman Sinaga', position: 'Manajer Pengadaan Kopi' },
    applicants: ['Koperasi Kopi Arabika Bebesan Mandiri', 'CV Redelong Arabika'],
  },
  {
    name: 'PT Rotan Cirebon Internasional', place: 'plumbon', kbli: ['31002', '16291', '46499'],
    annualSalesIdr: 28_900_000_000, netAssetsIdr: 7_200_000_000, workforce: 380, foundedYear: 1992, phoneArea: '231',
    pic: { name: 'Hendra Kurniawan', position: 'Manajer Produksi dan Subkontrak' },
    applicants: ['CV Rotan Tegalwangi Kencana', 'KUB Perajin Rotan Megu Gede'],
  },
  {
    name: 'PT Perkebunan Kopi Latimojong', place: 'baraka', kbli: ['01270', '10761'],
    annualSalesIdr: 36_400_000_000, netAssetsIdr: 9_600_000_000, workforce: 210, foundedYear: 2009, phoneArea: '420',
    pic: { name: 'Andi Muhammad Ridwan', position: 'Kepala Bagian Kemitraan Plasma' },
    applicants: ['KUB Kopi Latimojong Buntu Batu', 'UD Kopi Kalosi Duri'],
  },
  {
    name: 'PT Kriya Dewata Ekspor', place: 'tegallalang', kbli: ['46499', '47781', '16291'],
    annualSalesIdr: 22_150_000_000, netAssetsIdr: 6_100_000_000, workforce: 150, foundedYear: 2007, phoneArea: '361',
    pic: { name: 'Ni Luh Putu Ayu Lestari', position: 'Manajer Kemitraan Perajin' },
    applicants: ['UD Anyaman Rotan Weru Lor', 'UD Ukir Mangunan Asri'],
  },
  {
    name: 'PT Gayo Arabika Lestari', place: 'bebesen', kbli: ['10761', '46314', '01270'],
    annualSalesIdr: 124_800_000_000, netAssetsIdr: 41_500_000_000, workforce: 180, foundedYear: 2010, phoneArea: '643',
    pic: { name: 'Fadhil Ramadhan', position: 'Manajer Kemitraan Petani' },
    applicants: ['Koperasi Petani Kopi Wih Pesam', 'UD Gayo Kupi Pegasing'],
  },
];

function buildPartner(spec: PartnerSpec, usedNibs: Set<string>): DemoRegistration {
  const place: Place = PLACES[spec.place];
  const rng = new Rng(`jalin-demo:${spec.name}`);
  const host = orgHost(spec.name);
  const kpp = `${KPP_PREFIX[place.province]}${pad(rng.int(1, 60), 2)}`;
  const pic: Pic = { ...spec.pic, email: `kemitraan@${host}`, phone: mobile(rng) };
  const officeDigits = spec.phoneArea.length === 2 ? 8 : 7;
  const office = rng.digits(officeDigits);
  const organization: RegisterOrganizationDto = {
    kind: 'partner',
    name: spec.name,
    nib: makeNib(rng, usedNibs),
    npwp: `0${makeLegacyNpwp(rng, rng.pick(['01', '02', '03']), kpp)}`,
    legalForm: 'PT',
    address: address(rng, place),
    regionCode: place.code,
    location: locate(rng, place),
    kbliCodes: spec.kbli,
    netAssetsIdr: spec.netAssetsIdr,
    annualSalesIdr: spec.annualSalesIdr,
    workforce: spec.workforce,
    foundedYear: spec.foundedYear,
    contactEmail: `info@${host}`,
    contactPhone: `+62 ${spec.phoneArea} ${office.slice(0, officeDigits - 4)} ${office.slice(-4)}`,
    pic,
  };
  return { fullName: spec.pic.name, email: `owner@${host}`, organization };
}

/** The whole population, built the same way every time. */
export function buildDemoPopulation(): DemoPopulation {
  const usedNibs = new Set<string>();
  const partners = PARTNERS.map((s) => buildPartner(s, usedNibs));
  const enterprises = FIRMS.map((f) => buildEnterprise(f, usedNibs));
  const emails = new Set<string>();
  for (const r of [...partners, ...enterprises]) {
    if (emails.has(r.email)) throw new Error(`demo data: e-mail ${r.email} appears twice`);
    emails.add(r.email);
    const sales = r.organization.annualSalesIdr!;
    const small = sales <= KECIL_MAX_SALES;
    if ((r.organization.kind === 'enterprise') !== small) throw new Error(`demo data: ${r.organization.name} has sales of the wrong class`);
  }
  const firmNames = new Set(FIRMS.map((f) => f[0]));
  const applications = new Map<string, string[]>();
  for (const spec of PARTNERS) {
    const unknown = spec.applicants.filter((name) => !firmNames.has(name));
    if (unknown.length) throw new Error(`demo data: ${spec.name} lists applicants that are no firm: ${unknown.join(', ')}`);
    applications.set(demoEmailOf(spec.name), spec.applicants.map(demoEmailOf));
  }
  return { partners, enterprises, officer: DEMO_OFFICER, admin: DEMO_ADMIN, applications };
}

/** The login of a demo organisation's owner, from its name. */
export function demoEmailOf(organizationName: string): string {
  return `owner@${orgHost(organizationName)}`;
}

/** The first partner's login: present ⇒ the demo has been seeded. */
export function demoMarkerEmail(): string {
  return `owner@${orgHost(PARTNERS[0]!.name)}`;
}

/** `MIKRO` / `KECIL` by annual sales under pp-7-2021, for summaries (the service classes for real). */
export function smallScaleOf(annualSalesIdr: number): 'MIKRO' | 'KECIL' {
  return annualSalesIdr <= MIKRO_MAX_SALES ? 'MIKRO' : 'KECIL';
}
