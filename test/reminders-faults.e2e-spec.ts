/**
 * Reminders through faults, with real PostgreSQL, a real SMTP server started here and a PRIVATE
 * redis-server (spawned on a free port, no persistence) that the test stops and starts — the shared
 * Redis on 6379 is never touched. Time is driven through the sweep's `now` (in-process) or
 * REMINDER_NOW (the built worker process).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { bullConnection, loadEnv, QueueName, resetEnvCache } from '../libs/core/src/index.js';
import { ReminderSweep } from '../libs/reminders/src/index.js';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { WorkerRuntime } from '../apps/worker/src/worker.runtime.js';
import { createTestDb, type TestDb } from './support/app.js';
import { freePort, keyOf, ledger, PrivateRedis, sqlObligation, sqlOrg, until } from './support/reminders.js';
import { startSmtpSink, type SmtpSink } from './support/smtp.js';

const ENV_KEYS = ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'SMTP_URL', 'LOG_LEVEL', 'WORKER_HEALTH_PORT', 'OUTBOX_PUBLISH_TIMEOUT_MS', 'REMINDER_SWEEP_INTERVAL_SECONDS', 'SEED_DEMO_ON_EMPTY'];
const deliveryIdsOf = (messages: SmtpSink['messages']) => messages.map((m) => /X-Jalin-Delivery: ([0-9a-f-]+)/i.exec(m.raw)?.[1] ?? '?');

/** Seeds `n` partners (one member each) with one obligation due `day`; returns the ledger keys expected for `window` (in-app and e-mail each). */
async function seed(ds: DataSource, n: number, day: string, window: number): Promise<{ targets: string[]; emails: Set<string>; expected: string[] }> {
  const orgs = await Promise.all(Array.from({ length: n }, (_, i) => sqlOrg(ds, 'partner', '35.78', [i % 3 === 0 ? 'en' : 'id'])));
  const targets = await Promise.all(orgs.map((o) => sqlObligation(ds, o.id, day)));
  const kind = window <= 0 ? 'OBLIGATION_DUE' : 'OBLIGATION_OVERDUE';
  const expected = orgs.flatMap((o, i) => [
    keyOf({ target_id: targets[i], kind, window_days: window, recipient: o.members[0].id, channel: 'IN_APP' }),
    keyOf({ target_id: targets[i], kind, window_days: window, recipient: o.members[0].email, channel: 'EMAIL' }),
  ]);
  return { targets, emails: new Set(orgs.map((o) => o.members[0].email)), expected };
}

