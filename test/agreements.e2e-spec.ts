import { agreementBody, agreements, type AgreementJson, intiPlasmaCommitments } from './support/agreements.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import { opportunityBody } from './support/opportunities.js';

interface NotificationJson {
  id: string;
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  data: Record<string, unknown>;
}

describe('agreements', () => {
  let t: TestApp;
  let f: ReturnType<typeof factory>;
  let ag: ReturnType<typeof agreements>;
  let partner: Session;
  let otherPartner: Session;
  let firm: Session;
  let otherFirm: Session;
  let officer: Session;
  let officerJateng: Session;
  let officerAceh: Session;
  let admin: Session;

  const post = (s: Session, path: string, body: object = {}) => t.http().post(`/api/v1${path}`).set(bearer(s)).send(body);
  const patch = (s: Session, id: string, body: object) => t.http().patch(`/api/v1/agreements/${id}`).set(bearer(s)).send(body);
  const get = (s: Session, id: string) => t.http().get(`/api/v1/agreements/${id}`).set(bearer(s));
  const list = (s: Session, query = '') => t.http().get(`/api/v1/agreements${query}`).set(bearer(s));
  const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);
  const audits = (entityId: string, action?: string) =>
    count(`SELECT count(*) n FROM audit_log WHERE entity_id = $1 ${action ? 'AND action = $2' : ''}`, action ? [entityId, action] : [entityId]);
  const allAudits = () => count('SELECT count(*) n FROM audit_log');
  const obligations = (agreementId: string, where = 'TRUE') => count(`SELECT count(*) n FROM obligation WHERE agreement_id = $1 AND ${where}`, [agreementId]);
  const about = async (s: Session, entityId: string): Promise<NotificationJson[]> => {
    const res = await t.http().get('/api/v1/notifications?limit=100').set(bearer(s));
    expect(res.status).toBe(200);
    return (res.body.items as NotificationJson[]).filter((n) => n.entityId === entityId);
  };
  const kinds = async (s: Session, entityId: string) => (await about(s, entityId)).map((n) => n.kind).sort();
  const parties = () => ({ partner, enterprise: firm });
  const trackRecord = async (orgId: string) =>
    (await t.ds.query(`SELECT agreements_completed AS completed, agreements_terminated AS terminated FROM organization WHERE id = $1`, [orgId]))[0] as {
      completed: number;
      terminated: number;
    };

  beforeAll(async () => {
    t = await startTestApp();
    f = factory(t);
    ag = agreements(t);
    [partner, otherPartner, firm, otherFirm, officer, officerJateng, officerAceh, admin] = await Promise.all([
      f.partner(),
      f.partner(),
      f.enterprise(),
      f.enterprise(),
      f.ministry(),
      f.ministry(['33']),
      f.ministry(['11']),
      f.admin(),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('drafting (POST /agreements)', () => {
    it('201 DRAFT from an accepted application: numbered, terms version 1, commitments and coaching plan, one audit record', async () => {
      const app = await ag.accepted(partner, firm);
      const res = await post(partner, '/agreements', agreementBody(app.id, { reportingPeriod: undefined }));
      expect(res.status).toBe(201);
      const a = res.body as AgreementJson & Record<string, unknown>;
      expect(a.number).toMatch(/^KMT\/\d{4}\/\d{6}$/);
      expect(a).toMatchObject({
        status: 'DRAFT',
        termsVersion: 1,
        version: 1,
        pattern: 'SUBCONTRACT',
        applicationId: app.id,
        partnerId: partner.organization!.id,
        enterpriseId: firm.organization!.id,
        partner: { id: partner.organization!.id, name: partner.organization!.name },
        reportingPeriod: 'QUARTERLY',
        paymentTermDays: 30,
        pendingAmendment: null,
        pendingAmendmentVersion: null,
        signatures: [],
        disputedCommitments: 0,
      });
      expect(a.commitments).toHaveLength(3);
      expect(a.commitments[0]).toMatchObject({ type: 'PRODUCTION_WORK', quantity: 2000, unit: 'kg', valueIdr: 50_000_000, status: 'PENDING', termsVersion: 1, position: 0 });
      expect(a.commitments[1]).toMatchObject({ type: 'RAW_MATERIAL_SUPPLY', schedule: 'Setiap bulan, paling lambat tanggal 5', dueDate: null });
      expect(a.coaching).toEqual([
        expect.objectContaining({ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', sessions: [{ scheduledAt: expect.stringMatching(/T02:00:00\.000Z$/), location: 'Balai Latihan Kerja Kudus' }] }),
        expect.objectContaining({ aspect: 'MARKETING', activity: 'Pendampingan pengemasan', sessions: [] }),
      ]);
      expect(a.terms).toMatchObject({ termsVersion: 1, status: 'DRAFT' });
      expect(a.versions).toHaveLength(1);
      expect(await count('SELECT count(*) n FROM agreement_terms WHERE agreement_id = $1', [a.id])).toBe(1);
      expect(await count('SELECT count(*) n FROM commitment WHERE agreement_id = $1 AND terms_version = 1', [a.id])).toBe(3);
      expect(await count('SELECT count(*) n FROM coaching_plan_item WHERE agreement_id = $1 AND terms_version = 1', [a.id])).toBe(2);
      expect(await audits(a.id)).toBe(1);
      expect(await audits(a.id, 'agreement.create')).toBe(1);
    });

    it('numbers are unique and increasing; an agreement may start in the past', async () => {
      const y = new Date().getUTCFullYear();
      const a = await ag.draft({ ...parties(), body: { startDate: `${y - 1}-01-01`, endDate: `${y + 1}-01-01`, commitments: [{ type: 'FINANCING', description: 'Modal kerja' }] } });
      const b = await ag.draft(parties());
      expect(a.number).not.toBe(b.number);
      expect(Number(b.number.slice(-6))).toBeGreaterThan(Number(a.number.slice(-6)));
      expect(a).toMatchObject({ startDate: `${y - 1}-01-01`, endDate: `${y + 1}-01-01` });
    });

    it('a commitment type the pattern does not allow is 400 naming it; nothing is written', async () => {
      const app = await ag.accepted(partner, firm);
      const before = await allAudits();
      const body = agreementBody(app.id);
      const res = await post(partner, '/agreements', { ...body, commitments: [...body.commitments.slice(0, 2), { type: 'LAND', description: 'Lahan plasma' }] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'commitments.2.type', message: expect.stringContaining('LAND is not a commitment type for SUBCONTRACT') }]);
      expect(res.body.detail).toContain('commitments.2.type');
      expect(await count('SELECT count(*) n FROM agreement WHERE application_id = $1', [app.id])).toBe(0);
      expect(await allAudits()).toBe(before);
    });

    it('INTI_PLASMA takes Pasal 3 types and refuses Pasal 4 ones', async () => {
      const opportunity = { pattern: 'INTI_PLASMA', supportOffered: ['LAND', 'PRODUCTION_INPUTS'] };
      const a = await ag.draft({ ...parties(), opportunity, body: { commitments: intiPlasmaCommitments() } });
      expect(a).toMatchObject({ pattern: 'INTI_PLASMA' });
      expect(a.commitments.map((c) => c.type)).toEqual(['LAND', 'PRODUCTION_INPUTS']);
      const app = await ag.accepted(partner, firm, opportunity);
      const res = await post(partner, '/agreements', agreementBody(app.id));
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['commitments.0.type', 'commitments.1.type']);
      expect(res.body.errors[0].message).toContain('Pasal 3');
    });

    it('400 for invalid terms: coaching activity, dates, money, unknown fields; writing nothing', async () => {
      const app = await ag.accepted(partner, firm);
      const base = agreementBody(app.id);
      const before = await allAudits();
      const cases: [object, string][] = [
        [{ coaching: [{ aspect: 'HUMAN_RESOURCES', activity: 'PROMOTION', description: 'x' }] }, 'coaching.0.activity'],
        [{ coaching: [{ aspect: 'LEISURE', activity: 'x', description: 'x' }] }, 'coaching.0.aspect'],
        [{ coaching: [{ aspect: 'MARKETING', activity: 'Pameran', description: 'x', sessions: [{ scheduledAt: '2026-03-02 09:00', location: 'x' }] }] }, 'coaching.0.sessions.0.scheduledAt'],
        [{ startDate: base.endDate, endDate: base.startDate }, 'endDate'],
        [{ endDate: base.startDate }, 'endDate'],
        [{ startDate: '2025-02-29' }, 'startDate'],
        [{ reportingPeriod: 'MONTHLY' }, 'reportingPeriod'],
        [{ paymentTermDays: 400 }, 'paymentTermDays'],
        [{ commitments: [] }, 'commitments'],
        [{ commitments: [{ type: 'FINANCING', description: 'Modal', valueIdr: 10.5 }] }, 'commitments.0.valueIdr'],
        [{ commitments: [{ type: 'FINANCING', description: 'Modal', quantity: 3 }] }, 'commitments.0.unit'],
        [{ commitments: [{ type: 'FINANCING', description: 'Modal', dueDate: '1999-01-01' }] }, 'commitments.0.dueDate'],
        [{ commitments: [{ type: 'FINANCING', description: 'Modal', id: 'x' }] }, 'commitments.0.id'],
        [{ commitments: [{ type: 'SOMETHING', description: 'Modal' }] }, 'commitments.0.type'],
        [{ status: 'ACTIVE' }, 'status'],
      ];
      for (const [over, field] of cases) {
        const res = await post(partner, '/agreements', { ...base, ...over });
        expect({ over, status: res.status }).toEqual({ over, status: 400 });
        expect({ over, fields: (res.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ over, fields: expect.arrayContaining([field]) });
      }
      expect(await count('SELECT count(*) n FROM agreement WHERE application_id = $1', [app.id])).toBe(0);
      expect(await allAudits()).toBe(before);
    });

    it('404 for another partner’s or an unknown application; 409 unless ACCEPTED; 403 for other roles', async () => {
      const app = await ag.accepted(partner, firm);
      expect((await post(otherPartner, '/agreements', agreementBody(app.id))).status).toBe(404);
      expect((await post(partner, '/agreements', agreementBody('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
      for (const s of [firm, officer, admin]) expect((await post(s, '/agreements', agreementBody(app.id))).status).toBe(403);
      const opp = await t.http().post('/api/v1/opportunities').set(bearer(partner)).send(opportunityBody());
      await t.http().post(`/api/v1/opportunities/${opp.body.id}/publish`).set(bearer(partner)).send({});
      const submitted = await t.http().post(`/api/v1/opportunities/${opp.body.id}/applications`).set(bearer(firm)).send({ message: 'Siap.' });
      const res = await post(partner, '/agreements', agreementBody(submitted.body.id));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ applicationStatus: 'SUBMITTED' });
      expect(await count('SELECT count(*) n FROM agreement WHERE application_id = ANY($1)', [[app.id, submitted.body.id]])).toBe(0);
    });

    it('one live agreement per application (409); terminating a draft frees the application', async () => {
      const app = await ag.accepted(partner, firm);
      const first = await post(partner, '/agreements', agreementBody(app.id));
      expect(first.status).toBe(201);
      const again = await post(partner, '/agreements', agreementBody(app.id));
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ agreementId: first.body.id, agreementNumber: first.body.number, agreementStatus: 'DRAFT' });
      const terminated = await post(partner, `/agreements/${first.body.id}/terminate`, { reason: 'Ketentuan dirundingkan ulang' });
      expect(terminated.status).toBe(200);
      expect(terminated.body).toMatchObject({ status: 'TERMINATED', terminationReason: 'Ketentuan dirundingkan ulang', terminatedBy: partner.organization!.id });
      expect(terminated.body.versions).toEqual([expect.objectContaining({ termsVersion: 1, status: 'WITHDRAWN' })]);
      expect((await post(partner, '/agreements', agreementBody(app.id))).status).toBe(201);
    });
  });

  describe('reading', () => {
    let a: AgreementJson;
    beforeAll(async () => {
      a = await ag.draft(parties());
    });

    it('the two parties and oversight see it; anyone else gets 404', async () => {
      for (const s of [partner, firm, officer, officerJateng, admin]) {
        const res = await get(s, a.id);
        expect({ s: s.email, status: res.status }).toEqual({ s: s.email, status: 200 });
        expect(res.body.id).toBe(a.id);
      }
      for (const s of [otherPartner, otherFirm, officerAceh]) expect((await get(s, a.id)).status).toBe(404);
      expect((await get(partner, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await get(partner, 'not-a-uuid')).status).toBe(404);
    });

    it('lists: own for the parties, all for oversight (officers by province); filters; keyset pages', async () => {
      const ids = async (s: Session, q = '') => {
        const res = await list(s, q);
        expect(res.status).toBe(200);
        return (res.body.items as { id: string }[]).map((x) => x.id);
      };
      expect(await ids(partner, '?limit=100')).toContain(a.id);
      expect(await ids(firm, '?limit=100')).toContain(a.id);
      expect(await ids(officerJateng, '?limit=100')).toContain(a.id);
      expect(await ids(otherPartner, '?limit=100')).not.toContain(a.id);
      expect(await ids(otherFirm, '?limit=100')).not.toContain(a.id);
      expect(await ids(officerAceh, '?limit=100')).toEqual([]);
      expect(await ids(officer, `?partnerId=${partner.organization!.id}&enterpriseId=${firm.organization!.id}&status=DRAFT&pattern=SUBCONTRACT&limit=100`)).toContain(a.id);
      expect(await ids(officer, `?partnerId=${otherPartner.organization!.id}`)).not.toContain(a.id);
      expect(await ids(officer, `?status=ACTIVE&limit=100`)).not.toContain(a.id);
      expect((await list(officer, '?status=SIGNED')).status).toBe(400);
      expect((await list(officer, '?partnerId=nope')).status).toBe(400);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await list(partner, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((x: { id: string }) => x.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort()).toEqual((await ids(partner, '?limit=100')).sort());
      const item = (await list(partner, '?limit=100')).body.items.find((x: { id: string }) => x.id === a.id);
      expect(item).toMatchObject({ number: a.number, status: 'DRAFT', enterprise: { id: firm.organization!.id }, pendingAmendmentVersion: null, disputedCommitments: 0 });
    });
  });

  describe('editing a draft (PATCH)', () => {
    it('the owning partner edits a DRAFT; lists are replaced; version guards; one audit record', async () => {
      const a = await ag.draft(parties());
      const res = await patch(partner, a.id, { version: 1, title: 'Judul baru', commitments: [{ type: 'TECHNOLOGY', description: 'Mesin pengiris' }], paymentTermDays: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Judul baru', version: 2, paymentTermDays: null, termsVersion: 1 });
      expect(res.body.commitments).toEqual([expect.objectContaining({ type: 'TECHNOLOGY', position: 0 })]);
      expect(res.body.coaching).toHaveLength(2);
      expect(res.body.terms).toMatchObject({ title: 'Judul baru', status: 'DRAFT', commitments: [expect.objectContaining({ type: 'TECHNOLOGY' })] });
      expect(await count('SELECT count(*) n FROM commitment WHERE agreement_id = $1', [a.id])).toBe(1);
      expect(await audits(a.id, 'agreement.update')).toBe(1);
      const stale = await patch(partner, a.id, { version: 1, title: 'Lagi' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ currentVersion: 2 });
      const wrong = await patch(partner, a.id, { commitments: [{ type: 'LAND', description: 'Lahan' }] });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'commitments.0.type' })]);
      expect((await patch(partner, a.id, { endDate: a.startDate as string })).status).toBe(400);
      expect((await patch(otherPartner, a.id, { title: 'Bukan milik saya' })).status).toBe(404);
      expect((await patch(firm, a.id, { title: 'Bukan milik saya' })).status).toBe(403);
      expect(await audits(a.id)).toBe(2);
      expect((await get(partner, a.id)).body).toMatchObject({ title: 'Judul baru', version: 2 });
    });

    it('terms are frozen once submitted: any edit is 409 and writes nothing', async () => {
      const a = await ag.submitted(parties());
      const before = await audits(a.id);
      const res = await patch(partner, a.id, { title: 'Diam-diam diubah' });
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('terms are frozen once signed');
      expect((await get(partner, a.id)).body).toMatchObject({ title: a.title, version: a.version });
      expect(await audits(a.id)).toBe(before);
    });
  });

  describe('lifecycle', () => {
    it('DRAFT → AWAITING_SIGNATURES → (each party signs once) → ACTIVE, generating obligations in the same transaction', async () => {
      const a = await ag.draft(parties());
      expect((await post(partner, `/agreements/${a.id}/sign`)).status).toBe(409); // not submitted
      expect((await post(firm, `/agreements/${a.id}/submit`)).status).toBe(403);
      expect((await post(otherPartner, `/agreements/${a.id}/submit`)).status).toBe(404);
      expect((await post(partner, `/agreements/${a.id}/submit`, { version: 7 })).status).toBe(409);

      const submitted = await post(partner, `/agreements/${a.id}/submit`, { version: 1 });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'AWAITING_SIGNATURES', version: 2, terms: { status: 'AWAITING_SIGNATURES' } });
      expect(submitted.body.submittedAt).toEqual(expect.any(String));
      expect(await kinds(firm, a.id)).toEqual(['AGREEMENT_SIGNATURE_REQUESTED']);
      expect((await post(partner, `/agreements/${a.id}/submit`)).status).toBe(409);
      expect(await obligations(a.id)).toBe(0);

      const firstSig = await post(firm, `/agreements/${a.id}/sign`);
      expect(firstSig.status).toBe(201);
      expect(firstSig.body).toMatchObject({ status: 'AWAITING_SIGNATURES', signatures: [{ party: 'enterprise', organizationId: firm.organization!.id, userId: firm.user.id, termsVersion: 1 }] });
      const twice = await post(firm, `/agreements/${a.id}/sign`);
      expect(twice.status).toBe(409);
      expect(twice.body.detail).toContain('already signed');
      expect((await post(otherFirm, `/agreements/${a.id}/sign`)).status).toBe(404);
      expect((await post(officer, `/agreements/${a.id}/sign`)).status).toBe(403);
      expect(await kinds(partner, a.id)).toEqual(['AGREEMENT_SIGNED']);
      expect(await obligations(a.id)).toBe(0);

      const active = await post(partner, `/agreements/${a.id}/sign`);
      expect(active.status).toBe(201);
      expect(active.body).toMatchObject({ status: 'ACTIVE', termsVersion: 1, terms: { status: 'IN_FORCE' } });
      expect(active.body.activatedAt).toEqual(expect.any(String));
      expect(active.body.signatures.map((s: { party: string }) => s.party)).toEqual(['enterprise', 'partner']);
      expect(await kinds(firm, a.id)).toEqual(['AGREEMENT_ACTIVATED', 'AGREEMENT_SIGNATURE_REQUESTED', 'AGREEMENT_SIGNED']);
      expect(await count('SELECT count(*) n FROM signature WHERE agreement_id = $1', [a.id])).toBe(2);

      expect(await obligations(a.id, `type = 'PROGRESS_REPORT'`)).toBeGreaterThanOrEqual(4);
      expect(await obligations(a.id, `type = 'HONOUR_AGREEMENT'`)).toBe(1); // the one dated commitment
      expect(await obligations(a.id, `type = 'COACHING'`)).toBe(1); // the one scheduled session
      expect(await obligations(a.id, `state <> 'OPEN'`)).toBe(0);

      // ACTIVE: nothing to sign, nothing to submit, no edits
      expect((await post(partner, `/agreements/${a.id}/sign`)).status).toBe(409);
      expect((await post(partner, `/agreements/${a.id}/submit`)).status).toBe(409);
      expect((await patch(partner, a.id, { title: 'x y z' })).status).toBe(409);
      expect(await audits(a.id, 'agreement.sign')).toBe(2);
    });

    it('complete: owning partner, only after the end date (409 before); counts in the firm’s track record', async () => {
      const a = await ag.active(parties());
      expect((await post(firm, `/agreements/${a.id}/complete`)).status).toBe(403);
      expect((await post(otherPartner, `/agreements/${a.id}/complete`)).status).toBe(404);
      const early = await post(partner, `/agreements/${a.id}/complete`);
      expect(early.status).toBe(409);
      expect(early.body.detail).toContain(`runs until ${a.endDate}`);

      const y = new Date().getUTCFullYear();
      const past = await ag.active({ ...parties(), body: { startDate: `${y - 2}-01-01`, endDate: `${y - 1}-06-30`, commitments: [{ type: 'FINANCING', description: 'Modal kerja' }], coaching: [] } });
      const before = await trackRecord(firm.organization!.id);
      const done = await post(partner, `/agreements/${past.id}/complete`, { version: past.version });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'COMPLETED' });
      expect(done.body.completedAt).toEqual(expect.any(String));
      expect((await trackRecord(firm.organization!.id)).completed).toBe(before.completed + 1);
      expect(await kinds(firm, past.id)).toContain('AGREEMENT_COMPLETED');
      for (const [s, path] of [
        [partner, 'complete'],
        [partner, 'submit'],
        [partner, 'sign'],
        [firm, 'sign'],
      ] as const) {
        expect({ path, status: (await post(s, `/agreements/${past.id}/${path}`)).status }).toEqual({ path, status: 409 });
      }
      expect((await post(firm, `/agreements/${past.id}/terminate`, { reason: 'Sudah selesai' })).status).toBe(409);
      expect((await post(firm, `/agreements/${past.id}/amendments`, agreementBody(undefined, { reason: 'x y z' }))).status).toBe(409);
      expect(await audits(past.id, 'agreement.complete')).toBe(1);
    });

    it('terminate from ACTIVE (either party, with a reason) cancels the open obligations and counts in the track record', async () => {
      const a = await ag.active(parties());
      expect(await obligations(a.id, `state = 'OPEN'`)).toBeGreaterThan(0);
      expect((await post(firm, `/agreements/${a.id}/terminate`, {})).status).toBe(400);
      expect((await post(otherFirm, `/agreements/${a.id}/terminate`, { reason: 'Bukan pihak' })).status).toBe(404);
      expect((await post(officer, `/agreements/${a.id}/terminate`, { reason: 'Bukan pihak' })).status).toBe(403);
      const before = await trackRecord(firm.organization!.id);
      const res = await post(firm, `/agreements/${a.id}/terminate`, { reason: 'Bahan baku tidak pernah dipasok', version: a.version });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'TERMINATED', terminatedBy: firm.organization!.id, terminationReason: 'Bahan baku tidak pernah dipasok' });
      expect(await obligations(a.id, `state = 'OPEN'`)).toBe(0);
      expect(await obligations(a.id, `state = 'CANCELLED'`)).toBeGreaterThan(0);
      expect((await trackRecord(firm.organization!.id)).terminated).toBe(before.terminated + 1);
      const [n] = (await about(partner, a.id)).filter((x) => x.kind === 'AGREEMENT_TERMINATED');
      expect(n.body).toContain('Bahan baku tidak pernah dipasok');
      expect((await post(partner, `/agreements/${a.id}/terminate`, { reason: 'Lagi' })).status).toBe(409);
      expect((await post(partner, `/agreements/${a.id}/complete`)).status).toBe(409);
      expect(await audits(a.id, 'agreement.terminate')).toBe(1);
    });

    it('terminate while awaiting signatures: no obligations, no track record; the unsigned terms are withdrawn', async () => {
      const a = await ag.submitted(parties());
      const before = await trackRecord(firm.organization!.id);
      const res = await post(partner, `/agreements/${a.id}/terminate`, { reason: 'Tidak jadi' });
      expect(res.status).toBe(200);
      expect(res.body.versions).toEqual([expect.objectContaining({ status: 'WITHDRAWN' })]);
      expect(await trackRecord(firm.organization!.id)).toEqual(before);
      expect((await post(firm, `/agreements/${a.id}/sign`)).status).toBe(409);
      expect(await kinds(firm, a.id)).toContain('AGREEMENT_TERMINATED');
    });
  });

  describe('amendments', () => {
    it('either party proposes version n+1; both sign it; it goes in force with the full history kept', async () => {
      const a = await ag.active(parties());
      // under version 1 the firm disputes the raw-material supply and confirms the guidance
      expect((await post(firm, `/commitments/${a.commitments[1].id}/dispute`, { reason: 'Harga di atas kontrak', kind: 'PRICE' })).status).toBe(200);
      expect((await post(firm, `/commitments/${a.commitments[2].id}/confirm`)).status).toBe(200);
      const body = agreementBody(undefined, {
        title: 'Perjanjian subkontrak keripik singkong (perubahan I)',
        paymentTermDays: 14,
        reason: 'Volume pesanan naik menjadi 3 ton per bulan',
      });
      body.commitments[0] = { ...body.commitments[0], quantity: 3000, valueIdr: 75_000_000 };
      body.commitments.push({ type: 'FINANCING', description: 'Uang muka pembelian mesin', valueIdr: 20_000_000, dueDate: a.endDate as string });

      expect((await post(firm, `/agreements/${a.id}/amendments`, { ...body, reason: undefined })).status).toBe(400);
      const wrong = await post(firm, `/agreements/${a.id}/amendments`, { ...body, commitments: [{ type: 'LAND', description: 'Lahan' }] });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'commitments.0.type' })]);
      expect((await post(otherPartner, `/agreements/${a.id}/amendments`, body)).status).toBe(404);
      expect((await post(officer, `/agreements/${a.id}/amendments`, body)).status).toBe(403);

      const proposed = await post(firm, `/agreements/${a.id}/amendments`, body);
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({
        agreementId: a.id,
        termsVersion: 2,
        status: 'AWAITING_SIGNATURES',
        reason: 'Volume pesanan naik menjadi 3 ton per bulan',
        proposedBy: firm.organization!.id,
        proposedByParty: 'enterprise',
        paymentTermDays: 14,
        signatures: [],
      });
      expect(proposed.body.commitments).toHaveLength(4);
      expect(await kinds(partner, a.id)).toContain('AMENDMENT_PROPOSED');
      const second = await post(partner, `/agreements/${a.id}/amendments`, body);
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ pendingAmendmentVersion: 2 });

      const pending = (await get(officer, a.id)).body;
      expect(pending).toMatchObject({ status: 'ACTIVE', termsVersion: 1, pendingAmendmentVersion: 2, pendingAmendment: { termsVersion: 2, status: 'AWAITING_SIGNATURES' } });
      expect(pending.versions.map((v: { termsVersion: number; status: string }) => [v.termsVersion, v.status])).toEqual([
        [1, 'IN_FORCE'],
        [2, 'AWAITING_SIGNATURES'],
      ]);
      const v1Commitment = pending.commitments[0].id as string;

      const partnerSig = await post(partner, `/agreements/${a.id}/sign`);
      expect(partnerSig.status).toBe(201);
      expect(partnerSig.body).toMatchObject({ termsVersion: 1, pendingAmendment: { signatures: [expect.objectContaining({ party: 'partner' })] } });
      expect((await post(partner, `/agreements/${a.id}/sign`)).status).toBe(409);

      const inForce = await post(firm, `/agreements/${a.id}/sign`);
      expect(inForce.status).toBe(201);
      expect(inForce.body).toMatchObject({
        status: 'ACTIVE',
        termsVersion: 2,
        title: 'Perjanjian subkontrak keripik singkong (perubahan I)',
        paymentTermDays: 14,
        pendingAmendment: null,
        pendingAmendmentVersion: null,
        terms: { termsVersion: 2, status: 'IN_FORCE' },
      });
      expect(inForce.body.versions.map((v: { termsVersion: number; status: string }) => [v.termsVersion, v.status])).toEqual([
        [1, 'SUPERSEDED'],
        [2, 'IN_FORCE'],
      ]);
      expect(inForce.body.versions[0].signatures).toHaveLength(2);
      expect(inForce.body.versions[1].signatures).toHaveLength(2);
      expect(inForce.body.commitments.map((c: { termsVersion: number }) => c.termsVersion)).toEqual([2, 2, 2, 2]);
      expect(inForce.body.commitments[0]).toMatchObject({ quantity: 3000, valueIdr: 75_000_000, status: 'PENDING' });
      // carried-over commitments keep the firm's dispute and confirmation: an amendment clears neither
      expect(inForce.body.commitments[1]).toMatchObject({ type: 'RAW_MATERIAL_SUPPLY', status: 'DISPUTED', disputeKind: 'PRICE', disputeReason: 'Harga di atas kontrak' });
      expect(inForce.body.commitments[2]).toMatchObject({ type: 'TECHNICAL_GUIDANCE', status: 'CONFIRMED', confirmedBy: firm.user.id });
      expect(inForce.body.commitments[3]).toMatchObject({ type: 'FINANCING', status: 'PENDING' });
      expect(inForce.body.disputedCommitments).toBe(1);
      expect(await kinds(partner, a.id)).toContain('AMENDMENT_IN_FORCE');
      // obligations resynced: the new dated commitment has its HONOUR_AGREEMENT obligation
      expect(await obligations(a.id, `type = 'HONOUR_AGREEMENT' AND state = 'OPEN'`)).toBe(2);
      expect((await post(firm, `/commitments/${v1Commitment}/confirm`)).status).toBe(409); // superseded
      expect((await post(partner, `/agreements/${a.id}/sign`)).status).toBe(409); // nothing pending
      expect(await audits(a.id, 'agreement.amend')).toBe(1);
    });

    it('terminating withdraws an amendment still awaiting signatures', async () => {
      const a = await ag.active(parties());
      expect((await post(partner, `/agreements/${a.id}/amendments`, agreementBody(undefined, { reason: 'Perpanjangan' }))).status).toBe(201);
      const res = await post(partner, `/agreements/${a.id}/terminate`, { reason: 'Usaha ditutup' });
      expect(res.status).toBe(200);
      expect(res.body.versions.map((v: { status: string }) => v.status)).toEqual(['IN_FORCE', 'WITHDRAWN']);
      expect(res.body.pendingAmendment).toBeNull();
      expect((await post(firm, `/agreements/${a.id}/sign`)).status).toBe(409);
    });

    it('the proposing party withdraws its amendment before both have signed; the terms in force stay', async () => {
      const a = await ag.active(parties());
      const before = (await get(partner, a.id)).body;
      expect((await post(partner, `/agreements/${a.id}/amendments`, agreementBody(undefined, { title: 'Perubahan', reason: 'Perpanjangan' }))).status).toBe(201);
      expect((await post(partner, `/agreements/${a.id}/sign`)).status).toBe(201); // the proposer signed already: still withdrawable
      const url = `/agreements/${a.id}/amendments/2/withdraw`;
      const notProposer = await post(firm, url, { reason: 'Bukan usulan kami' });
      expect(notProposer.status).toBe(409);
      expect(notProposer.body.detail).toMatch(/decline/);
      const noReason = await post(partner, url, {});
      expect(noReason.status).toBe(400);
      expect(new Set(noReason.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['reason']));
      expect((await post(otherPartner, url, { reason: 'Bukan milik kami' })).status).toBe(404);
      expect((await post(officer, url, { reason: 'Petugas' })).status).toBe(403);
      expect((await post(partner, url, { reason: 'Basi', version: 1 })).status).toBe(409); // stale
      expect((await get(partner, a.id)).body.pendingAmendmentVersion).toBe(2); // nothing written by the refusals

      const res = await post(partner, url, { reason: 'Perpanjangan belum diperlukan' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ACTIVE', termsVersion: 1, title: before.title, pendingAmendment: null, pendingAmendmentVersion: null });
      expect(res.body.versions.map((v: { status: string }) => v.status)).toEqual(['IN_FORCE', 'WITHDRAWN']);
      expect(res.body.versions[1]).toMatchObject({
        closedBy: partner.organization!.id, closedByParty: 'partner', closeReason: 'Perpanjangan belum diperlukan', closedAt: expect.any(String),
        signatures: [expect.objectContaining({ party: 'partner' })],
      });
      expect(res.body.commitments).toEqual(before.commitments);
      expect(await kinds(firm, a.id)).toContain('AMENDMENT_WITHDRAWN');
      expect(await audits(a.id, 'agreement.amendment-withdraw')).toBe(1);
      expect((await post(firm, `/agreements/${a.id}/sign`)).status).toBe(409); // nothing awaits signatures
      expect((await post(partner, url, { reason: 'Lagi' })).status).toBe(409); // already withdrawn
      // the way is clear for another proposal, version 3
      const next = await post(firm, `/agreements/${a.id}/amendments`, agreementBody(undefined, { reason: 'Tambah pelatihan' }));
      expect(next.status).toBe(201);
      expect(next.body.termsVersion).toBe(3);
    });

    it('the other party declines an amendment; unknown or malformed versions are 404', async () => {
      const a = await ag.active(parties());
      const reports = await obligations(a.id);
      expect((await post(partner, `/agreements/${a.id}/amendments`, agreementBody(undefined, { reason: 'Harga bahan baku naik' }))).status).toBe(201);
      for (const v of ['1', '3', 'abc', '0', '99999999999']) {
        const r = await post(firm, `/agreements/${a.id}/amendments/${v}/decline`, { reason: 'Tidak setuju' });
        expect({ v, status: r.status }).toEqual({ v, status: 404 });
      }
      const own = await post(partner, `/agreements/${a.id}/amendments/2/decline`, { reason: 'Tidak setuju' });
      expect(own.status).toBe(409);
      expect(own.body.detail).toMatch(/withdraw it instead/);
      const res = await post(firm, `/agreements/${a.id}/amendments/2/decline`, { reason: 'Harga lama masih berlaku' });
      expect(res.status).toBe(200);
      expect(res.body.versions.map((v: { status: string }) => v.status)).toEqual(['IN_FORCE', 'DECLINED']);
      expect(res.body.versions[1]).toMatchObject({ closedByParty: 'enterprise', closeReason: 'Harga lama masih berlaku' });
      expect(await kinds(partner, a.id)).toContain('AMENDMENT_DECLINED');
      expect(await audits(a.id, 'agreement.amendment-decline')).toBe(1);
      expect(await obligations(a.id)).toBe(reports);
      const again = await post(firm, `/agreements/${a.id}/amendments/2/decline`, { reason: 'Lagi' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ termsStatus: 'DECLINED' });
    });

    it('a withdrawal racing the signature that would put the amendment in force: exactly one wins, the state agrees with it', async () => {
      for (let round = 0; round < 4; round++) {
        const a = await ag.active(parties());
        expect((await post(partner, `/agreements/${a.id}/amendments`, agreementBody(undefined, { title: `Perubahan ${round}`, reason: 'Perpanjangan' }))).status).toBe(201);
        expect((await post(partner, `/agreements/${a.id}/sign`)).status).toBe(201);
        const [sign, withdraw] = await Promise.all([
          post(firm, `/agreements/${a.id}/sign`),
          post(partner, `/agreements/${a.id}/amendments/2/withdraw`, { reason: 'Tidak jadi' }),
        ]);
        const after = (await get(partner, a.id)).body;
        if (sign.status === 201) {
          expect(withdraw.status).toBe(409);
          expect(after).toMatchObject({ termsVersion: 2, title: `Perubahan ${round}` });
          expect(after.versions.map((v: { status: string }) => v.status)).toEqual(['SUPERSEDED', 'IN_FORCE']);
        } else {
          expect([sign.status, withdraw.status]).toEqual([409, 200]);
          expect(after).toMatchObject({ termsVersion: 1, pendingAmendment: null });
          expect(after.versions.map((v: { status: string }) => v.status)).toEqual(['IN_FORCE', 'WITHDRAWN']);
        }
      }
    });

    it('no amendments before the agreement is ACTIVE', async () => {
      const a = await ag.submitted(parties());
      const res = await post(partner, `/agreements/${a.id}/amendments`, agreementBody(undefined, { reason: 'Ubah' }));
      expect(res.status).toBe(409);
      expect(await count('SELECT count(*) n FROM agreement_terms WHERE agreement_id = $1', [a.id])).toBe(1);
    });
  });

  describe('counter-confirmation of commitments', () => {
    it('the small firm confirms (fulfilling the obligation) or disputes (the partner is told, the ministry sees it)', async () => {
      const a = await ag.active(parties());
      const [dated, supply, guidance] = a.commitments;
      expect((await post(partner, `/commitments/${dated.id}/confirm`)).status).toBe(403);
      expect((await post(otherFirm, `/commitments/${dated.id}/confirm`)).status).toBe(404);
      expect((await post(firm, `/commitments/00000000-0000-4000-8000-000000000000/confirm`)).status).toBe(404);
      expect((await post(firm, `/commitments/${dated.id}/confirm`, { version: 5 })).status).toBe(409);

      const confirmed = await post(firm, `/commitments/${dated.id}/confirm`, { version: 1 });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ id: dated.id, status: 'CONFIRMED', confirmedBy: firm.user.id, version: 2 });
      expect(await count(`SELECT count(*) n FROM obligation WHERE commitment_id = $1 AND state = 'FULFILLED'`, [dated.id])).toBe(1);
      expect(await kinds(partner, dated.id)).toEqual(['COMMITMENT_CONFIRMED']);
      expect((await post(firm, `/commitments/${dated.id}/confirm`)).status).toBe(409);
      expect((await post(firm, `/commitments/${dated.id}/dispute`, { reason: 'Terlambat' })).status).toBe(409);

      expect((await post(firm, `/commitments/${supply.id}/dispute`, {})).status).toBe(400);
      expect((await post(firm, `/commitments/${supply.id}/dispute`, { reason: 'Harga', kind: 'TOO_EXPENSIVE' })).status).toBe(400);
      const disputed = await post(firm, `/commitments/${supply.id}/dispute`, { reason: 'Singkong dijual di atas harga kontrak', kind: 'PRICE' });
      expect(disputed.status).toBe(200);
      expect(disputed.body).toMatchObject({ status: 'DISPUTED', disputeKind: 'PRICE', disputeReason: 'Singkong dijual di atas harga kontrak' });
      const [notice] = await about(partner, supply.id);
      expect(notice).toMatchObject({ kind: 'COMMITMENT_DISPUTED', entityType: 'commitment', data: expect.objectContaining({ agreementId: a.id, disputeKind: 'PRICE' }) });
      expect(notice.body).toContain('Singkong dijual di atas harga kontrak');
      expect((await post(firm, `/commitments/${supply.id}/dispute`, { reason: 'Lagi' })).status).toBe(409);
      const seen = (await get(officer, a.id)).body;
      expect(seen.disputedCommitments).toBe(1);
      expect(seen.commitments.find((c: { id: string }) => c.id === supply.id)).toMatchObject({ status: 'DISPUTED', disputeKind: 'PRICE' });

      const resolved = await post(firm, `/commitments/${supply.id}/confirm`);
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ status: 'CONFIRMED', disputeKind: 'PRICE' });
      const other = await post(firm, `/commitments/${guidance.id}/dispute`, { reason: 'Tidak ada pendampingan' });
      expect(other.body).toMatchObject({ status: 'DISPUTED', disputeKind: 'OTHER' });
      expect(await audits(dated.id, 'commitment.confirm')).toBe(1);
      expect(await audits(supply.id)).toBe(2);
    });

    it('only on ACTIVE agreements (409 for a draft, a terminated one)', async () => {
      const draft = await ag.draft(parties());
      expect((await post(firm, `/commitments/${draft.commitments[0].id}/confirm`)).status).toBe(409);
      const a = await ag.active(parties());
      await post(partner, `/agreements/${a.id}/terminate`, { reason: 'Selesai lebih awal' });
      expect((await post(firm, `/commitments/${a.commitments[0].id}/dispute`, { reason: 'x y z' })).status).toBe(409);
    });
  });

  describe('audit trail', () => {
    it('exactly one record per mutating request, none for a failed one', async () => {
      const app = await ag.accepted(partner, firm);
      const base = await allAudits();
      const created = await post(partner, '/agreements', agreementBody(app.id));
      const id = created.body.id as string;
      await patch(partner, id, { title: 'Judul revisi' });
      await post(partner, `/agreements/${id}/submit`);
      await post(firm, `/agreements/${id}/sign`);
      const active = await post(partner, `/agreements/${id}/sign`);
      expect(active.body.status).toBe('ACTIVE');
      expect(await allAudits()).toBe(base + 5);
      const rows: { action: string; actor_user_id: string; organization_id: string; request_id: string | null }[] = await t.ds.query(
        `SELECT action, actor_user_id, organization_id, request_id FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [id],
      );
      expect(rows.map((r) => r.action)).toEqual(['agreement.create', 'agreement.update', 'agreement.submit', 'agreement.sign', 'agreement.sign']);
      expect(rows[3]).toMatchObject({ actor_user_id: firm.user.id, organization_id: firm.organization!.id });
      expect(rows.every((r) => r.request_id)).toBe(true);

      // failures write nothing
      const failures = [
        await post(partner, `/agreements/${id}/submit`),
        await post(firm, `/agreements/${id}/sign`),
        await patch(partner, id, { title: 'Tidak boleh' }),
        await post(partner, `/agreements/${id}/complete`),
        await post(partner, `/agreements/${id}/amendments`, { reason: 'x' }),
        await post(firm, `/commitments/${active.body.commitments[0].id}/dispute`, {}),
        await post(otherFirm, `/agreements/${id}/terminate`, { reason: 'Bukan pihak' }),
      ];
      expect(failures.map((r) => r.status)).toEqual([409, 409, 409, 409, 400, 400, 404]);
      expect(await allAudits()).toBe(base + 5);

      const verify = await t.http().get('/api/v1/audit/verify').set(bearer(admin));
      expect(verify.body).toMatchObject({ valid: true });
      const trail = await t.http().get(`/api/v1/audit?entityType=agreement&entityId=${id}`).set(bearer(firm));
      expect(trail.status).toBe(200);
      expect(trail.body.items).toHaveLength(5);
    });
  });

  describe('concurrency', () => {
    it('100 parallel conflicting updates of one agreement: exactly one wins, 99 get 409, the version moves once', async () => {
      const a = await ag.draft(parties());
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => patch(partner, a.id, { version: a.version, title: `Judul serentak ${i}` })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(99);
      const winner = results.find((r) => r.status === 200)!;
      const now = (await get(partner, a.id)).body;
      expect(now).toMatchObject({ version: a.version + 1, title: winner.body.title });
      expect(await audits(a.id, 'agreement.update')).toBe(1);
    }, 60_000);

    it('both parties signing at once: both signatures land and the agreement activates once', async () => {
      const a = await ag.submitted(parties());
      const [x, y] = await Promise.all([post(partner, `/agreements/${a.id}/sign`), post(firm, `/agreements/${a.id}/sign`)]);
      expect([x.status, y.status]).toEqual([201, 201]);
      const now = (await get(partner, a.id)).body;
      expect(now.status).toBe('ACTIVE');
      expect(await obligations(a.id, `type = 'HONOUR_AGREEMENT'`)).toBe(1);
    });

    it('50 parallel repeats of one POST /agreements with the same Idempotency-Key: one agreement, every response the same', async () => {
      const app = await ag.accepted(partner, firm);
      const body = agreementBody(app.id);
      const key = `create-agreement-${app.id}`;
      const results = await Promise.all(
        Array.from({ length: 50 }, () => t.http().post('/api/v1/agreements').set(bearer(partner)).set('Idempotency-Key', key).send(body)),
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      for (const r of results) expect(r.body).toEqual(results[0].body);
      expect(await count('SELECT count(*) n FROM agreement WHERE application_id = $1', [app.id])).toBe(1);
      expect(await audits(results[0].body.id, 'agreement.create')).toBe(1);
      expect(results.filter((r) => r.headers['idempotency-replayed'] === 'true')).toHaveLength(49);
      const mismatch = await t.http().post('/api/v1/agreements').set(bearer(partner)).set('Idempotency-Key', key).send({ ...body, title: 'Lain' });
      expect(mismatch.status).toBe(409);
    }, 60_000);

    it('a repeated signature with the same Idempotency-Key replays instead of failing', async () => {
      const a = await ag.submitted(parties());
      const first = await post(firm, `/agreements/${a.id}/sign`).set('Idempotency-Key', `sign-${a.id}`);
      const again = await post(firm, `/agreements/${a.id}/sign`).set('Idempotency-Key', `sign-${a.id}`);
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body).toEqual(first.body);
      expect(await count('SELECT count(*) n FROM signature WHERE agreement_id = $1', [a.id])).toBe(1);
    });
  });
});
