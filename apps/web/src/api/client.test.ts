import { afterEach, describe, expect, it } from 'vitest';
import { fakeJwt, json, mockFetch } from '../../test/utils';
import { api, unwrap } from './client';
import { ApiError } from './problem';
import { getTokens, setTokens, takeEndReason } from './session';

const me = { user: { id: 'u1', email: 'a@b.id', fullName: 'A', role: 'ENTERPRISE' }, organization: null };

afterEach(() => setTokens(null));

describe('API client', () => {
  it('adds the bearer token', async () => {
    const access = fakeJwt(600);
    setTokens({ accessToken: access, refreshToken: 'r1' });
    const { calls } = mockFetch(() => json(me));
    await unwrap(api.GET('/api/v1/auth/me'));
    expect(calls[0]!.headers.get('Authorization')).toBe(`Bearer ${access}`);
  });

  it('on 401 refreshes once (rotating the refresh token) and repeats the request with the new token', async () => {
    const stale = fakeJwt(600, 'old');
    const fresh = fakeJwt(900, 'new');
    setTokens({ accessToken: stale, refreshToken: 'r1' });
    const { calls } = mockFetch(async (req, url) => {
      if (url.pathname === '/api/v1/auth/refresh') {
        const body = (await req.json()) as { refreshToken: string };
        return body.refreshToken === 'r1' ? json({ accessToken: fresh, refreshToken: 'r2' }) : json({ type: 'x/unauthenticated', title: 'Unauthorized', status: 401 }, 401);
      }
      if (req.headers.get('Authorization') === `Bearer ${fresh}`) return json(me);
      return json({ type: 'https://jalin.go.id/problems/unauthenticated', title: 'Unauthorized', status: 401, detail: 'jwt expired' }, 401);
    });
    const res = await unwrap(api.GET('/api/v1/auth/me'));
    expect(res.user.id).toBe('u1');
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/v1/auth/me', '/api/v1/auth/refresh', '/api/v1/auth/me']);
    expect(getTokens()).toEqual({ accessToken: fresh, refreshToken: 'r2' });
  });

  it('refreshes once for several requests refused at the same time', async () => {
    const stale = fakeJwt(600, 'old');
    const fresh = fakeJwt(900, 'new');
    setTokens({ accessToken: stale, refreshToken: 'r1' });
    let refreshes = 0;
    mockFetch(async (req, url) => {
      if (url.pathname === '/api/v1/auth/refresh') {
        refreshes++;
        await new Promise((r) => setTimeout(r, 20));
        return json({ accessToken: fresh, refreshToken: 'r2' });
      }
      return req.headers.get('Authorization') === `Bearer ${fresh}` ? json(me) : json({ type: 'x/unauthenticated', title: 'Unauthorized', status: 401 }, 401);
    });
    await Promise.all([unwrap(api.GET('/api/v1/auth/me')), unwrap(api.GET('/api/v1/auth/me')), unwrap(api.GET('/api/v1/auth/me'))]);
    expect(refreshes).toBe(1);
  });

  it('refreshes before sending when the access token is about to expire', async () => {
    const expiring = fakeJwt(5);
    const fresh = fakeJwt(900, 'new');
    setTokens({ accessToken: expiring, refreshToken: 'r1' });
    const { calls } = mockFetch((_req, url) => (url.pathname === '/api/v1/auth/refresh' ? json({ accessToken: fresh, refreshToken: 'r2' }) : json(me)));
    await unwrap(api.GET('/api/v1/auth/me'));
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/v1/auth/refresh', '/api/v1/auth/me']);
    expect(calls[1]!.headers.get('Authorization')).toBe(`Bearer ${fresh}`);
  });

  it('ends the session cleanly when the refresh is refused (spent or revoked token)', async () => {
    setTokens({ accessToken: fakeJwt(600), refreshToken: 'spent' });
    takeEndReason();
    mockFetch(() => json({ type: 'https://jalin.go.id/problems/unauthenticated', title: 'Unauthorized', status: 401 }, 401));
    const err = await unwrap(api.GET('/api/v1/auth/me')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect(getTokens()).toBeNull();
    expect(takeEndReason()).toBe('expired');
  });

  it('turns problem details into an ApiError with the field errors', async () => {
    mockFetch(() =>
      json({ type: 'https://jalin.go.id/problems/validation-failed', title: 'Bad Request', status: 400, detail: 'invalid', errors: [{ field: 'slots', message: 'slots must not be less than 1' }] }, 400),
    );
    const err = await unwrap(api.POST('/api/v1/opportunities', { body: { pattern: 'SUBCONTRACT', title: 'x', kbliCodes: ['10794'], slots: 0 } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('validation-failed');
    expect((err as ApiError).fieldErrors).toEqual([{ field: 'slots', message: 'slots must not be less than 1' }]);
  });

  it('reports a network failure as such', async () => {
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const err = await unwrap(api.GET('/api/v1/reference/regions')).catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('network');
  });
});
