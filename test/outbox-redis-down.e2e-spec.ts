/**
 * Redis is unreachable (a closed port): the API still accepts writes within its usual time, and the
 * outbox rows they cause stay pending; the relay gives up on its own timeout and leaves them pending.
 */
import type { Queue } from 'bullmq';
import { OutboxRelay, QueueName } from '../libs/core/src/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { factory } from './support/factory.js';
import { opportunities } from './support/opportunities.js';

const CLOSED = 'redis://127.0.0.1:1';

describe('with Redis unreachable', () => {
  const realRedisUrl = process.env.REDIS_URL;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: CLOSED });
  });
  afterAll(async () => {
    // startTestApp exported the closed port to process.env; dropping the test database cleans Redis keys through the real one.
    if (realRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = realRedisUrl;
    await t?.close();
  });

  it('an application is accepted quickly and its e-mail waits as a pending outbox row; the relay times out and leaves it pending', async () => {
    const f = factory(t);
    const o = opportunities(t);
    const [partner, firm] = await Promise.all([f.partner(), f.enterprise()]);
    const opp = await o.open(partner);

    const started = Date.now();
    const app = await o.apply(firm, opp.id);
    expect(Date.now() - started).toBeLessThan(2_000);
    const pending = async () =>
      (await t.ds.query(
        `SELECT x.id, x.sent_at, x.attempts, x.last_error FROM outbox x JOIN notification n ON x.payload->>'notificationId' = n.id::text
          WHERE n.entity_id = $1`,
        [app.id],
      )) as { id: string; sent_at: Date | null; attempts: number; last_error: string | null }[];
    expect(await pending()).toEqual([{ id: expect.any(String), sent_at: null, attempts: 0, last_error: null }]);

    // BullMQ's `add` never settles while Redis has been down since the process started (stack notes):
    // a queue whose publish never answers stands for it, so the test cannot leave a half-open client behind.
    const asked: string[] = [];
    const hanging = { addBulk: (jobs: { opts: { jobId: string } }[]) => (asked.push(...jobs.map((j) => j.opts.jobId)), new Promise(() => undefined)) };
    const relay = new OutboxRelay(t.ds, (name) => (expect(name).toBe(QueueName.DELIVERY), hanging as unknown as Queue), { batchSize: 50, maxBatches: 2, publishTimeoutMs: 300 });
    const t0 = Date.now();
    const res = await relay.runOnce();
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(res).toMatchObject({ published: 0, lastError: expect.stringMatching(/timed out after 300 ms/) });
    const [row] = await pending();
    expect(asked).toContain(row.id);
    expect(row).toEqual({ id: expect.any(String), sent_at: null, attempts: 1, last_error: expect.stringMatching(/timed out/) });
  });
});
