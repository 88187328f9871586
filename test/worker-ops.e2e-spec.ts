/**
 * Operating the BUILT worker: readiness with details, graceful shutdown on SIGTERM with a job in
 * hand, ten processes starting at once (one scheduler per id, nothing sent twice), and the
 * hash-tagged Redis prefix that keeps suites (and deployments) apart.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { JobName, producerConnection, QueueName, validateEnv } from '../libs/core/src/index.js';
import { createTestDb, startTestApp, type TestApp, type TestDb } from './support/app.js';
import { factory, PASSWORD } from './support/factory.js';
import { freePorts, sleep, startBuilt, type Program, until } from './support/processes.js';
import { startSmtpSink, type SmtpSink } from './support/smtp.js';

const REDIS = 'redis://127.0.0.1:6379';

/** Every key in the shared Redis whose name contains `fragment`. */
async function keysContaining(fragment: string): Promise<string[]> {
  const client = new Redis(REDIS, { maxRetriesPerRequest: 1 });
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', `*${fragment}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  } finally {
    client.disconnect();
  }
}

describe('the worker in operation (built worker)', () => {
  let smtp: SmtpSink;
  let db: TestDb;
  let t: TestApp;
  let maintenance: Queue;
  const workerEnv = (over: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    REDIS_URL: REDIS,
    REDIS_PREFIX: db.redisPrefix,
    SMTP_URL: smtp.url,
    OUTBOX_RELAY_INTERVAL_MS: '500',
    ...over,
  });
  const queue = (name: QueueName, prefix = db.redisPrefix) =>
    new Queue(name, { connection: producerConnection(validateEnv({ REDIS_URL: REDIS })), prefix });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    db = await createTestDb();
    t = await startTestApp({ SMTP_URL: smtp.url }, db);
    maintenance = queue(QueueName.MAINTENANCE);
  }, 60_000);
  afterAll(async () => {
    await maintenance?.close();
    await t?.close();
    await db?.drop();
    await smtp?.close();
  });

  it('readiness reports each dependency with latency, the last heartbeat and queue counts; SIGTERM lets the job in hand finish, then exits 0', async () => {
    const partner = await factory(t).partner();
    const [{ id: oppId }] = await t.ds.query(
      `INSERT INTO opportunity (partner_id, pattern, title, kbli_codes, slots, status, published_at, closes_at)
       VALUES ($1, 'SUBCONTRACT', 'Expired', ARRAY['10794'], 1, 'OPEN', now() - interval '2 days', now() - interval '1 hour') RETURNING id`,
      [partner.organization!.id],
    );
    // Hold the expired opportunity's row: the worker's close-expired job blocks on it — a job in hand.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM opportunity WHERE id = $1 FOR UPDATE', [oppId]);

    const [port] = await freePorts(1);
    const worker = startBuilt('worker', workerEnv({ WORKER_HEALTH_PORT: String(port), WORKER_CONCURRENCY: '3', SWEEP_INTERVAL_SECONDS: '1' }));
    try {
      const ready = `http://127.0.0.1:${port}/health/ready`;
      const body = await until('a heartbeat in the readiness report', async () => {
        const res = await fetch(ready);
        const json = (await res.json()) as { lastHeartbeat: string | null };
        return res.status === 200 && json.lastHeartbeat ? json : null;
      }, 60_000);
      expect(body).toMatchObject({
        status: 'ok',
        checks: { postgresql: 'up', redis: 'up' },
        dependencies: { postgresql: { status: 'up', latencyMs: expect.any(Number) }, redis: { status: 'up', latencyMs: expect.any(Number) } },
        lastHeartbeat: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        concurrency: 3,
        queues: Object.fromEntries(Object.values(QueueName).map((q) => [q, { waiting: expect.any(Number), active: expect.any(Number), delayed: expect.any(Number), failed: expect.any(Number), completed: expect.any(Number) }])),
      });

      // The job is in hand once its UPDATE waits for the row lock.
      await until('the close-expired job to wait on the row lock', async () => {
        const [{ n }] = await t.ds.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE "opportunity"%'`,
        );
        return n > 0;
      }, 20_000);
      worker.proc.kill('SIGTERM');
      await sleep(1_500);
      expect(worker.proc.exitCode).toBeNull(); // still finishing the job
      const stopping = await fetch(ready);
      expect(stopping.status).toBe(503);
      expect(await stopping.json()).toMatchObject({ status: 503, detail: 'Not ready: the worker is shutting down' });
      const [{ status: meanwhile }] = await t.ds.query(`SELECT status FROM opportunity WHERE id = $1`, [oppId]);
      expect(meanwhile).toBe('OPEN');

      await holder.query('COMMIT');
      const exit = await Promise.race([worker.exited, sleep(15_000).then(() => 'still running' as const)]);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(worker.stderr()).toBe('');
    } finally {
      await holder.end().catch(() => undefined);
      await worker.stop('SIGKILL');
    }
    // The job finished (it closed the opportunity) and is recorded as completed, not failed or stalled.
    const [row] = await t.ds.query(`SELECT status, closed_reason FROM opportunity WHERE id = $1`, [oppId]);
    expect(row).toEqual({ status: 'CLOSED', closed_reason: 'DEADLINE' });
    const completed = await maintenance.getJobs(['completed'], 0, 200);
    expect(completed.some((j) => j.name === JobName.CLOSE_EXPIRED_OPPORTUNITIES && (j.returnvalue as { closed: number }).closed === 1)).toBe(true);
    expect(await maintenance.getJobCounts('active')).toEqual({ active: 0 });
    expect((await maintenance.getJobs(['failed'])).filter((j) => j.name === JobName.CLOSE_EXPIRED_OPPORTUNITIES)).toEqual([]);
  }, 90_000);

  it('ten workers starting at once: one scheduler per id, each with one next run; pending outbox rows e-mailed exactly once', async () => {
    // Pending notifications (with their outbox rows) for one organisation of two members.
    const partner = await factory(t).partner();
    const orgId = partner.organization!.id;
    const second = `second-${Date.now()}@test.jalin.id`;
    await t.ds.query(`INSERT INTO app_user (email, password_hash, full_name, role, organization_id, locale) VALUES ($1, 'x', 'Anggota', 'PARTNER', $2, 'id')`, [second, orgId]);
    const N = 20;
    const outboxIds: string[] = [];
    for (let i = 0; i < N; i++) {
      const [n] = await t.ds.query(`INSERT INTO notification (organization_id, kind, title, body, data) VALUES ($1, 'TEST_KIND', $2, '', '{}') RETURNING id`, [orgId, `Uji ${i}`]);
      const [x] = await t.ds.query(`INSERT INTO outbox (topic, payload) VALUES ('notification.created', $1) RETURNING id`, [JSON.stringify({ notificationId: n.id })]);
      outboxIds.push(x.id);
    }
    const before = smtp.messages.length;

    const ports = await freePorts(10);
    // Small pools: ten processes must fit in PostgreSQL's connection limit beside other suites.
    const workers: Program[] = ports.map((p) => startBuilt('worker', workerEnv({ WORKER_HEALTH_PORT: String(p), DATABASE_POOL_SIZE: '3', WORKER_CONCURRENCY: '1' })));
    try {
      await Promise.all(ports.map((p) => until(`worker on ${p} ready`, async () => (await fetch(`http://127.0.0.1:${p}/health/ready`)).status === 200, 90_000, 250)));
      await until('every pending outbox row e-mailed', async () => smtp.messages.length - before >= 2 * N, 30_000);
      await sleep(1_000); // a duplicate would arrive by now
    } catch (err) {
      await Promise.all(workers.map((w) => w.stop('SIGKILL')));
      throw err;
    }
    const exits = await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    expect(exits).toEqual(workers.map(() => ({ code: 0, signal: null })));
    expect(workers.map((w) => w.stderr())).toEqual(workers.map(() => ''));

    const schedulers = await maintenance.getJobSchedulers(0, -1, true);
    const ids = schedulers.map((s) => s.key);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['heartbeat', 'close-expired-opportunities', 'outbox-relay']));
    // Exactly one next run per scheduler (a race between upserts would leave two).
    const next = await maintenance.getJobs(['delayed', 'wait', 'prioritized'], 0, -1);
    for (const id of ids) expect({ id, next: next.filter((j) => j.repeatJobKey === id).length }).toEqual({ id, next: 1 });

    const mails = smtp.messages.slice(before);
    expect(mails).toHaveLength(2 * N);
    const perRecipient = (address: string) => mails.filter((m) => m.to.includes(address.toLowerCase())).length;
    expect([perRecipient(partner.email), perRecipient(second)]).toEqual([N, N]);
    const sent = await t.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::uuid[]) AND sent_at IS NOT NULL`, [outboxIds]);
    expect(sent[0].n).toBe(N);
    const log = await t.ds.query(`SELECT count(*)::int AS n, max(attempts) AS a FROM delivery WHERE outbox_id = ANY($1::uuid[]) AND status = 'SENT'`, [outboxIds]);
    expect(log[0]).toEqual({ n: 2 * N, a: 1 });
  }, 180_000);

  it('queue keys carry the hash-tagged prefix; per-suite prefixes keep suites apart', async () => {
    expect(db.redisPrefix).toMatch(/^\{jalin-test-[0-9a-f]+\}$/);
    const tag = db.redisPrefix.slice(1, -1);
    // The workers above wrote their queues under this suite's prefix, and nowhere else.
    const someone = await factory(t).enterprise();
    await factory(t).login(someone.email, PASSWORD);
    const mine = await keysContaining(tag);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((k) => !k.startsWith(`${db.redisPrefix}:`))).toEqual([]);
    expect(mine).toEqual(expect.arrayContaining([`${db.redisPrefix}:${QueueName.MAINTENANCE}:meta`, `${db.redisPrefix}:${QueueName.DELIVERY}:meta`]));
    // The API's rate-limit counters (the login above) live under the same prefix.
    expect(mine.some((k) => k.startsWith(`${db.redisPrefix}:ratelimit:`))).toBe(true);

    // Another suite: the same queue and job id hold their own data, and dropping it leaves ours.
    const other = await createTestDb();
    const theirs = queue(QueueName.MAINTENANCE, other.redisPrefix);
    try {
      expect(other.redisPrefix).not.toBe(db.redisPrefix);
      await maintenance.add('probe', { suite: 'mine' }, { jobId: 'isolation-probe', delay: 3_600_000 });
      await theirs.add('probe', { suite: 'theirs' }, { jobId: 'isolation-probe', delay: 3_600_000 });
      expect((await maintenance.getJob('isolation-probe'))?.data).toEqual({ suite: 'mine' });
      expect((await theirs.getJob('isolation-probe'))?.data).toEqual({ suite: 'theirs' });
      expect((await keysContaining(other.redisPrefix.slice(1, -1))).every((k) => k.startsWith(`${other.redisPrefix}:`))).toBe(true);
    } finally {
      await theirs.close();
      await other.drop();
    }
    expect(await keysContaining(other.redisPrefix.slice(1, -1))).toEqual([]);
    expect((await maintenance.getJob('isolation-probe'))?.data).toEqual({ suite: 'mine' });
  });

  it('keeps the match cache: a newly published opportunity gets its cache, a firm change is re-scored into it', async () => {
    const f = factory(t);
    const partner = await f.partner();
    const firm = await f.enterprise({ kbliCodes: ['10794'], regionCode: '33.20.01' });
    const [op] = await t.ds.query(
      `INSERT INTO opportunity (partner_id, pattern, title, kbli_codes, region_codes, site_region_code, required_certifications,
         preferred_certifications, support_offered, slots, status, published_at)
       VALUES ($1, 'SUBCONTRACT', 'Pemasok keripik', '{10794}', '{}', '33.20.01', '{}', '{HALAL}', '{FINANCING}', 3, 'OPEN', now()) RETURNING id`,
      [partner.organization!.id],
    );
    const [port] = await freePorts(1);
    const worker = startBuilt('worker', workerEnv({ WORKER_HEALTH_PORT: String(port), MATCH_CACHE_SWEEP_SECONDS: '1' }));
    try {
      await until('the new opportunity’s match cache', async () => (await t.ds.query(`SELECT 1 FROM match_cache WHERE opportunity_id = $1`, [op.id])).length === 1, 60_000, 250);
      const entry = async () => (await t.ds.query(`SELECT certifications::float AS c FROM match_cache_entry WHERE opportunity_id = $1 AND firm_id = $2`, [op.id, firm.organization!.id]))[0];
      expect(await entry()).toEqual({ c: 0 });
      // The firm gains the preferred certificate: marked stale at once, re-scored by the next sweep.
      await t.ds.query(`UPDATE organization SET certifications = '[{"type":"HALAL","number":"H-1","validUntil":null}]' WHERE id = $1`, [firm.organization!.id]);
      await until('the change re-scored', async () => (await entry())?.c === 1 && (await t.ds.query(`SELECT 1 FROM match_stale`)).length === 0, 30_000, 250);
    } finally {
      expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    }
  }, 120_000);
});
