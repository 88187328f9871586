import { cancelOpenObligations } from '../libs/obligations/src/index.js';
import { FiguresRefresher } from '../libs/monitoring/src/index.js';
import { KBLI_DIVISIONS } from '../libs/core/src/reference-data/kbli-divisions.js';
import { activeAgreement, todayIn } from './support/agreements-sql.js';
import { agreements as apiAgreements } from './support/agreements.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';

/*
 * A hand-built dataset across two provinces (33 Jawa Tengah, 73 Sulawesi Selatan), two patterns and
 * two KBLI divisions (10 food, 13 textiles), with reports fulfilled on time, late, overdue and waived.
 * Y is two years back, so every reporting period below is in the past whatever today is.
 *
 * Partners: PA (province 35, has a PIC), PB (province 73, without a PIC when its agreements are activated →
 * each activation adds an APPOINT_PIC obligation due in 30 days, UPCOMING; it stays without one).
 * Small firms: F1 (33, 10794), F2 (33, 13121 + 13911), F3 (73, 13911), F4 (73, 10794), F5 (33, 10794).
 *
 * Agreements (QUARTERLY, Y-01-01 … Y-12-31 unless said: PROGRESS_REPORT due D1 Y-04-10, D2 Y-07-10,
 * D3 Y-10-10, D4 (Y+1)-01-10):
 *   A1 PA–F1 SUBCONTRACT, KBLI 10794 (div 10), prov 33, ACTIVE: D1 fulfilled on its due day (on time),
 *      D2 fulfilled 5 days late, D3 open (OVERDUE), D4 WAIVED (through the API); a commitment due
 *      Y-08-15 left open (HONOUR_AGREEMENT, OVERDUE); a session Y-03-15 CONFIRMED, one Y-09-01 SCHEDULED.
 *   A2 PA–F2 INTI_PLASMA, opportunity KBLI 139 → the firm's first code under it, 13911 (div 13), prov 33,
 *      ACTIVE: D1 on time (10 days early), D2 on time, D3 late, D4 OVERDUE; a commitment due Y-05-20
 *      fulfilled (HONOUR_AGREEMENT, FULFILLED).
 *   A3 PB–F3 SUBCONTRACT, KBLI 13911 (div 13), prov 73, ACTIVE: D1 and D2 OVERDUE, D3 on time, D4 late;
 *      APPOINT_PIC UPCOMING; a session Y-05-05 CONFIRMED, one Y-06-10 DISPUTED.
 *   A4 PB–F4 INTI_PLASMA, KBLI 10794 (div 10), prov 73, ACTIVE: D1 on time, D2 WAIVED, D3 OVERDUE, D4
 *      moved to today + 3 (DUE); APPOINT_PIC UPCOMING; a session Y-11-20 CONFIRMED.
 *   A5 PA–F1 SUBCONTRACT, div 10, prov 33, Y-01-01 … Y-06-30, COMPLETED: D1, D2 on time.
 *   A6 PA–F5 SUBCONTRACT, div 10, prov 33, TERMINATED after D1 was fulfilled late: D2–D4 CANCELLED.
 *   A7 PA–F5 SUBCONTRACT, div 10, prov 33, DRAFT (through the API; starts this month; no obligations).
 *
 * 26 obligations: A1 5, A2 5, A3 5, A4 5, A5 2, A6 4.
 */
