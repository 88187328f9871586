export type { Locale } from '@jalin/core';
import type { Locale } from '@jalin/core';

export interface EmailNotification {
  kind: string;
  title: string;
  body: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const COPY: Record<Locale, { greeting: (name: string) => string; intro: string; outro: string; footer: string }> = {
  id: {
    greeting: (name) => `Halo ${name},`,
    intro: 'Ada pemberitahuan baru untuk Anda di Jalin:',
    outro: 'Buka Jalin untuk melihat rinciannya.',
    footer: 'Anda menerima surel ini karena pemberitahuan jenis ini diaktifkan di preferensi notifikasi Anda.',
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    intro: 'There is a new notification for you on Jalin:',
    outro: 'Open Jalin to see the details.',
    footer: 'You receive this e-mail because notifications of this kind are switched on in your notification preferences.',
  },
};

/** The e-mail for one notification, in the recipient's locale: text and HTML, subject from the title. */
export function renderNotificationEmail(locale: Locale, recipientName: string, n: EmailNotification): RenderedEmail {
  const c = COPY[locale] ?? COPY.id;
  const subject = `[Jalin] ${n.title}`.replace(/[\r\n]+/g, ' ');
  const text = [c.greeting(recipientName), '', c.intro, '', n.title, ...(n.body ? ['', n.body] : []), '', c.outro, '', '—', c.footer, ''].join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(n.title)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2937">
<p>${escapeHtml(c.greeting(recipientName))}</p>
<p>${escapeHtml(c.intro)}</p>
<h2 style="font-size: 18px">${escapeHtml(n.title)}</h2>
${n.body ? `<p>${escapeHtml(n.body).replace(/\n/g, '<br>')}</p>` : ''}
<p>${escapeHtml(c.outro)}</p>
<hr><p style="font-size: 12px; color: #6b7280">${escapeHtml(c.footer)}</p>
</body></html>
`;
  return { subject, text, html };
}
