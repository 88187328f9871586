export type Locale = 'id' | 'en';

/**
 * The language `Accept-Language` prefers between Indonesian (`id`, and the old `in`) and English,
 * by q-value; `fallback` when the header is absent or names neither.
 */
export function preferredLocale(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((p) => p.lang === 'id' || p.lang === 'in' || p.lang === 'en')
    .sort((a, b) => b.q - a.q);
  if (!prefs.length) return fallback;
  return prefs[0]!.lang === 'en' ? 'en' : 'id';
}