describe('monitoring figures', () => {
  let t: TestApp;
  let f: ReturnType<typeof factory>;
  let PA: Session, PB: Session, F1: Session, F2: Session, F3: Session, F4: Session, F5: Session;
  let officer: Session, officer73: Session, admin: Session;
  let Y: number;
  const ids: Record<string, string> = {};
  /** PROGRESS_REPORT obligation ids per agreement, by due date (D1…D4). */
  const pr: Record<string, string[]> = {};

  const get = (s: Session, path: string) => t.http().get(`/api/v1/monitoring/${path}`).set(bearer(s));
  const ok = async (s: Session, path: string) => {
    const res = await get(s, path);
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const refresh = () => t.app.get(FiguresRefresher).refresh();

  /** Marks an obligation FULFILLED at noon, `days` after its due day, in its own zone. */
  const fulfil = (id: string, days: number) =>
    t.ds.query(
      `UPDATE obligation SET state = 'FULFILLED', fulfilled_at = ((due_date + $2::int)::timestamp + interval '12 hours') AT TIME ZONE time_zone WHERE id = $1`,
      [id, days],
    );
  const session = (agreementId: string, at: string, status: string) =>
    t.ds.query(
      `INSERT INTO coaching_session (agreement_id, aspect, activity, topic, scheduled_at, location, status, confirmed_at)
       VALUES ($1, 'HUMAN_RESOURCES', 'TRAINING', 'Keamanan pangan', $2::timestamptz, 'Balai desa', $3, CASE WHEN $3 = 'CONFIRMED' THEN now() END)`,
      [agreementId, at, status],
    );
  const setOpportunityKbli = (agreementId: string, codes: string[]) =>
    t.ds.query(`UPDATE opportunity SET kbli_codes = $2 WHERE id = (SELECT opportunity_id FROM agreement WHERE id = $1)`, [agreementId, codes]);

  /**
   * The full figures object from compact numbers written by hand:
   * agreements [DRAFT, AWAITING_SIGNATURES, ACTIVE, COMPLETED, TERMINATED], [INTI_PLASMA, SUBCONTRACT];
   * obligations [UPCOMING, DUE, OVERDUE, FULFILLED, WAIVED, CANCELLED]; reports [onTime, late, overdue].
   */
  function figures(o: {
    ag: [number, number, number, number, number];
    pattern: [number, number];
    reached: number;
    ob: [number, number, number, number, number, number];
    reports: [number, number, number];
    rate: number | null;
    sessions: number;
  }) {
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    return {
      agreements: {
        total: sum(o.ag),
        byStatus: { DRAFT: o.ag[0], AWAITING_SIGNATURES: o.ag[1], ACTIVE: o.ag[2], COMPLETED: o.ag[3], TERMINATED: o.ag[4] },
        byPattern: { INTI_PLASMA: o.pattern[0], SUBCONTRACT: o.pattern[1] },
      },
      smallFirmsReached: o.reached,
      obligations: {
        total: sum(o.ob),
        byStatus: { UPCOMING: o.ob[0], DUE: o.ob[1], OVERDUE: o.ob[2], FULFILLED: o.ob[3], WAIVED: o.ob[4], CANCELLED: o.ob[5] },
      },
      reports: { due: sum(o.reports), onTime: o.reports[0], late: o.reports[1], overdue: o.reports[2] },
      onTimeReportRate: o.rate,
      overdueCount: o.ob[2],
      coachingSessionsDelivered: o.sessions,
    };
  }

  // ---- expected figures, counted by hand from the dataset above ----

  /** Everything. Reports: on time A1D1 A2D1 A2D2 A3D3 A4D1 A5D1 A5D2 (7); late A1D2 A2D3 A3D4 A6D1 (4); overdue A1D3 A2D4 A3D1 A3D2 A4D3 (5). */
  const NATIONAL = figures({
    ag: [1, 0, 4, 1, 1], // A7 | — | A1 A2 A3 A4 | A5 | A6
    pattern: [2, 5], // A2 A4 | A1 A3 A5 A6 A7
    reached: 4, // F1 (A1, A5), F2, F3, F4 — F5 has only a terminated and a draft agreement
    ob: [2, 1, 6, 12, 2, 3], // PICs of A3 A4 | A4D4 | A1D3 A1-commitment A2D4 A3D1 A3D2 A4D3 | … | A1D4 A4D2 | A6D2-4
    reports: [7, 4, 5],
    rate: 7 / 16,
    sessions: 3, // A1 Y-03-15, A3 Y-05-05, A4 Y-11-20 (the scheduled and the disputed ones do not count)
  });
  /** Province 33: A1 A2 A5 A6 A7. */
  const P33 = figures({
    ag: [1, 0, 2, 1, 1],
    pattern: [1, 4],
    reached: 2, // F1, F2
    ob: [0, 0, 3, 9, 1, 3], // overdue A1D3 A1-commitment A2D4; fulfilled A1D1 A1D2 A2D1-3 A2-commitment A5D1 A5D2 A6D1
    reports: [5, 3, 2], // on time A1D1 A2D1 A2D2 A5D1 A5D2; late A1D2 A2D3 A6D1; overdue A1D3 A2D4
    rate: 5 / 10,
    sessions: 1,
  });
  /** Province 73: A3 A4. */
  const P73 = figures({
    ag: [0, 0, 2, 0, 0],
    pattern: [1, 1],
    reached: 2, // F3, F4
    ob: [2, 1, 3, 3, 1, 0], // PICs | A4D4 | A3D1 A3D2 A4D3 | A3D3 A3D4 A4D1 | A4D2
    reports: [2, 1, 3], // on time A3D3 A4D1; late A3D4; overdue A3D1 A3D2 A4D3
    rate: 2 / 6,
    sessions: 2,
  });
  /** KBLI division 10: A1 A4 A5 A6 A7. */
  const DIV10 = figures({
    ag: [1, 0, 2, 1, 1],
    pattern: [1, 4],
    reached: 2, // F1, F4
    ob: [1, 1, 3, 6, 2, 3], // A4 PIC | A4D4 | A1D3 A1-commitment A4D3 | A1D1 A1D2 A4D1 A5D1 A5D2 A6D1 | A1D4 A4D2 | A6D2-4
    reports: [4, 2, 2], // on time A1D1 A4D1 A5D1 A5D2; late A1D2 A6D1; overdue A1D3 A4D3
    rate: 4 / 8,
    sessions: 2, // A1, A4
  });
  /** KBLI division 13: A2 A3. */
  const DIV13 = figures({
    ag: [0, 0, 2, 0, 0],
    pattern: [1, 1],
    reached: 2, // F2, F3
    ob: [1, 0, 3, 6, 0, 0], // A3 PIC | — | A2D4 A3D1 A3D2 | A2D1-3 A2-commitment A3D3 A3D4
    reports: [3, 2, 3], // on time A2D1 A2D2 A3D3; late A2D3 A3D4; overdue A2D4 A3D1 A3D2
    rate: 3 / 8,
    sessions: 1, // A3
  });
  /** INTI_PLASMA: A2 A4. */
  const INTI = figures({
    ag: [0, 0, 2, 0, 0],
    pattern: [2, 0],
    reached: 2, // F2, F4
    ob: [1, 1, 2, 5, 1, 0], // A4 PIC | A4D4 | A2D4 A4D3 | A2D1-3 A2-commitment A4D1 | A4D2
    reports: [3, 1, 2], // on time A2D1 A2D2 A4D1; late A2D3; overdue A2D4 A4D3
    rate: 3 / 6,
    sessions: 1, // A4
  });
  /** SUBCONTRACT: A1 A3 A5 A6 A7. */
  const SUB = figures({
    ag: [1, 0, 2, 1, 1],
    pattern: [0, 5],
    reached: 2, // F1, F3
    ob: [1, 0, 4, 7, 1, 3], // A3 PIC | — | A1D3 A1-commitment A3D1 A3D2 | A1D1 A1D2 A3D3 A3D4 A5D1 A5D2 A6D1 | A1D4 | A6D2-4
    reports: [4, 3, 3], // on time A1D1 A3D3 A5D1 A5D2; late A1D2 A3D4 A6D1; overdue A1D3 A3D1 A3D2
    rate: 4 / 10,
    sessions: 2, // A1, A3
  });

  beforeAll(async () => {
    t = await startTestApp();
    f = factory(t);
    Y = Number((await todayIn(t, 'Asia/Jakarta')).slice(0, 4)) - 2;
    [PA, PB, F1, F2, F3, F4, F5, officer, officer73, admin] = await Promise.all([
      f.partner(),
      f.partner({ regionCode: '73.71' }),
      f.enterprise(),
      f.enterprise({ kbliCodes: ['13121', '13911'] }),
      f.enterprise({ regionCode: '73.71.01', kbliCodes: ['13911'] }),
      f.enterprise({ regionCode: '73.71.01' }),
      f.enterprise(),
      f.ministry(),
      f.ministry(['73']),
      f.admin(),
    ]);
    const year = { startDate: `${Y}-01-01`, endDate: `${Y}-12-31` };
    const a1 = await activeAgreement(t, PA, F1, {
      ...year,
      commitments: [{ type: 'PRODUCTION_WORK', description: 'Pesanan keripik 2 ton', dueDate: `${Y}-08-15` }],
    });
    const a2 = await activeAgreement(t, PA, F2, {
      ...year,
      pattern: 'INTI_PLASMA',
      commitments: [{ type: 'FINANCING', description: 'Kredit benang', valueIdr: 10_000_000, dueDate: `${Y}-05-20` }],
    });
    // PB publishes with a PIC (publishing needs one), and has none when its agreements are activated
    const picOf = (await t.ds.query(`SELECT pic FROM organization WHERE id = $1`, [PB.organization!.id]))[0].pic;
    const dropPic = (m: { query: (q: string, p: unknown[]) => Promise<unknown> }) => m.query(`UPDATE organization SET pic = NULL WHERE id = $1`, [PB.organization!.id]);
    const restorePic = () => t.ds.query(`UPDATE organization SET pic = $2 WHERE id = $1`, [PB.organization!.id, picOf]);
    const a3 = await activeAgreement(t, PB, F3, { ...year, beforeActivation: dropPic });
    await restorePic();
    const a4 = await activeAgreement(t, PB, F4, { ...year, pattern: 'INTI_PLASMA', beforeActivation: dropPic });
    const a5 = await activeAgreement(t, PA, F1, { startDate: `${Y}-01-01`, endDate: `${Y}-06-30` });
    const a6 = await activeAgreement(t, PA, F5, year);
    const a7 = await apiAgreements(t).draft({ partner: PA, enterprise: F5 });
    Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, a4: a4.id, a5: a5.id, a6: a6.id, a7: a7.id });
    await setOpportunityKbli(a2.id, ['139']);
    await setOpportunityKbli(a3.id, ['13911']);
    for (const [k, id] of Object.entries(ids)) {
      pr[k] = (await t.ds.query(`SELECT id FROM obligation WHERE agreement_id = $1 AND type = 'PROGRESS_REPORT' ORDER BY due_date`, [id])).map((r: { id: string }) => r.id);
    }
    const honour = async (id: string) => (await t.ds.query(`SELECT id FROM obligation WHERE agreement_id = $1 AND type = 'HONOUR_AGREEMENT'`, [id]))[0].id as string;

    // A1: D1 on its due day, D2 5 days late, D3 open, D4 waived by the ministry (API); the commitment stays open
    await fulfil(pr.a1[0], 0);
    await fulfil(pr.a1[1], 5);
    const w = await t.http().post(`/api/v1/obligations/${pr.a1[3]}/waive`).set(bearer(officer)).send({ reason: 'Banjir melanda sentra produksi' });
    expect(w.status).toBe(200);
    // A2: D1 10 days early, D2 on its due day, D3 late, D4 open; the commitment fulfilled
    await fulfil(pr.a2[0], -10);
    await fulfil(pr.a2[1], 0);
    await fulfil(pr.a2[2], 3);
    await fulfil(await honour(a2.id), -1);
    // A3: D1 D2 open, D3 on time, D4 late
    await fulfil(pr.a3[2], -1);
    await fulfil(pr.a3[3], 1);
    // A4: D1 on time, D2 waived, D3 open, D4 moved to three days from now (DUE)
    await fulfil(pr.a4[0], 0);
    await t.ds.query(`UPDATE obligation SET state = 'WAIVED', waived_at = now(), waive_reason = 'test' WHERE id = $1`, [pr.a4[1]]);
    await t.ds.query(`UPDATE obligation SET due_date = (now() AT TIME ZONE time_zone)::date + 3 WHERE id = $1`, [pr.a4[3]]);
    // A5: completed, both reports on time
    await fulfil(pr.a5[0], 0);
    await fulfil(pr.a5[1], -2);
    await t.ds.query(`UPDATE agreement SET status = 'COMPLETED', completed_at = now() WHERE id = $1`, [a5.id]);
    // A6: D1 late, then terminated: the open reports are cancelled
    await fulfil(pr.a6[0], 7);
    await t.ds.transaction(async (m) => {
      await m.query(`UPDATE agreement SET status = 'TERMINATED', terminated_at = now(), termination_reason = 'test' WHERE id = $1`, [a6.id]);
      await cancelOpenObligations(m, a6.id);
    });
    // Sessions (PA is WIB, PB WITA)
    await session(a1.id, `${Y}-03-15T09:00:00+07:00`, 'CONFIRMED');
    await session(a1.id, `${Y}-09-01T09:00:00+07:00`, 'SCHEDULED');
    await session(a3.id, `${Y}-05-05T09:00:00+08:00`, 'CONFIRMED');
    await session(a3.id, `${Y}-06-10T09:00:00+08:00`, 'DISPUTED');
    await session(a4.id, `${Y}-11-20T09:00:00+08:00`, 'CONFIRMED');
    await refresh();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('builds the dataset it describes (26 obligations, the PICs only for PB)', async () => {
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM obligation WHERE agreement_id = ANY($1::uuid[])`, [Object.values(ids)]);
    expect(n).toBe(26);
    expect(Object.fromEntries(Object.entries(pr).map(([k, v]) => [k, v.length]))).toEqual({ a1: 4, a2: 4, a3: 4, a4: 4, a5: 2, a6: 4, a7: 0 });
    const pics = await t.ds.query(`SELECT agreement_id AS a FROM obligation WHERE type = 'APPOINT_PIC' ORDER BY 1`);
    expect(pics.map((r: { a: string }) => r.a).sort()).toEqual([ids.a3, ids.a4].sort());
  });

  describe('summary', () => {
    it('every figure equals the hand count, for ministry and admin alike, with asOf', async () => {
      for (const s of [officer, admin]) {
        const body = await ok(s, 'summary');
        expect(body).toMatchObject(NATIONAL);
        expect(Date.parse(body.asOf)).toBeGreaterThan(Date.now() - 120_000);
        expect(body.filters).toEqual({ province: null, kbli: null, pattern: null, from: null, to: null, limitedToProvinces: null });
      }
    });

    it('an officer limited to province 73 sees only its partnerships in every total', async () => {
      const body = await ok(officer73, 'summary');
      expect(body).toMatchObject(P73);
      expect(body.filters.limitedToProvinces).toEqual(['73']);
      // and asking for another province gives nothing rather than that province
      expect(await ok(officer73, 'summary?province=33')).toMatchObject(
        figures({ ag: [0, 0, 0, 0, 0], pattern: [0, 0], reached: 0, ob: [0, 0, 0, 0, 0, 0], reports: [0, 0, 0], rate: null, sessions: 0 }),
      );
    });

    it('filters change the totals: province, pattern, KBLI division, section and finer prefix', async () => {
      expect(await ok(officer, 'summary?province=33')).toMatchObject(P33);
      expect(await ok(officer, 'summary?province=73')).toMatchObject(P73);
      expect(await ok(officer, 'summary?pattern=INTI_PLASMA')).toMatchObject(INTI);
      expect(await ok(officer, 'summary?pattern=SUBCONTRACT')).toMatchObject(SUB);
      expect(await ok(officer, 'summary?kbli=10')).toMatchObject(DIV10);
      expect(await ok(officer, 'summary?kbli=13')).toMatchObject(DIV13);
      // section C (manufacturing, divisions 10–33) holds everything; section A nothing
      expect(await ok(officer, 'summary?kbli=C')).toMatchObject(NATIONAL);
      expect((await ok(officer, 'summary?kbli=A')).agreements.total).toBe(0);
      // prefixes finer than a division match the agreement's KBLI code: A2 and A3 are 13911 — A2's firm
      // also lists 13121, but its opportunity (139) makes the partnership's code 13911
      expect(await ok(officer, 'summary?kbli=1391')).toMatchObject(DIV13);
      expect(await ok(officer, 'summary?kbli=13911')).toMatchObject(DIV13);
      expect((await ok(officer, 'summary?kbli=1312')).agreements.total).toBe(0);
      // combined: province 33 ∩ INTI_PLASMA = A2 alone
      expect(await ok(officer, 'summary?province=33&pattern=INTI_PLASMA')).toMatchObject(
        figures({
          ag: [0, 0, 1, 0, 0],
          pattern: [1, 0],
          reached: 1,
          ob: [0, 0, 1, 4, 0, 0], // A2D4 | A2D1-3 + commitment
          reports: [2, 1, 1],
          rate: 2 / 4,
          sessions: 0,
        }),
      );
    });

    it('from/to bound each figure by its own date, partial months included', async () => {
      // Y-04-05 … Y-07-15: no agreement starts in it; obligations due in it are D1 and D2 of A1–A6 and
      // A2's commitment (Y-05-20); the sessions in it: A3's confirmed Y-05-05 (its disputed one does not count).
      const window = figures({
        ag: [0, 0, 0, 0, 0],
        pattern: [0, 0],
        reached: 0,
        // overdue A3D1 A3D2; fulfilled A1D1 A1D2 A2D1 A2D2 A2-commitment A4D1 A5D1 A5D2 A6D1; waived A4D2; cancelled A6D2
        ob: [0, 0, 2, 9, 1, 1],
        reports: [6, 2, 2], // on time A1D1 A2D1 A2D2 A4D1 A5D1 A5D2; late A1D2 A6D1; overdue A3D1 A3D2
        rate: 6 / 10,
        sessions: 1,
      });
      expect(await ok(officer, `summary?from=${Y}-04-05&to=${Y}-07-15`)).toMatchObject(window);
      // a section filter (answered from the cells, by division) keeps everything here
      expect(await ok(officer, `summary?from=${Y}-04-05&to=${Y}-07-15&kbli=C`)).toMatchObject(window);
      // whole months, first quarter: A1–A6 start in it (A7 starts this month); nothing is due; A1's session
      expect(await ok(officer, `summary?from=${Y}-01-01&to=${Y}-03-31`)).toMatchObject(
        figures({ ag: [0, 0, 4, 1, 1], pattern: [2, 4], reached: 4, ob: [0, 0, 0, 0, 0, 0], reports: [0, 0, 0], rate: null, sessions: 1 }),
      );
      // a single day: D3 (Y-10-10) of A1 (overdue), A2 (late), A3 (on time), A4 (overdue), A6 (cancelled)
      expect(await ok(officer, `summary?from=${Y}-10-10&to=${Y}-10-10`)).toMatchObject(
        figures({ ag: [0, 0, 0, 0, 0], pattern: [0, 0], reached: 0, ob: [0, 0, 2, 2, 0, 1], reports: [1, 1, 2], rate: 1 / 4, sessions: 0 }),
      );
      // open-ended: from (Y+1)-01-01 on — D4 of A1 (waived), A2 (overdue), A3 (late), A6 (cancelled); A4's D4
      // (due in 3 days) and both PICs (in 30 days); A7 starts this month (DRAFT)
      expect(await ok(officer, `summary?from=${Y + 1}-01-01`)).toMatchObject(
        figures({ ag: [1, 0, 0, 0, 0], pattern: [0, 1], reached: 0, ob: [2, 1, 1, 1, 1, 1], reports: [0, 1, 1], rate: 0, sessions: 0 }),
      );
    });

    it('a fine KBLI prefix with a partial window is answered from the facts alone and agrees with the hand count', async () => {
      // kbli 1391 = A2 A3; Y-04-05 … Y-07-15: A2D1 A2D2 (on time), A2-commitment (fulfilled), A3D1 A3D2 (overdue); A3's Y-05-05 session
      expect(await ok(officer, `summary?kbli=1391&from=${Y}-04-05&to=${Y}-07-15`)).toMatchObject(
        figures({ ag: [0, 0, 0, 0, 0], pattern: [0, 0], reached: 0, ob: [0, 0, 2, 3, 0, 0], reports: [2, 0, 2], rate: 2 / 4, sessions: 1 }),
      );
    });

    it('shows the snapshot: a change appears after the next refresh, with a later asOf', async () => {
      const before = await ok(officer, 'summary');
      await fulfil(pr.a2[3], 30); // A2's D4, overdue until now, filed 30 days late
      expect(await ok(officer, 'summary')).toEqual(before);
      await refresh();
      const after = await ok(officer, 'summary');
      expect(Date.parse(after.asOf)).toBeGreaterThan(Date.parse(before.asOf));
      expect(after.overdueCount).toBe(5);
      expect(after.reports).toEqual({ due: 16, onTime: 7, late: 5, overdue: 4 });
      // put it back for the other tests
      await t.ds.query(`UPDATE obligation SET state = 'OPEN', fulfilled_at = NULL WHERE id = $1`, [pr.a2[3]]);
      await refresh();
      expect(await ok(officer, 'summary')).toMatchObject(NATIONAL);
    });
  });

  describe('breakdown', () => {
    const title = (code: string) => KBLI_DIVISIONS.find(([c]) => c === code)![1];

    it('by province, KBLI division and pattern: each group equals its hand count', async () => {
      const byProvince = await ok(officer, 'breakdown?by=province');
      expect(byProvince.by).toBe('province');
      expect(byProvince.items).toEqual([
        { key: '33', label: 'Jawa Tengah', ...P33 },
        { key: '73', label: 'Sulawesi Selatan', ...P73 },
      ]);
      const byKbli = await ok(officer, 'breakdown?by=kbli');
      expect(byKbli.items).toEqual([
        { key: '10', label: title('10'), ...DIV10 },
        { key: '13', label: title('13'), ...DIV13 },
      ]);
      const byPattern = await ok(officer, 'breakdown?by=pattern');
      expect(byPattern.items).toEqual([
        { key: 'INTI_PLASMA', label: 'Inti-plasma', ...INTI },
        { key: 'SUBCONTRACT', label: 'Subkontrak', ...SUB },
      ]);
      expect(Date.parse(byPattern.asOf)).toBe(Date.parse((await ok(officer, 'summary')).asOf));
    });

    it('a province-limited officer gets only their provinces; filters apply to the groups', async () => {
      expect((await ok(officer73, 'breakdown?by=province')).items).toEqual([{ key: '73', label: 'Sulawesi Selatan', ...P73 }]);
      // province 73 by division: A4 (div 10) and A3 (div 13)
      const items = (await ok(officer73, 'breakdown?by=kbli')).items;
      expect(items.map((g: { key: string }) => g.key)).toEqual(['10', '13']);
      expect(items[0]).toMatchObject(
        figures({ ag: [0, 0, 1, 0, 0], pattern: [1, 0], reached: 1, ob: [1, 1, 1, 1, 1, 0], reports: [1, 0, 1], rate: 1 / 2, sessions: 1 }),
      );
      expect(items[1]).toMatchObject(
        figures({ ag: [0, 0, 1, 0, 0], pattern: [0, 1], reached: 1, ob: [1, 0, 2, 2, 0, 0], reports: [1, 1, 2], rate: 1 / 4, sessions: 1 }),
      );
      // by pattern with kbli 13: A2 (INTI) and A3 (SUB)
      const p = (await ok(officer, 'breakdown?by=pattern&kbli=13')).items as { key: string; agreements: { total: number } }[];
      expect(p.map((g) => [g.key, g.agreements.total])).toEqual([
        ['INTI_PLASMA', 1],
        ['SUBCONTRACT', 1],
      ]);
    });
  });

  describe('partners', () => {
    // PA: A1 A2 A5 A6 A7 — 5 agreements, 2 active; reports on time A1D1 A2D1 A2D2 A5D1 A5D2, late A1D2 A2D3 A6D1,
    // overdue A1D3 A2D4; overdue obligations A1D3 A1-commitment A2D4. PB: A3 A4 — 2 active; reports as province 73.
    const pa = () => ({ partnerId: PA.organization!.id, provinceCode: '35', agreements: 5, activeAgreements: 2, reports: { due: 10, onTime: 5, late: 3, overdue: 2 }, onTimeRate: 0.5, overdueCount: 3, picAppointed: true });
    const pb = () => ({ partnerId: PB.organization!.id, provinceCode: '73', agreements: 2, activeAgreements: 2, reports: { due: 6, onTime: 2, late: 1, overdue: 3 }, onTimeRate: 2 / 6, overdueCount: 3, picAppointed: false });

    it('per partner figures; default sort overdue desc (ties by id desc)', async () => {
      const body = await ok(officer, 'partners');
      const expected = [pa(), pb()].sort((a, b) => (a.partnerId < b.partnerId ? 1 : -1)); // both have 3 overdue
      expect(body.items).toEqual(expected.map((x) => expect.objectContaining(x)));
      expect(body.nextCursor).toBeNull();
      expect(body.items.map((x: { name: string }) => x.name)).toEqual(expected.map((x) => (x.partnerId === PA.organization!.id ? PA.organization!.name : PB.organization!.name)));
    });

    it('sorts by any field either way, in keyset pages', async () => {
      const order = async (q: string) => {
        const out: string[] = [];
        let cursor: string | null = null;
        do {
          const body: { items: { partnerId: string }[]; nextCursor: string | null } = await ok(officer, `partners?limit=1&${q}${cursor ? `&cursor=${cursor}` : ''}`);
          out.push(...body.items.map((x) => x.partnerId));
          cursor = body.nextCursor;
        } while (cursor);
        return out;
      };
      const A = PA.organization!.id;
      const B = PB.organization!.id;
      expect(await order('sort=onTimeRate')).toEqual([A, B]);
      expect(await order('sort=onTimeRate&order=asc')).toEqual([B, A]);
      expect(await order('sort=agreements&order=desc')).toEqual([A, B]);
      expect(await order('sort=picAppointed&order=asc')).toEqual([B, A]);
      const byName = [PA, PB].sort((x, y) => (x.organization!.name as string).localeCompare(y.organization!.name as string, 'en')).map((s) => s.organization!.id);
      expect(await order('sort=name')).toEqual(byName);
      // a cursor belongs to its sort and order
      const first = await ok(officer, 'partners?limit=1&sort=onTimeRate');
      expect((await get(officer, `partners?limit=1&sort=name&cursor=${first.nextCursor}`)).status).toBe(400);
    });

    it('filters and the province limit narrow each partner to the partnerships in scope', async () => {
      // officer limited to 73 sees PB only; PA has nothing there
      expect((await ok(officer73, 'partners')).items).toEqual([expect.objectContaining(pb())]);
      // kbli 13 → PA counts only A2, PB only A3
      const items = (await ok(officer, 'partners?kbli=13&sort=name')).items as { partnerId: string }[];
      const byId = new Map(items.map((x) => [x.partnerId, x]));
      expect(byId.get(PA.organization!.id)).toMatchObject({ agreements: 1, activeAgreements: 1, reports: { due: 4, onTime: 2, late: 1, overdue: 1 }, onTimeRate: 0.5, overdueCount: 1 });
      expect(byId.get(PB.organization!.id)).toMatchObject({ agreements: 1, activeAgreements: 1, reports: { due: 4, onTime: 1, late: 1, overdue: 2 }, onTimeRate: 0.25, overdueCount: 2 });
    });

    it('a window per partner (read from the facts) counts each figure by its own date', async () => {
      // Y-04-05 … Y-07-15: no agreement starts; PA's reports due: on time A1D1 A2D1 A2D2 A5D1 A5D2, late A1D2 A6D1;
      // PB's: on time A4D1, overdue A3D1 A3D2 (A4D2 waived)
      const items = (await ok(officer, `partners?from=${Y}-04-05&to=${Y}-07-15&sort=onTimeRate`)).items;
      expect(items).toEqual([
        expect.objectContaining({ partnerId: PA.organization!.id, agreements: 0, activeAgreements: 0, reports: { due: 7, onTime: 5, late: 2, overdue: 0 }, onTimeRate: 5 / 7, overdueCount: 0 }),
        expect.objectContaining({ partnerId: PB.organization!.id, agreements: 0, activeAgreements: 0, reports: { due: 3, onTime: 1, late: 0, overdue: 2 }, onTimeRate: 1 / 3, overdueCount: 2 }),
      ]);
    });
  });

  describe('overdue', () => {
    it('lists overdue obligations oldest first with their context, in keyset pages', async () => {
      const seen: { obligationId: string; dueDate: string; daysOverdue: number; agreement: { id: string }; partner: { id: string }; enterprise: { id: string }; province: { code: string; name: string } }[] = [];
      let cursor: string | null = null;
      let asOf = '';
      do {
        const body: { asOf: string; items: typeof seen; nextCursor: string | null } = await ok(officer, `overdue?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(body.items.length).toBeLessThanOrEqual(2);
        seen.push(...body.items);
        cursor = body.nextCursor;
        asOf = body.asOf;
      } while (cursor);
      // A3D1 (Y-04-10), A3D2 (Y-07-10), A1's commitment (Y-08-15), A1D3 and A4D3 (Y-10-10, by id), A2D4 ((Y+1)-01-10)
      const tenth = [pr.a1[2], pr.a4[2]].sort();
      const a1Commitment = (await t.ds.query(`SELECT id FROM obligation WHERE agreement_id = $1 AND type = 'HONOUR_AGREEMENT'`, [ids.a1]))[0].id;
      expect(seen.map((x) => x.obligationId)).toEqual([pr.a3[0], pr.a3[1], a1Commitment, ...tenth, pr.a2[3]]);
      expect(seen.map((x) => x.dueDate)).toEqual([`${Y}-04-10`, `${Y}-07-10`, `${Y}-08-15`, `${Y}-10-10`, `${Y}-10-10`, `${Y + 1}-01-10`]);
      const first = seen[0];
      expect(first.agreement.id).toBe(ids.a3);
      expect(first.partner.id).toBe(PB.organization!.id);
      expect(first.enterprise.id).toBe(F3.organization!.id);
      expect(first.province).toEqual({ code: '73', name: 'Sulawesi Selatan' });
      // days overdue at asOf in the obligation's zone (PB is WITA)
      const [{ days }] = await t.ds.query(`SELECT (($1::timestamptz AT TIME ZONE 'Asia/Makassar')::date - $2::date) AS days`, [asOf, `${Y}-04-10`]);
      expect(first.daysOverdue).toBe(days);
      expect(first.daysOverdue).toBeGreaterThan(365);
    });

    it('the province limit, filters and type narrow the list', async () => {
      const ids73 = (await ok(officer73, 'overdue?limit=100')).items.map((x: { obligationId: string }) => x.obligationId);
      expect(ids73).toEqual([pr.a3[0], pr.a3[1], pr.a4[2]]);
      const reports33 = (await ok(officer, 'overdue?limit=100&province=33&type=PROGRESS_REPORT')).items.map((x: { obligationId: string }) => x.obligationId);
      expect(reports33).toEqual([pr.a1[2], pr.a2[3]]);
      const window = (await ok(officer, `overdue?from=${Y}-07-01&to=${Y}-09-30`)).items.map((x: { dueDate: string }) => x.dueDate);
      expect(window).toEqual([`${Y}-07-10`, `${Y}-08-15`]);
    });
  });

  describe('trend', () => {
    it('reports and overdue per month of the due date, gaps filled', async () => {
      const body = await ok(officer, 'trend');
      const m = (month: number, year = Y) => `${year}-${String(month).padStart(2, '0')}`;
      const point = (month: string, onTime: number, late: number, overdue: number, rate: number | null, overdueCount: number) => ({
        month,
        reports: { due: onTime + late + overdue, onTime, late, overdue },
        onTimeReportRate: rate,
        overdueCount,
      });
      expect(body.items).toEqual([
        point(m(4), 4, 1, 1, 4 / 6, 1), // D1: on time A1 A2 A4 A5, late A6, overdue A3
        point(m(5), 0, 0, 0, null, 0),
        point(m(6), 0, 0, 0, null, 0),
        point(m(7), 2, 1, 1, 2 / 4, 1), // D2: on time A2 A5, late A1, overdue A3 (A4 waived, A6 cancelled)
        point(m(8), 0, 0, 0, null, 1), // A1's commitment
        point(m(9), 0, 0, 0, null, 0),
        point(m(10), 1, 1, 2, 1 / 4, 2), // D3: on time A3, late A2, overdue A1 A4
        point(m(11), 0, 0, 0, null, 0),
        point(m(12), 0, 0, 0, null, 0),
        point(m(1, Y + 1), 0, 1, 1, 0, 1), // D4: late A3, overdue A2 (A1 waived, A6 cancelled, A4 moved)
      ]);
      const limited = await ok(officer73, `trend?from=${Y}-04-01&to=${Y}-06-30`);
      expect(limited.items).toEqual([point(m(4), 1, 0, 1, 1 / 2, 1), point(m(5), 0, 0, 0, null, 0), point(m(6), 0, 0, 0, null, 0)]);
    });
  });

  describe('access and validation', () => {
    const routes = ['summary', 'breakdown?by=province', 'partners', 'overdue', 'trend'];

    it('firms and partners get 403 on every route; no token 401', async () => {
      for (const r of routes) {
        expect((await get(F1, r)).status).toBe(403);
        expect((await get(PA, r)).status).toBe(403);
        expect((await t.http().get(`/api/v1/monitoring/${r}`)).status).toBe(401);
      }
    });

    it('bad filters are 400 with the field named', async () => {
      const bad: [string, string][] = [
        ['summary?province=3', 'province'],
        ['summary?province=99', 'province'],
        ['summary?kbli=1', 'kbli'],
        ['summary?kbli=123456', 'kbli'],
        ['summary?kbli=Z', 'kbli'],
        ['summary?pattern=WARALABA', 'pattern'],
        ['summary?from=2025-02-30', 'from'],
        ['summary?to=31-12-2025', 'to'],
        ['summary?from=2025-06-01&to=2025-05-31', 'to'],
        ['summary?unknown=1', 'unknown'],
        ['breakdown', 'by'],
        ['breakdown?by=regency', 'by'],
        ['partners?sort=revenue', 'sort'],
        ['partners?order=up', 'order'],
        ['partners?limit=0', 'limit'],
        ['partners?cursor=nonsense', 'cursor'],
        ['overdue?cursor=WyJ4IiwieSJd', 'cursor'],
        ['overdue?type=TAX', 'type'],
        ['trend?province=3x', 'province'],
      ];
      for (const [path, field] of bad) {
        const res = await get(officer, path);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });
  });
});
