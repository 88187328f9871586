import { type Zone, zoneLabel, zoneOffset } from './zones';

export type Lang = 'id' | 'en';

/** Intl locale for a UI language: Indonesian dates in Indonesian, English dates in (British) English. */
export const intlLocale = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'id-ID');

const rupiahFormat = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/** Integer rupiah as Indonesians write it: `Rp1.250.000` (no space, dots between thousands), in both languages. */
export function formatRupiah(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '—';
  return rupiahFormat
    .formatToParts(n)
    .filter((p) => p.type !== 'literal' || p.value.trim() !== '')
    .map((p) => p.value)
    .join('');
}

export function formatNumber(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 3 }).format(value);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date. `YYYY-MM-DD` values (due dates, agreement dates) are days, not instants: they are
 * shown as written, never shifted by a zone. Instants are shown as the day in `zone`.
 */
export function formatDate(value: string | Date | null | undefined, lang: Lang, zone: Zone = 'Asia/Jakarta', style: 'long' | 'short' = 'long'): string {
  if (!value) return '—';
  const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
  const d = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
    timeZone: dateOnly ? 'UTC' : zone,
  }).format(d);
}

/** An instant in the user's zone, with the zone's Indonesian abbreviation: `2 Maret 2026 09.00 WIB`. */
export function formatDateTime(value: string | Date | null | undefined, lang: Lang, zone: Zone): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  const text = new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(d);
  return `${text} ${zoneLabel(zone)}`;
}

/** Today's date (`YYYY-MM-DD`) in a zone. */
export function todayIn(zone: Zone, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An instant as the value of `<input type="datetime-local">` in a zone: `2026-03-02T09:00`. */
export function toLocalInput(value: string | Date | null | undefined, zone: Zone): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A `datetime-local` value read as wall time in a zone → ISO 8601 with that zone's offset. */
export function fromLocalInput(local: string, zone: Zone): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return '';
  return `${local.slice(0, 16)}:00${zoneOffset(zone)}`;
}

/** Digits only, as a number (for rupiah inputs typed with dots); null when empty. */
export function parseDigits(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits ? Number(digits) : null;
}
