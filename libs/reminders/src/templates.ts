import type { Locale } from '@jalin/notifications';
import type { ReminderKind } from './policy.js';

/** What the sweep stores with a ledger row (`reminders.params`) for its text: the facts as of the window. */
export interface ReminderParams {
  /** Obligation: its Indonesian title and type; session: its topic. */
  title: string;
  obligationType?: string;
  /** The target's day: the obligation's due date or the session's date (YYYY-MM-DD, the partner's zone). */
  day: string;
  /** Days from the recipient's local date when the window was due to the target's day (negative: overdue). */
  daysLeft: number;
  partnerName: string;
  enterpriseName: string | null;
  agreementId: string | null;
  recipientName: string;
  /** Path in the web app (appended to APP_URL). */
  path: string;
}

export interface ReminderText {
  title: string;
  body: string;
}

const q = (s: string) => `“${s}”`;

const OBLIGATION_TYPE_EN: Record<string, string> = {
  PUBLISH_OPPORTUNITIES: 'publishing partnership opportunities',
  PROGRESS_REPORT: 'partnership progress report',
  APPOINT_PIC: 'appointing a person in charge of the partnership',
  HONOUR_AGREEMENT: 'agreement commitment',
  COACHING: 'coaching',
  CASE_REMEDY: 'remedy report for a monitoring case',
};

