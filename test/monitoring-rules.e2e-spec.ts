import { DataSource } from 'typeorm';
import { classify, SIZE_REGIME_CODES } from '../libs/organizations/src/index.js';
import { RISK_RULES, RISK_RULES_LOCK_KEY, runRiskRules, SCALE_RANK, scaleRankSql } from '../libs/monitoring/src/index.js';
import { currentPeriod } from './support/agreements.js';
import { activeAgreement, amendAgreement, plusDays, todayIn } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import { opportunities } from './support/opportunities.js';

interface Finding {
  id: string;
  ruleCode: string;
  severity: string;
  status: string;
  subjectType: string;
  subjectId: string;
  partnerId: string;
  enterpriseId: string | null;
  agreementId: string | null;
  provinceCode: string;
  enterpriseProvinceCode: string | null;
  details: Record<string, unknown>;
  rule: { code: string; legalBasis: string; title: { id: string; en: string } };
  resolvedAt: string | null;
}

describe('monitoring risk rules: each fires on its case, stays silent on a clean one, and resolves when fixed', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let officer33: Session;
  let rid = 0;
  const requestId = () => `rules-${Date.now()}-${rid++}`;

  // scenario parties (partners in East Java 35 unless said, small firms in Central Java 33)
  let clean: { partner: Session; firm: Session; agreement: string };
  let report: { partner: Session; firm: Session; overdue: string; nearMiss: string };
  let pic: { partner: Session; agreement: string };
  let coaching: { agreement: string; nearMiss: string; session: string };
  let disputes: { partner: Session; firm: Session; agreement: string; sessionAgreement: string; session: string; commitments: string[] };
  let amended: { often: string; twice: string };
  let grown: { firm: Session; agreement: string };
  let quiet: { partner: Session; agreement: string };
  let bali: { partner: Session; firm: Session; agreement: string };

  const run = async (s: Session = admin, id = requestId()) => {
    const res = await t.http().post('/api/v1/monitoring/findings/run').set(bearer(s)).set('X-Request-Id', id).send({});
    expect(res.status).toBe(200);
    return res.body as { id: string; trigger: string; rules: { code: string; open: number; opened?: number; kept?: number; resolved?: number }[] };
  };
  const list = async (query: Record<string, string>, s: Session = admin): Promise<Finding[]> => {
    const res = await t.http().get('/api/v1/monitoring/findings').query({ limit: '100', ...query }).set(bearer(s));
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items;
  };
  const about = async (rule: string, subjectId: string, status = 'OPEN') => (await list({ rule, status })).filter((f) => f.subjectId === subjectId);
  const org = (s: Session) => s.organization!.id;
  const period = currentPeriod();
  const pastStart = '2026-07-01';
  const pastEnd = '2027-06-30';

  beforeAll(async () => {
    t = await startTestApp();
    const f = factory(t);
    [admin, officer, officer33] = await Promise.all([f.admin(), f.ministry(), f.ministry(['33'])]);
    const [baliRegency] = await t.ds.query(`SELECT code FROM region WHERE province_code = '51' AND level = 'regency' ORDER BY code LIMIT 1`);
    const [baliDistrict] = await t.ds.query(`SELECT code FROM region WHERE province_code = '51' AND level = 'district' ORDER BY code LIMIT 1`);
    const pair = async (partnerOver: Record<string, unknown> = {}, firmOver: Record<string, unknown> = {}) =>
      Promise.all([f.partner(partnerOver), f.enterprise(firmOver)]);
    const agreementOf = (p: Session, e: Session, spec: Parameters<typeof activeAgreement>[3]) => activeAgreement(t, p, e, spec);
    const now = { startDate: period.startDate, endDate: period.endDate };

    {
      const [partner, firm] = await pair();
      const a = await agreementOf(partner, firm, {
        ...now,
        commitments: [{ type: 'PRODUCTION_WORK', description: 'Pesanan bulanan' }],
        coaching: [{ aspect: 'MARKETING', activity: 'Pengemasan', description: 'Desain kemasan' }],
      });
      clean = { partner, firm, agreement: a.id };
    }
    {
      const [partner, firm] = await pair();
      const overdue = await agreementOf(partner, firm, { startDate: pastStart, endDate: pastEnd });
      const nearMiss = await agreementOf(partner, firm, { startDate: pastStart, endDate: pastEnd });
      // the near miss: its Q3 report due exactly 30 days ago (a finding needs more than 30)
      const today = await todayIn(t, 'Asia/Jakarta');
      await t.ds.query(`UPDATE obligation SET due_date = $2 WHERE agreement_id = $1 AND type = 'PROGRESS_REPORT' AND period_end = '2026-09-30'`, [nearMiss.id, plusDays(today, -30)]);
      report = { partner, firm, overdue: overdue.id, nearMiss: nearMiss.id };
    }
    {
      const [partner, firm] = await pair();
      const a = await agreementOf(partner, firm, now);
      const res = await t.http().patch(`/api/v1/partners/${org(partner)}`).set(bearer(partner)).send({ pic: null });
      expect(res.status).toBe(200);
      pic = { partner, agreement: a.id };
    }
    {
      const [partner, firm] = await pair();
      const plan = [{ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', description: 'Pelatihan keamanan pangan' }];
      const a = await agreementOf(partner, firm, { ...now, coaching: plan });
      const b = await agreementOf(partner, firm, { ...now, coaching: plan });
      await t.ds.query(`UPDATE agreement SET activated_at = now() - interval '100 days' WHERE id = ANY($1)`, [[a.id, b.id]]);
      const [s] = await t.ds.query(
        `INSERT INTO coaching_session (agreement_id, aspect, activity, topic, scheduled_at, status)
         VALUES ($1, 'HUMAN_RESOURCES', 'TRAINING', 'Keamanan pangan', now() - interval '20 days', 'HELD') RETURNING id`,
        [a.id],
      );
      // the near miss: a session confirmed 10 days ago
      await t.ds.query(
        `INSERT INTO coaching_session (agreement_id, aspect, activity, topic, scheduled_at, status, confirmed_at)
         VALUES ($1, 'HUMAN_RESOURCES', 'TRAINING', 'Keamanan pangan', now() - interval '11 days', 'CONFIRMED', now() - interval '10 days')`,
        [b.id],
      );
      coaching = { agreement: a.id, nearMiss: b.id, session: s.id };
    }
    {
      const [partner, firm] = await pair();
      const a = await agreementOf(partner, firm, {
        ...now,
        paymentTermDays: 30,
        commitments: [
          { type: 'PRODUCTION_WORK', description: 'Pembayaran pesanan 30 hari setelah serah terima', valueIdr: 50_000_000 },
          { type: 'RAW_MATERIAL_SUPPLY', description: 'Pasokan singkong Rp2.500/kg' },
          { type: 'RAW_MATERIAL_SUPPLY', description: 'Pasokan bumbu bulanan' },
          { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan mutu' },
        ],
      });
      const commitments: { id: string }[] = await t.ds.query(`SELECT id FROM commitment WHERE agreement_id = $1 ORDER BY position`, [a.id]);
      const kinds = ['LATE_PAYMENT', 'PRICE', 'NOT_SUPPLIED', 'NOT_DELIVERED'];
      for (const [i, c] of commitments.entries()) {
        const res = await t.http().post(`/api/v1/commitments/${c.id}/dispute`).set(bearer(firm)).send({ reason: `Sanggahan ${kinds[i]}`, kind: kinds[i] });
        expect(res.status).toBe(200);
      }
      const sessionAgreement = await agreementOf(partner, firm, now);
      const scheduled = await t.http().post(`/api/v1/agreements/${sessionAgreement.id}/sessions`).set(bearer(partner)).send({
        aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', topic: 'Keamanan pangan', scheduledAt: new Date(Date.now() - 3_600_000).toISOString(), location: 'Balai desa',
      });
      expect(scheduled.status).toBe(201);
      expect((await t.http().post(`/api/v1/sessions/${scheduled.body.id}/attendance`).set(bearer(partner)).send({ attendees: [{ name: 'Siti' }] })).status).toBe(200);
      expect((await t.http().post(`/api/v1/sessions/${scheduled.body.id}/dispute`).set(bearer(firm)).send({ reason: 'Pelatihan tidak pernah ada' })).status).toBe(200);
      disputes = { partner, firm, agreement: a.id, sessionAgreement: sessionAgreement.id, session: scheduled.body.id, commitments: commitments.map((c) => c.id) };
    }
    {
      const [partner, firm] = await pair();
      const often = await agreementOf(partner, firm, now);
      const twice = await agreementOf(partner, firm, now);
      for (let i = 0; i < 3; i++) await amendAgreement(t, often.id, { ...now, commitments: [{ type: 'PRODUCTION_WORK', description: `Pesanan versi ${i + 2}` }] });
      for (let i = 0; i < 2; i++) await amendAgreement(t, twice.id, { ...now, commitments: [{ type: 'PRODUCTION_WORK', description: `Pesanan versi ${i + 2}` }] });
      amended = { often: often.id, twice: twice.id };
    }
    {
      const [partner, firm] = await pair();
      const a = await agreementOf(partner, firm, now);
      grown = { firm, agreement: a.id };
    }
    {
      const [partner, firm] = await pair();
      const a = await agreementOf(partner, firm, now);
      await t.ds.query(`UPDATE opportunity SET published_at = now() - interval '13 months' WHERE partner_id = $1`, [org(partner)]);
      quiet = { partner, agreement: a.id };
    }
    {
      const [partner, firm] = await pair({ regionCode: baliRegency.code }, { regionCode: baliDistrict.code });
      const a = await agreementOf(partner, firm, { startDate: pastStart, endDate: pastEnd });
      bali = { partner, firm, agreement: a.id };
    }
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists the rules with their legal basis, severity and titles in both languages', async () => {
    const res = await t.http().get('/api/v1/monitoring/rules').set(bearer(officer));
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries((res.body.items as { code: string }[]).map((r) => [r.code, r])) as Record<string, Record<string, unknown>>;
    expect(Object.keys(byCode).sort()).toEqual(
      [
        'AGREEMENT_AMENDED_OFTEN', 'COACHING_NOT_CONFIRMED_90D', 'COMMITMENT_DISPUTED_OTHER', 'COMMITMENT_INPUTS_NOT_SUPPLIED', 'COMMITMENT_LATE_PAYMENT',
        'COMMITMENT_RAW_MATERIAL_PRICE', 'NO_OPPORTUNITY_PUBLISHED_12M', 'PARTNER_WITHOUT_PIC', 'PROGRESS_REPORT_OVERDUE_30D', 'SESSIONS_DISPUTED', 'SMALL_PARTNER_OUTGREW_CLASS',
      ].sort(),
    );
    expect(byCode.PROGRESS_REPORT_OVERDUE_30D).toMatchObject({ legalBasis: 'PP 44/1997 Pasal 14 huruf b', severity: 'HIGH', subjectType: 'OBLIGATION' });
    expect(byCode.PARTNER_WITHOUT_PIC).toMatchObject({ legalBasis: 'PP 44/1997 Pasal 14 huruf c', subjectType: 'PARTNER' });
    expect(byCode.COACHING_NOT_CONFIRMED_90D).toMatchObject({ legalBasis: 'PP 44/1997 Pasal 14 huruf e' });
    expect(byCode.NO_OPPORTUNITY_PUBLISHED_12M).toMatchObject({ legalBasis: 'PP 44/1997 Pasal 14 huruf a' });
    expect(byCode.SMALL_PARTNER_OUTGREW_CLASS.legalBasis).toMatch(/PP 7\/2021 Pasal 35/);
    for (const r of Object.values(byCode)) {
      expect(r).toMatchObject({ title: { id: expect.any(String), en: expect.any(String) }, severity: expect.stringMatching(/^(LOW|MEDIUM|HIGH)$/), openFindings: 0 });
      expect(String(r.legalBasis)).toMatch(/Pasal/);
    }
    expect(res.body.asOf).toBeNull();
  });

  it('an on-demand run opens findings, answers with counts, and writes one audit record', async () => {
    const id = requestId();
    const body = await run(admin, id);
    expect(body.trigger).toBe('MANUAL');
    expect(body.rules.map((r) => r.code)).toEqual(RISK_RULES.map((r) => r.code));
    // every rule has a case built for it, except the outgrown small partner (its firm grows later)
    const firing = body.rules.filter((r) => r.code !== 'SMALL_PARTNER_OUTGREW_CLASS');
    expect(firing.every((r) => r.opened! >= 1 && r.kept === 0 && r.resolved === 0)).toBe(true);
    expect(body.rules.find((r) => r.code === 'SMALL_PARTNER_OUTGREW_CLASS')).toMatchObject({ opened: 0, kept: 0, resolved: 0 });
    const audit = await t.ds.query(`SELECT action, entity_type AS "entityType", entity_id AS "entityId" FROM audit_log WHERE request_id = $1`, [id]);
    expect(audit).toEqual([{ action: 'finding.run', entityType: 'finding_run', entityId: body.id }]);
    // a second run updates rather than duplicates
    const again = await run();
    expect(again.rules.every((r) => r.opened === 0 && r.resolved === 0)).toBe(true);
    expect(again.rules.filter((r) => r.code !== 'SMALL_PARTNER_OUTGREW_CLASS').every((r) => r.kept! >= 1)).toBe(true);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM finding`);
    expect(n).toBe(body.rules.reduce((s, r) => s + r.opened!, 0));
  });

  it('the clean partnership has no finding at all', async () => {
    expect(await list({ partnerId: org(clean.partner), status: 'ALL' })).toEqual([]);
  });

  it('PROGRESS_REPORT_OVERDUE_30D: a report 51 days late fires, 30 days late does not; filing it resolves the finding', async () => {
    const [o] = await t.ds.query(`SELECT id FROM obligation WHERE agreement_id = $1 AND period_end = '2026-09-30'`, [report.overdue]);
    const [hit] = await about('PROGRESS_REPORT_OVERDUE_30D', o.id);
    expect(hit).toMatchObject({ subjectType: 'OBLIGATION', agreementId: report.overdue, partnerId: org(report.partner), enterpriseId: org(report.firm), severity: 'HIGH' });
    expect(hit.rule.legalBasis).toBe('PP 44/1997 Pasal 14 huruf b');
    expect(hit.details).toMatchObject({ dueDate: '2026-10-10', periodEnd: '2026-09-30', daysOverdue: expect.any(Number) });
    expect(hit.details.daysOverdue as number).toBeGreaterThan(30);
    expect((await list({ rule: 'PROGRESS_REPORT_OVERDUE_30D', agreementId: report.nearMiss })).length).toBe(0);
    expect((await list({ rule: 'PROGRESS_REPORT_OVERDUE_30D', agreementId: clean.agreement })).length).toBe(0);

    const filed = await t.http().post(`/api/v1/agreements/${report.overdue}/reports`).set(bearer(report.partner)).send({
      periodStart: '2026-07-01', periodEnd: '2026-09-30', summary: 'Terlambat', volumes: [], coachingDelivered: [], paymentsOnTime: true, issues: '',
    });
    expect(filed.status).toBe(201);
    await run();
    expect(await about('PROGRESS_REPORT_OVERDUE_30D', o.id)).toEqual([]);
    const [resolved] = await about('PROGRESS_REPORT_OVERDUE_30D', o.id, 'RESOLVED');
    expect(resolved).toMatchObject({ id: hit.id, status: 'RESOLVED', resolvedAt: expect.any(String) });
  });

  it('PARTNER_WITHOUT_PIC: fires for the partner whose PIC was removed, not for others; appointing one resolves it', async () => {
    const [hit] = await about('PARTNER_WITHOUT_PIC', org(pic.partner));
    expect(hit).toMatchObject({ subjectType: 'PARTNER', partnerId: org(pic.partner), enterpriseId: null, agreementId: null, severity: 'MEDIUM' });
    expect(hit.details).toMatchObject({ activeAgreements: 1 });
    expect(await about('PARTNER_WITHOUT_PIC', org(clean.partner))).toEqual([]);
    const res = await t.http().patch(`/api/v1/partners/${org(pic.partner)}`).set(bearer(pic.partner))
      .send({ pic: { name: 'Budi', position: 'Manajer', email: 'budi@example.co.id', phone: '+62 811 1' } });
    expect(res.status).toBe(200);
    await run();
    expect(await about('PARTNER_WITHOUT_PIC', org(pic.partner))).toEqual([]);
    expect((await about('PARTNER_WITHOUT_PIC', org(pic.partner), 'RESOLVED')).map((f) => f.id)).toEqual([hit.id]);
  });

  it('COACHING_NOT_CONFIRMED_90D: fires without a confirmed session in 90 days, silent with one; a confirmation resolves it', async () => {
    const [hit] = await about('COACHING_NOT_CONFIRMED_90D', coaching.agreement);
    expect(hit).toMatchObject({ subjectType: 'AGREEMENT', agreementId: coaching.agreement });
    expect(hit.details).toMatchObject({ plannedItems: 1, lastConfirmedAt: null, windowDays: 90 });
    expect(await about('COACHING_NOT_CONFIRMED_90D', coaching.nearMiss)).toEqual([]);
    expect(await about('COACHING_NOT_CONFIRMED_90D', clean.agreement)).toEqual([]);
    await t.ds.query(`UPDATE coaching_session SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [coaching.session]);
    await run();
    expect(await about('COACHING_NOT_CONFIRMED_90D', coaching.agreement)).toEqual([]);
  });

  it('SESSIONS_DISPUTED: a session the firm disputed fires; confirming it resolves', async () => {
    const [hit] = await about('SESSIONS_DISPUTED', disputes.sessionAgreement);
    expect(hit.details.sessions).toEqual([expect.objectContaining({ sessionId: disputes.session, reason: 'Pelatihan tidak pernah ada' })]);
    expect(await about('SESSIONS_DISPUTED', clean.agreement)).toEqual([]);
    expect((await t.http().post(`/api/v1/sessions/${disputes.session}/confirm`).set(bearer(disputes.firm)).send({})).status).toBe(200);
    await run();
    expect(await about('SESSIONS_DISPUTED', disputes.sessionAgreement)).toEqual([]);
  });

  it('commitment disputes: late payment (with paymentTermDays), price, inputs not supplied, other — each its own rule; a confirmation resolves only its rule', async () => {
    const [late] = await about('COMMITMENT_LATE_PAYMENT', disputes.agreement);
    expect(late).toMatchObject({ severity: 'HIGH', agreementId: disputes.agreement });
    expect(late.details).toMatchObject({ paymentTermDays: 30, commitments: [expect.objectContaining({ commitmentId: disputes.commitments[0], disputeKind: 'LATE_PAYMENT' })] });
    const [price] = await about('COMMITMENT_RAW_MATERIAL_PRICE', disputes.agreement);
    expect(price.details.commitments).toEqual([expect.objectContaining({ commitmentId: disputes.commitments[1], disputeKind: 'PRICE' })]);
    const [notSupplied] = await about('COMMITMENT_INPUTS_NOT_SUPPLIED', disputes.agreement);
    expect(notSupplied.details.commitments).toEqual([expect.objectContaining({ commitmentId: disputes.commitments[2], disputeKind: 'NOT_SUPPLIED' })]);
    const [other] = await about('COMMITMENT_DISPUTED_OTHER', disputes.agreement);
    expect(other.details.commitments).toEqual([expect.objectContaining({ commitmentId: disputes.commitments[3], disputeKind: 'NOT_DELIVERED' })]);
    for (const rule of ['COMMITMENT_LATE_PAYMENT', 'COMMITMENT_RAW_MATERIAL_PRICE', 'COMMITMENT_INPUTS_NOT_SUPPLIED', 'COMMITMENT_DISPUTED_OTHER']) {
      expect(await about(rule, clean.agreement)).toEqual([]);
    }
    expect((await t.http().post(`/api/v1/commitments/${disputes.commitments[0]}/confirm`).set(bearer(disputes.firm)).send({})).status).toBe(200);
    await run();
    expect(await about('COMMITMENT_LATE_PAYMENT', disputes.agreement)).toEqual([]);
    expect((await about('COMMITMENT_RAW_MATERIAL_PRICE', disputes.agreement)).map((f) => f.id)).toEqual([price.id]);
  });

  it('AGREEMENT_AMENDED_OFTEN: three amendments in 90 days fire, two do not; once one falls out of the window it resolves', async () => {
    const [hit] = await about('AGREEMENT_AMENDED_OFTEN', amended.often);
    expect(hit.details).toMatchObject({ amendmentsInWindow: 3, windowDays: 90 });
    expect(await about('AGREEMENT_AMENDED_OFTEN', amended.twice)).toEqual([]);
    await t.ds.query(`UPDATE agreement_terms SET in_force_at = now() - interval '100 days' WHERE agreement_id = $1 AND terms_version = 2`, [amended.often]);
    await run();
    expect(await about('AGREEMENT_AMENDED_OFTEN', amended.often)).toEqual([]);
  });

  it('SMALL_PARTNER_OUTGREW_CLASS: fires once the firm’s sales pass the KECIL limit, resolves at the limit, and comes back as a new finding', async () => {
    expect(await about('SMALL_PARTNER_OUTGREW_CLASS', grown.agreement)).toEqual([]);
    await t.ds.query(`UPDATE organization SET annual_sales_idr = 15000000001 WHERE id = $1`, [org(grown.firm)]);
    await run();
    const [first] = await about('SMALL_PARTNER_OUTGREW_CLASS', grown.agreement);
    expect(first).toMatchObject({ severity: 'LOW', enterpriseId: org(grown.firm) });
    expect(first.details).toMatchObject({ scale: 'MENENGAH', storedScale: 'KECIL', regime: 'pp-7-2021', newSmallPartnerDueWithinDays: 365 });
    expect(first.rule.legalBasis).toMatch(/1 tahun/);
    await t.ds.query(`UPDATE organization SET annual_sales_idr = 15000000000 WHERE id = $1`, [org(grown.firm)]);
    await run();
    expect(await about('SMALL_PARTNER_OUTGREW_CLASS', grown.agreement)).toEqual([]);
    await t.ds.query(`UPDATE organization SET annual_sales_idr = 60000000000 WHERE id = $1`, [org(grown.firm)]);
    await run();
    const [again] = await about('SMALL_PARTNER_OUTGREW_CLASS', grown.agreement);
    expect(again.id).not.toBe(first.id);
    expect(again.details.scale).toBe('BESAR');
    const history = await about('SMALL_PARTNER_OUTGREW_CLASS', grown.agreement, 'ALL');
    expect(history.map((f) => f.status).sort()).toEqual(['OPEN', 'RESOLVED']);
  });

  it('the SQL reclassification agrees with classify() for every regime, on and around every limit', async () => {
    const amounts = [null, 0, 50_000_000, 50_000_001, 200_000_000, 200_000_001, 300_000_000, 500_000_001, 1_000_000_000, 1_000_000_001, 2_000_000_000, 2_500_000_001,
      5_000_000_000, 5_000_000_001, 10_000_000_001, 15_000_000_000, 15_000_000_001, 25_000_000_001, 50_000_000_000, 50_000_000_001];
    const pairs = amounts.flatMap((a) => amounts.map((s) => [a, s] as const));
    for (const regime of SIZE_REGIME_CODES) {
      const rows: { a: string | null; s: string | null; r: number | null }[] = await t.ds.query(
        `SELECT a::text, s::text, ${scaleRankSql(regime, 'a', 's')} AS r FROM unnest($1::bigint[], $2::bigint[]) AS x(a, s)`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      const got = rows.map((x) => x.r);
      const want = pairs.map(([a, s]) => {
        const c = classify(regime, { netAssetsIdr: a, annualSalesIdr: s });
        return c ? SCALE_RANK[c.scale] : null;
      });
      expect({ regime, got }).toEqual({ regime, got: want });
    }
  });

  it('NO_OPPORTUNITY_PUBLISHED_12M: fires when the last publication is 13 months old; publishing resolves it', async () => {
    const [hit] = await about('NO_OPPORTUNITY_PUBLISHED_12M', org(quiet.partner));
    expect(hit).toMatchObject({ subjectType: 'PARTNER', severity: 'LOW' });
    expect(await about('NO_OPPORTUNITY_PUBLISHED_12M', org(clean.partner))).toEqual([]);
    await opportunities(t).open(quiet.partner);
    await run();
    expect(await about('NO_OPPORTUNITY_PUBLISHED_12M', org(quiet.partner))).toEqual([]);
  });

  it('filters: rule, severity, status, province, partner (and its alias), pattern; keyset pages walk the same list', async () => {
    const all = await list({ status: 'ALL' });
    expect(all.length).toBeGreaterThan(8);
    for (const f of await list({ severity: 'HIGH' })) expect(f.severity).toBe('HIGH');
    for (const f of await list({ status: 'RESOLVED' })) expect(f.status).toBe('RESOLVED');
    expect((await list({ status: 'RESOLVED' })).length).toBeGreaterThanOrEqual(6);
    const bali51 = await list({ province: '51' });
    expect(bali51.length).toBeGreaterThan(0);
    expect(bali51.every((f) => f.provinceCode === '51' || f.enterpriseProvinceCode === '51')).toBe(true);
    expect(bali51.every((f) => f.partnerId === org(bali.partner))).toBe(true);
    const byPartner = await list({ partnerId: org(disputes.partner) });
    expect(byPartner.length).toBeGreaterThan(0);
    expect(byPartner.every((f) => f.partnerId === org(disputes.partner))).toBe(true);
    expect((await list({ partner: org(disputes.partner) })).map((f) => f.id)).toEqual(byPartner.map((f) => f.id));
    expect((await list({ pattern: 'INTI_PLASMA' }))).toEqual([]);
    const rule = await list({ rule: 'PROGRESS_REPORT_OVERDUE_30D' });
    expect(rule.length).toBeGreaterThan(0);
    expect(rule.every((f) => f.ruleCode === 'PROGRESS_REPORT_OVERDUE_30D')).toBe(true);
    // worst first, then oldest first
    const ranks = all.map((f) => ({ HIGH: 3, MEDIUM: 2, LOW: 1 })[f.severity]!);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    // keyset pages of 2 give the same list in the same order
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Finding[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/v1/monitoring/findings')
        .query({ status: 'ALL', limit: '2', ...(cursor ? { cursor } : {}) })
        .set(bearer(admin));
      expect(res.status).toBe(200);
      walked.push(...res.body.items.map((f) => f.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((f) => f.id));
    expect((await t.http().get('/api/v1/monitoring/findings').query({ severity: 'SEVERE' }).set(bearer(admin))).status).toBe(400);
    expect((await t.http().get('/api/v1/monitoring/findings').query({ province: 'JAWA' }).set(bearer(admin))).status).toBe(400);
    expect((await t.http().get('/api/v1/monitoring/findings').query({ cursor: 'bm9wZQ' }).set(bearer(admin))).status).toBe(400);
  });

  it('a province-limited officer sees only findings whose partner or small firm lies in their provinces, in lists, counts and by id', async () => {
    const mine = await list({ status: 'ALL' }, officer33);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((f) => f.provinceCode === '33' || f.enterpriseProvinceCode === '33')).toBe(true);
    const [baliFinding] = await list({ province: '51' });
    expect(mine.map((f) => f.id)).not.toContain(baliFinding.id);
    // partner-level findings about East Java partners (no small firm) are not theirs either
    expect(mine.filter((f) => f.subjectType === 'PARTNER')).toEqual([]);
    expect((await t.http().get(`/api/v1/monitoring/findings/${baliFinding.id}`).set(bearer(officer33))).status).toBe(404);
    expect((await t.http().get(`/api/v1/monitoring/findings/${baliFinding.id}`).set(bearer(officer))).status).toBe(200);
    expect(await list({ province: '51' }, officer33)).toEqual([]);
    const rules = await t.http().get('/api/v1/monitoring/rules').set(bearer(officer33));
    const open33 = (rules.body.items as { openFindings: number }[]).reduce((s, r) => s + r.openFindings, 0);
    expect(open33).toBe((await list({}, officer33)).length);
    const ran = await run(officer33);
    expect(ran.rules.every((r) => r.opened === undefined && r.resolved === undefined)).toBe(true);
    expect(ran.rules.reduce((s, r) => s + r.open, 0)).toBe(open33);
  });

  it('the worker’s run: same rules, trigger SCHEDULE; while a run holds the lock the worker skips and the API answers 409', async () => {
    const res = await runRiskRules(t.ds);
    expect(res).toMatchObject({ trigger: 'SCHEDULE' });
    expect(res!.rules.every((r) => r.opened === 0 && r.resolved === 0)).toBe(true);
    const holder = new DataSource({ type: 'postgres', url: t.db.url });
    await holder.initialize();
    const qr = holder.createQueryRunner();
    try {
      await qr.query('SELECT pg_advisory_lock($1)', [RISK_RULES_LOCK_KEY]);
      expect(await runRiskRules(t.ds)).toBeNull();
      const busy = await t.http().post('/api/v1/monitoring/findings/run').set(bearer(admin)).send({});
      expect(busy.status).toBe(409);
      expect(busy.headers['content-type']).toMatch(/problem\+json/);
    } finally {
      await qr.query('SELECT pg_advisory_unlock($1)', [RISK_RULES_LOCK_KEY]);
      await qr.release();
      await holder.destroy();
    }
  });

  it('firms and partners get 403 on every /monitoring risk route; anonymous 401', async () => {
    for (const s of [clean.firm, clean.partner]) {
      expect((await t.http().get('/api/v1/monitoring/findings').set(bearer(s))).status).toBe(403);
      expect((await t.http().get('/api/v1/monitoring/rules').set(bearer(s))).status).toBe(403);
      expect((await t.http().post('/api/v1/monitoring/findings/run').set(bearer(s)).send({})).status).toBe(403);
      expect((await t.http().get('/api/v1/monitoring/findings/00000000-0000-4000-8000-000000000000').set(bearer(s))).status).toBe(403);
    }
    expect((await t.http().get('/api/v1/monitoring/findings')).status).toBe(401);
  });
});
