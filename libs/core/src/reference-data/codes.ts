/** Every KBLI prefix of 2+ digits of each code (10794 → 10, 107, 1079, 10794), sorted. */
export function kbliPrefixes(codes: string[]): string[] {
  const out = new Set<string>();
  for (const c of codes) for (let n = 2; n <= c.length; n++) out.add(c.slice(0, n));
  return [...out].sort();
}

/** A Kemendagri region code and its ancestors (33.20.01 → 33, 33.20, 33.20.01). */
export function regionPath(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}
