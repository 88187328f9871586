/**
 * Redis faults with PRIVATE redis-servers (the shared one on 6379 is never stopped):
 * - an outage during API writes: writes succeed in their usual time and leave pending outbox rows,
 *   login limits fall back to process memory; when Redis is back, the built worker sends it all;
 * - a one-node Redis Cluster: the hash-tagged prefix makes queues, schedulers and rate limits
 *   legal there, where an untagged prefix is refused with CROSSSLOT.
 */
import { Queue } from 'bullmq';
import { closeQueue, JobName, OutboxRelay, producerConnection, QueueName, RateLimiter, RedisService, resetEnvCache, validateEnv } from '../libs/core/src/index.js';
import { createTestDb, startTestApp, type TestApp } from './support/app.js';
import { factory, PASSWORD } from './support/factory.js';
import { opportunities } from './support/opportunities.js';
import { freePorts, reachable, startBuilt, startRedis, type PrivateRedis, until } from './support/processes.js';
import { startSmtpSink, type SmtpSink } from './support/smtp.js';

const USUAL_MS = 1_500;

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  expect({ what, fast: Date.now() - started < USUAL_MS }).toEqual({ what, fast: true });
  return result;
}

describe('Redis faults (private redis-server)', () => {
  const sharedRedisUrl = process.env.REDIS_URL;
  const sharedPrefix = process.env.REDIS_PREFIX;
  const restoreEnv = () => {
    for (const [k, v] of [['REDIS_URL', sharedRedisUrl], ['REDIS_PREFIX', sharedPrefix]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
  };
  let smtp: SmtpSink;
  const servers: PrivateRedis[] = [];
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await smtp?.close();
  });

  describe('an outage during API writes', () => {
    let redis: PrivateRedis;
    let t: TestApp;
    beforeAll(async () => {
      redis = await startRedis();
      servers.push(redis);
      t = await startTestApp({ REDIS_URL: redis.url, SMTP_URL: smtp.url });
    }, 60_000);
    afterAll(async () => {
      // Dropping the test database cleans its Redis keys through the shared server.
      restoreEnv();
      await t?.close();
    });

    it('writes succeed in their usual time and leave pending outbox rows; when Redis is back the worker sends them', async () => {
      const f = factory(t);
      const o = opportunities(t);
      const [partner, firmA, firmB, member] = await Promise.all([f.partner(), f.enterprise(), f.enterprise(), f.enterprise()]);
      const opp = await o.open(partner);
      const prefix = t.db.redisPrefix;
      const ready = () => t.http().get('/health/ready');
      // With Redis up, login limits count in Redis under the hash-tagged prefix.
      await f.login(member.email, PASSWORD);
      const probe = redis.client();
      expect((await probe.keys(`${prefix}:ratelimit:*`)).length).toBeGreaterThan(0);
      probe.disconnect();
      // A producer connected before the outage (as a running worker's relay is).
      const producer = new Queue(QueueName.DELIVERY, { connection: producerConnection(validateEnv({ REDIS_URL: redis.url })), prefix });
      producer.on('error', () => undefined);
      await producer.waitUntilReady();

      await redis.stop('SIGKILL');
      expect((await ready()).body).toMatchObject({ status: 503, failing: ['redis'] });

      const appA = await timed('apply A', () => o.apply(firmA, opp.id));
      const appB = await timed('apply B', () => o.apply(firmB, opp.id));
      const outboxOf = async (applicationId: string) =>
        (await t.ds.query(
          `SELECT x.id, x.sent_at AS "sentAt" FROM outbox x JOIN notification n ON x.payload->>'notificationId' = n.id::text
            WHERE n.entity_id = $1 AND n.kind = 'APPLICATION_SUBMITTED'`,
          [applicationId],
        )) as { id: string; sentAt: Date | null }[];
      const [rowA] = await outboxOf(appA.id);
      const [rowB] = await outboxOf(appB.id);
      expect([rowA?.sentAt, rowB?.sentAt]).toEqual([null, null]);

      // The producer fails fast (no offline queue) — well before the relay's own publish timeout.
      try {
        const relay = new OutboxRelay(t.ds, () => producer, { batchSize: 50, maxBatches: 1, publishTimeoutMs: 10_000 });
        const result = await timed('relay with Redis down', () => relay.runOnce());
        expect(result).toMatchObject({ published: 0, failed: expect.any(Number) });
        expect(result.lastError).not.toMatch(/timed out/);
        const rows = await t.ds.query(`SELECT attempts, sent_at, last_error FROM outbox WHERE id = ANY($1::uuid[])`, [[rowA.id, rowB.id]]);
        expect(rows).toEqual([0, 1].map(() => ({ attempts: 1, sent_at: null, last_error: result.lastError })));
      } finally {
        await closeQueue(producer);
      }

      // Login: each answer in its usual time; the per-e-mail limit still holds, counted in process memory.
      await timed('login', () => f.login(member.email, PASSWORD));
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await timed(`wrong password ${i + 1}`, () => t.http().post('/api/v1/auth/login').send({ email: firmA.email, password: 'wrong-password-123' }));
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

      // Redis returns (same port, empty); the API reconnects and a worker relays what waited.
      servers.push((redis = await startRedis({ port: redis.port })));
      await until('the API to see Redis again', async () => (await ready()).status === 200, 15_000);
      const [port] = await freePorts(1);
      const worker = startBuilt('worker', {
        DATABASE_URL: t.db.url, REDIS_URL: redis.url, REDIS_PREFIX: prefix, SMTP_URL: smtp.url, WORKER_HEALTH_PORT: String(port), OUTBOX_RELAY_INTERVAL_MS: '500', SHUTDOWN_TIMEOUT_MS: '2000',
      });
      const delivery = new Queue(QueueName.DELIVERY, { connection: producerConnection(validateEnv({ REDIS_URL: redis.url })), prefix });
      delivery.on('error', () => undefined);
      try {
        await reachable(`http://127.0.0.1:${port}/health`, 60_000);
        await until('both e-mails', async () => smtp.to(partner.email).length >= 2, 30_000);
        for (const row of [rowA, rowB]) {
          expect((await t.ds.query(`SELECT sent_at FROM outbox WHERE id = $1`, [row.id]))[0].sent_at).toEqual(expect.any(Date));
          await until(`job ${row.id} completed`, async () => (await delivery.getJobState(row.id)) === 'completed');
          expect((await delivery.getJob(row.id))?.name).toBe(JobName.NOTIFICATION_CREATED);
        }
        expect(smtp.to(partner.email)).toHaveLength(2);
        // Redis goes away again: SIGTERM still ends the worker cleanly, within its grace period.
        await redis.stop('SIGKILL');
        const t0 = Date.now();
        expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
        expect(Date.now() - t0).toBeLessThan(2_000 + 5_000);
      } finally {
        await closeQueue(delivery);
        await worker.stop('SIGKILL');
      }
    }, 120_000);
  });

  it('on a one-node Redis Cluster: the hash-tagged prefix runs the worker and rate limits; an untagged prefix is refused with CROSSSLOT', async () => {
    const cluster = await startRedis({ cluster: true });
    servers.push(cluster);
    const db = await createTestDb();
    const [port] = await freePorts(1);
    const base = { DATABASE_URL: db.url, REDIS_URL: cluster.url, SMTP_URL: smtp.url };
    const worker = startBuilt('worker', { ...base, REDIS_PREFIX: db.redisPrefix, WORKER_HEALTH_PORT: String(port) });
    const maintenance = new Queue(QueueName.MAINTENANCE, { connection: producerConnection(validateEnv({ REDIS_URL: cluster.url })), prefix: db.redisPrefix });
    let stopped = false;
    try {
      const ready = await reachable(`http://127.0.0.1:${port}/health/ready`, 60_000);
      expect(ready.status).toBe(200);
      expect((await maintenance.getJobSchedulers()).map((s) => s.key)).toEqual(expect.arrayContaining(['heartbeat', 'outbox-relay', 'close-expired-opportunities']));
      await until('the heartbeat job to complete', async () => (await maintenance.getJobs(['completed'])).some((j) => j.name === JobName.HEARTBEAT), 15_000);

      // The API's rate limiter (MULTI on one key) under the same prefix.
      Object.assign(process.env, { REDIS_URL: cluster.url, REDIS_PREFIX: db.redisPrefix });
      resetEnvCache();
      const redis = new RedisService();
      try {
        await until('the rate limiter client', async () => redis.ping());
        const limiter = new RateLimiter(redis);
        const hits = [];
        for (let i = 0; i < 3; i++) hits.push((await limiter.hit('cluster-probe', 2, 60)).allowed);
        expect(hits).toEqual([true, true, false]);
        expect(await redis.client.get('ratelimit:cluster-probe')).toBe('3');
      } finally {
        await redis.onApplicationShutdown();
        restoreEnv();
      }

      // Without a hash tag BullMQ's scripts touch several slots: a cluster refuses them.
      const untagged = new Queue(QueueName.MAINTENANCE, { connection: producerConnection(validateEnv({ REDIS_URL: cluster.url })), prefix: 'jalin-untagged' });
      try {
        await expect(untagged.add('probe', {})).rejects.toThrow(/CROSSSLOT/);
      } finally {
        await untagged.close();
      }
      const refused = startBuilt('worker', { ...base, REDIS_PREFIX: 'jalin-untagged', WORKER_HEALTH_PORT: '0' });
      const exit = await refused.exited;
      expect(exit.code).toBe(1);
      expect(refused.stderr()).toMatch(/CROSSSLOT/);
      expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      stopped = true;
    } finally {
      await maintenance.close();
      if (!stopped) await worker.stop('SIGKILL');
      await db.drop();
    }
  }, 120_000);
});
