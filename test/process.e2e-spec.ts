/**
 * The built programs as a person runs them: the API process (with Swagger UI, which cannot load
 * under jest's ESM mode), its graceful shutdown, the worker, the start command's dependency
 * check and the KBLI import command. `npm test` builds before jest runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createTestDb, startTestApp, type TestDb } from './support/app.js';
import { factory } from './support/factory.js';

const KBLI_CSV = join(process.cwd(), '..', 'shared', 'data', 'kbli-2020.csv');

async function waitFor(url: string, ms = 20_000): Promise<Response> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Nest closes the application, then re-raises the signal: a clean stop ends by SIGTERM (or exit 0), with nothing on stderr. */
async function stoppedCleanly(p: ChildProcess): Promise<void> {
  let stderr = '';
  p.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => p.once('exit', (c, s) => resolve([c, s])));
  expect({ clean: code === 0 || signal === 'SIGTERM', stderr }).toEqual({ clean: true, stderr: '' });
}

describe('built programs', () => {
  let db: TestDb;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    db = await createTestDb();
    env = {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_PREFIX: db.redisPrefix,
      LOG_LEVEL: 'warn',
      SEED_DEMO_ON_EMPTY: 'false',
      PORT: '3917',
      WORKER_HEALTH_PORT: '3918',
      NODE_OPTIONS: '',
    };
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('the API serves Swagger UI and the OpenAPI document, then stops cleanly on SIGTERM', async () => {
    const api = spawn('node', ['dist/apps/api/src/main.js'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const stopped = stoppedCleanly(api);
    try {
      const health = await waitFor('http://127.0.0.1:3917/health');
      expect(health.status).toBe(200);
      const ui = await fetch('http://127.0.0.1:3917/docs');
      expect(ui.status).toBe(200);
      expect(await ui.text()).toMatch(/swagger/i);
      const doc = await fetch('http://127.0.0.1:3917/docs-json');
      expect(((await doc.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    } finally {
      api.kill('SIGTERM');
    }
    await stopped;
  }, 60_000);

  it('the worker reports health and stops cleanly on SIGTERM', async () => {
    const worker = spawn('node', ['dist/apps/worker/src/main.js'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const stopped = stoppedCleanly(worker);
    try {
      const ready = await waitFor('http://127.0.0.1:3918/health/ready');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', checks: { postgresql: 'up', redis: 'up' } });
    } finally {
      worker.kill('SIGTERM');
    }
    await stopped;
  }, 60_000);

  it('the worker closes opportunities whose closesAt has passed', async () => {
    const t = await startTestApp({}, db);
    let worker: ChildProcess | undefined;
    try {
      const partner = await factory(t).partner();
      const [{ id }] = await t.ds.query(
        `INSERT INTO opportunity (partner_id, pattern, title, kbli_codes, slots, status, published_at, closes_at)
         VALUES ($1, 'SUBCONTRACT', 'Expired', ARRAY['10794'], 1, 'OPEN', now() - interval '2 days', now() - interval '1 hour') RETURNING id`,
        [partner.organization!.id],
      );
      worker = spawn('node', ['dist/apps/worker/src/main.js'], { env: { ...env, SWEEP_INTERVAL_SECONDS: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let row: { status: string; closed_reason: string } | undefined;
      for (let i = 0; i < 100; i++) {
        [row] = await t.ds.query(`SELECT status, closed_reason FROM opportunity WHERE id = $1`, [id]);
        if (row?.status === 'CLOSED') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(row).toEqual({ status: 'CLOSED', closed_reason: 'DEADLINE' });
    } finally {
      const stopped = worker ? stoppedCleanly(worker) : Promise.resolve();
      worker?.kill('SIGTERM');
      await stopped;
      await t.close();
    }
  }, 60_000);

  it('a process with a malformed variable stops, naming it', () => {
    const r = spawnSync('node', ['dist/apps/api/src/main.js'], { env: { ...env, PORT: 'eighty' }, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('the start command says in one line which dependency is missing and how to start it', () => {
    const r = spawnSync('node', ['scripts/start.mjs'], { env: { ...env, REDIS_URL: 'redis://127.0.0.1:1' }, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Redis is not reachable at 127\.0\.0\.1:1 — start it with: redis-server/);
  });

  it('the KBLI import command loads the full list', () => {
    const r = spawnSync('node', ['dist/apps/api/src/cli.js', 'import-kbli', KBLI_CSV], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Imported 2686 KBLI entries \(level 2: 87, level 3: 244, level 4: 565, level 5: 1790\)/);
    expect(r.status).toBe(0);
  });
});
