import type { Locale } from '../http/locale.js';
import type { FieldError } from './domain-error.js';
import { DETAIL_EXACT_ID, DETAIL_PATTERNS_ID } from './details.id.js';
import { EXACT_ID, PATTERNS_ID } from './messages.id.js';

/**
 * A field-error message in the caller's language. The API writes them in English; Indonesian comes
 * from `messages.id.ts` (exact messages, then patterns for the parametrised ones). A message with no
 * translation stays English rather than being lost.
 */
export function localizeMessage(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  const exact = EXACT_ID[message];
  if (exact !== undefined) return exact;
  for (const [pattern, replacement] of PATTERNS_ID) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  return message;
}

export const localizeFieldErrors = (errors: FieldError[], locale: Locale): FieldError[] =>
  locale === 'en' ? errors : errors.map((e) => ({ ...e, message: localizeMessage(e.message, locale) }));

/** The summary line of a 400 (`The request has 2 invalid fields: nib, npwp`) in the caller's language. */
export function localizeValidationDetail(detail: string, locale: Locale): string {
  if (locale === 'en') return detail;
  const m = /^The request has (\d+) invalid fields?: (.*)$/.exec(detail);
  return m ? `Permintaan memuat ${m[1]} isian yang tidak valid: ${m[2]}` : detail;
}

function translateDetail(english: string, depth: number): string {
  const exact = DETAIL_EXACT_ID[english];
  if (exact !== undefined) return exact;
  if (depth > 4) return english;
  for (const [pattern, replacement] of DETAIL_PATTERNS_ID) {
    const m = pattern.exec(english);
    if (!m) continue;
    return typeof replacement === 'string' ? english.replace(pattern, replacement) : replacement(m, (part) => translateDetail(part, depth + 1));
  }
  return english;
}

/**
 * A problem's `detail` in the caller's language: the 400 summary, then the sentences of
 * `details.id.ts` (lifecycle refusals, conflicts, not-founds …). Untranslated ones stay English.
 */
export function localizeDetail(detail: string, locale: Locale): string {
  if (locale === 'en') return detail;
  const summary = localizeValidationDetail(detail, locale);
  return summary !== detail ? summary : translateDetail(detail, 0);
}
