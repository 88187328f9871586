import { cancelOpenObligations, fulfilCommitmentObligation, obligationStatus, recordTrackRecord } from '../libs/obligations/src/index.js';
import { trackRecordPart } from '../libs/matching/src/index.js';
import type { Actor } from '../libs/core/src/index.js';
import { activeAgreement, amendAgreement, plusDays, todayIn } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import type { ObligationJson } from './support/obligations.js';

describe('obligations: generation, derived status, visibility, waiver', () => {
  let t: TestApp;
  let f: ReturnType<typeof factory>;
  let partner: Session;
  let partnerBali: Session;
  let partnerPapua: Session;
  let partnerNoPic: Session;
  let otherPartner: Session;
  let firm: Session;
  let otherFirm: Session;
  let officer: Session;
  let officerJateng: Session;
  let officerBali: Session;
  let admin: Session;

  const list = async (s: Session, query: string): Promise<ObligationJson[]> => {
    const res = await t.http().get(`/api/v1/obligations?limit=100&${query}`).set(bearer(s));
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const ofType = async (s: Session, agreementId: string, type: string) => list(s, `agreementId=${agreementId}&type=${type}`);
  const auditCount = async (requestId: string) => Number((await t.ds.query(`SELECT count(*) AS n FROM audit_log WHERE request_id = $1`, [requestId]))[0].n);
  let rid = 0;
  const requestId = () => `obl-test-${Date.now()}-${rid++}`;

  beforeAll(async () => {
    t = await startTestApp();
    f = factory(t);
    [partner, partnerBali, partnerPapua, partnerNoPic, otherPartner, firm, otherFirm, officer, officerJateng, officerBali, admin] = await Promise.all([
      f.partner(),
      f.partner({ regionCode: '51.71' }),
      f.partner({ regionCode: '91.71' }),
      f.partner(),
      f.partner(),
      f.enterprise(),
      f.enterprise(),
      f.ministry(),
      f.ministry(['33']),
      f.ministry(['51']),
      f.admin(),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('generation on activation', () => {
    it('QUARTERLY: calendar quarters from the start date, the last cut at the end date, each due on the 10th day after it ends', async () => {
      const a = await activeAgreement(t, partner, firm, { startDate: '2024-01-15', endDate: '2024-11-20' });
      const reports = await ofType(partner, a.id, 'PROGRESS_REPORT');
      expect(reports.map((o) => [o.periodStart, o.periodEnd, o.dueDate])).toEqual([
        ['2024-01-15', '2024-03-31', '2024-04-10'],
        ['2024-04-01', '2024-06-30', '2024-07-10'],
        ['2024-07-01', '2024-09-30', '2024-10-10'],
        ['2024-10-01', '2024-11-20', '2024-11-30'],
      ]);
      expect(reports[0]).toMatchObject({
        agreementId: a.id,
        partnerId: partner.organization!.id,
        enterpriseId: firm.organization!.id,
        owedBy: 'PARTNER',
        legalBasis: 'PP 44/1997 Pasal 14 huruf b',
        timeZone: 'Asia/Jakarta',
        title: 'Laporan perkembangan kemitraan Triwulan I 2024 (2024-01-15 s.d. 2024-03-31)',
        commitmentId: null,
        sessionId: null,
        fulfilledAt: null,
        evidence: [],
        version: 1,
      });
      // An agreement recorded after it started: past periods are generated and read OVERDUE.
      expect(reports.map((o) => o.status)).toEqual(['OVERDUE', 'OVERDUE', 'OVERDUE', 'OVERDUE']);
      // The partner has a PIC: no APPOINT_PIC.
      expect(await ofType(partner, a.id, 'APPOINT_PIC')).toEqual([]);
    });

    it('SEMESTER and YEARLY periods, month ends', async () => {
      const s = await activeAgreement(t, partner, firm, { startDate: '2026-02-10', endDate: '2027-04-30', reportingPeriod: 'SEMESTER' });
      expect((await ofType(partner, s.id, 'PROGRESS_REPORT')).map((o) => [o.periodStart, o.periodEnd, o.dueDate])).toEqual([
        ['2026-02-10', '2026-06-30', '2026-07-10'],
        ['2026-07-01', '2026-12-31', '2027-01-10'],
        ['2027-01-01', '2027-04-30', '2027-05-10'],
      ]);
      const y = await activeAgreement(t, partner, firm, { startDate: '2025-07-01', endDate: '2027-09-30', reportingPeriod: 'YEARLY' });
      expect((await ofType(partner, y.id, 'PROGRESS_REPORT')).map((o) => [o.periodStart, o.periodEnd, o.dueDate, o.title])).toEqual([
        ['2025-07-01', '2025-12-31', '2026-01-10', 'Laporan perkembangan kemitraan Tahun 2025 (2025-07-01 s.d. 2025-12-31)'],
        ['2026-01-01', '2026-12-31', '2027-01-10', 'Laporan perkembangan kemitraan Tahun 2026 (2026-01-01 s.d. 2026-12-31)'],
        ['2027-01-01', '2027-09-30', '2027-10-10', 'Laporan perkembangan kemitraan Tahun 2027 (2027-01-01 s.d. 2027-09-30)'],
      ]);
    });

    it('leap years: an agreement over February 2028 ends its last period on the 29th, due 10 March', async () => {
      const a = await activeAgreement(t, partner, firm, {
        startDate: '2027-11-01',
        endDate: '2028-02-29',
        commitments: [{ type: 'PRODUCTION_WORK', description: 'Order 2 ton keripik', quantity: 2000, unit: 'kg', dueDate: '2028-02-29' }],
      });
      expect((await ofType(partner, a.id, 'PROGRESS_REPORT')).map((o) => [o.periodStart, o.periodEnd, o.dueDate])).toEqual([
        ['2027-11-01', '2027-12-31', '2028-01-10'],
        ['2028-01-01', '2028-02-29', '2028-03-10'],
      ]);
      const [h] = await ofType(partner, a.id, 'HONOUR_AGREEMENT');
      expect(h.dueDate).toBe('2028-02-29');
    });

    it('HONOUR_AGREEMENT per dated commitment; COACHING per planned session with its session; none for undated ones', async () => {
      const a = await activeAgreement(t, partner, firm, {
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        commitments: [
          { type: 'PRODUCTION_WORK', description: 'Pesanan keripik 500 kg per bulan', quantity: 500, unit: 'kg', valueIdr: 15_000_000, dueDate: '2026-03-31' },
          { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan produksi (tanpa tanggal)' },
          { type: 'FINANCING', description: 'Pinjaman mesin pengemas', valueIdr: 50_000_000, dueDate: '2026-02-28' },
        ],
        coaching: [
          {
            aspect: 'HUMAN_RESOURCES',
            activity: 'TRAINING',
            description: 'Pelatihan higiene pangan',
            sessions: [
              { scheduledAt: '2026-03-10T02:00:00Z', location: 'Kudus' },
              { scheduledAt: '2026-06-10T02:00:00Z', location: 'Kudus' },
            ],
          },
          { aspect: 'MARKETING', activity: 'Pameran dagang', description: 'Pameran produk UMK' },
        ],
      });
      const honour = await ofType(partner, a.id, 'HONOUR_AGREEMENT');
      expect(honour.map((o) => [o.commitmentId, o.dueDate, o.legalBasis])).toEqual([
        [a.commitmentIds[2], '2026-02-28', 'PP 44/1997 Pasal 14 huruf d'],
        [a.commitmentIds[0], '2026-03-31', 'PP 44/1997 Pasal 14 huruf d'],
      ]);
      expect(honour[1].title).toBe('Memenuhi komitmen kesempatan mengerjakan sebagian produksi: Pesanan keripik 500 kg per bulan');
      const coaching = await ofType(partner, a.id, 'COACHING');
      expect(coaching.map((o) => [o.dueDate, o.legalBasis])).toEqual([
        ['2026-03-10', 'PP 44/1997 Pasal 14 huruf e'],
        ['2026-06-10', 'PP 44/1997 Pasal 14 huruf e'],
      ]);
      const sessions = await t.ds.query(
        `SELECT id, plan_item_id AS "planItemId", aspect, activity, topic, status, location FROM coaching_session WHERE agreement_id = $1 ORDER BY scheduled_at`,
        [a.id],
      );
      expect(sessions).toHaveLength(2);
      expect(sessions[0]).toMatchObject({ planItemId: a.planItemIds[0], aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', topic: 'Pelatihan higiene pangan', status: 'SCHEDULED' });
      expect(coaching.map((o) => o.sessionId)).toEqual(sessions.map((s: { id: string }) => s.id));
    });

    it('APPOINT_PIC when the partner has no PIC, due 30 days after activation (in its zone)', async () => {
      // Publishing needs a PIC; this partner's left after it published.
      const a = await activeAgreement(t, partnerNoPic, firm, {
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        beforeActivation: (m) => m.query(`UPDATE organization SET pic = NULL WHERE id = $1`, [partnerNoPic.organization!.id]),
      });
      const [pic] = await ofType(partnerNoPic, a.id, 'APPOINT_PIC');
      expect(pic).toMatchObject({ title: 'Menunjuk penanggung jawab kemitraan', legalBasis: 'PP 44/1997 Pasal 14 huruf c', timeZone: 'Asia/Jakarta' });
      expect(pic.dueDate).toBe(plusDays(await todayIn(t, 'Asia/Jakarta'), 30));
      // Appointing a PIC on the profile fulfils it.
      const set = await t.http().patch(`/api/v1/partners/${partnerNoPic.organization!.id}`).set(bearer(partnerNoPic))
        .send({ pic: { name: 'Rudi Hartono', position: 'Manajer Kemitraan', email: 'rudi@mitra.co.id', phone: '+62 811 000 111' } });
      expect(set.status).toBe(200);
      const [after] = await ofType(partnerNoPic, a.id, 'APPOINT_PIC');
      expect(after.status).toBe('FULFILLED');
    });

    it('dates are days in the partner’s zone: WIB, WITA (Bali), WIT (Papua)', async () => {
      // 16:30 UTC is 23:30 in Jakarta but already the next day in Makassar and Jayapura.
      const spec = {
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        coaching: [{ aspect: 'TECHNOLOGY', activity: 'Kontrol mutu', description: 'Kontrol mutu produksi', sessions: [{ scheduledAt: '2026-03-01T16:30:00Z', location: 'Pabrik' }] }],
      };
      const java = await activeAgreement(t, partner, firm, spec);
      const bali = await activeAgreement(t, partnerBali, firm, spec);
      const papua = await activeAgreement(t, partnerPapua, firm, spec);
      const [j] = await ofType(partner, java.id, 'COACHING');
      const [b] = await ofType(partnerBali, bali.id, 'COACHING');
      const [p] = await ofType(partnerPapua, papua.id, 'COACHING');
      expect([j.timeZone, j.dueDate]).toEqual(['Asia/Jakarta', '2026-03-01']);
      expect([b.timeZone, b.dueDate]).toEqual(['Asia/Makassar', '2026-03-02']);
      expect([p.timeZone, p.dueDate]).toEqual(['Asia/Jayapura', '2026-03-02']);
      const [rb] = await ofType(partnerBali, bali.id, 'PROGRESS_REPORT');
      expect(rb.timeZone).toBe('Asia/Makassar');
      // A bare local time in the plan is read in the partner's zone.
      const local = await activeAgreement(t, partnerPapua, firm, {
        ...spec,
        coaching: [{ aspect: 'CAPITAL', activity: 'Akses kredit', description: 'Temu bank', sessions: [{ scheduledAt: '2026-05-05T08:00:00', location: 'Jayapura' }] }],
      });
      const [row] = await t.ds.query(`SELECT scheduled_at AS at FROM coaching_session WHERE agreement_id = $1`, [local.id]);
      expect(new Date(row.at).toISOString()).toBe('2026-05-04T23:00:00.000Z');
    });

    it('activating twice generates nothing more', async () => {
      const a = await activeAgreement(t, partner, firm, { startDate: '2026-01-01', endDate: '2026-06-30' });
      const before = (await list(partner, `agreementId=${a.id}`)).length;
      const { generateObligationsForActivation } = await import('../libs/obligations/src/index.js');
      await t.ds.transaction((m) => generateObligationsForActivation(m, a.id));
      expect((await list(partner, `agreementId=${a.id}`)).length).toBe(before);
    });
  });

  describe('derived status', () => {
    it('UPCOMING more than 7 days ahead, DUE within 7 (the due day included), OVERDUE after — today in the obligation’s zone; filters in SQL', async () => {
      for (const [p, zone] of [
        [partner, 'Asia/Jakarta'],
        [partnerPapua, 'Asia/Jayapura'],
      ] as const) {
        const today = await todayIn(t, zone);
        const due = (n: number) => ({ type: 'PRODUCTION_WORK', description: `d${n}`, dueDate: plusDays(today, n) });
        const a = await activeAgreement(t, p, firm, {
          startDate: plusDays(today, -30),
          endDate: plusDays(today, 60),
          commitments: [due(8), due(7), due(0), due(-1)],
        });
        const honour = await ofType(p, a.id, 'HONOUR_AGREEMENT');
        expect(honour.map((o) => [o.title.split(': ')[1], o.status])).toEqual([
          ['d-1', 'OVERDUE'],
          ['d0', 'DUE'],
          ['d7', 'DUE'],
          ['d8', 'UPCOMING'],
        ]);
        for (const o of honour) expect(o.status).toBe(obligationStatus('OPEN', o.dueDate, today));
        const dueOnes = await list(p, `agreementId=${a.id}&type=HONOUR_AGREEMENT&status=DUE`);
        expect(dueOnes.map((o) => o.title.split(': ')[1])).toEqual(['d0', 'd7']);
        expect((await list(p, `agreementId=${a.id}&type=HONOUR_AGREEMENT&status=OVERDUE`)).map((o) => o.title.split(': ')[1])).toEqual(['d-1']);
        expect((await list(p, `agreementId=${a.id}&type=HONOUR_AGREEMENT&status=UPCOMING`)).map((o) => o.title.split(': ')[1])).toEqual(['d8']);
      }
    });

    it('a status never goes stale: moving "today" moves the status (checked against the zone’s own today)', async () => {
      const a = await activeAgreement(t, partnerBali, firm, { startDate: '2026-01-01', endDate: '2026-12-31', commitments: [{ type: 'PRODUCTION_WORK', description: 'x', dueDate: '2026-06-30' }] });
      const [o] = await ofType(partnerBali, a.id, 'HONOUR_AGREEMENT');
      const todayWita = await todayIn(t, 'Asia/Makassar');
      await t.ds.query(`UPDATE obligation SET due_date = $2 WHERE id = $1`, [o.id, todayWita]);
      expect((await t.http().get(`/api/v1/obligations/${o.id}`).set(bearer(partnerBali))).body.status).toBe('DUE');
      await t.ds.query(`UPDATE obligation SET due_date = $2 WHERE id = $1`, [o.id, plusDays(todayWita, -1)]);
      expect((await t.http().get(`/api/v1/obligations/${o.id}`).set(bearer(partnerBali))).body.status).toBe('OVERDUE');
    });
  });

  describe('reading: visibility, filters, pages', () => {
    let a: { id: string };
    beforeAll(async () => {
      a = await activeAgreement(t, partner, firm, {
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        commitments: [
          { type: 'PRODUCTION_WORK', description: 'a', dueDate: '2026-02-01' },
          { type: 'PRODUCTION_WORK', description: 'b', dueDate: '2026-05-01' },
        ],
      });
    });

    it('the two parties and oversight see the agreement’s obligations; others see none (404 on one)', async () => {
      const mine = await list(partner, `agreementId=${a.id}`);
      expect(mine.length).toBe(6);
      expect((await list(firm, `agreementId=${a.id}`)).map((o) => o.id)).toEqual(mine.map((o) => o.id));
      expect((await list(officer, `agreementId=${a.id}`)).length).toBe(6);
      expect((await list(admin, `agreementId=${a.id}`)).length).toBe(6);
      expect(await list(otherPartner, `agreementId=${a.id}`)).toEqual([]);
      expect(await list(otherFirm, `agreementId=${a.id}`)).toEqual([]);
      for (const s of [otherPartner, otherFirm]) {
        const res = await t.http().get(`/api/v1/obligations/${mine[0].id}`).set(bearer(s));
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
      expect((await t.http().get(`/api/v1/obligations/${mine[0].id}`).set(bearer(firm))).status).toBe(200);
      expect((await t.http().get('/api/v1/obligations/not-a-uuid').set(bearer(partner))).status).toBe(404);
      expect((await t.http().get('/api/v1/obligations')).status).toBe(401);
    });

    it('a province-limited officer sees obligations whose partner or small firm lies in the provinces', async () => {
      // partner in East Java (35), firm in Central Java (33)
      expect((await list(officerJateng, `agreementId=${a.id}`)).length).toBe(6);
      expect(await list(officerBali, `agreementId=${a.id}`)).toEqual([]);
      const [one] = await list(partner, `agreementId=${a.id}`);
      expect((await t.http().get(`/api/v1/obligations/${one.id}`).set(bearer(officerBali))).status).toBe(404);
      const bali = await activeAgreement(t, partnerBali, firm, { startDate: '2026-01-01', endDate: '2026-03-31' });
      expect((await list(officerBali, `agreementId=${bali.id}`)).length).toBe(1);
      const all = await list(officerBali, '');
      expect(all.every((o) => o.partnerId === partnerBali.organization!.id)).toBe(true);
    });

    it('filters type, dueFrom, dueTo; ordered by due date then id', async () => {
      const got = await list(partner, `agreementId=${a.id}&dueFrom=2026-02-01&dueTo=2026-07-10`);
      expect(got.map((o) => [o.type, o.dueDate])).toEqual([
        ['HONOUR_AGREEMENT', '2026-02-01'],
        ['PROGRESS_REPORT', '2026-04-10'],
        ['HONOUR_AGREEMENT', '2026-05-01'],
        ['PROGRESS_REPORT', '2026-07-10'],
      ]);
      const bad = await t.http().get('/api/v1/obligations?dueFrom=2027-02-29').set(bearer(partner));
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('dueFrom');
      expect((await t.http().get('/api/v1/obligations?status=LATE').set(bearer(partner))).status).toBe(400);
    });

    it('keyset pages walk every obligation once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: ObligationJson[]; nextCursor: string | null } } = await t.http().get(`/api/v1/obligations?agreementId=${a.id}&limit=4${cursor ? `&cursor=${cursor}` : ''}`).set(bearer(partner));
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((o: ObligationJson) => o.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual((await list(partner, `agreementId=${a.id}`)).map((o) => o.id));
      expect(new Set(seen).size).toBe(6);
      expect((await t.http().get('/api/v1/obligations?cursor=bm9wZQ').set(bearer(partner))).status).toBe(400);
    });
  });

  describe('waiver', () => {
    it('ministry waives an OPEN obligation with a reason: WAIVED, one audit record, the partner told; again → 409 with no record', async () => {
      const a = await activeAgreement(t, partner, firm, { startDate: '2026-01-01', endDate: '2026-06-30' });
      const [o] = await ofType(partner, a.id, 'PROGRESS_REPORT');
      expect((await t.http().post(`/api/v1/obligations/${o.id}/waive`).set(bearer(partner)).send({ reason: 'tidak perlu' })).status).toBe(403);
      expect((await t.http().post(`/api/v1/obligations/${o.id}/waive`).set(bearer(firm)).send({ reason: 'tidak perlu' })).status).toBe(403);
      expect((await t.http().post(`/api/v1/obligations/${o.id}/waive`).set(bearer(officer)).send({})).status).toBe(400);
      expect((await t.http().post(`/api/v1/obligations/${o.id}/waive`).set(bearer(officerBali)).send({ reason: 'banjir' })).status).toBe(404);

      const stale = requestId();
      const st = await t.http().post(`/api/v1/obligations/${o.id}/waive`).set(bearer(officer)).set('X-Request-Id', stale).send({ reason: 'Banjir', version: 7 });
      expect(st.status).toBe(409);
      expect(st.body).toMatchObject({ status: 409, currentVersion: 1 });
      expect(await auditCount(stale)).toBe(0);

      const id1 = requestId();
      const res = await t.http().post(`/api/v1/obligations/${o.id}/waive`).set(bearer(officer)).set('X-Request-Id', id1).send({ reason: 'Banjir besar melanda sentra produksi', version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: o.id, status: 'WAIVED', waiveReason: 'Banjir besar melanda sentra produksi', version: 2 });
      expect(res.body.waivedAt).toEqual(expect.any(String));
      const records = await t.ds.query(`SELECT action, entity_type AS "entityType", entity_id AS "entityId", organization_id AS org, diff FROM audit_log WHERE request_id = $1`, [id1]);
      expect(records).toEqual([
        expect.objectContaining({ action: 'obligation.waive', entityType: 'obligation', entityId: o.id, org: partner.organization!.id }),
      ]);
      expect(records[0].diff.status).toEqual({ before: 'OVERDUE', after: 'WAIVED' });
      const notes = (await t.http().get('/api/v1/notifications?limit=100').set(bearer(partner))).body.items.filter((n: { entityId: string }) => n.entityId === o.id);
      expect(notes).toEqual([expect.objectContaining({ kind: 'OBLIGATION_WAIVED' })]);

      const id2 = requestId();
      const again = await t.http().post(`/api/v1/obligations/${o.id}/waive`).set(bearer(officer)).set('X-Request-Id', id2).send({ reason: 'lagi' });
      expect(again.status).toBe(409);
      expect(again.body.type).toContain('invalid-transition');
      expect(await auditCount(id2)).toBe(0);
      expect((await list(partner, `agreementId=${a.id}&status=WAIVED`)).map((x) => x.id)).toEqual([o.id]);
    });
  });

  describe('the functions the agreements library calls', () => {
    const system = (s: Session): Actor => ({ userId: s.user.id, email: s.email, role: s.user.role as Actor['role'], organizationId: s.organization!.id, provinceCodes: [], locale: 'id' });

    it('fulfilCommitmentObligation: the commitment’s OPEN obligation → FULFILLED with a note', async () => {
      const a = await activeAgreement(t, partner, firm, { startDate: '2026-01-01', endDate: '2026-12-31', commitments: [{ type: 'PRODUCTION_WORK', description: 'x', dueDate: '2026-05-01' }] });
      await t.ds.transaction((m) => fulfilCommitmentObligation(m, a.commitmentIds[0], system(firm)));
      const [o] = await ofType(firm, a.id, 'HONOUR_AGREEMENT');
      expect(o.status).toBe('FULFILLED');
      expect(o.fulfilledAt).toEqual(expect.any(String));
      expect(o.evidence).toEqual([expect.objectContaining({ kind: 'NOTE', organizationId: firm.organization!.id })]);
    });

    it('cancelOpenObligations: OPEN → CANCELLED (fulfilled stay), scheduled sessions cancelled', async () => {
      const a = await activeAgreement(t, partner, firm, {
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        commitments: [
          { type: 'PRODUCTION_WORK', description: 'x', dueDate: '2026-05-01' },
          { type: 'PRODUCTION_WORK', description: 'y', dueDate: '2026-06-01' },
        ],
        coaching: [{ aspect: 'MANAGEMENT', activity: 'SOP', description: 'Penyusunan SOP', sessions: [{ scheduledAt: '2026-12-20T02:00:00Z', location: 'x' }] }],
      });
      await t.ds.transaction((m) => fulfilCommitmentObligation(m, a.commitmentIds[0], system(firm)));
      const n = await t.ds.transaction((m) => cancelOpenObligations(m, a.id));
      expect(n).toBe(4 + 1 + 1); // 4 quarters, commitment y, the session
      const all = await list(partner, `agreementId=${a.id}`);
      expect(all.filter((o) => o.status === 'FULFILLED').length).toBe(1);
      expect(all.filter((o) => o.status === 'CANCELLED').length).toBe(6);
      const [s] = await t.ds.query(`SELECT status FROM coaching_session WHERE agreement_id = $1`, [a.id]);
      expect(s.status).toBe('CANCELLED');
    });

    it('resyncObligationsForTerms: commitments follow into the new terms; future periods follow the new dates', async () => {
      const today = await todayIn(t, 'Asia/Jakarta');
      const year = Number(today.slice(0, 4));
      const start = `${year - 1}-01-01`;
      const a = await activeAgreement(t, partner, firm, {
        startDate: start,
        endDate: `${year + 1}-12-31`,
        commitments: [
          { type: 'PRODUCTION_WORK', description: 'stays', dueDate: `${year + 1}-03-01` },
          { type: 'FINANCING', description: 'dropped', dueDate: `${year + 1}-04-01` },
          { type: 'PRODUCTION_WORK', description: 'fulfilled', dueDate: `${year - 1}-04-01` },
        ],
      });
      await t.ds.transaction((m) => fulfilCommitmentObligation(m, a.commitmentIds[2], system(firm)));
      const reportsBefore = await ofType(partner, a.id, 'PROGRESS_REPORT');
      const amended = await amendAgreement(t, a.id, {
        startDate: start,
        endDate: `${year + 1}-05-20`,
        commitments: [
          { type: 'PRODUCTION_WORK', description: 'stays', dueDate: `${year + 1}-03-15` },
          { type: 'PRODUCTION_WORK', description: 'fulfilled', dueDate: `${year - 1}-04-01` },
          { type: 'RAW_MATERIAL_SUPPLY', description: 'new', dueDate: `${year + 1}-02-01` },
        ],
      });
      const honour = await ofType(partner, a.id, 'HONOUR_AGREEMENT');
      const byDesc = (d: string) => honour.filter((o) => o.title.endsWith(`: ${d}`));
      expect(byDesc('stays')).toEqual([expect.objectContaining({ commitmentId: amended.commitmentIds[0], dueDate: `${year + 1}-03-15` })]);
      expect(byDesc('fulfilled')).toEqual([expect.objectContaining({ commitmentId: amended.commitmentIds[1], status: 'FULFILLED' })]);
      expect(byDesc('new')).toEqual([expect.objectContaining({ commitmentId: amended.commitmentIds[2], dueDate: `${year + 1}-02-01` })]);
      expect(byDesc('dropped').map((o) => o.status)).toEqual(['CANCELLED']);

      const reports = await ofType(partner, a.id, 'PROGRESS_REPORT');
      const live = reports.filter((o) => o.status !== 'CANCELLED');
      // Past periods untouched; the last one now ends on the new end date.
      expect(live.at(-1)).toMatchObject({ periodStart: `${year + 1}-04-01`, periodEnd: `${year + 1}-05-20`, dueDate: `${year + 1}-05-30` });
      const cancelled = reports.filter((o) => o.status === 'CANCELLED').map((o) => o.periodEnd);
      expect(cancelled).toEqual([`${year + 1}-06-30`, `${year + 1}-09-30`, `${year + 1}-12-31`]);
      const past = reportsBefore.filter((o) => o.periodEnd! < today).map((o) => o.id);
      expect(live.filter((o) => past.includes(o.id)).length).toBe(past.length);
    });

    it('recordTrackRecord adds to the firm’s counters and recomputes its track record', async () => {
      const e = await f.enterprise();
      await t.ds.transaction((m) => recordTrackRecord(m, e.organization!.id, { completed: 2, terminated: 1, sessionsConfirmed: 3 }));
      await t.ds.transaction((m) => recordTrackRecord(m, e.organization!.id, { sessionsConfirmed: 1 }));
      const [row] = await t.ds.query(
        `SELECT agreements_completed AS c, agreements_terminated AS x, sessions_confirmed AS s, track_record AS r FROM organization WHERE id = $1`,
        [e.organization!.id],
      );
      expect([row.c, row.x, row.s]).toEqual([2, 1, 4]);
      expect(row.r).toBeCloseTo(trackRecordPart(2, 1, 4), 5);
    });
  });
});
