import createClient, { type Middleware } from 'openapi-fetch';
import { currentLang } from '../i18n';
import { ApiError, networkError, toApiError } from './problem';
import type { paths } from './schema';
import { expiresSoon, getTokens, refreshSession, type Tokens } from './session';

/** Paths that never carry a bearer token (they are how one gets a token). */
const ANONYMOUS = new Set(['/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/auth/refresh']);

/** POST /auth/refresh outside the middleware (no bearer, no retry): the new pair, or null when refused. */
async function exchange(refreshToken: string): Promise<Tokens | null> {
  const res = await globalThis.fetch(new Request(`${baseUrl()}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken }),
  }));
  if (!res.ok) return null;
  const body = (await res.json()) as Partial<Tokens>;
  return body.accessToken && body.refreshToken ? { accessToken: body.accessToken, refreshToken: body.refreshToken } : null;
}

const pending = new Map<string, Request>();

/**
 * Adds the bearer token and the UI language; refreshes the token first when it is about to expire,
 * and once more when the API answers 401 — then repeats the request with the new token. When the
 * refresh is refused the session ends (the app shows the login page) and the 401 reaches the caller.
 */
export const authMiddleware: Middleware = {
  async onRequest({ request, schemaPath, id }) {
    request.headers.set('Accept-Language', currentLang());
    if (ANONYMOUS.has(schemaPath)) return request;
    let tokens = getTokens();
    if (tokens && expiresSoon(tokens.accessToken)) {
      tokens = await refreshSession(tokens.accessToken, exchange).catch(() => tokens);
    }
    if (tokens) request.headers.set('Authorization', `Bearer ${tokens.accessToken}`);
    pending.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id, options }) {
    const copy = pending.get(id);
    pending.delete(id);
    if (response.status !== 401 || !copy) return undefined;
    const used = copy.headers.get('Authorization')?.replace(/^Bearer /, '');
    if (!used) return undefined;
    const fresh = await refreshSession(used, exchange).catch(() => null);
    if (!fresh) return undefined;
    copy.headers.set('Authorization', `Bearer ${fresh.accessToken}`);
    return options.fetch(copy);
  },
  onError({ id }) {
    pending.delete(id);
    return undefined;
  },
};

export function baseUrl(): string {
  return typeof window !== 'undefined' ? window.location.origin : '';
}

/** The typed client. `fetch` is looked up on every call, so tests can stub the global `fetch`. */
export const api = createClient<paths>({
  baseUrl: baseUrl(),
  fetch: (input: Request) => globalThis.fetch(input),
});
api.use(authMiddleware);

type Result = { data?: unknown; error?: unknown; response: Response };

/** Awaits an openapi-fetch call: its data, or an ApiError carrying the problem details. */
export async function unwrap<R extends Result>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  let r: R;
  try {
    r = await call;
  } catch (err) {
    throw err instanceof ApiError ? err : networkError(err);
  }
  if (!r.response.ok) throw toApiError(r.error, r.response);
  return r.data as NonNullable<R['data']>;
}
