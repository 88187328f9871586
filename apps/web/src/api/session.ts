/**
 * The signed-in session: the token pair, kept in localStorage so a reload (or another tab) stays signed
 * in. Refresh tokens rotate on every use and reusing a spent one revokes the whole family (api.md,
 * Auth), so refreshing is done by one caller at a time — across tabs with the Web Locks API — and a
 * caller first checks whether someone else already refreshed the token it holds.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export type EndReason = 'logout' | 'expired';
type Listener = (tokens: Tokens | null, reason?: EndReason) => void;

const KEY = 'jalin.session';
const listeners = new Set<Listener>();
let current: Tokens | null = read();
let lastEnd: EndReason | undefined;

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as Partial<Tokens>;
    return typeof t.accessToken === 'string' && typeof t.refreshToken === 'string' ? { accessToken: t.accessToken, refreshToken: t.refreshToken } : null;
  } catch {
    return null;
  }
}

export const getTokens = (): Tokens | null => current;

/** Why the last session ended (shown once on the login page), cleared when read. */
export function takeEndReason(): EndReason | undefined {
  const r = lastEnd;
  lastEnd = undefined;
  return r;
}

export function setTokens(tokens: Tokens | null, reason?: EndReason): void {
  current = tokens;
  if (!tokens) lastEnd = reason;
  try {
    if (tokens) localStorage.setItem(KEY, JSON.stringify(tokens));
    else localStorage.removeItem(KEY);
  } catch {
    /* storage unavailable: the session lives in memory only */
  }
  for (const l of listeners) l(tokens, reason);
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

if (typeof window !== 'undefined') {
  // Another tab signed in, refreshed or signed out.
  window.addEventListener('storage', (e) => {
    if (e.key !== KEY) return;
    const next = read();
    if (next?.accessToken === current?.accessToken) return;
    current = next;
    if (!next) lastEnd = 'logout';
    for (const l of listeners) l(next, next ? undefined : 'logout');
  });
}

/** Seconds since the epoch at which a JWT expires, or null when it cannot be read. */
export function tokenExpiry(jwt: string): number | null {
  try {
    const part = jwt.split('.')[1];
    if (!part) return null;
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/** True when the token expires within `marginSeconds` (refresh first, rather than collect a 401). */
export function expiresSoon(jwt: string, marginSeconds = 20, now = Date.now()): boolean {
  const exp = tokenExpiry(jwt);
  return exp !== null && exp * 1000 - now < marginSeconds * 1000;
}

type Exchange = (refreshToken: string) => Promise<Tokens | null>;
let inflight: Promise<Tokens | null> | null = null;

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? (locks.request('jalin-token-refresh', fn) as Promise<T>) : fn();
}

/**
 * A fresh token pair for a caller whose access token `stale` was refused or is about to expire.
 * `exchange` performs POST /auth/refresh and returns null when the API refuses. On refusal the
 * session ends ('expired'); the caller then gets null.
 */
export function refreshSession(stale: string, exchange: Exchange): Promise<Tokens | null> {
  if (inflight) return inflight;
  inflight = withLock(async () => {
    const stored = read() ?? current;
    if (!stored) return null;
    if (stored.accessToken !== stale && !expiresSoon(stored.accessToken)) {
      // Another tab (or an earlier call) refreshed already.
      if (stored.accessToken !== current?.accessToken) setTokens(stored);
      return stored;
    }
    const next = await exchange(stored.refreshToken);
    if (next) setTokens(next);
    else setTokens(null, 'expired');
    return next;
  }).finally(() => {
    inflight = null;
  });
  return inflight;
}
