import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, factory } from './support/factory.js';
import { startTestApp, type TestApp } from './support/app.js';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('unknown route → 404 problem details', async () => {
    const res = await t.http().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/nothing-here', type: expect.stringContaining('not-found') });
  });

  it('malformed JSON → 400, oversized body → 413, wrong media type → 415', async () => {
    const bad = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const big = await t.http().post('/api/v1/auth/login').send({ email: 'a@b.id', password: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
    expect(big.body.status).toBe(413);
    const xml = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/xml').send('<a/>');
    expect(xml.status).toBe(415);
    expect(xml.body.status).toBe(415);
  });

  it('403 problem for a role that may never call the route', async () => {
    const s = await factory(t).enterprise();
    const res = await t.http().get('/api/v1/enterprises').set(bearer(s));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, title: 'Forbidden' });
  });

  it('sends security headers and a request id; echoes a given request id', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('abc-123');
    const own = await t.http().get('/health');
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an OpenAPI 3 document describing every route with its security', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(res.body.paths);
    for (const p of ['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/enterprises', '/api/v1/enterprises/{id}', '/api/v1/reference/kbli', '/health/ready']) {
      expect(paths).toContain(p);
    }
    expect(res.body.paths['/api/v1/auth/me'].get.security).toEqual([{ bearer: [] }]);
    expect(res.body.paths['/api/v1/auth/login'].post.security).toBeUndefined();
    expect(res.body.components.schemas.RegisterDto).toBeDefined();
  });

  it('OpenAPI schema names are unique: no documented class shares its name with another (the second would silently replace the first)', async () => {
    const names = new Map<string, string[]>();
    for (const file of readdirSync('libs', { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      const text = readFileSync(join('libs', file), 'utf8');
      if (!text.includes("from '@nestjs/swagger'")) continue;
      for (const m of text.matchAll(/^export class (\w+)/gm)) names.set(m[1], [...(names.get(m[1]) ?? []), file]);
    }
    expect([...names].filter(([, files]) => files.length > 1)).toEqual([]);
    // The matching routes document their items (the console's client is generated from this).
    const doc = (await t.http().get('/docs-json')).body;
    expect(Object.keys(doc.components.schemas.MatchItemView.properties)).toEqual(['enterprise', 'score', 'breakdown', 'reasons']);
    expect(Object.keys(doc.components.schemas.ScoreBreakdownView.properties)).toEqual(['sector', 'location', 'capacity', 'certifications', 'needs', 'trackRecord']);
    expect(Object.keys(doc.components.schemas.BreakdownView.properties)).toContain('items'); // the monitoring breakdown, intact
  });

  it('every JSON success response documents its schema, so the console’s generated client follows the API', async () => {
    const doc = (await t.http().get('/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
    const undocumented: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, res] of Object.entries(op.responses)) {
          if (!/^2\d\d$/.test(status) || status === '204') continue;
          const json = res.content?.['application/json'];
          // binary downloads and CSV/NDJSON exports declare their own media types
          const other = Object.keys(res.content ?? {}).some((type) => type !== 'application/json');
          if (!other && !json?.schema) undocumented.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('readiness names a failing dependency with 503', async () => {
    const ok = await t.http().get('/health/ready');
    expect(ok.status).toBe(200);
    const { RedisService } = await import('../libs/core/src/index.js');
    const redis = t.app.get(RedisService);
    redis.client.disconnect();
    try {
      const res = await t.http().get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.detail).toMatch(/redis/);
      expect(res.body.failing).toEqual(['redis']);
    } finally {
      await redis.client.connect().catch(() => undefined);
    }
  });
});
