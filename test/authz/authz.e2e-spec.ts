import { bearer, factory, type Session } from '../support/factory.js';
import { opportunities } from '../support/opportunities.js';
import { listRoutes } from '../support/routes.js';
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
