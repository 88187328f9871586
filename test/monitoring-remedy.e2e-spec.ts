/**
 * A monitoring case's remedy as an obligation: the conclusion with a violation opens a CASE_REMEDY
 * obligation of the partner (due on the remedy due date, in the partner's zone, linked by caseId),
 * the partner sees it in GET /obligations, evidence alone does not fulfil it, the remedy report on
 * the case does, and the reminder sweep chases it like any open obligation (D−3 to the partner's
 * members, time moved through the sweep's `now`).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { WorkerRuntime } from '../apps/worker/src/worker.runtime.js';
import { refreshMonitoringFigures } from '../libs/monitoring/src/index.js';
import { currentPeriod } from './support/agreements.js';
import { activeAgreement, plusDays, todayIn } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import { ledger } from './support/reminders.js';
import { startSmtpSink, type SmtpSink } from './support/smtp.js';

type Json = Record<string, unknown> & { id: string; status: string; version: number };

describe('monitoring cases: the remedy as an obligation, and its reminders', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let runtime: WorkerRuntime;
  let officer: Session;
  let partner: Session;
  let firm: Session;
  let otherPartner: Session;
  let agreementId: string;
  let today: string;
  let rid = 0;
  const requestId = () => `remedy-${Date.now()}-${rid++}`;

  const post = (s: Session, path: string, body: object = {}, id = requestId()) => t.http().post(path).set(bearer(s)).set('X-Request-Id', id).send(body);
  const get = (s: Session, path: string) => t.http().get(path).set(bearer(s));
  const auditFor = (id: string) => t.ds.query(`SELECT action, entity_id AS "entityId", diff FROM audit_log WHERE request_id = $1`, [id]);
  const expectOk = (res: { status: number; body: unknown }, status: number) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body as Json;
  };
  const remedyObligations = (caseId: string): Promise<{ id: string; state: string; fulfilled_at: Date | null; cancelled_at: Date | null }[]> =>
    t.ds.query(`SELECT id, state, fulfilled_at, cancelled_at FROM obligation WHERE case_id = $1 ORDER BY created_at`, [caseId]);
  const activeCase = async (body: Record<string, unknown>): Promise<Json> => {
    const c = expectOk(await post(officer, '/api/v1/monitoring/cases', { reason: 'Sanggahan pembayaran berulang', periodFrom: '2026-07-01', periodTo: '2026-09-30', ...body }), 201);
    return expectOk(await post(officer, `/api/v1/monitoring/cases/${c.id}/open`), 200);
  };
  const conclude = (c: Json, dueDate: string, id = requestId(), over: Record<string, unknown> = {}) =>
    post(officer, `/api/v1/monitoring/cases/${c.id}/conclusion`, {
      violation: true, violationType: 'LATE_PAYMENT', requiredRemedy: 'Lunasi tagihan tertunda', remedyDueDate: dueDate, note: 'Terbukti terlambat 45 hari', version: c.version, ...over,
    }, id);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      WORKER_HEALTH_PORT: '0',
      APP_URL: 'https://jalin.test',
      REMINDER_SWEEP_INTERVAL_SECONDS: '86400',
      MAIL_FROM: 'Jalin <no-reply@test.jalin.id>',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    runtime = worker.get(WorkerRuntime);
    const f = factory(t);
    [officer, partner, firm, otherPartner] = await Promise.all([f.ministry(), f.partner(), f.enterprise(), f.partner()]);
    const { startDate, endDate } = currentPeriod();
    agreementId = (await activeAgreement(t, partner, firm, { startDate, endDate, commitments: [{ type: 'PRODUCTION_WORK', description: 'Pesanan' }] })).id;
    today = await todayIn(t, 'Asia/Jakarta');
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('a conclusion with a violation opens a CASE_REMEDY obligation in the same request; the remedy report fulfils it', async () => {
    const c = await activeCase({ agreementId });
    const due = plusDays(today, 30);
    const concludeId = requestId();
    const concluded = expectOk(await conclude(c, due, concludeId), 200);
    expect(concluded.status).toBe('ADDRESSED');

    const [o] = await remedyObligations(c.id);
    expect(o).toMatchObject({ state: 'OPEN' });
    const [{ zone }] = await t.ds.query(`SELECT coalesce(r.time_zone, 'Asia/Jakarta') AS zone FROM organization p LEFT JOIN region r ON r.code = p.province_code WHERE p.id = $1`, [partner.organization!.id]);
    // one audit record for the request: the case's, naming the obligation it opened
    const audit = await auditFor(concludeId);
    expect(audit).toEqual([expect.objectContaining({ action: 'monitoring_case.address', entityId: c.id })]);
    expect(audit[0].diff.remedyObligationId).toEqual({ before: null, after: o.id });

    // the partner sees it in its obligations, with the case linked
    const mine = expectOk(await get(partner, `/api/v1/obligations?type=CASE_REMEDY&agreementId=${agreementId}`), 200) as unknown as { items: Json[] };
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: o.id, type: 'CASE_REMEDY', caseId: c.id, agreementId, partnerId: partner.organization!.id, enterpriseId: firm.organization!.id, owedBy: 'PARTNER',
        title: `Laporan pemulihan kasus ${c.number}: Lunasi tagihan tertunda`, legalBasis: 'PP 44/1997 Pasal 14 huruf d', dueDate: due, timeZone: zone,
        status: 'UPCOMING', fulfilledAt: null,
      }),
    ]);
    // the small firm of the agreement sees it too; another partner does not
    expect((expectOk(await get(firm, `/api/v1/obligations?type=CASE_REMEDY`), 200) as unknown as { items: Json[] }).items.map((x) => x.id)).toEqual([o.id]);
    expect((expectOk(await get(otherPartner, `/api/v1/obligations?type=CASE_REMEDY`), 200) as unknown as { items: Json[] }).items).toEqual([]);
    expect((await get(otherPartner, `/api/v1/obligations/${o.id}`)).status).toBe(404);

    // evidence is kept but does not fulfil it (as with a progress report): the case's remedy report does
    const ev = expectOk(await post(partner, `/api/v1/obligations/${o.id}/evidence`, { note: 'Bukti transfer pelunasan' }), 201);
    expect(ev).toMatchObject({ status: 'UPCOMING', fulfilledAt: null, evidence: [expect.objectContaining({ note: 'Bukti transfer pelunasan' })] });

    const reportId = requestId();
    expectOk(await post(partner, `/api/v1/cases/${c.id}/remedy-report`, { summary: 'Tagihan dilunasi pada 3 Maret.' }, reportId), 201);
    const [after] = await remedyObligations(c.id);
    expect(after).toMatchObject({ id: o.id, state: 'FULFILLED', fulfilled_at: expect.any(Date), cancelled_at: null });
    const reportAudit = await auditFor(reportId);
    expect(reportAudit).toEqual([expect.objectContaining({ action: 'monitoring_case.remedy_report', entityId: c.id })]);
    expect(reportAudit[0].diff.fulfilledObligationIds).toEqual({ before: null, after: [o.id] });
    expect(expectOk(await get(partner, `/api/v1/obligations/${o.id}`), 200)).toMatchObject({ status: 'FULFILLED', fulfilledAt: expect.any(String) });

    // a second report (the officer asked for more) changes nothing on the obligation; completing keeps it FULFILLED
    expectOk(await post(partner, `/api/v1/cases/${c.id}/remedy-report`, { summary: 'Jadwal pembayaran baru terlampir.' }), 201);
    const done = expectOk(await post(officer, `/api/v1/monitoring/cases/${c.id}/complete`, { note: 'Perbaikan diterima' }), 200);
    expect(done.status).toBe('COMPLETED');
    expect(await remedyObligations(c.id)).toEqual([expect.objectContaining({ id: o.id, state: 'FULFILLED' })]);
  });

  it('no violation, a cancelled case, or a refused conclusion: no remedy obligation', async () => {
    const declined = await activeCase({ agreementId });
    expectOk(await post(officer, `/api/v1/monitoring/cases/${declined.id}/conclusion`, { violation: false, note: 'Tidak terbukti', version: declined.version }), 200);
    expect(await remedyObligations(declined.id)).toEqual([]);

    const cancelled = await activeCase({ agreementId });
    expectOk(await post(officer, `/api/v1/monitoring/cases/${cancelled.id}/cancel`, { reason: 'Dibuka ganda' }), 200);
    expect(await remedyObligations(cancelled.id)).toEqual([]);

    // a remedy due date in the past is 400 and writes nothing (the obligation included)
    const refused = await activeCase({ agreementId });
    expect((await conclude(refused, plusDays(today, -2))).status).toBe(400);
    expect(await remedyObligations(refused.id)).toEqual([]);
  });

  it('a case on the partner as a whole: the obligation has no agreement and no small firm; the case legal basis follows the violation type', async () => {
    const c = await activeCase({ partnerId: partner.organization!.id });
    expectOk(await conclude(c, plusDays(today, 10), requestId(), { violationType: 'NO_PIC', requiredRemedy: 'Tunjuk penanggung jawab kemitraan' }), 200);
    const [o] = await remedyObligations(c.id);
    const view = expectOk(await get(partner, `/api/v1/obligations/${o.id}`), 200);
    expect(view).toMatchObject({ type: 'CASE_REMEDY', caseId: c.id, agreementId: null, enterpriseId: null, legalBasis: 'PP 44/1997 Pasal 14 huruf c', status: 'UPCOMING' });
    expect((await get(firm, `/api/v1/obligations/${o.id}`)).status).toBe(404);

    // from a finding: the finding's rule names the basis, whatever the violation type
    const [f] = await t.ds.query(
      `INSERT INTO finding (rule_code, severity, subject_type, subject_id, partner_id, enterprise_id, agreement_id, details)
       VALUES ('PROGRESS_REPORT_OVERDUE_30D', 'HIGH', 'AGREEMENT', $1, $2, $3, $1, '{}') RETURNING id`,
      [agreementId, partner.organization!.id, firm.organization!.id],
    );
    const fromFinding = await activeCase({ findingId: f.id });
    expectOk(await conclude(fromFinding, plusDays(today, 10), requestId(), { violationType: 'OTHER' }), 200);
    const [fo] = await remedyObligations(fromFinding.id);
    expect(expectOk(await get(partner, `/api/v1/obligations/${fo.id}`), 200)).toMatchObject({ legalBasis: 'PP 44/1997 Pasal 14 huruf b', agreementId });
  });

  it('the reminder sweep sends the D−3 reminder of a remedy due date to the partner’s members, through the worker’s policy', async () => {
    const c = await activeCase({ agreementId });
    const due = plusDays(today, 20);
    expectOk(await conclude(c, due), 200);
    const [o] = await remedyObligations(c.id);

    // three days before the due date, 09:00 WIB (10:00 WITA, 11:00 WIT): the D−3 window is due everywhere
    await runtime.sweepReminders(new Date(`${plusDays(due, -3)}T02:00:00Z`));
    const rows = await ledger(t.ds, `target_id = $1`, [o.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.kind === 'OBLIGATION_DUE' && r.window_days === -3)).toBe(true);
    const [{ members }] = await t.ds.query(`SELECT array_agg(id::text ORDER BY id) AS members FROM app_user WHERE organization_id = $1`, [partner.organization!.id]);
    expect([...new Set(rows.filter((r) => r.channel === 'IN_APP').map((r) => r.recipient_user_id))].sort()).toEqual(members);
    expect(members).toContain(partner.user.id);
    expect(rows.some((r) => r.channel === 'EMAIL' && r.recipient === partner.email)).toBe(true);
    // the in-app notice went out with the obligation's title
    const notes: { title: string }[] = await t.ds.query(`SELECT title FROM notification WHERE user_id = $1 AND kind = 'REMINDER_OBLIGATION_DUE' AND entity_id = $2`, [partner.user.id, o.id]);
    expect(notes).toEqual([{ title: expect.stringContaining(`Laporan pemulihan kasus ${c.number}`) }]);

    // once the remedy report is filed, the obligation is FULFILLED and the D0 window never comes
    expectOk(await post(partner, `/api/v1/cases/${c.id}/remedy-report`, { summary: 'Tagihan dilunasi.' }), 201);
    await runtime.sweepReminders(new Date(`${due}T02:00:00Z`));
    expect((await ledger(t.ds, `target_id = $1 AND window_days = 0`, [o.id])).length).toBe(0);
  });

  it('figures and exports: a remedy on an agreement counts as the partner’s obligation, overdue included; CSV lists it, OCDS makes it a reporting milestone', async () => {
    const c = await activeCase({ agreementId });
    expectOk(await conclude(c, plusDays(today, 5)), 200);
    const [o] = await remedyObligations(c.id);

    const csv = await t.http().get('/api/v1/monitoring/export?format=csv&dataset=obligations').set(bearer(officer));
    expect(csv.status).toBe(200);
    const line = csv.text.split('\r\n').find((l) => l.includes(o.id));
    expect(line).toEqual(expect.stringContaining(',CASE_REMEDY,'));
    expect(line).toEqual(expect.stringContaining(`Laporan pemulihan kasus ${c.number}`));

    const ocds = await t.http().get('/api/v1/monitoring/export?format=ocds').set(bearer(officer));
    expect(ocds.status).toBe(200);
    const milestones = (JSON.parse(ocds.text) as { releases: { contracts?: { implementation?: { milestones?: Record<string, unknown>[] } }[] }[] }).releases
      .flatMap((r) => r.contracts ?? []).flatMap((k) => k.implementation?.milestones ?? []);
    expect(milestones.find((x) => x.id === o.id)).toMatchObject({ type: 'reporting', code: 'CASE_REMEDY', status: 'scheduled', description: 'PP 44/1997 Pasal 14 huruf d' });

    // time passes (the due date moves into the past): the remedy is overdue in the figures, under its own type
    const [{ zone }] = await t.ds.query(`SELECT time_zone AS zone FROM obligation WHERE id = $1`, [o.id]);
    await t.ds.query(`UPDATE obligation SET due_date = $2 WHERE id = $1`, [o.id, plusDays(await todayIn(t, zone), -3)]);
    await refreshMonitoringFigures(t.ds);
    const overdue = await t.http().get('/api/v1/monitoring/overdue?type=CASE_REMEDY&limit=100').set(bearer(officer));
    expect(overdue.status).toBe(200);
    expect((overdue.body as { items: { obligationId: string; type: string; daysOverdue: number }[] }).items).toEqual([
      expect.objectContaining({ obligationId: o.id, type: 'CASE_REMEDY', daysOverdue: 3 }),
    ]);
  });

  it('the agreement’s termination cancels its other open obligations but not the remedy owed on a case', async () => {
    const { startDate, endDate } = currentPeriod();
    const own = (await activeAgreement(t, partner, firm, { startDate, endDate, commitments: [{ type: 'PRODUCTION_WORK', description: 'Pesanan kedua' }] })).id;
    const c = await activeCase({ agreementId: own });
    expectOk(await conclude(c, plusDays(today, 15)), 200);
    expectOk(await post(partner, `/api/v1/agreements/${own}/terminate`, { reason: 'Usaha kecil berhenti beroperasi' }), 200);
    const states: { type: string; state: string }[] = await t.ds.query(`SELECT DISTINCT type, state FROM obligation WHERE agreement_id = $1 ORDER BY type`, [own]);
    expect(states.filter((x) => x.type === 'CASE_REMEDY')).toEqual([{ type: 'CASE_REMEDY', state: 'OPEN' }]);
    expect(states.filter((x) => x.type !== 'CASE_REMEDY').every((x) => x.state === 'CANCELLED')).toBe(true);
    expect(states.some((x) => x.type !== 'CASE_REMEDY')).toBe(true);
  });
});