const MONTHS: Record<Locale, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** 2026-04-10 → "10 April 2026" (id) / "10 April 2026" (en). */
export function formatDay(locale: Locale, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[locale][m - 1]} ${y}`;
}

function relative(locale: Locale, days: number): string {
  if (locale === 'en') {
    if (days > 1) return `in ${days} days`;
    if (days === 1) return 'tomorrow';
    if (days === 0) return 'today';
    if (days === -1) return 'yesterday';
    return `${-days} days ago`;
  }
  if (days > 1) return `dalam ${days} hari`;
  if (days === 1) return 'besok';
  if (days === 0) return 'hari ini';
  if (days === -1) return 'kemarin';
  return `${-days} hari yang lalu`;
}

const parties = (p: ReminderParams) => (p.enterpriseName ? `${p.partnerName} – ${p.enterpriseName}` : p.partnerName);

type Templates = Record<ReminderKind, (p: ReminderParams) => ReminderText>;

const ID: Templates = {
  OBLIGATION_DUE: (p) => ({
    title: `Pengingat: kewajiban jatuh tempo ${relative('id', p.daysLeft)} — ${p.title}`,
    body: `Kewajiban kemitraan ${q(p.title)} (${parties(p)}) jatuh tempo pada ${formatDay('id', p.day)}. Penuhi kewajiban ini dan unggah buktinya di Jalin sebelum tenggat.`,
  }),
  OBLIGATION_OVERDUE: (p) => ({
    title: `Kewajiban terlambat ${-p.daysLeft} hari — ${p.title}`,
    body: `Kewajiban kemitraan ${q(p.title)} (${parties(p)}) telah lewat jatuh tempo pada ${formatDay('id', p.day)}. Segera penuhi kewajiban ini dan unggah buktinya di Jalin; keterlambatan terlihat oleh kementerian.`,
  }),
  OBLIGATION_ESCALATION: (p) => ({
    title: `${p.partnerName}: kewajiban terlambat ${-p.daysLeft} hari`,
    body: `${p.partnerName} belum memenuhi kewajiban kemitraan ${q(p.title)}${p.enterpriseName ? ` dengan ${p.enterpriseName}` : ''} yang jatuh tempo pada ${formatDay('id', p.day)} (${-p.daysLeft} hari terlambat).`,
  }),
  SESSION_UPCOMING: (p) => ({
    title: `Sesi pembinaan ${relative('id', p.daysLeft)}: ${p.title}`,
    body: `Sesi pembinaan ${q(p.title)} (${parties(p)}) dijadwalkan pada ${formatDay('id', p.day)}.`,
  }),
  SESSION_ATTENDANCE: (p) => ({
    title: `Catat kehadiran sesi pembinaan ${p.title}`,
    body: `Sesi pembinaan ${q(p.title)} dengan ${p.enterpriseName ?? 'usaha kecil mitra'} pada ${formatDay('id', p.day)} belum dicatat kehadirannya. Catat kehadiran agar usaha kecil dapat mengonfirmasinya.`,
  }),
  SESSION_CONFIRMATION: (p) => ({
    title: `Mohon konfirmasi sesi pembinaan ${p.title}`,
    body: `${p.partnerName} mencatat sesi pembinaan ${q(p.title)} pada ${formatDay('id', p.day)}. Konfirmasikan bahwa sesi ini terlaksana, atau ajukan keberatan bila tidak.`,
  }),
};

const typeEn = (p: ReminderParams) => OBLIGATION_TYPE_EN[p.obligationType ?? ''] ?? 'partnership obligation';

const EN: Templates = {
  OBLIGATION_DUE: (p) => ({
    title: `Reminder: ${typeEn(p)} due ${relative('en', p.daysLeft)}`,
    body: `The partnership obligation ${q(p.title)} (${parties(p)}) is due on ${formatDay('en', p.day)}. Fulfil it and upload the evidence on Jalin before the deadline.`,
  }),
  OBLIGATION_OVERDUE: (p) => ({
    title: `Overdue by ${-p.daysLeft} days: ${typeEn(p)}`,
    body: `The partnership obligation ${q(p.title)} (${parties(p)}) was due on ${formatDay('en', p.day)}. Fulfil it and upload the evidence on Jalin now; the delay is visible to the ministry.`,
  }),
  OBLIGATION_ESCALATION: (p) => ({
    title: `${p.partnerName}: obligation overdue by ${-p.daysLeft} days`,
    body: `${p.partnerName} has not fulfilled the partnership obligation ${q(p.title)} (${typeEn(p)})${p.enterpriseName ? ` with ${p.enterpriseName}` : ''}, due on ${formatDay('en', p.day)} (${-p.daysLeft} days overdue).`,
  }),
  SESSION_UPCOMING: (p) => ({
    title: `Coaching session ${relative('en', p.daysLeft)}: ${p.title}`,
    body: `The coaching session ${q(p.title)} (${parties(p)}) is scheduled for ${formatDay('en', p.day)}.`,
  }),
  SESSION_ATTENDANCE: (p) => ({
    title: `Record attendance for the coaching session ${p.title}`,
    body: `Attendance of the coaching session ${q(p.title)} with ${p.enterpriseName ?? 'your small partner'} on ${formatDay('en', p.day)} has not been recorded. Record it so the small firm can confirm it.`,
  }),
  SESSION_CONFIRMATION: (p) => ({
    title: `Please confirm the coaching session ${p.title}`,
    body: `${p.partnerName} recorded the coaching session ${q(p.title)} on ${formatDay('en', p.day)}. Confirm that it took place, or dispute it if it did not.`,
  }),
};

/** A reminder's title and body in both languages (in-app notifications keep both; e-mail uses the recipient's). */
export function renderReminder(kind: ReminderKind, p: ReminderParams): Record<Locale, ReminderText> {
  return { id: ID[kind](p), en: EN[kind](p) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const MAIL_COPY: Record<Locale, { greeting: (n: string) => string; open: string; footer: string }> = {
  id: {
    greeting: (n) => `Halo ${n},`,
    open: 'Buka di Jalin',
    footer: 'Anda menerima surel ini karena pengingat diaktifkan di preferensi notifikasi Anda (jenis REMINDER). Pengingat dikirim pukul 08.00 waktu setempat.',
  },
  en: {
    greeting: (n) => `Hello ${n},`,
    open: 'Open in Jalin',
    footer: 'You receive this e-mail because reminders are switched on in your notification preferences (kind REMINDER). Reminders go out at 08:00 local time.',
  },
};

/** The reminder e-mail in the recipient's locale: text and HTML, with a link into the app. */
export function renderReminderEmail(locale: Locale, recipientName: string, text: ReminderText, link: string): { subject: string; text: string; html: string } {
  const c = MAIL_COPY[locale] ?? MAIL_COPY.id;
  const subject = `[Jalin] ${text.title}`.replace(/[\r\n]+/g, ' ');
  const plain = [c.greeting(recipientName), '', text.title, '', text.body, '', `${c.open}: ${link}`, '', '—', c.footer, ''].join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(text.title)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2937">
<p>${escapeHtml(c.greeting(recipientName))}</p>
<h2 style="font-size: 18px">${escapeHtml(text.title)}</h2>
<p>${escapeHtml(text.body)}</p>
<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 8px 16px; background: #0f766e; color: #ffffff; text-decoration: none; border-radius: 4px">${escapeHtml(c.open)}</a></p>
<hr><p style="font-size: 12px; color: #6b7280">${escapeHtml(c.footer)}</p>
</body></html>
`;
  return { subject, text: plain, html };
}
