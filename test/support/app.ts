import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../../libs/core/src/index.js';
import { createApi } from '../../apps/api/src/bootstrap.js';
import { adminQuery, dbUrl, templateName } from './db.js';

export const ADMIN = { email: 'admin@test.jalin.id', password: 'admin-password-123' };

export interface TestDb {
  name: string;
  url: string;
  redisPrefix: string;
  drop(): Promise<void>;
}

/** A database of its own (cloned from the migrated template) and a Redis key prefix of its own. */
export async function createTestDb(): Promise<TestDb> {
  const tpl = process.env.JALIN_TEST_TEMPLATE ?? templateName(process.cwd());
  const id = randomBytes(5).toString('hex');
  const name = `jalin_t_${id}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${tpl}"`);
  // Hash-tagged like the default `{jalin}`: every key of a suite in one Redis Cluster slot; suites never share keys.
  const redisPrefix = `{jalin-test-${id}}`;
  return {
    name,
    url: dbUrl(name),
    redisPrefix,
    async drop() {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      const r = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await r.connect();
        let cursor = '0';
        do {
          const [next, keys] = await r.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 500);
          cursor = next;
          if (keys.length) await r.del(...keys);
        } while (cursor !== '0');
      } finally {
        r.disconnect();
      }
    },
  };
}

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDb;
  ds: DataSource;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * Listens once on an ephemeral 127.0.0.1 port, as a deployed API does, and returns its base URL.
 * (Handing supertest the bare server instead makes it listen and close around every request; a
 * close that waits on a lingering connection would then stall the requests queued behind it.)
 */
export async function listenLocally(app: NestFastifyApplication): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Boots the real API (Fastify, guards, pipes, filters) against a fresh database. */
export async function startTestApp(env: Record<string, string> = {}, existingDb?: TestDb): Promise<TestApp> {
  const db = existingDb ?? (await createTestDb());
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_PREFIX: db.redisPrefix,
    LOG_LEVEL: 'silent',
    SEED_DEMO_ON_EMPTY: 'false',
    LOGIN_LIMIT_PER_IP: '10000',
    LOGIN_LIMIT_PER_EMAIL: '5',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0001',
    ...env,
  });
  resetEnvCache();
  const app = await createApi({ swaggerUi: false, logger: false, bootstrapData: true });
  const base = await listenLocally(app);
  return {
    app,
    db,
    ds: app.get(DataSource),
    http: () => request(base),
    async close() {
      await app.close();
      if (!existingDb) await db.drop();
    },
  };
}