describe('reminders through faults', () => {
  const children: ChildProcess[] = [];
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  let smtp: SmtpSink;
  let redis: PrivateRedis;
  let db: TestDb;
  let ds: DataSource;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    redis = new PrivateRedis(await freePort());
    await redis.start();
    db = await createTestDb();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: db.redisPrefix,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'silent',
      WORKER_HEALTH_PORT: '0',
      OUTBOX_PUBLISH_TIMEOUT_MS: '500',
      REMINDER_SWEEP_INTERVAL_SECONDS: '86400',
      SEED_DEMO_ON_EMPTY: 'false',
    });
    resetEnvCache();
    ds = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
    await ds.initialize();
  }, 60_000);
  afterAll(async () => {
    // A failed expectation must not leave a worker running against a dropped database.
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await ds?.destroy();
    // Back to the shared Redis before dropping the database (its key clean-up reads REDIS_URL); the private one just goes.
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
    await db?.drop();
    await redis?.stop();
    await smtp?.close();
  });

  const allSent = (targets: string[], n: number) =>
    until(`${n} reminders SENT`, async () => (await ledger(ds, `status = 'SENT' AND target_id = ANY($1)`, [targets])).length === n, 45_000, 100);

  it('Redis down during sweeps: the ledger is written, nothing is lost, and when Redis is back every reminder goes out once; jobs lost with Redis are enqueued again', async () => {
    let queue: Queue | undefined;
    let worker: INestApplicationContext | undefined = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    try {
      const runtime = worker.get(WorkerRuntime);
      const first = await seed(ds, 20, '2032-02-20', -14);
      const now = new Date('2032-02-06T02:00:00Z');

      await redis.stop();
      const t0 = Date.now();
      const down1 = await runtime.sweepReminders(now);
      const down2 = await runtime.sweepReminders(now);
      expect(Date.now() - t0).toBeLessThan(10_000);
      // In-app reminders need no Redis: the sweep delivers them itself. The e-mails wait for the queue.
      expect(down1).toMatchObject({ created: 40, deliveredInApp: 20, enqueued: 0, enqueueFailed: 20 });
      expect(down2).toMatchObject({ created: 0, deliveredInApp: 0, enqueued: 0, enqueueFailed: 20 });
      const pending = await ledger(ds, 'target_id = ANY($1)', [first.targets]);
      expect(pending.map(keyOf).sort()).toEqual([...first.expected].sort());
      expect(pending.filter((r) => r.channel === 'EMAIL').every((r) => r.status === 'PENDING' && r.attempts === 0)).toBe(true);
      expect(pending.filter((r) => r.channel === 'IN_APP').every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
      const [inApp] = await ds.query(`SELECT count(*)::int AS n, count(DISTINCT data->>'reminderId')::int AS distinct FROM notification WHERE entity_id = ANY($1)`, [first.targets]);
      expect(inApp).toEqual({ n: 20, distinct: 20 });

      await redis.start();
      // The queue reconnects on its own; sweeps go on failing until it has.
      await until('the sweep enqueues again', async () => (await runtime.sweepReminders(now)).enqueued === 20, 30_000, 500);
      await allSent(first.targets, 40);
      const firstMails = smtp.messages.filter((m) => m.to.some((a) => first.emails.has(a)));
      expect(firstMails).toHaveLength(20);
      expect(new Set(deliveryIdsOf(firstMails)).size).toBe(20);
      await worker.close();
      worker = undefined;

      // Jobs enqueued, then Redis dies (no persistence: they are gone) before any worker ran them.
      const second = await seed(ds, 10, '2032-06-20', -14);
      const later = new Date('2032-06-06T02:00:00Z');
      const q = new Queue(QueueName.REMINDERS, { connection: bullConnection(loadEnv()), prefix: loadEnv().REDIS_PREFIX });
      queue = q;
      q.on('error', () => undefined); // Redis is stopped on purpose below
      const sweep = new ReminderSweep(ds, () => q, { targetBatchSize: 500, enqueueBatchSize: 100, requeueAfterMs: 0, publishTimeoutMs: 1_000, emailsPerJob: 20 });
      expect(await sweep.run(later)).toMatchObject({ created: 20, deliveredInApp: 10, enqueued: 10 });
      expect(await q.getJobCounts('wait')).toEqual({ wait: 1 }); // the 10 e-mails: one job (up to 20 per job)
      await redis.stop();
      await redis.start();
      await until('the queue is back', async () => (await q.getJobCounts('wait').catch(() => null)) !== null, 30_000, 200);
      expect(await q.getJobCounts('wait')).toEqual({ wait: 0 });
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      await worker.init();
      // The rows are still PENDING and were enqueued once: the next sweep (here: one that re-enqueues at once) hands them over again.
      expect((await ledger(ds, `status = 'PENDING' AND target_id = ANY($1)`, [second.targets])).length).toBe(10);
      expect(await sweep.run(later)).toMatchObject({ created: 0, deliveredInApp: 0, enqueued: 10 });
      await allSent(second.targets, 20);
      const secondMails = smtp.messages.filter((m) => m.to.some((a) => second.emails.has(a)));
      expect(secondMails).toHaveLength(10);
    } finally {
      await queue?.close();
      await worker?.close();
    }
  }, 90_000);

  it('SIGKILL of the built worker in the middle of a batch, then a restart: the ledger equals the expected set and SMTP duplicates ≤ kills', async () => {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: process.cwd(), encoding: 'utf8' });
    expect({ status: build.status, out: build.status ? `${build.stdout}${build.stderr}` : '' }).toEqual({ status: 0, out: '' });

    const { targets, emails, expected } = await seed(ds, 150, '2032-05-20', -14);
    const env = {
      ...process.env,
      NODE_OPTIONS: '',
      LOG_LEVEL: 'warn',
      REMINDER_NOW: '2032-05-06T02:00:00Z',
      REMINDER_SWEEP_INTERVAL_SECONDS: '5',
      // One e-mail in flight per process: a kill can then repeat at most one (the bound is one per e-mail in flight).
      WORKER_CONCURRENCY: '1',
    };
    const start = (): ChildProcess => {
      const c = spawn('node', ['dist/apps/worker/src/main.js'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
      children.push(c);
      return c;
    };
    const sent = async () => (await ledger(ds, `status = 'SENT' AND target_id = ANY($1)`, [targets])).length;
    const emailsSent = async () => (await ledger(ds, `status = 'SENT' AND channel = 'EMAIL' AND target_id = ANY($1)`, [targets])).length;

    const a = start();
    // The in-app reminders go out with the sweep, set-based; the kill comes while the e-mail jobs run.
    const atKill = await until('a third of the e-mails delivered', async () => {
      const n = await emailsSent();
      return n >= 50 ? n : 0;
    }, 30_000, 10);
    a.kill('SIGKILL');
    await new Promise((r) => a.once('exit', r));
    const afterKill = await sent();
    expect(afterKill).toBeLessThan(300);

    const b = start();
    try {
      await allSent(targets, 300);
    } finally {
      b.kill('SIGTERM');
      await new Promise((r) => b.once('exit', r));
    }
    const rows = await ledger(ds, 'target_id = ANY($1)', [targets]);
    expect(rows.map(keyOf).sort()).toEqual([...expected].sort()); // 0 missing, 0 duplicate rows
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    const [n] = await ds.query(`SELECT count(*)::int AS n FROM notification WHERE entity_id = ANY($1)`, [targets]);
    expect(n.n).toBe(150); // in-app: the notification and its SENT mark commit together
    const [{ ids }] = await ds.query(`SELECT array_agg(id::text) AS ids FROM reminders WHERE channel = 'EMAIL' AND target_id = ANY($1)`, [targets]);
    const mails = smtp.messages.filter((m) => m.to.some((x) => emails.has(x)));
    const got = deliveryIdsOf(mails);
    expect((ids as string[]).filter((id) => !got.includes(id))).toEqual([]); // every e-mail arrived
    const duplicates = got.length - new Set(got).size;
    expect(duplicates).toBeLessThanOrEqual(1); // one kill
    expect(atKill).toBeGreaterThan(0);
  }, 90_000);
});
