/**
 * Reminders end to end, in-process: the real worker (BullMQ on the shared Redis under this suite's
 * prefix), a real SMTP server started here and the API for what users read. Time is driven through
 * the sweep's `now` (`WorkerRuntime.sweepReminders(now)`), never by waiting; the fake days lie in
 * 2031, so the scheduler's own sweeps on the real clock find nothing of this suite's.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { WorkerRuntime } from '../apps/worker/src/worker.runtime.js';
import { activeAgreement } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, partnerProfile, PASSWORD, type Session } from './support/factory.js';
import { opportunities } from './support/opportunities.js';
import { keyOf, ledger, sqlObligation, sqlOfficer, sqlOrg, until } from './support/reminders.js';
import { startSmtpSink, type SmtpSink } from './support/smtp.js';

const tag = () => randomBytes(3).toString('hex');
/** The raw message with its base64 parts decoded as well (nodemailer picks base64 for text with many non-ASCII characters). */
const readable = (raw: string) =>
  raw + [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:\r?\n)?([A-Za-z0-9+/=\r\n]+)/gi)].map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8')).join('\n');
const deliveryIds = (smtp: SmtpSink) => smtp.messages.map((m) => /X-Jalin-Delivery: ([0-9a-f-]+)/i.exec(m.raw)?.[1] ?? '?');

