/**
 * The outbox and the e-mail channel end to end: the API writes a notification and its outbox row in
 * one transaction; the worker (in-process, real Redis) relays the row to the `delivery` queue and
 * e-mails the organisation's members through a real SMTP server started here.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { bullConnection, loadEnv, QueueName } from '../libs/core/src/index.js';
import { NotificationEmailProcessor } from '../libs/notifications/src/index.js';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { WorkerRuntime } from '../apps/worker/src/worker.runtime.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import { opportunities } from './support/opportunities.js';
import { startSmtpSink, type SmtpSink } from './support/smtp.js';

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('notifications by e-mail through the outbox', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let runtime: WorkerRuntime;
  let delivery: Queue;
  let f: ReturnType<typeof factory>;
  let o: ReturnType<typeof opportunities>;
  let partner: Session;
  let firm: Session;

  /** A member of `organizationId` added directly (the API has no member invitation yet). */
  const member = async (organizationId: string, locale: 'id' | 'en', name: string): Promise<string> => {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@test.jalin.id`;
    await t.ds.query(
      `INSERT INTO app_user (email, password_hash, full_name, role, organization_id, locale) VALUES ($1, 'x', $2, 'PARTNER', $3, $4)`,
      [email, name, organizationId, locale],
    );
    return email;
  };
  /** The notification (and its outbox row) about one application, addressed to the partner. */
  const outboxFor = async (applicationId: string): Promise<{ outboxId: string; notificationId: string; sentAt: Date | null }> => {
    const [row] = await t.ds.query(
      `SELECT x.id AS "outboxId", n.id AS "notificationId", x.sent_at AS "sentAt"
         FROM notification n JOIN outbox x ON x.payload->>'notificationId' = n.id::text
        WHERE n.entity_id = $1 AND n.kind = 'APPLICATION_SUBMITTED'`,
      [applicationId],
    );
    return row;
  };
  const deliveries = (outboxId: string): Promise<{ recipient: string; status: string; attempts: number; channel: string; last_error: string | null }[]> =>
    t.ds.query(`SELECT recipient, status, attempts, channel, last_error FROM delivery WHERE outbox_id = $1 ORDER BY recipient`, [outboxId]);
  const completed = (jobId: string) => until(`job ${jobId} completed`, async () => (await delivery.getJobState(jobId)) === 'completed');

  beforeAll(async () => {
    smtp = await startSmtpSink({ reject: /^bounce-/ });
    t = await startTestApp({ SMTP_URL: smtp.url, WORKER_HEALTH_PORT: '0', OUTBOX_RELAY_INTERVAL_MS: '500', MAIL_FROM: 'Jalin Test <no-reply@test.jalin.id>' });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    runtime = worker.get(WorkerRuntime);
    delivery = new Queue(QueueName.DELIVERY, { connection: bullConnection(loadEnv()), prefix: loadEnv().REDIS_PREFIX });
    f = factory(t);
    o = opportunities(t);
    [partner, firm] = await Promise.all([f.partner(), f.enterprise()]);
  }, 60_000);
  afterAll(async () => {
    await delivery?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('an application → one e-mail per partner member, in each member’s language; none to a member who turned that kind off', async () => {
    const orgId = partner.organization!.id;
    const english = await member(orgId, 'en', 'Member English');
    const optedOut = await member(orgId, 'id', 'Member Off');
    const [off] = await t.ds.query(`SELECT id FROM app_user WHERE email = $1`, [optedOut]);
    await t.ds.query(`INSERT INTO notification_preference (user_id, kind, email_enabled) VALUES ($1, 'APPLICATION_SUBMITTED', false)`, [off.id]);

    const opp = await o.open(partner, { title: 'Pemasok keripik balado' });
    const app = await o.apply(firm, opp.id);
    const { outboxId } = await outboxFor(app.id);
    await until('both e-mails', async () => (await deliveries(outboxId)).filter((d) => d.status === 'SENT').length === 2);
    await completed(outboxId);

    expect(await deliveries(outboxId)).toEqual(
      [english, partner.email].sort().map((recipient) => ({ recipient, status: 'SENT', attempts: 1, channel: 'EMAIL', last_error: null })),
    );
    const [id] = smtp.to(partner.email);
    const [en] = smtp.to(english);
    expect(smtp.to(partner.email)).toHaveLength(1);
    expect(smtp.to(english)).toHaveLength(1);
    expect(smtp.to(optedOut)).toHaveLength(0);
    expect(id.from).toBe('no-reply@test.jalin.id');
    expect(id.raw).toContain('Ada pemberitahuan baru untuk Anda di Jalin');
    expect(id.raw).toContain('Lamaran baru untuk “Pemasok keripik balado”');
    expect(id.raw).toMatch(/Content-Type: text\/html/i);
    expect(id.raw).toMatch(/Content-Type: text\/plain/i);
    expect(en.raw).toContain('There is a new notification for you on Jalin');
    expect(en.raw).not.toContain('Ada pemberitahuan baru');
    expect((await outboxFor(app.id)).sentAt).toEqual(expect.any(Date));
  });

  it('preferences: GET and PUT per kind (on by default); a partner that turned APPLICATION_SUBMITTED off gets no e-mail but still the in-app notification', async () => {
    const other = await f.partner();
    const empty = await t.http().get('/api/v1/notifications/preferences').set(bearer(other));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [] });
    const put = await t.http().put('/api/v1/notifications/preferences').set(bearer(other))
      .send({ items: [{ kind: 'APPLICATION_SUBMITTED', email: false }, { kind: 'SESSION_SCHEDULED', email: true }] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ items: [{ kind: 'APPLICATION_SUBMITTED', email: false }, { kind: 'SESSION_SCHEDULED', email: true }] });
    const bad = await t.http().put('/api/v1/notifications/preferences').set(bearer(other)).send({ items: [{ kind: 'no such kind', email: 'yes' }] });
    expect(bad.status).toBe(400);
    expect((await t.http().get('/api/v1/notifications/preferences').set(bearer(other))).body).toEqual(put.body);

    const app = await o.apply(firm, (await o.open(other)).id);
    const { outboxId } = await outboxFor(app.id);
    await completed(outboxId);
    expect(await deliveries(outboxId)).toEqual([]);
    expect(smtp.to(other.email)).toHaveLength(0);
    const inApp = await t.http().get('/api/v1/notifications').set(bearer(other));
    expect(inApp.body.items.map((n: { entityId: string }) => n.entityId)).toContain(app.id);
  });

  it('relaying the same outbox row again sends nothing twice (job id = outbox id; delivery log per recipient)', async () => {
    const app = await o.apply(firm, (await o.open(partner)).id);
    const { outboxId } = await outboxFor(app.id);
    await completed(outboxId);
    const before = smtp.messages.length;

    // A crash between publish and mark-sent: the row is pending again; BullMQ keeps the completed job → dedup.
    await t.ds.query(`UPDATE outbox SET sent_at = NULL WHERE id = $1`, [outboxId]);
    const again = await runtime.relayOutbox();
    expect(again.failed).toBe(0);
    expect((await outboxFor(app.id)).sentAt).toEqual(expect.any(Date));
    // Even when the job is gone from Redis and runs again, recipients already SENT are skipped.
    await delivery.remove(outboxId);
    await t.ds.query(`UPDATE outbox SET sent_at = NULL WHERE id = $1`, [outboxId]);
    await runtime.relayOutbox();
    await completed(outboxId);
    const job = await delivery.getJob(outboxId);
    expect(job?.returnvalue).toMatchObject({ sent: 0, failed: 0 });
    expect((job?.returnvalue as { alreadySent: number }).alreadySent).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.length).toBe(before);
    expect((await deliveries(outboxId)).every((d) => d.status === 'SENT' && d.attempts === 1)).toBe(true);
  });

  it('a recipient the SMTP server refuses: PENDING with the error while attempts remain, FAILED after the last; the job fails so BullMQ retries', async () => {
    const lonely = await f.enterprise();
    const bounce = `bounce-${randomUUID().slice(0, 8)}@test.jalin.id`;
    await t.ds.query(
      `INSERT INTO app_user (email, password_hash, full_name, role, organization_id, locale) VALUES ($1, 'x', 'Bounce', 'ENTERPRISE', $2, 'id')`,
      [bounce, lonely.organization!.id],
    );
    const [n] = await t.ds.query(
      `INSERT INTO notification (organization_id, kind, title) VALUES ($1, 'TEST_KIND', 'Uji coba') RETURNING id`,
      [lonely.organization!.id],
    );
    const [x] = await t.ds.query(`INSERT INTO outbox (topic, payload, sent_at) VALUES ('notification.created', $1, now()) RETURNING id`, [
      JSON.stringify({ notificationId: n.id }),
    ]);
    const processor = worker.get(NotificationEmailProcessor);
    const job = (attemptsMade: number) => ({ data: { outboxId: x.id, topic: 'notification.created' as never, payload: { notificationId: n.id } }, attemptsMade, opts: { attempts: 2 } });

    await expect(processor.process(job(0))).rejects.toThrow(/1 of 2 e-mail\(s\) failed/);
    let rows = await deliveries(x.id);
    expect(rows.find((d) => d.recipient === bounce)).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.stringMatching(/mailbox unavailable/) });
    expect(rows.find((d) => d.recipient === lonely.email)).toMatchObject({ status: 'SENT', attempts: 1 });

    await expect(processor.process(job(1))).rejects.toThrow(/1 of 2 e-mail\(s\) failed/);
    rows = await deliveries(x.id);
    expect(rows.find((d) => d.recipient === bounce)).toMatchObject({ status: 'FAILED', attempts: 2, last_error: expect.stringMatching(/mailbox unavailable/) });
    expect(rows.find((d) => d.recipient === lonely.email)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(smtp.to(lonely.email)).toHaveLength(1);
  });
});
