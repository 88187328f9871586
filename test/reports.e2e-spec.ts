import { activeAgreement, plusDays, type SqlAgreement, todayIn } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import type { ObligationJson } from './support/obligations.js';

interface SessionJson {
  id: string;
  aspect: string;
  activity: string;
  scheduledAt: string;
  status: string;
  version: number;
}

describe('progress reports: pre-filled draft, submission, review, resubmission', () => {
  let t: TestApp;
  let partner: Session;
  let otherPartner: Session;
  let firm: Session;
  let officer: Session;
  let officerBali: Session;
  let a: SqlAgreement;
  let rid = 0;
  const requestId = () => `rep-test-${Date.now()}-${rid++}`;
  const auditRows = (id: string) => t.ds.query(`SELECT action, entity_type AS "entityType", entity_id AS "entityId" FROM audit_log WHERE request_id = $1`, [id]);

  const draft = (s: Session, periodEnd: string, agreementId = a.id) => t.http().get(`/api/v1/agreements/${agreementId}/reports/draft?periodEnd=${periodEnd}`).set(bearer(s));
  const submit = (s: Session, body: object, agreementId = a.id) => t.http().post(`/api/v1/agreements/${agreementId}/reports`).set(bearer(s)).send(body);
  const review = (s: Session, id: string, body: object) => t.http().post(`/api/v1/reports/${id}/review`).set(bearer(s)).send(body);
  const q1Obligation = async (): Promise<ObligationJson> =>
    (await t.http().get(`/api/v1/obligations?agreementId=${a.id}&type=PROGRESS_REPORT`).set(bearer(partner))).body.items.find(
      (o: ObligationJson) => o.periodEnd === '2026-03-31',
    );
  const body = (over: object = {}) => ({
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    summary: 'Pasokan berjalan; dua pelatihan higiene pangan.',
    volumes: [{ product: 'Keripik singkong', quantity: 500, unit: 'kg', valueIdr: 15_000_000 }],
    coachingDelivered: [{ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', sessions: 2 }],
    paymentsOnTime: false,
    issues: 'Pembayaran Februari terlambat.',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    const f = factory(t);
    [partner, otherPartner, firm, officer, officerBali] = await Promise.all([f.partner(), f.partner(), f.enterprise(), f.ministry(), f.ministry(['51'])]);
    // A hand-built first quarter (partner in Surabaya: WIB).
    a = await activeAgreement(t, partner, firm, {
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      commitments: [
        { type: 'PRODUCTION_WORK', description: 'Keripik singkong Januari', quantity: 500, unit: 'kg', valueIdr: 15_000_000, dueDate: '2026-01-31' },
        { type: 'PRODUCTION_WORK', description: 'Keripik singkong Februari', quantity: 600, unit: 'kg', valueIdr: 18_000_000, dueDate: '2026-02-28' },
        { type: 'RAW_MATERIAL_SUPPLY', description: 'Singkong segar', quantity: 2000, unit: 'kg', dueDate: '2026-03-15' },
        { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan produksi', dueDate: '2026-03-01' },
        { type: 'PRODUCTION_WORK', description: 'Keripik singkong April', quantity: 700, unit: 'kg', valueIdr: 21_000_000, dueDate: '2026-04-30' },
        { type: 'TECHNICAL_GUIDANCE', description: 'Modal mesin', valueIdr: 50_000_000, dueDate: '2026-03-31' },
      ],
      coaching: [
        {
          aspect: 'HUMAN_RESOURCES',
          activity: 'TRAINING',
          description: 'Pelatihan higiene pangan',
          sessions: [
            { scheduledAt: '2026-02-10T02:00:00Z', location: 'Kudus' },
            { scheduledAt: '2026-03-05T02:00:00Z', location: 'Kudus' },
            { scheduledAt: '2026-03-25T02:00:00Z', location: 'Kudus' },
          ],
        },
        {
          aspect: 'MARKETING',
          activity: 'Pameran dagang',
          description: 'Pameran produk UMK',
          sessions: [
            { scheduledAt: '2026-03-20T02:00:00Z', location: 'Surabaya' },
            // 00:30 on 1 April in WIB: the second quarter's.
            { scheduledAt: '2026-03-31T17:30:00Z', location: 'Surabaya' },
          ],
        },
        { aspect: 'MANAGEMENT', activity: 'Pembukuan', description: 'Pembukuan sederhana', sessions: [{ scheduledAt: '2026-03-10T02:00:00Z', location: 'Kudus' }] },
      ],
    });
    // Commitment confirmations belong to the agreements library: set them as it would.
    await t.ds.query(`UPDATE commitment SET status = 'CONFIRMED', confirmed_at = '2026-02-02T03:00:00Z' WHERE id = $1`, [a.commitmentIds[0]]);
    await t.ds.query(
      `UPDATE commitment SET status = 'DISPUTED', disputed_at = '2026-04-05T03:00:00Z', dispute_kind = 'LATE_PAYMENT', dispute_reason = 'Pembayaran terlambat 45 hari' WHERE id = $1`,
      [a.commitmentIds[1]],
    );
    // Sessions through the API: attendance by the partner, then confirmed or disputed by the firm.
    const sessions: SessionJson[] = (await t.http().get(`/api/v1/sessions?agreementId=${a.id}&limit=100`).set(bearer(partner))).body.items;
    expect(sessions).toHaveLength(6);
    for (const s of sessions) {
      const r = await t.http().post(`/api/v1/sessions/${s.id}/attendance`).set(bearer(partner)).send({ attendees: [{ name: 'Siti' }, { name: 'Budi' }] });
      expect(r.status).toBe(200);
    }
    const at = (iso: string) => sessions.find((s) => s.scheduledAt === iso)!.id;
    for (const iso of ['2026-02-10T02:00:00.000Z', '2026-03-05T02:00:00.000Z', '2026-03-20T02:00:00.000Z', '2026-03-31T17:30:00.000Z']) {
      expect((await t.http().post(`/api/v1/sessions/${at(iso)}/confirm`).set(bearer(firm)).send({})).status).toBe(200);
    }
    expect((await t.http().post(`/api/v1/sessions/${at('2026-03-25T02:00:00.000Z')}/dispute`).set(bearer(firm)).send({ reason: 'Pelatihan tidak diadakan' })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the draft', () => {
    it('pre-fills the first quarter from the platform', async () => {
      const res = await draft(partner, '2026-03-31');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        periodLabel: 'Triwulan I 2026',
        dueDate: '2026-04-10',
        agreementId: a.id,
        agreementNumber: a.number,
        pattern: 'SUBCONTRACT',
        reportingPeriod: 'QUARTERLY',
        coachingDelivered: [
          { aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', sessions: 2 },
          { aspect: 'MARKETING', activity: 'Pameran dagang', sessions: 1 },
        ],
        volumes: [
          { product: 'Keripik singkong Januari', quantity: 500, unit: 'kg', valueIdr: 15_000_000 },
          { product: 'Singkong segar', quantity: 2000, unit: 'kg', valueIdr: 0 },
          { product: 'Modal mesin', quantity: 0, unit: '', valueIdr: 50_000_000 },
        ],
        paymentsOnTime: false,
        sessionsDisputed: 1,
        reportId: null,
        reportStatus: null,
      });
      expect(res.body.commitments).toEqual([
        expect.objectContaining({ id: a.commitmentIds[0], status: 'CONFIRMED', disputeReason: null }),
        expect.objectContaining({ id: a.commitmentIds[1], status: 'DISPUTED', disputeKind: 'LATE_PAYMENT', disputeReason: 'Pembayaran terlambat 45 hari' }),
      ]);
      expect(res.body.issues.split('\n')).toEqual([
        'Komitmen PRODUCTION_WORK “Keripik singkong Februari” disanggah (LATE_PAYMENT): Pembayaran terlambat 45 hari',
        'Sesi pembinaan “Pelatihan higiene pangan” (2026-03-25) disanggah: Pelatihan tidak diadakan',
      ]);
      expect(res.body.summary).toContain(a.number);
      expect(res.body.partner).toMatchObject({
        id: partner.organization!.id,
        nib: partner.organization!.nib,
        kbliCodes: ['10794'],
        scale: expect.stringMatching(/MENENGAH|BESAR/),
        regionCode: '35.78',
        regionName: 'Kota Surabaya',
        provinceCode: '35',
      });
      expect(res.body.enterprise).toMatchObject({ id: firm.organization!.id, nib: firm.organization!.nib, regionCode: '33.20.01', scale: expect.stringMatching(/MIKRO|KECIL/) });
    });

    it('the second quarter: the session at 00:30 WIB on 1 April counts there; payments on time', async () => {
      const res = await draft(partner, '2026-06-30');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        periodStart: '2026-04-01',
        coachingDelivered: [{ aspect: 'MARKETING', activity: 'Pameran dagang', sessions: 1 }],
        volumes: [{ product: 'Keripik singkong April', quantity: 700, unit: 'kg', valueIdr: 21_000_000 }],
        paymentsOnTime: false, // the February dispute was raised on 5 April
        issues: 'Komitmen PRODUCTION_WORK “Keripik singkong Februari” disanggah (LATE_PAYMENT): Pembayaran terlambat 45 hari',
      });
      await t.ds.query(`UPDATE commitment SET disputed_at = '2026-03-20T03:00:00Z' WHERE id = $1`, [a.commitmentIds[1]]);
      const moved = await draft(partner, '2026-06-30');
      expect(moved.body).toMatchObject({ paymentsOnTime: true, issues: '', commitments: [] });
    });

    it('an amendment’s carried-over copy of a confirmation is listed once', async () => {
      const [copy] = await t.ds.query(
        `INSERT INTO commitment (agreement_id, terms_version, position, type, description, quantity, unit, value_idr, due_date, status, confirmed_at)
         SELECT agreement_id, 2, position, type, description, quantity, unit, value_idr, due_date, status, confirmed_at FROM commitment WHERE id = $1
         RETURNING id`,
        [a.commitmentIds[0]],
      );
      try {
        const res = await draft(partner, '2026-03-31');
        expect(res.body.commitments.map((c: { id: string }) => c.id)).toEqual([copy.id, a.commitmentIds[1]]);
      } finally {
        await t.ds.query(`DELETE FROM commitment WHERE id = $1`, [copy.id]);
      }
    });

    it('only the owning partner; an unknown period 404; a malformed date 400', async () => {
      expect((await draft(firm, '2026-03-31')).status).toBe(403);
      expect((await draft(officer, '2026-03-31')).status).toBe(403);
      expect((await draft(otherPartner, '2026-03-31')).status).toBe(404);
      expect((await draft(partner, '2026-03-30')).status).toBe(404);
      const bad = await draft(partner, '2026-02-30');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('periodEnd');
    });
  });

  describe('submission and review', () => {
    let reportId: string;

    it('refuses a period the agreement does not have (409), a wrong start (400), other callers — and writes nothing', async () => {
      const id = requestId();
      const none = await t.http().post(`/api/v1/agreements/${a.id}/reports`).set(bearer(partner)).set('X-Request-Id', id).send(body({ periodEnd: '2026-03-30' }));
      expect(none.status).toBe(409);
      expect(await auditRows(id)).toEqual([]);
      const start = await submit(partner, body({ periodStart: '2026-01-02' }));
      expect(start.status).toBe(400);
      expect(start.body.errors).toEqual([expect.objectContaining({ field: 'periodStart' })]);
      expect((await submit(firm, body())).status).toBe(403);
      expect((await submit(otherPartner, body())).status).toBe(404);
      expect((await submit(partner, body({ volumes: [{ product: 'x', quantity: 1, unit: 'kg', valueIdr: 1.5 }] }))).status).toBe(400);
      expect(Number((await t.ds.query(`SELECT count(*) AS n FROM progress_report`))[0].n)).toBe(0);
    });

    it('201 SUBMITTED, fulfilling the period’s PROGRESS_REPORT; one audit record; a repeat with the same Idempotency-Key replays it', async () => {
      const id = requestId();
      const send = () =>
        t.http().post(`/api/v1/agreements/${a.id}/reports`).set(bearer(partner)).set('X-Request-Id', id).set('Idempotency-Key', `report-${a.id}-q1`).send(body());
      const res = await send();
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        agreementId: a.id,
        partnerId: partner.organization!.id,
        enterpriseId: firm.organization!.id,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        status: 'SUBMITTED',
        reportVersion: 1,
        summary: 'Pasokan berjalan; dua pelatihan higiene pangan.',
        paymentsOnTime: false,
        reviewedAt: null,
        version: 1,
      });
      expect(res.body.versions).toHaveLength(1);
      reportId = res.body.id;
      expect(await auditRows(id)).toEqual([{ action: 'progress_report.submit', entityType: 'progress_report', entityId: reportId }]);
      const o = await q1Obligation();
      expect(o).toMatchObject({ status: 'FULFILLED', periodEnd: '2026-03-31' });
      expect(res.body.obligationId).toBe(o.id);
      const again = await send();
      expect(again.status).toBe(201);
      expect(again.body).toEqual(res.body);
      expect(Number((await t.ds.query(`SELECT count(*) AS n FROM progress_report_version`))[0].n)).toBe(1);
      expect(await auditRows(id)).toHaveLength(1);
      // Filing again while it awaits review is refused.
      const dup = await submit(partner, body());
      expect(dup.status).toBe(409);
      expect(dup.body.type).toContain('invalid-transition');
      expect((await draft(partner, '2026-03-31')).body).toMatchObject({ reportId, reportStatus: 'SUBMITTED' });
    });

    it('the parties and the ministry read it; others do not', async () => {
      for (const s of [partner, firm, officer]) {
        const one = await t.http().get(`/api/v1/reports/${reportId}`).set(bearer(s));
        expect(one.status).toBe(200);
        expect(one.body.versions).toEqual([expect.objectContaining({ reportVersion: 1, summary: 'Pasokan berjalan; dua pelatihan higiene pangan.', reviewDecision: null })]);
        const list = await t.http().get(`/api/v1/reports?agreementId=${a.id}`).set(bearer(s));
        expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([reportId]);
      }
      for (const s of [otherPartner, officerBali]) {
        expect((await t.http().get(`/api/v1/reports/${reportId}`).set(bearer(s))).status).toBe(404);
        expect((await t.http().get(`/api/v1/reports?agreementId=${a.id}`).set(bearer(s))).body.items).toEqual([]);
      }
      expect((await t.http().get(`/api/v1/reports?status=SUBMITTED`).set(bearer(officer))).body.items.map((r: { id: string }) => r.id)).toContain(reportId);
    });

    it('review: only the ministry; a revision needs a note; a stale version 409', async () => {
      expect((await review(partner, reportId, { decision: 'ACCEPTED' })).status).toBe(403);
      expect((await review(firm, reportId, { decision: 'ACCEPTED' })).status).toBe(403);
      expect((await review(officerBali, reportId, { decision: 'ACCEPTED' })).status).toBe(404);
      const noNote = await review(officer, reportId, { decision: 'REVISION_REQUESTED' });
      expect(noNote.status).toBe(400);
      expect(noNote.body.errors[0].field).toBe('note');
      expect((await review(officer, reportId, { decision: 'MAYBE' })).status).toBe(400);
      const id = requestId();
      const stale = await t.http().post(`/api/v1/reports/${reportId}/review`).set(bearer(officer)).set('X-Request-Id', id).send({ decision: 'ACCEPTED', version: 9 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ currentVersion: 1 });
      expect(await auditRows(id)).toEqual([]);
    });

    it('REVISION_REQUESTED reopens the obligation due 14 days after the review day; the partner is told', async () => {
      const id = requestId();
      const res = await t
        .http()
        .post(`/api/v1/reports/${reportId}/review`)
        .set(bearer(officer))
        .set('X-Request-Id', id)
        .send({ decision: 'REVISION_REQUESTED', note: 'Lengkapi nilai pembayaran per bulan.', version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'REVISION_REQUESTED', reviewNote: 'Lengkapi nilai pembayaran per bulan.', version: 2 });
      expect(res.body.versions[0]).toMatchObject({ reviewDecision: 'REVISION_REQUESTED', reviewNote: 'Lengkapi nilai pembayaran per bulan.' });
      expect(await auditRows(id)).toEqual([{ action: 'progress_report.review', entityType: 'progress_report', entityId: reportId }]);
      const o = await q1Obligation();
      const due = plusDays(await todayIn(t, 'Asia/Jakarta'), 14);
      expect(o).toMatchObject({ dueDate: due, status: 'UPCOMING', fulfilledAt: null });
      const notes = (await t.http().get('/api/v1/notifications?limit=100').set(bearer(partner))).body.items.filter((n: { entityId: string }) => n.entityId === reportId);
      expect(notes).toEqual([expect.objectContaining({ kind: 'REPORT_REVISION_REQUESTED' })]);
      expect(notes[0].body).toContain(due);
      // Not awaiting review any more.
      expect((await review(officer, reportId, { decision: 'ACCEPTED' })).status).toBe(409);
    });

    it('resubmission: RESUBMITTED as version 2, every version kept; then ACCEPTED, after which nothing moves', async () => {
      const stale = await submit(partner, body({ version: 1 }));
      expect(stale.status).toBe(409);
      const res = await submit(partner, body({ summary: 'Revisi: nilai pembayaran per bulan dilengkapi.', paymentsOnTime: true, version: 2 }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: reportId, status: 'RESUBMITTED', reportVersion: 2, summary: 'Revisi: nilai pembayaran per bulan dilengkapi.', paymentsOnTime: true });
      expect(res.body.versions.map((v: { reportVersion: number; summary: string; reviewDecision: string | null }) => [v.reportVersion, v.summary, v.reviewDecision])).toEqual([
        [1, 'Pasokan berjalan; dua pelatihan higiene pangan.', 'REVISION_REQUESTED'],
        [2, 'Revisi: nilai pembayaran per bulan dilengkapi.', null],
      ]);
      expect((await q1Obligation()).status).toBe('FULFILLED');

      const ok = await review(officer, reportId, { decision: 'ACCEPTED', note: 'Terima kasih.' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'ACCEPTED', reportVersion: 2 });
      expect(ok.body.versions[1]).toMatchObject({ reviewDecision: 'ACCEPTED', reviewNote: 'Terima kasih.' });
      expect((await q1Obligation()).status).toBe('FULFILLED');
      const notes = (await t.http().get('/api/v1/notifications?limit=100').set(bearer(partner))).body.items.filter((n: { entityId: string }) => n.entityId === reportId);
      expect(notes.map((n: { kind: string }) => n.kind)).toEqual(['REPORT_ACCEPTED', 'REPORT_REVISION_REQUESTED']);

      expect((await submit(partner, body())).status).toBe(409);
      expect((await review(officer, reportId, { decision: 'REVISION_REQUESTED', note: 'x' })).status).toBe(409);
      const audit = await t.ds.query(`SELECT action FROM audit_log WHERE entity_type = 'progress_report' AND entity_id = $1 ORDER BY id`, [reportId]);
      expect(audit.map((r: { action: string }) => r.action)).toEqual([
        'progress_report.submit',
        'progress_report.review',
        'progress_report.resubmit',
        'progress_report.review',
      ]);
    });

    it('a cancelled period takes no report (409)', async () => {
      await t.ds.query(`UPDATE obligation SET state = 'CANCELLED' WHERE agreement_id = $1 AND period_end = '2026-06-30'`, [a.id]);
      const res = await submit(partner, body({ periodStart: '2026-04-01', periodEnd: '2026-06-30' }));
      expect(res.status).toBe(409);
    });
  });
});