describe('reminders', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let runtime: WorkerRuntime;
  let f: ReturnType<typeof factory>;
  let officerJatim: { id: string; email: string };
  let officerAll: { id: string; email: string };

  const startWorker = async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    runtime = worker.get(WorkerRuntime);
  };
  const sweep = (iso: string) => runtime.sweepReminders(new Date(iso));
  const drained = () =>
    until('every reminder delivered', async () => {
      const [x] = await t.ds.query(`SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending FROM reminders`);
      return x.pending === 0;
    });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      WORKER_HEALTH_PORT: '0',
      APP_URL: 'https://jalin.test',
      REMINDER_SWEEP_INTERVAL_SECONDS: '86400',
      MAIL_FROM: 'Jalin <no-reply@test.jalin.id>',
    });
    await startWorker();
    f = factory(t);
    officerJatim = await sqlOfficer(t.ds, ['35']);
    officerAll = await sqlOfficer(t.ds, []);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('D−14, D−3, D0, D+1, D+7: each window once however often the sweep runs, to members and PIC, in each reader’s language; D+7 also to the officers watching the province', async () => {
    const picI = `pic-${tag()}@test.jalin.id`;
    const partnerI = await f.partner({ pic: { name: 'Pic Jatim', position: 'Manajer', email: picI, phone: '+62 811 222 333' } });
    const enEmail = `en-${tag()}@test.jalin.id`;
    const reg = await t.http().post('/api/v1/auth/register').send({
      email: enEmail, password: PASSWORD, fullName: 'English Reader', locale: 'en',
      organization: partnerProfile({ regionCode: '73.71', pic: { name: 'Pic Sulsel', position: 'Manager', email: enEmail, phone: '+62 811 222 334' } }),
    });
    expect(reg.status).toBe(201);
    const partnerE: Session = { ...reg.body, email: enEmail };
    const oI = await sqlObligation(t.ds, partnerI.organization!.id, '2031-03-20', { title: 'Laporan perkembangan kemitraan Triwulan I 2031' });
    const oE = await sqlObligation(t.ds, partnerE.organization!.id, '2031-03-20', { timeZone: 'Asia/Makassar', title: 'Laporan perkembangan kemitraan Triwulan I 2031' });
    const mine = `target_id IN ('${oI}', '${oE}')`;

    const expected: string[] = [];
    const windows: [string, number][] = [['2031-03-06', -14], ['2031-03-17', -3], ['2031-03-20', 0], ['2031-03-21', 1], ['2031-03-27', 7]];
    for (const [day, window] of windows) {
      const at = `${day}T02:00:00Z`; // 09:00 WIB, 10:00 WITA
      const first = await sweep(at);
      expect(first.created).toBeGreaterThanOrEqual(5);
      expect((await sweep(at)).created).toBe(0);
      expect((await sweep(`${day}T05:00:00Z`)).created).toBe(0);
      const kind = window <= 0 ? 'OBLIGATION_DUE' : 'OBLIGATION_OVERDUE';
      expected.push(
        keyOf({ target_id: oI, kind, window_days: window, recipient: partnerI.user.id, channel: 'IN_APP' }),
        keyOf({ target_id: oI, kind, window_days: window, recipient: partnerI.email, channel: 'EMAIL' }),
        keyOf({ target_id: oI, kind, window_days: window, recipient: picI, channel: 'EMAIL' }),
        // The PIC of partnerE is its member: one e-mail, not two.
        keyOf({ target_id: oE, kind, window_days: window, recipient: partnerE.user.id, channel: 'IN_APP' }),
        keyOf({ target_id: oE, kind, window_days: window, recipient: enEmail, channel: 'EMAIL' }),
      );
      if (window === 7) {
        // Jawa Timur has an officer of its own; Sulawesi Selatan has none, so the officer without a limit hears of it.
        for (const [o, officer] of [[oI, officerJatim], [oE, officerAll]] as const) {
          expected.push(
            keyOf({ target_id: o, kind: 'OBLIGATION_ESCALATION', window_days: 7, recipient: officer.id, channel: 'IN_APP' }),
            keyOf({ target_id: o, kind: 'OBLIGATION_ESCALATION', window_days: 7, recipient: officer.email, channel: 'EMAIL' }),
          );
        }
      }
      await drained();
      expect((await ledger(t.ds, mine)).map(keyOf).sort()).toEqual([...expected].sort());
    }
    const rows = await ledger(t.ds, mine);
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
    // send_at is 08:00 in the recipient's zone on the window's day.
    expect(rows.find((r) => r.target_id === oE && r.window_days === -3)?.send_at.toISOString()).toBe('2031-03-17T00:00:00.000Z');
    expect(rows.find((r) => r.target_id === oI && r.window_days === -3)?.send_at.toISOString()).toBe('2031-03-17T01:00:00.000Z');

    // Nobody got a window twice.
    expect(smtp.to(partnerI.email)).toHaveLength(5);
    expect(smtp.to(picI)).toHaveLength(5);
    expect(smtp.to(enEmail)).toHaveLength(5);
    expect(smtp.to(officerJatim.email)).toHaveLength(1);
    expect(smtp.to(officerAll.email)).toHaveLength(1);
    const ids = deliveryIds(smtp);
    expect(new Set(ids).size).toBe(ids.length);

    // E-mail: Indonesian to the Indonesian reader, English to the English one, both with the link.
    const [idMail] = smtp.to(partnerI.email);
    expect(readable(idMail.raw)).toContain('Pengingat: kewajiban jatuh tempo dalam 14 hari');
    expect(readable(idMail.raw)).toContain(`Buka di Jalin: https://jalin.test/obligations/${oI}`);
    expect(idMail.raw).toMatch(/Content-Type: text\/html/i);
    const [enMail] = smtp.to(enEmail);
    expect(readable(enMail.raw)).toContain('Reminder: partnership progress report due in 14 days');
    expect(readable(enMail.raw)).toContain(`Open in Jalin: https://jalin.test/obligations/${oE}`);
    expect(readable(enMail.raw)).not.toContain('Pengingat');

    // In-app: the same reminder reads in each reader's language.
    const en = await t.http().get('/api/v1/notifications?limit=20').set(bearer(partnerE));
    expect(en.status).toBe(200);
    const enTitles = en.body.items.map((n: { title: string }) => n.title);
    expect(enTitles).toEqual(expect.arrayContaining(['Reminder: partnership progress report due in 14 days', 'Overdue by 7 days: partnership progress report']));
    expect(en.body.items.every((n: { kind: string }) => n.kind.startsWith('REMINDER_'))).toBe(true);
    const id = await t.http().get('/api/v1/notifications?limit=20').set(bearer(partnerI));
    expect(id.body.items.map((n: { title: string }) => n.title)).toContain('Pengingat: kewajiban jatuh tempo dalam 14 hari — Laporan perkembangan kemitraan Triwulan I 2031');
    expect(id.body.items).toHaveLength(5);

    // The delivery log has a row per ledger row, in-app ones included.
    const [log] = await t.ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE d.channel = 'IN_APP' AND d.notification_id IS NOT NULL)::int AS in_app, bool_and(d.status = 'SENT') AS sent
         FROM delivery d JOIN reminders r ON r.id = d.reminder_id WHERE r.${mine}`,
    );
    expect(log).toEqual({ n: expected.length, in_app: expected.filter((k) => k.endsWith('|IN_APP')).length, sent: true });
  });

  it('08:00 in the recipient organisation’s own zone (WIT before WITA before WIB), and never at night', async () => {
    const wib = await sqlOrg(t.ds, 'partner', '35.78');
    const wita = await sqlOrg(t.ds, 'partner', '73.71');
    const wit = await sqlOrg(t.ds, 'partner', '91.71');
    const ids = {
      wib: await sqlObligation(t.ds, wib.id, '2031-05-20'),
      wita: await sqlObligation(t.ds, wita.id, '2031-05-20', { timeZone: 'Asia/Makassar' }),
      wit: await sqlObligation(t.ds, wit.id, '2031-05-20', { timeZone: 'Asia/Jayapura' }),
    };
    const windowOf = async (id: string) => (await ledger(t.ds, 'target_id = $1', [id])).map((r) => `${r.window_days}@${r.send_at.toISOString()}`);

    await sweep('2031-05-16T22:59:00Z'); // 07:59 WIT on 17 May (D−3)
    expect(await windowOf(ids.wit)).toEqual([]);
    await sweep('2031-05-16T23:30:00Z'); // 08:30 WIT, 07:30 WITA, 06:30 WIB
    expect(await windowOf(ids.wit)).toEqual(['-3@2031-05-16T23:00:00.000Z', '-3@2031-05-16T23:00:00.000Z']);
    expect(await windowOf(ids.wita)).toEqual([]);
    expect(await windowOf(ids.wib)).toEqual([]);
    await sweep('2031-05-17T00:00:00Z'); // 08:00 WITA
    expect(await windowOf(ids.wita)).toEqual(['-3@2031-05-17T00:00:00.000Z', '-3@2031-05-17T00:00:00.000Z']);
    expect(await windowOf(ids.wib)).toEqual([]);
    await sweep('2031-05-17T01:00:00Z'); // 08:00 WIB
    expect(await windowOf(ids.wib)).toEqual(['-3@2031-05-17T01:00:00.000Z', '-3@2031-05-17T01:00:00.000Z']);

    // Created in the evening: nothing at 21:30 local; the next morning at 08:00 the same window goes out.
    const night = await sqlOrg(t.ds, 'partner', '35.78');
    const late = await sqlObligation(t.ds, night.id, '2031-05-20');
    await sweep('2031-05-17T14:30:00Z'); // 21:30 WIB
    expect(await windowOf(late)).toEqual([]);
    await sweep('2031-05-18T00:30:00Z'); // 07:30 WIB
    expect(await windowOf(late)).toEqual([]);
    await sweep('2031-05-18T01:05:00Z');
    expect(await windowOf(late)).toEqual(['-3@2031-05-17T01:00:00.000Z', '-3@2031-05-17T01:00:00.000Z']);
    await drained();
  });

  it('only the most recent window: created on its due day → D0 only; found 8 days overdue → D+7 only, to the partner and the watching officers', async () => {
    const jatim = await sqlOrg(t.ds, 'partner', '35.78', ['id'], null);
    const papua = await sqlOrg(t.ds, 'partner', '91.71', ['en'], null);
    const today = await sqlObligation(t.ds, jatim.id, '2031-06-10');
    const overdue = await sqlObligation(t.ds, jatim.id, '2031-06-02');
    const overduePapua = await sqlObligation(t.ds, papua.id, '2031-06-02', { timeZone: 'Asia/Jayapura' });
    await sweep('2031-06-10T03:00:00Z'); // 10:00 WIB, 12:00 WIT
    const rows = (id: string) => ledger(t.ds, 'target_id = $1', [id]).then((rs) => rs.map((r) => `${r.kind} ${r.window_days} ${r.channel} ${r.recipient}`).sort());
    expect(await rows(today)).toEqual([`OBLIGATION_DUE 0 EMAIL ${jatim.members[0].email}`, `OBLIGATION_DUE 0 IN_APP ${jatim.members[0].id}`]);
    expect(await rows(overdue)).toEqual([
      `OBLIGATION_ESCALATION 7 EMAIL ${officerJatim.email}`,
      `OBLIGATION_ESCALATION 7 IN_APP ${officerJatim.id}`,
      `OBLIGATION_OVERDUE 7 EMAIL ${jatim.members[0].email}`,
      `OBLIGATION_OVERDUE 7 IN_APP ${jatim.members[0].id}`,
    ]);
    expect(await rows(overduePapua)).toEqual([
      `OBLIGATION_ESCALATION 7 EMAIL ${officerAll.email}`,
      `OBLIGATION_ESCALATION 7 IN_APP ${officerAll.id}`,
      `OBLIGATION_OVERDUE 7 EMAIL ${papua.members[0].email}`,
      `OBLIGATION_OVERDUE 7 IN_APP ${papua.members[0].id}`,
    ]);
    await drained();
    // Fulfilled before its next window: nothing more, and a pending row of it is cancelled.
    await t.ds.query(`UPDATE obligation SET state = 'FULFILLED', fulfilled_at = now() WHERE id = $1`, [today]);
    await sweep('2031-06-11T03:00:00Z');
    expect(await rows(today)).toHaveLength(2);
  });

  it('coaching sessions: D−7 and D−1 to both parties, D+2 to the partner while attendance is not recorded, D+5 to the small firm while it has not confirmed', async () => {
    const pic = `pic-${tag()}@test.jalin.id`;
    const partner = await f.partner({ pic: { name: 'Pic Sesi', position: 'Manajer', email: pic, phone: '+62 811 222 335' } });
    const firm = await f.enterprise({ regionCode: '73.71' });
    const agreement = await activeAgreement(t, partner, firm, { startDate: '2031-01-01', endDate: '2031-12-31' });
    // Only the session's reminders matter here.
    await t.ds.query(`UPDATE obligation SET state = 'CANCELLED', cancelled_at = now() WHERE agreement_id = $1`, [agreement.id]);
    const [s] = await t.ds.query(
      `INSERT INTO coaching_session (agreement_id, aspect, activity, topic, scheduled_at, location) VALUES ($1, 'MARKETING', 'Pameran', 'Pengemasan produk', '2031-08-20T03:00:00Z', 'Surabaya') RETURNING id`,
      [agreement.id],
    );
    const rows = async () => (await ledger(t.ds, 'target_id = $1', [s.id])).filter((r) => r.channel === 'EMAIL').map((r) => `${r.kind} ${r.window_days} ${r.recipient}`).sort();

    await sweep('2031-08-13T02:00:00Z');
    await sweep('2031-08-19T02:00:00Z');
    await sweep('2031-08-22T02:00:00Z'); // D+2, still SCHEDULED
    await drained();
    expect(await rows()).toEqual([
      `SESSION_ATTENDANCE 2 ${partner.email}`,
      `SESSION_ATTENDANCE 2 ${pic}`,
      `SESSION_UPCOMING -1 ${firm.email}`,
      `SESSION_UPCOMING -1 ${partner.email}`,
      `SESSION_UPCOMING -1 ${pic}`,
      `SESSION_UPCOMING -7 ${firm.email}`,
      `SESSION_UPCOMING -7 ${partner.email}`,
      `SESSION_UPCOMING -7 ${pic}`,
    ].sort());
    await t.ds.query(`UPDATE coaching_session SET status = 'HELD', attendance_recorded_at = now() WHERE id = $1`, [s.id]);
    await sweep('2031-08-25T02:00:00Z'); // D+5, HELD, not confirmed
    await t.ds.query(`UPDATE coaching_session SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [s.id]);
    await sweep('2031-08-26T02:00:00Z');
    await drained();
    expect((await rows()).filter((r) => r.startsWith('SESSION_CONFIRMATION'))).toEqual([`SESSION_CONFIRMATION 5 ${firm.email}`]);
    const [confirmation] = await t.ds.query(`SELECT id FROM reminders WHERE target_id = $1 AND kind = 'SESSION_CONFIRMATION' AND channel = 'EMAIL'`, [s.id]);
    const mail = smtp.to(firm.email).find((m) => m.raw.includes(confirmation.id));
    expect(readable(mail?.raw ?? '')).toContain('Mohon konfirmasi sesi pembinaan');
    expect(readable(mail?.raw ?? '')).toContain(`https://jalin.test/coaching-sessions/${s.id}`);
  });

  it('a user who turned reminder e-mail off (preference kind REMINDER) gets them in-app only; turning it off cancels a pending e-mail', async () => {
    const partner = await f.partner({ pic: null });
    const put = await t.http().put('/api/v1/notifications/preferences').set(bearer(partner)).send({ items: [{ kind: 'REMINDER', email: false }] });
    expect(put.status).toBe(200);
    const o = await sqlObligation(t.ds, partner.organization!.id, '2031-07-20');
    await sweep('2031-07-06T02:00:00Z');
    await drained();
    expect((await ledger(t.ds, 'target_id = $1', [o])).map((r) => r.channel)).toEqual(['IN_APP']);
    expect(smtp.to(partner.email)).toHaveLength(0);

    // A pending e-mail row (created while Redis could not take it, say) is cancelled once its recipient opts out.
    const other = await sqlOrg(t.ds, 'partner', '35.78');
    const o2 = await sqlObligation(t.ds, other.id, '2031-07-20');
    await t.ds.query(
      `INSERT INTO reminders (target_type, target_id, kind, window_days, recipient_user_id, recipient, channel, locale, time_zone, send_at, params)
       VALUES ('obligation', $1, 'OBLIGATION_DUE', -14, $2, $3, 'EMAIL', 'id', 'Asia/Jakarta', '2031-07-06T01:00:00Z', '{}')`,
      [o2, other.members[0].id, other.members[0].email],
    );
    await t.ds.query(`INSERT INTO notification_preference (user_id, kind, email_enabled) VALUES ($1, 'REMINDER_OBLIGATION_DUE', false)`, [other.members[0].id]);
    const res = await sweep('2031-07-06T03:00:00Z');
    expect(res.cancelled).toBe(1);
    const after = await ledger(t.ds, 'target_id = $1', [o2]);
    expect(after.map((r) => `${r.channel} ${r.channel === 'EMAIL' ? r.status : 'made'}`).sort()).toEqual(['EMAIL CANCELLED', 'IN_APP made']);
    await drained();
  });

  it('notifications written in Indonesian read in English for an en user, in-app and by e-mail; Indonesian readers see them unchanged', async () => {
    const email = `en-${tag()}@test.jalin.id`;
    const reg = await t.http().post('/api/v1/auth/register').send({
      email, password: PASSWORD, fullName: 'English Partner', locale: 'en',
      organization: partnerProfile({ pic: { name: 'Pic', position: 'Manager', email, phone: '+62 811 222 336' } }),
    });
    const partner: Session = { ...reg.body, email };
    const firm = await f.enterprise();
    const o = opportunities(t);
    const opp = await o.open(partner, { title: 'Pemasok keripik tempe' });
    const app = await o.apply(firm, opp.id);
    const list = await t.http().get('/api/v1/notifications').set(bearer(partner));
    const n = list.body.items.find((x: { entityId: string }) => x.entityId === app.id);
    expect(n).toMatchObject({ kind: 'APPLICATION_SUBMITTED', title: 'New application for “Pemasok keripik tempe”' });
    expect(n.body).toMatch(/applied for the partnership opportunity “Pemasok keripik tempe”\.$/);
    const [stored] = await t.ds.query(`SELECT title FROM notification WHERE id = $1`, [n.id]);
    expect(stored.title).toBe('Lamaran baru untuk “Pemasok keripik tempe”');
    const read = await t.http().post(`/api/v1/notifications/${n.id}/read`).set(bearer(partner)).send({});
    expect(read.body.title).toBe('New application for “Pemasok keripik tempe”');
    const mail = await until('the English e-mail', async () => smtp.to(email).find((m) => readable(m.raw).includes('New application for')));
    expect(readable(mail.raw)).toContain('There is a new notification for you on Jalin');
    expect(readable(mail.raw)).not.toContain('Lamaran baru');
    // The small firm (Indonesian) reads its decision in Indonesian.
    await t.http().post(`/api/v1/applications/${app.id}/accept`).set(bearer(partner)).send({});
    const firmList = await t.http().get('/api/v1/notifications').set(bearer(firm));
    expect(firmList.body.items.map((x: { title: string }) => x.title)).toContain('Lamaran Anda diterima');
  });

  it('restarting the worker mid-run sends nothing twice and misses nothing', async () => {
    const orgs = await Promise.all(Array.from({ length: 120 }, () => sqlOrg(t.ds, 'partner', '35.78')));
    const targets = await Promise.all(orgs.map((o) => sqlObligation(t.ds, o.id, '2031-09-20')));
    const before = smtp.messages.length;
    const res = await sweep('2031-09-06T02:00:00Z');
    // The 120 in-app reminders were delivered by the sweep itself; the 120 e-mails are 6 jobs of 20
    // (the test worker runs 4 at a time, so a graceful stop leaves some behind).
    expect(res).toMatchObject({ created: 240, deliveredInApp: 120, enqueued: 120 });
    // Stop as soon as some e-mails are out (a graceful stop: jobs in hand finish), then start a fresh worker.
    const emailsSent = async () => (await ledger(t.ds, `status = 'SENT' AND channel = 'EMAIL' AND target_id = ANY($1)`, [targets])).length;
    await until('a first few e-mails delivered', async () => (await emailsSent()) >= 5, 20_000, 5);
    await worker.close();
    const mid = await emailsSent();
    await startWorker();
    await sweep('2031-09-06T02:10:00Z'); // re-enqueues nothing new: the jobs are still in Redis
    await drained();
    const rows = await ledger(t.ds, 'target_id = ANY($1)', [targets]);
    expect(rows).toHaveLength(240);
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
    // (Outbox e-mails of earlier tests may still arrive meanwhile: count only this test's recipients.)
    const mine = new Set(orgs.map((o) => o.members[0].email));
    const fresh = smtp.messages.slice(before).filter((m) => m.to.some((a) => mine.has(a)));
    expect(fresh).toHaveLength(120);
    const ids = deliveryIds({ ...smtp, messages: fresh });
    expect(new Set(ids).size).toBe(120);
    const [n] = await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE entity_id = ANY($1)`, [targets]);
    expect(n.n).toBe(120);
    expect(mid).toBeLessThan(120);
  });
});
