import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { resetEnvCache } from '../libs/core/src/index.js';
import { createApi } from '../apps/api/src/bootstrap.js';
import { serveWebConsole } from '../apps/api/src/web-console.js';
import { createTestDb, listenLocally, type TestDb } from './support/app.js';

const BIG = `export const words = ${JSON.stringify('kemitraan '.repeat(500))};`;
const INDEX = '<!doctype html><html lang="id"><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';

/** The API serves the built console (dist/web) at `/`; the API itself stays under /api/v1. */
describe('web console served by the API', () => {
  let db: TestDb;
  let app: NestFastifyApplication;
  let dir: string;
  let base: string;
  const http = () => request(base);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalin-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("jalin");');
    writeFileSync(join(dir, 'assets', 'big-def456.js'), BIG);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    db = await createTestDb();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_PREFIX: db.redisPrefix,
      LOG_LEVEL: 'silent',
      SEED_DEMO_ON_EMPTY: 'false',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0001',
    });
    resetEnvCache();
    app = await createApi({ swaggerUi: false, logger: false, webConsole: dir });
    base = await listenLocally(app);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /', async () => {
    const res = await http().get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(INDEX);
  });

  it('serves index.html at a deep link of the console (the browser routes it)', async () => {
    for (const path of ['/opportunities/x', '/agreements/3f0e2b1c-0000-4000-8000-000000000000?tab=sessions', '/login', '/platform/audit']) {
      const res = await http().get(path);
      expect({ path, status: res.status, body: res.text }).toEqual({ path, status: 200, body: INDEX });
    }
  });

  it('serves hashed assets with a long cache, and top-level files by name', async () => {
    const js = await http().get('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    expect(js.text).toBe('console.log("jalin");');
    const icon = await http().get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/image\/svg\+xml/);
  });

  it('keeps the API under /api/v1: an unknown API path is still a JSON problem 404', async () => {
    const res = await http().get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/nope', type: expect.stringContaining('not-found') });
    for (const path of ['/api', '/health/nope', '/docs/nope', '/admin/nope']) {
      const r = await http().get(path);
      expect({ path, status: r.status, type: r.headers['content-type'] }).toEqual({ path, status: 404, type: expect.stringMatching(/^application\/problem\+json/) });
    }
  });

  it('leaves the API routes alone', async () => {
    const health = await http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const regions = await http().get('/api/v1/reference/regions');
    expect(regions.status).toBe(200);
    expect(regions.body.items.length).toBe(38);
    const docs = await http().get('/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    const post = await http().post('/api/v1/nope').send({});
    expect(post.status).toBe(404);
    expect(post.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('compresses assets for browsers that accept gzip', async () => {
    const gz = await http().get('/assets/big-def456.js').set('Accept-Encoding', 'gzip');
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBeLessThan(BIG.length / 10);
    expect(gz.text).toBe(BIG);
    const plain = await http().get('/assets/big-def456.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(BIG);
  });

  it('a missing asset is a 404, not the page', async () => {
    const res = await http().get('/assets/missing-000.js');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="root">');
  });

  it('serves nothing (API only) when the console has not been built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'jalin-web-empty-'));
    try {
      await expect(serveWebConsole(app, empty)).resolves.toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
