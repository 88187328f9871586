import { bearer, enterpriseProfile, factory, PASSWORD } from './support/factory.js';
import { ADMIN, createTestDb, startTestApp, type TestApp, type TestDb } from './support/app.js';

const count = async (t: TestApp, table: string) => Number((await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('register', () => {
    it('creates the organisation and its first member and returns tokens', async () => {
      const res = await t.http().post('/api/v1/auth/register').send({
        email: 'Siti@Keripik.id', password: PASSWORD, fullName: 'Siti Aminah', organization: enterpriseProfile({ npwp: '01.312.166.0-091.000' }),
      });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ email: 'siti@keripik.id', role: 'ENTERPRISE', fullName: 'Siti Aminah' });
      expect(res.body.organization).toMatchObject({ kind: 'enterprise', scale: 'KECIL', scaleRegime: 'pp-7-2021', npwp: '013121660091000', provinceCode: '33' });
      expect(typeof res.body.organization.netAssetsIdr).toBe('number');
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).toEqual(expect.any(String));
      expect(res.body.user).not.toHaveProperty('passwordHash');
    });

    it('rejects a duplicate e-mail with 409 and writes nothing', async () => {
      const f = factory(t);
      const a = await f.enterprise();
      const before = await count(t, 'organization');
      const res = await t.http().post('/api/v1/auth/register').send({ email: a.email, password: PASSWORD, fullName: 'Xy', organization: enterpriseProfile() });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(await count(t, 'organization')).toBe(before);
    });

    it('rejects a duplicate NIB with 409', async () => {
      const f = factory(t);
      const a = await f.enterprise();
      const nib = a.organization!.nib as string;
      const res = await t.http().post('/api/v1/auth/register').send({ email: 'other@x.id', password: PASSWORD, fullName: 'Xy', organization: enterpriseProfile({ nib }) });
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([{ field: 'organization.nib', message: 'is already registered' }]);
    });

    it.each([
      ['short password', { password: 'short' }, 'password'],
      ['bad e-mail', { email: 'not-an-email' }, 'email'],
      ['unknown top-level field', { isAdmin: true }, 'isAdmin'],
      ['NIB of 12 digits', { organization: enterpriseProfile({ nib: '123456789012' }) }, 'organization.nib'],
      ['NPWP with a wrong check digit', { organization: enterpriseProfile({ npwp: '01.312.166.1-091.000' }) }, 'organization.npwp'],
      ['unknown region', { organization: enterpriseProfile({ regionCode: '33.99' }) }, 'organization.regionCode'],
      ['province-level region', { organization: enterpriseProfile({ regionCode: '33' }) }, 'organization.regionCode'],
      ['malformed KBLI', { organization: enterpriseProfile({ kbliCodes: ['1'] }) }, 'organization.kbliCodes'],
      ['KBLI under no division', { organization: enterpriseProfile({ kbliCodes: ['04123'] }) }, 'organization.kbliCodes'],
      ['unknown organisation field', { organization: enterpriseProfile({ secret: 1 }) }, 'organization.secret'],
      ['partner-only field on an enterprise', { organization: enterpriseProfile({ pic: { name: 'A B', position: 'Boss', email: 'a@b.id', phone: '0811111111' } }) }, 'organization.pic'],
      ['money as a float', { organization: enterpriseProfile({ annualSalesIdr: 1000.5 }) }, 'organization.annualSalesIdr'],
      ['no size measure', { organization: enterpriseProfile({ annualSalesIdr: undefined, netAssetsIdr: undefined }) }, 'organization.annualSalesIdr'],
      ['bad need', { organization: enterpriseProfile({ needs: ['LUCK'] }) }, 'organization.needs'],
      ['bad capacity period', { organization: enterpriseProfile({ capacities: [{ product: 'x y', quantity: 1, unit: 'kg', period: 'DAY' }] }) }, 'organization.capacities.0.period'],
    ])('400 for %s, naming the field, and writes nothing', async (_n, over, field) => {
      const before = await count(t, 'app_user');
      const body = { email: `x-${Math.random()}@test.id`, password: PASSWORD, fullName: 'Tester', organization: enterpriseProfile(), ...over };
      const res = await t.http().post('/api/v1/auth/register').send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: expect.any(String), title: 'Bad Request', status: 400, detail: expect.any(String), instance: '/api/v1/auth/register' });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count(t, 'app_user')).toBe(before);
    });

    it('refuses a small firm whose sales class it MENENGAH: 409 with the reason, nothing saved', async () => {
      const before = await count(t, 'organization');
      const res = await t.http().post('/api/v1/auth/register').send({
        email: 'big@test.id', password: PASSWORD, fullName: 'Big', organization: enterpriseProfile({ annualSalesIdr: 15_000_000_001 }),
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ scale: 'MENENGAH', regime: 'pp-7-2021', decidedBy: 'annualSales' });
      expect(res.body.detail).toMatch(/Rp15\.000\.000\.001/);
      expect(await count(t, 'organization')).toBe(before);
    });

    it('refuses a partner that classes below MENENGAH', async () => {
      const f = factory(t);
      await expect(f.partner({ annualSalesIdr: 2_000_000_000 })).rejects.toThrow(/409/);
    });

    it('replays a repeated Idempotency-Key and refuses the same key with another body', async () => {
      const body = { email: 'idem@test.id', password: PASSWORD, fullName: 'Idem', organization: enterpriseProfile() };
      const a = await t.http().post('/api/v1/auth/register').set('Idempotency-Key', 'reg-1').send(body);
      const b = await t.http().post('/api/v1/auth/register').set('Idempotency-Key', 'reg-1').send(body);
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.body.user.id).toBe(a.body.user.id);
      // the same body with its fields in another order is the same request
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const r = await t.http().post('/api/v1/auth/register').set('Idempotency-Key', 'reg-1').send(reordered);
      expect(r.status).toBe(201);
      expect(r.body.user.id).toBe(a.body.user.id);
      expect(Number((await t.ds.query(`SELECT count(*) AS n FROM app_user WHERE email = 'idem@test.id'`))[0].n)).toBe(1);
      const c = await t.http().post('/api/v1/auth/register').set('Idempotency-Key', 'reg-1').send({ ...body, fullName: 'Other' });
      expect(c.status).toBe(409);
    });
  });

  describe('login, me, refresh, logout', () => {
    it('logs in and answers me', async () => {
      const f = factory(t);
      const s = await f.partner();
      const login = await f.login(s.email, PASSWORD);
      const me = await t.http().get('/api/v1/auth/me').set(bearer(login));
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ id: s.user.id, email: s.email, role: 'PARTNER', fullName: 'Test User' });
      expect(me.body.organization.pic.name).toBe('Dewi Lestari');
    });

    it('gives the same 401 for an unknown e-mail and a wrong password', async () => {
      const f = factory(t);
      const s = await f.enterprise();
      const a = await t.http().post('/api/v1/auth/login').send({ email: 'nobody@test.id', password: PASSWORD });
      const b = await t.http().post('/api/v1/auth/login').send({ email: s.email, password: 'wrong-password-1' });
      expect(a.status).toBe(401);
      expect(b.status).toBe(401);
      expect(a.body.detail).toBe(b.body.detail);
    });

    it('401 for a missing, malformed or foreign-signed token', async () => {
      expect((await t.http().get('/api/v1/auth/me')).status).toBe(401);
      expect((await t.http().get('/api/v1/auth/me').set('Authorization', 'Bearer nope')).status).toBe(401);
      const forged = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIiwidHlwIjoiYWNjZXNzIn0.';
      expect((await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    });

    it('rotates refresh tokens; reusing a spent one revokes the whole family', async () => {
      const f = factory(t);
      const s = await f.enterprise();
      const r1 = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken });
      expect(r1.status).toBe(200);
      expect(r1.body.refreshToken).not.toBe(s.refreshToken);
      const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken });
      expect(reuse.status).toBe(401);
      // the newer token of the same family is now revoked too
      const r2 = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: r1.body.refreshToken });
      expect(r2.status).toBe(401);
    });

    it('logout revokes the family of the session', async () => {
      const f = factory(t);
      const s = await f.enterprise();
      const out = await t.http().post('/api/v1/auth/logout').set(bearer(s)).send({});
      expect(out.status).toBe(204);
      const r = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken });
      expect(r.status).toBe(401);
    });

    it('limits failed logins per e-mail with 429 and Retry-After', async () => {
      const f = factory(t);
      const s = await f.enterprise();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await t.http().post('/api/v1/auth/login').send({ email: s.email, password: 'wrong-password-1' })).status);
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(statuses[5]).toBe(429);
      const blocked = await t.http().post('/api/v1/auth/login').send({ email: s.email, password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('admin users', () => {
    it('creates a ministry officer limited to provinces, who can then log in', async () => {
      const f = factory(t);
      const admin = await f.admin();
      const res = await t.http().post('/api/v1/admin/users').set(bearer(admin)).send({
        email: 'officer.jateng@test.id', password: PASSWORD, fullName: 'Petugas Jateng', role: 'MINISTRY', provinceCodes: ['33'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ role: 'MINISTRY', provinceCodes: ['33'], organizationId: null });
      const login = await f.login('officer.jateng@test.id', PASSWORD);
      expect(login.user.role).toBe('MINISTRY');
    });

    it.each([
      [{ role: 'ENTERPRISE' }, 'role'],
      [{ provinceCodes: ['99'] }, 'provinceCodes'],
      [{ role: 'ADMIN', provinceCodes: ['33'] }, 'provinceCodes'],
    ])('400 for %j', async (over, field) => {
      const admin = await factory(t).admin();
      const res = await t.http().post('/api/v1/admin/users').set(bearer(admin)).send({ email: `s${Math.random()}@t.id`, password: PASSWORD, fullName: 'S S', role: 'MINISTRY', ...over });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('created the first admin from the environment exactly once', async () => {
      const rows = await t.ds.query(`SELECT role FROM app_user WHERE email = $1`, [ADMIN.email]);
      expect(rows).toEqual([{ role: 'ADMIN' }]);
    });
  });
});

describe('login limit across two API instances sharing Redis', () => {
  let db: TestDb;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDb();
    a = await startTestApp({ LOGIN_LIMIT_PER_IP: '4' }, db);
    b = await startTestApp({ LOGIN_LIMIT_PER_IP: '4' }, db);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('counts attempts from one IP on either instance against one limit', async () => {
    const body = { email: 'nobody@test.id', password: 'wrong-password-1' };
    const seen = [];
    for (const app of [a, b, a, b, a]) seen.push((await app.http().post('/api/v1/auth/login').send(body)).status);
    expect(seen).toEqual([401, 401, 401, 401, 429]);
    const sixth = await b.http().post('/api/v1/auth/login').send(body);
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBeDefined();
  });
});
