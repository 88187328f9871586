/**
 * The authorization matrix: every route × every kind of caller → the status expected.
 * One table for the whole API; each issue adds its routes here. The suite fails if a registered
 * route is missing from this table, or declares no access policy.
 */
export type Caller = 'anonymous' | 'enterpriseA' | 'enterpriseB' | 'partnerA' | 'partnerB' | 'ministry' | 'admin';
export const CALLERS: Caller[] = ['anonymous', 'enterpriseA', 'enterpriseB', 'partnerA', 'partnerB', 'ministry', 'admin'];

export interface MatrixContext {
  enterpriseA: string;
  enterpriseB: string;
  partnerA: string;
  partnerB: string;
  unique(): string;
}

export interface MatrixRow {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route pattern as registered (matches the route list). */
  route: string;
  /** The concrete URL to call. */
  url: (c: MatrixContext) => string;
  body?: (c: MatrixContext) => unknown;
  expect: Record<Caller, number>;
}

const all = (status: number): Record<Caller, number> => Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = (status: number): Record<Caller, number> => ({ ...all(status), anonymous: 401 });
const only = (allowed: Partial<Record<Caller, number>>, otherwise = 403): Record<Caller, number> => ({
  ...signedIn(otherwise),
  ...allowed,
});

export const MATRIX: MatrixRow[] = [
  // health and tooling
  { method: 'GET', route: '/health', url: () => '/health', expect: all(200) },
  { method: 'GET', route: '/health/ready', url: () => '/health/ready', expect: all(200) },
  // auth
  { method: 'POST', route: '/api/v1/auth/register', url: () => '/api/v1/auth/register', body: () => ({}), expect: all(400) },
  { method: 'POST', route: '/api/v1/auth/login', url: () => '/api/v1/auth/login', body: () => ({}), expect: all(400) },
  {
    method: 'POST', route: '/api/v1/auth/refresh', url: () => '/api/v1/auth/refresh',
    body: () => ({ refreshToken: '00000000-0000-4000-8000-000000000000.nope' }), expect: all(401),
  },
  { method: 'GET', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me', expect: signedIn(200) },
  {
    method: 'POST', route: '/api/v1/admin/users', url: () => '/api/v1/admin/users',
    body: (c) => ({ email: `staff-${c.unique()}@test.jalin.id`, password: 'long-enough-password', fullName: 'Staf', role: 'MINISTRY' }),
    expect: only({ admin: 201 }),
  },
  // organisations
  { method: 'GET', route: '/api/v1/enterprises', url: () => '/api/v1/enterprises', expect: only({ partnerA: 200, partnerB: 200, ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/enterprises/:id', url: (c) => `/api/v1/enterprises/${c.enterpriseA}`, expect: signedIn(200) },
  {
    method: 'PATCH', route: '/api/v1/enterprises/:id', url: (c) => `/api/v1/enterprises/${c.enterpriseA}`, body: () => ({ workforce: 14 }),
    expect: only({ enterpriseA: 200, enterpriseB: 404 }),
  },
  { method: 'GET', route: '/api/v1/partners', url: () => '/api/v1/partners', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/partners/:id', url: (c) => `/api/v1/partners/${c.partnerA}`, expect: signedIn(200) },
  {
    method: 'PATCH', route: '/api/v1/partners/:id', url: (c) => `/api/v1/partners/${c.partnerA}`, body: () => ({ workforce: 401 }),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  // reference data
  { method: 'GET', route: '/api/v1/reference/regions', url: () => '/api/v1/reference/regions', expect: all(200) },
  { method: 'GET', route: '/api/v1/reference/kbli', url: () => '/api/v1/reference/kbli?q=keripik', expect: all(200) },
  // logout last: it revokes the caller's refresh-token family (access tokens stay valid until expiry)
  { method: 'POST', route: '/api/v1/auth/logout', url: () => '/api/v1/auth/logout', body: () => ({}), expect: signedIn(204) },
];
