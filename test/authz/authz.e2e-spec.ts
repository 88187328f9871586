import { bearer, factory, type Session } from '../support/factory.js';
import { opportunities } from '../support/opportunities.js';
import { agreements } from '../support/agreements.js';
import { amendmentBody, sessionBody } from './matrix.js';
import { listRoutes } from '../support/routes.js';
import { monitoringFixtures } from '../support/monitoring-cases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { type Caller, CALLERS, MATRIX, type MatrixContext } from './matrix.js';

describe('authorization matrix', () => {
  let t: TestApp;
  let sessions: Record<Exclude<Caller, 'anonymous'>, Session>;
  let ctx: MatrixContext;

  beforeAll(async () => {
    t = await startTestApp();
    const f = factory(t);
    const [enterpriseA, enterpriseB, partnerA, partnerB, ministry, admin] = await Promise.all([
      f.enterprise(), f.enterprise(), f.partner(), f.partner(), f.ministry(), f.admin(),
    ]);
    sessions = { enterpriseA, enterpriseB, partnerA, partnerB, ministry, admin };
    let n = 0;
    // partnerA's opportunities in the states the rows need; one per state-changing row, as each row runs once per caller.
    const o = opportunities(t);
    const [open, draft, publishable, closable, inviting, second, third] = await Promise.all([
      o.open(partnerA), o.draft(partnerA), o.draft(partnerA), o.open(partnerA), o.open(partnerA), o.open(partnerA), o.open(partnerA),
    ]);
    const [application, toWithdraw, toAccept, toReject, invitation] = await Promise.all([
      o.apply(enterpriseA, open.id), o.apply(enterpriseA, second.id), o.apply(enterpriseB, second.id), o.apply(enterpriseA, third.id),
      o.invite(partnerA, third.id, enterpriseB.organization!.id),
    ]);
    const inbox = await t.http().get('/api/v1/notifications').set(bearer(partnerA));
    // agreements between partnerA and enterpriseA, in the states the rows need
    const ag = agreements(t);
    const pair = { partner: partnerA, enterprise: enterpriseA };
    const acceptedApplication = await ag.accepted(partnerA, enterpriseA);
    const [draftAgreement, submittableAgreement, signableAgreement] = [await ag.draft(pair), await ag.draft(pair), await ag.submitted(pair)];
    const [activeAgreement, amendableAgreement, terminableAgreement] = [await ag.active(pair), await ag.active(pair), await ag.active(pair)];
    // two agreements with an amendment (version 2) the partner proposed: one to withdraw, one to decline
    const [withdrawableAmendment, declinableAmendment] = [await ag.active(pair), await ag.active(pair)];
    for (const a of [withdrawableAmendment, declinableAmendment]) {
      const res = await t.http().post(`/api/v1/agreements/${a.id}/amendments`).set(bearer(partnerA)).send({ ...amendmentBody(), reason: 'Tambah volume' });
      expect(res.status).toBe(201);
    }
    const obligations: { id: string; type: string; period_start: string; period_end: string }[] = await t.ds.query(
      `SELECT id, type, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end
       FROM obligation WHERE agreement_id = $1 AND type = 'PROGRESS_REPORT' ORDER BY period_end`,
      [activeAgreement.id],
    );
    const [firstReport, secondReport] = obligations;
    const file = await t.http().post(`/api/v1/obligations/${secondReport.id}/evidence`).set(bearer(partnerA))
      .attach('file', Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'), { filename: 'laporan.pdf', contentType: 'application/pdf' });
    if (file.status !== 201) throw new Error(`evidence upload failed ${file.status}: ${JSON.stringify(file.body)}`);
    const evidenceId = (file.body.evidence?.[0]?.id ?? file.body.id) as string;
    const report = await t.http().post(`/api/v1/agreements/${activeAgreement.id}/reports`).set(bearer(partnerA))
      .send({ periodStart: firstReport.period_start, periodEnd: firstReport.period_end, summary: 'Berjalan', volumes: [], coachingDelivered: [], paymentsOnTime: true, issues: '' });
    if (report.status !== 201) throw new Error(`report failed ${report.status}: ${JSON.stringify(report.body)}`);
    const commitments: { id: string }[] = await t.ds.query(
      `SELECT c.id FROM commitment c JOIN agreement a ON a.id = c.agreement_id AND c.terms_version = a.terms_version WHERE a.id = $1 ORDER BY c.position`,
      [activeAgreement.id],
    );
    const schedule = async () => {
      const r = await t.http().post(`/api/v1/agreements/${activeAgreement.id}/sessions`).set(bearer(partnerA))
        .send({ ...sessionBody(), scheduledAt: new Date(Date.now() - 3_600_000).toISOString() });
      if (r.status !== 201) throw new Error(`session failed ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body.id as string;
    };
    const [session, attendableSession, confirmableSession, disputableSession] = [await schedule(), await schedule(), await schedule(), await schedule()];
    for (const id of [confirmableSession, disputableSession]) {
      const r = await t.http().post(`/api/v1/sessions/${id}/attendance`).set(bearer(partnerA)).send({ attendees: [{ name: 'Siti' }], note: 'Hadir' });
      if (r.status !== 200) throw new Error(`attendance failed ${r.status}: ${JSON.stringify(r.body)}`);
    }
    const monitoring = await monitoringFixtures(t, ministry, activeAgreement.id);
    ctx = {
      enterpriseA: enterpriseA.organization!.id,
      enterpriseB: enterpriseB.organization!.id,
      partnerA: partnerA.organization!.id,
      partnerB: partnerB.organization!.id,
      openOpportunity: open.id,
      draftOpportunity: draft.id,
      publishableOpportunity: publishable.id,
      closableOpportunity: closable.id,
      invitingOpportunity: inviting.id,
      application: application.id,
      toAccept: toAccept.id,
      toReject: toReject.id,
      toWithdraw: toWithdraw.id,
      invitation: invitation.id,
      partnerANotification: (inbox.body as { items: { id: string }[] }).items[0].id,
      acceptedApplication: acceptedApplication.id,
      draftAgreement: draftAgreement.id,
      submittableAgreement: submittableAgreement.id,
      signableAgreement: signableAgreement.id,
      activeAgreement: activeAgreement.id,
      amendableAgreement: amendableAgreement.id,
      terminableAgreement: terminableAgreement.id,
      withdrawableAmendment: withdrawableAmendment.id,
      declinableAmendment: declinableAmendment.id,
      periodStart: firstReport.period_start,
      periodEnd: firstReport.period_end,
      reportObligation: firstReport.id,
      waivableObligation: secondReport.id,
      evidence: evidenceId,
      report: report.body.id,
      confirmableCommitment: commitments[0].id,
      disputableCommitment: commitments[1].id,
      session,
      attendableSession,
      confirmableSession,
      disputableSession,
      monitoring,
      unique: () => `${Date.now()}-${n++}`,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every registered route declares an access policy', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('every registered route is in the matrix, and every matrix row is a registered route', () => {
    const registered = listRoutes(t.app).map((r) => `${r.method} ${r.path}`).sort();
    const inMatrix = [...new Set(MATRIX.map((r) => `${r.method} ${r.route}`))].sort();
    expect(inMatrix).toEqual(registered);
  });

  it('lists never show another organisation’s private records', async () => {
    const list = async (caller: Exclude<Caller, 'anonymous'>, path: string) => {
      const res = await t.http().get(`${path}?limit=100`).set(bearer(sessions[caller]));
      expect({ path, caller, status: res.status }).toEqual({ path, caller, status: 200 });
      return res.body.items as { partnerId?: string; enterpriseId?: string }[];
    };
    // enterpriseB and partnerB are party to no agreement: they see none of partnerA/enterpriseA's
    for (const caller of ['enterpriseB', 'partnerB'] as const) {
      for (const path of ['/api/v1/agreements', '/api/v1/obligations', '/api/v1/reports', '/api/v1/sessions']) {
        expect({ path, caller, items: (await list(caller, path)).length }).toEqual({ path, caller, items: 0 });
      }
    }
    // applications: each side sees only those it is party to
    expect((await list('enterpriseB', '/api/v1/applications')).every((a) => a.enterpriseId === ctx.enterpriseB)).toBe(true);
    expect(await list('partnerB', '/api/v1/applications')).toEqual([]);
    // and the parties do see their own
    for (const path of ['/api/v1/agreements', '/api/v1/obligations', '/api/v1/reports', '/api/v1/sessions']) {
      const mine = await list('partnerA', path);
      expect({ path, some: mine.length > 0, own: mine.every((x) => !x.partnerId || x.partnerId === ctx.partnerA) }).toEqual({ path, some: true, own: true });
    }
  });

  const cases = MATRIX.flatMap((row) => CALLERS.map((caller) => [`${row.method} ${row.route}`, caller, row] as const));
  it.each(cases)('%s as %s', async (_name, caller, row) => {
    const url = row.url(ctx);
    let req = t.http()[row.method.toLowerCase() as 'get' | 'post' | 'patch'](url);
    if (caller !== 'anonymous') req = req.set(bearer(sessions[caller]));
    const res = row.body ? await req.send(row.body(ctx) as object) : await req;
    expect({ caller, status: res.status }).toEqual({ caller, status: row.expect[caller] });
    if (res.status >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.status).toBe(res.status);
    }
  });
});
