import { Logger } from '@nestjs/common';
import { seedDemo } from '../apps/api/src/seed/demo.js';
import { startTestApp, type TestApp } from './support/app.js';

const PASSWORD = 'jalin-demo-2026';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = async (email: string): Promise<string> => {
    const res = await t.http().post('/api/v1/auth/login').send({ email, password: PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };
  const get = (token: string, path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);

  /** Row counts of what the partnerships write: a second run must leave every one as it is. */
  const footprint = async () => {
    const [row] = await t.ds.query(
      `SELECT (SELECT count(*) FROM agreement)::int AS agreements, (SELECT count(*) FROM agreement_terms)::int AS terms,
              (SELECT count(*) FROM application WHERE status = 'ACCEPTED')::int AS accepted, (SELECT count(*) FROM obligation)::int AS obligations,
              (SELECT count(*) FROM coaching_session WHERE status <> 'SCHEDULED')::int AS sessions, (SELECT count(*) FROM progress_report)::int AS reports,
              (SELECT count(*) FROM opportunity)::int AS opportunities, (SELECT count(*) FROM application)::int AS applications`,
    );
    return row;
  };

  it('creates a believable population once, with opportunities to act on and partnerships running', async () => {
    const started = Date.now();
    const accounts = await seedDemo(t.app, new Logger('Seed'));
    const seconds = (Date.now() - started) / 1000;
    expect(accounts.length).toBeGreaterThanOrEqual(70);
    const [firms] = await t.ds.query(`SELECT count(*)::int AS n, count(DISTINCT province_code)::int AS provinces FROM organization WHERE kind = 'enterprise'`);
    expect(firms.n).toBeGreaterThanOrEqual(55);
    expect(firms.provinces).toBeGreaterThanOrEqual(6);
    const [partners] = await t.ds.query(`SELECT count(*)::int AS n, count(pic)::int AS with_pic FROM organization WHERE kind = 'partner'`);
    expect(partners).toEqual({ n: 8, with_pic: 8 });
    const staff = await t.ds.query(`SELECT role FROM app_user WHERE role IN ('MINISTRY', 'ADMIN') ORDER BY role`);
    expect(staff.map((r: { role: string }) => r.role)).toEqual(expect.arrayContaining(['ADMIN', 'MINISTRY']));
    const [opps] = await t.ds.query(`SELECT count(*)::int AS n FROM opportunity WHERE status = 'OPEN'`);
    expect(opps.n).toBe(8);
    const [apps] = await t.ds.query(`SELECT count(*)::int AS n FROM application WHERE status = 'SUBMITTED'`);
    expect(apps.n).toBeGreaterThan(0);

    // ACTIVE partnerships in several provinces (a partnership lies in its small firm's), started 4–14 months ago; one DRAFT.
    const [active] = await t.ds.query(
      `SELECT count(*)::int AS n, count(DISTINCT e.province_code)::int AS provinces, count(DISTINCT a.pattern)::int AS patterns,
              min(a.start_date)::text AS first, max(a.start_date)::text AS last,
              bool_and(a.start_date BETWEEN current_date - interval '15 months' AND current_date - interval '3 months') AS in_range
         FROM agreement a JOIN organization e ON e.id = a.enterprise_id WHERE a.status = 'ACTIVE'`,
    );
    expect(active.n).toBeGreaterThanOrEqual(4);
    expect(active.provinces).toBeGreaterThanOrEqual(3);
    expect(active.patterns).toBe(2);
    expect(active.in_range).toBe(true);
    const [{ spread }] = await t.ds.query(`SELECT ($1::date - $2::date) AS spread`, [active.last, active.first]);
    expect(spread).toBeGreaterThanOrEqual(180);
    const drafts = await t.ds.query(`SELECT id FROM agreement WHERE status = 'DRAFT'`);
    expect(drafts).toHaveLength(1);
    const [obligationsOfDraft] = await t.ds.query(`SELECT count(*)::int AS n FROM obligation WHERE agreement_id = $1`, [drafts[0].id]);
    expect(obligationsOfDraft.n).toBe(0);
    // An amendment signed by both is in force.
    const [amended] = await t.ds.query(`SELECT count(*)::int AS n FROM agreement WHERE status = 'ACTIVE' AND terms_version = 2`);
    expect(amended.n).toBe(1);
    // An accepted application still waiting for its agreement.
    const [waiting] = await t.ds.query(
      `SELECT count(*)::int AS n FROM application ap WHERE ap.status = 'ACCEPTED' AND NOT EXISTS (SELECT 1 FROM agreement a WHERE a.application_id = ap.id)`,
    );
    expect(waiting.n).toBeGreaterThanOrEqual(1);

    // Coaching: confirmed, disputed, held awaiting confirmation, and past sessions never recorded.
    const sessions: { status: string; n: number }[] = await t.ds.query(
      `SELECT status, count(*)::int AS n FROM coaching_session GROUP BY status`,
    );
    const sessionsBy = Object.fromEntries(sessions.map((r) => [r.status, r.n]));
    expect(sessionsBy.CONFIRMED).toBeGreaterThanOrEqual(3);
    expect(sessionsBy.DISPUTED).toBe(1);
    expect(sessionsBy.HELD).toBeGreaterThanOrEqual(1);
    const [missed] = await t.ds.query(`SELECT count(*)::int AS n FROM coaching_session WHERE status = 'SCHEDULED' AND scheduled_at < now()`);
    expect(missed.n).toBeGreaterThanOrEqual(1);

    // Progress reports: one accepted, one sent back, some awaiting review; filed on time and late.
    const reports: { status: string; n: number }[] = await t.ds.query(`SELECT status, count(*)::int AS n FROM progress_report GROUP BY status`);
    const reportsBy = Object.fromEntries(reports.map((r) => [r.status, r.n]));
    expect(reportsBy.ACCEPTED).toBeGreaterThanOrEqual(1);
    expect(reportsBy.REVISION_REQUESTED).toBe(1);
    expect(reportsBy.SUBMITTED).toBeGreaterThanOrEqual(1);
    const [timeliness] = await t.ds.query(
      `SELECT count(*) FILTER (WHERE (fulfilled_at AT TIME ZONE time_zone)::date <= due_date)::int AS on_time,
              count(*) FILTER (WHERE (fulfilled_at AT TIME ZONE time_zone)::date > due_date)::int AS late
         FROM obligation WHERE type = 'PROGRESS_REPORT' AND state = 'FULFILLED'`,
    );
    expect(timeliness.on_time).toBeGreaterThanOrEqual(1);
    expect(timeliness.late).toBeGreaterThanOrEqual(1);
    // Commitments confirmed and disputed by the small firms.
    const [commitments] = await t.ds.query(
      `SELECT count(*) FILTER (WHERE c.status = 'CONFIRMED')::int AS confirmed, count(*) FILTER (WHERE c.status = 'DISPUTED')::int AS disputed
         FROM commitment c JOIN agreement a ON a.id = c.agreement_id AND a.terms_version = c.terms_version`,
    );
    expect(commitments.confirmed).toBeGreaterThanOrEqual(3);
    expect(commitments.disputed).toBeGreaterThanOrEqual(2);

    // What the ministry officer sees: obligations in several statuses, OVERDUE and FULFILLED among them.
    const officer = await login('petugas@kemenperin.demo.jalin.id');
    for (const status of ['OVERDUE', 'FULFILLED', 'UPCOMING']) {
      const res = await get(officer, `/obligations?status=${status}&limit=100`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((o: { status: string }) => o.status === status)).toBe(true);
    }
    const overdueReports = await get(officer, '/obligations?status=OVERDUE&type=PROGRESS_REPORT&limit=100');
    expect(overdueReports.body.items.length).toBeGreaterThan(0);

    // A demo partner signing in finds its running partnership, and so does its small firm.
    const partner = await login('owner@gurih-nusantara-pangan.demo.jalin.id');
    const [gurih] = await t.ds.query(`SELECT id FROM organization WHERE name = 'PT Gurih Nusantara Pangan'`);
    const mine = await get(partner, '/agreements');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ status: 'ACTIVE', partnerId: gurih.id })]);
    const firm = await login('owner@kerupuk-udang-candi-jaya.demo.jalin.id');
    const theirs = await get(firm, '/agreements');
    expect(theirs.body.items.map((a: { id: string }) => a.id)).toEqual([mine.body.items[0].id]);

    // Fast enough for every first start (most of it is argon2 hashing the accounts' passwords).
    expect(seconds).toBeLessThan(60);

    // A second run changes nothing.
    const before = await footprint();
    expect(await seedDemo(t.app, new Logger('Seed'))).toEqual([]);
    expect(await footprint()).toEqual(before);
  }, 180_000);

  it('a run cut short in the partnerships is completed by the next, leaving alone partners already dealt with', async () => {
    // Undo the partnerships of two partners as if the run had stopped before reaching them (test-only SQL).
    const names = ['PT Wastra Batik Nusantara', 'PT Kopi Dataran Tinggi Sumatera'];
    const ids: string[] = (await t.ds.query(`SELECT id FROM organization WHERE name = ANY($1::text[])`, [names])).map((r: { id: string }) => r.id);
    const before = await footprint();
    await t.ds.transaction(async (m) => {
      const agreements = `SELECT id FROM agreement WHERE partner_id = ANY($1::uuid[])`;
      await m.query(`DELETE FROM evidence WHERE obligation_id IN (SELECT id FROM obligation WHERE agreement_id IN (${agreements}))`, [ids]);
      await m.query(`DELETE FROM progress_report_version WHERE report_id IN (SELECT id FROM progress_report WHERE agreement_id IN (${agreements}))`, [ids]);
      await m.query(`DELETE FROM progress_report WHERE agreement_id IN (${agreements})`, [ids]);
      await m.query(`DELETE FROM obligation WHERE agreement_id IN (${agreements})`, [ids]);
      await m.query(`DELETE FROM coaching_session WHERE agreement_id IN (${agreements})`, [ids]);
      await m.query(`DELETE FROM signature WHERE agreement_id IN (${agreements})`, [ids]);
      await m.query(`DELETE FROM commitment WHERE agreement_id IN (${agreements})`, [ids]);
      await m.query(`DELETE FROM coaching_plan_item WHERE agreement_id IN (${agreements})`, [ids]);
      await m.query(`DELETE FROM agreement_terms WHERE agreement_id IN (${agreements})`, [ids]);
      await m.query(`DELETE FROM agreement WHERE partner_id = ANY($1::uuid[])`, [ids]);
      await m.query(
        `UPDATE application SET status = 'SUBMITTED', decided_at = NULL, decided_by = NULL, decision_note = NULL WHERE partner_id = ANY($1::uuid[]) AND status = 'ACCEPTED'`,
        [ids],
      );
      await m.query(`UPDATE opportunity SET accepted_count = 0 WHERE partner_id = ANY($1::uuid[])`, [ids]);
    });
    expect((await footprint()).agreements).toBe(before.agreements - 2);

    expect(await seedDemo(t.app, new Logger('Seed'))).toEqual([]);
    expect(await footprint()).toEqual(before);
    const [row] = await t.ds.query(`SELECT count(*)::int AS n FROM agreement WHERE partner_id = ANY($1::uuid[]) AND status = 'ACTIVE'`, [ids]);
    expect(row.n).toBe(2);
  }, 120_000);
});
