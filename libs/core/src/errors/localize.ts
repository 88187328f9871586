import type { Locale } from '../http/locale.js';
import type { FieldError } from './domain-error.js';
import { DETAIL_EXACT_ID, DETAIL_PATTERNS_ID, type Translate } from './details.id.js';
import { EXACT_ID, PATTERNS_ID } from './messages.id.js';

type Patterns = ReadonlyArray<readonly [RegExp, string | ((m: RegExpExecArray, t: Translate) => string)]>;

/**
 * English → Indonesian by a table of exact sentences, then patterns (first match wins; a function
 * pattern translates embedded fragments through the same tables). What nothing matches stays
 * English rather than being lost.
 */
function translator(exact: Readonly<Record<string, string>>, patterns: Patterns): Translate {
  const translate = (english: string, depth: number): string => {
    const found = exact[english];
    if (found !== undefined) return found;
    if (depth > 4) return english;
    for (const [pattern, replacement] of patterns) {
      const m = pattern.exec(english);
      if (!m) continue;
      return typeof replacement === 'string' ? english.replace(pattern, replacement) : replacement(m, (part) => translate(part, depth + 1));
    }
    return english;
  };
  return (english) => translate(english, 0);
}

const messageToIndonesian = translator(EXACT_ID, PATTERNS_ID);
const detailToIndonesian = translator(DETAIL_EXACT_ID, DETAIL_PATTERNS_ID);

/** A field-error message (`errors[].message`) in the caller's language (`messages.id.ts`). */
export const localizeMessage = (message: string, locale: Locale): string => (locale === 'en' ? message : messageToIndonesian(message));

export const localizeFieldErrors = (errors: FieldError[], locale: Locale): FieldError[] =>
  locale === 'en' ? errors : errors.map((e) => ({ ...e, message: localizeMessage(e.message, locale) }));

/** A problem's `detail` in the caller's language (`details.id.ts`: the 400 summary, lifecycle refusals, conflicts, not-founds …). */
export const localizeDetail = (detail: string, locale: Locale): string => (locale === 'en' ? detail : detailToIndonesian(detail));
