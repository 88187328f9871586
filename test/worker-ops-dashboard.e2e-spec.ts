/**
 * bull-board at /admin/queues on the BUILT API (its CommonJS packages do not load under jest's ESM
 * mode, so the test application never mounts it): ADMIN only, by bearer token or by the HttpOnly
 * cookie from POST /api/v1/admin/queues/session; every queue in QueueName under REDIS_PREFIX; and an
 * API whose Redis is down at start still starts.
 */
import { Queue } from 'bullmq';
import pg from 'pg';
import { QueueName } from '../libs/core/src/index.js';
import { ADMIN, createTestDb, type TestDb } from './support/app.js';
import { PASSWORD, partnerProfile } from './support/factory.js';
import { freePorts, reachable, startBuilt, type Program } from './support/processes.js';

describe('queue dashboard (built API)', () => {
  let db: TestDb;
  let api: Program;
  let base: string;
  let admin: string;
  let partner: string;
  const env = (port: number, over: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    REDIS_PREFIX: db.redisPrefix,
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0001',
    LOGIN_LIMIT_PER_IP: '10000',
    ...over,
  });
  const login = async (email: string, password: string): Promise<string> => {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    db = await createTestDb();
    const [port] = await freePorts(1);
    base = `http://127.0.0.1:${port}`;
    api = startBuilt('api', env(port));
    await reachable(`${base}/health`, 60_000);
    admin = await login(ADMIN.email, ADMIN.password);
    const email = `pic-${Date.now()}@test.jalin.id`;
    const reg = await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, fullName: 'PIC Mitra', organization: partnerProfile() }),
    });
    expect(reg.status).toBe(201);
    partner = ((await reg.json()) as { accessToken: string }).accessToken;
  }, 60_000);
  afterAll(async () => {
    const stopped = await api?.stop();
    await db?.drop();
    expect(stopped?.code === 0 || stopped?.signal === 'SIGTERM').toBe(true);
  });

  it('401 without a token or with a bad one, 403 for a PARTNER — as problem details', async () => {
    for (const [headers, status] of [
      [{}, 401],
      [{ authorization: 'Bearer not-a-token' }, 401],
      [{ cookie: 'jalin_queues=not-a-token' }, 401],
      [{ authorization: `Bearer ${partner}` }, 403],
      [{ cookie: `jalin_queues=${partner}` }, 403],
    ] as [Record<string, string>, number][]) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await get(path, headers);
        expect({ path, headers: Object.keys(headers), status: res.status }).toEqual({ path, headers: Object.keys(headers), status });
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await res.json()).toMatchObject({ status, instance: path });
      }
    }
  });

  it('an ADMIN bearer token gets the HTML board and a JSON list of every queue, read under REDIS_PREFIX', async () => {
    const html = await get('/admin/queues', { authorization: `Bearer ${admin}` });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('<base href="/admin/queues/" />');
    expect(page).toContain('<title>Jalin queues</title>');

    // A job put in through the suite's prefix shows up in the board: the board reads the same keys.
    const maintenance = new Queue(QueueName.MAINTENANCE, { connection: { host: '127.0.0.1', port: 6379 }, prefix: db.redisPrefix });
    try {
      await maintenance.add('board-probe', { n: 1 }, { jobId: 'board-probe', delay: 3_600_000 });
    } finally {
      await maintenance.close();
    }
    const res = await get('/admin/queues/api/queues', { authorization: `Bearer ${admin}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    expect(body.queues.find((q) => q.name === QueueName.MAINTENANCE)!.counts.delayed).toBe(1);
  });

  it('a browser: POST …/admin/queues/session (ADMIN bearer) sets an HttpOnly cookie scoped to /admin/queues that opens the board', async () => {
    const denied = await fetch(`${base}/api/v1/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${partner}` } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('set-cookie')).toBeNull();

    const res = await fetch(`${base}/api/v1/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; expiresAt: string };
    expect(body.url).toBe('/admin/queues');
    const expiresIn = Date.parse(body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(900_000);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^jalin_queues=[^;]+; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeLessThanOrEqual(900);
    const pair = cookie.split(';')[0];
    const audited = new pg.Client({ connectionString: db.url });
    await audited.connect();
    try {
      const { rows } = await audited.query(`SELECT actor_role, entity_type FROM audit_log WHERE action = 'admin.queues.session'`);
      expect(rows).toEqual([{ actor_role: 'ADMIN', entity_type: 'user' }]);
    } finally {
      await audited.end();
    }

    const page = await get('/admin/queues', { cookie: `theme=dark; ${pair}` });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const api = await get('/admin/queues/api/queues', { cookie: pair });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { queues: unknown[] }).queues).toHaveLength(Object.values(QueueName).length);
    // A state-changing call carried by the cookie from another origin is refused.
    const cross = await fetch(`${base}/admin/queues/api/queues/${QueueName.MAINTENANCE}/pause`, { method: 'PUT', headers: { cookie: pair, origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
  });

  it('with Redis down at start the API still starts; the board answers 503 within its timeout instead of hanging', async () => {
    const [port] = await freePorts(1);
    const down = startBuilt('api', env(port, { REDIS_URL: 'redis://127.0.0.1:1' }));
    try {
      expect((await reachable(`http://127.0.0.1:${port}/health`, 60_000)).status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ failing: ['redis'] });
      const t0 = Date.now();
      const board = await fetch(`http://127.0.0.1:${port}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${admin}` } });
      expect(board.status).toBe(503);
      expect(Date.now() - t0).toBeLessThan(9_000);
      expect(await board.json()).toMatchObject({ status: 503, detail: expect.stringMatching(/Redis did not answer/) });
    } finally {
      const { code, signal } = await down.stop();
      expect({ clean: code === 0 || signal === 'SIGTERM' }).toEqual({ clean: true });
    }
  }, 60_000);
});
