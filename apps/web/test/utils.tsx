import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { makeQueryClient, Providers } from '../src/app/Providers';

/** Renders inside the app's own providers (Mantine in test mode: no transitions, no portals). */
export function renderPage(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const client = makeQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Providers client={client} env="test">
      <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
    </Providers>
  );
  return { client, ...render(ui, { wrapper }) };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

export type Handler = (req: Request, url: URL) => Response | Promise<Response> | undefined;

/**
 * Stubs the global fetch — the one boundary component tests mock. Each request goes to `handler`
 * (return undefined for a 404 problem); every request is recorded in `calls`.
 */
export function mockFetch(handler: Handler) {
  const calls: Request[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(String(input), init);
    calls.push(req.clone());
    const url = new URL(req.url);
    const res = await handler(req, url);
    return res ?? json({ type: 'https://jalin.go.id/problems/not-found', title: 'Not Found', status: 404, detail: `No mock for ${req.method} ${url.pathname}` }, 404);
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}

/** A JWT-shaped token whose `exp` is `secondsFromNow` ahead (the client reads only `exp`). */
export function fakeJwt(secondsFromNow: number, sub = 'u1'): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, exp: Math.floor(Date.now() / 1000) + secondsFromNow })}.sig`;
}
