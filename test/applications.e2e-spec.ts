import { bearer, factory, type Session } from './support/factory.js';
import { type ApplicationJson, opportunities } from './support/opportunities.js';
import { startTestApp, type TestApp } from './support/app.js';

interface NotificationJson {
  id: string;
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

describe('applications, invitations and their notifications', () => {
  let t: TestApp;
  let f: ReturnType<typeof factory>;
  let o: ReturnType<typeof opportunities>;
  let partner: Session;
  let other: Session;
  let firm: Session;
  let firm2: Session;
  let officer: Session;
  let admin: Session;

  const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);
  const act = (s: Session, id: string, action: string, body: object = {}) => t.http().post(`/api/v1/applications/${id}/${action}`).set(bearer(s)).send(body);
  const apply = (s: Session, opportunityId: string, body: object = { message: 'Kami siap memasok.' }) =>
    t.http().post(`/api/v1/opportunities/${opportunityId}/applications`).set(bearer(s)).send(body);
  const invite = (s: Session, opportunityId: string, enterpriseId: string) =>
    t.http().post(`/api/v1/opportunities/${opportunityId}/invitations`).set(bearer(s)).send({ enterpriseId, message: 'Silakan melamar.' });
  const getApp = (s: Session, id: string) => t.http().get(`/api/v1/applications/${id}`).set(bearer(s));
  const opportunity = async (id: string) => (await t.http().get(`/api/v1/opportunities/${id}`).set(bearer(partner))).body;
  /** Notifications of `s` about one application. */
  const about = async (s: Session, applicationId: string): Promise<NotificationJson[]> => {
    const res = await t.http().get('/api/v1/notifications?limit=100').set(bearer(s));
    expect(res.status).toBe(200);
    return (res.body.items as NotificationJson[]).filter((n) => n.entityId === applicationId);
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = factory(t);
    o = opportunities(t);
    [partner, other, firm, firm2, officer, admin] = await Promise.all([f.partner(), f.partner(), f.enterprise(), f.enterprise(), f.ministry(), f.admin()]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('applying', () => {
    it('201 SUBMITTED; the partner is notified (in Indonesian), the firm is not', async () => {
      const opp = await o.open(partner, { title: 'Pemasok keripik balado' });
      const res = await apply(firm, opp.id, { message: 'Kami sanggup 2 ton per bulan.', offeredCapacity: { quantity: 2000, unit: 'kg', period: 'MONTH' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        opportunityId: opp.id,
        enterpriseId: firm.organization!.id,
        partnerId: partner.organization!.id,
        status: 'SUBMITTED',
        message: 'Kami sanggup 2 ton per bulan.',
        offeredCapacity: { quantity: 2000, unit: 'kg', period: 'MONTH' },
        invited: false,
        decidedAt: null,
        version: 1,
      });
      expect(res.body.submittedAt).toEqual(expect.any(String));
      const [n] = await about(partner, res.body.id);
      expect(n).toMatchObject({ kind: 'APPLICATION_SUBMITTED', entityType: 'application', readAt: null });
      expect(n.title).toBe('Lamaran baru untuk “Pemasok keripik balado”');
      expect(n.body).toContain(String(firm.organization!.name));
      expect(n.data).toMatchObject({ opportunityId: opp.id, enterpriseId: firm.organization!.id, status: 'SUBMITTED' });
      expect(await about(firm, res.body.id)).toEqual([]);
      expect(await about(other, res.body.id)).toEqual([]);
    });

    it('a second active application by the same firm is 409 and writes nothing', async () => {
      const opp = await o.open(partner);
      const first = await apply(firm, opp.id);
      const second = await apply(firm, opp.id);
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ status: 409, applicationId: first.body.id, applicationStatus: 'SUBMITTED' });
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = $1', [opp.id])).toBe(1);
      expect(await count('SELECT count(*) n FROM notification WHERE data->>$1 = $2', ['opportunityId', opp.id])).toBe(1);
    });

    it('two simultaneous applications by one firm: one 201, one 409', async () => {
      const opp = await o.open(partner);
      const results = await Promise.all([apply(firm, opp.id), apply(firm, opp.id), apply(firm, opp.id)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = $1', [opp.id])).toBe(1);
    });

    it('a draft is invisible (404); a closed opportunity is 409', async () => {
      const draft = await o.draft(partner);
      expect((await apply(firm, draft.id)).status).toBe(404);
      const open = await o.open(partner);
      await t.http().post(`/api/v1/opportunities/${open.id}/close`).set(bearer(partner)).send({});
      const closed = await apply(firm, open.id);
      expect(closed.status).toBe(409);
      expect(closed.body.detail).toContain('MANUAL');
      expect((await apply(firm, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = ANY($1)', [[draft.id, open.id]])).toBe(0);
    });

    it('an expired opportunity (closes_at passed, not yet swept) is 409', async () => {
      const opp = await o.open(partner);
      await t.ds.query(`UPDATE opportunity SET closes_at = now() - interval '1 minute' WHERE id = $1`, [opp.id]);
      const res = await apply(firm, opp.id);
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('DEADLINE');
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = $1', [opp.id])).toBe(0);
    });

    it('400 for bad input, writing nothing; 403 for partners and oversight', async () => {
      const opp = await o.open(partner);
      for (const body of [
        { offeredCapacity: { quantity: 10, unit: 'kg', period: 'DAY' } },
        { offeredCapacity: { quantity: 0, unit: 'kg', period: 'MONTH' } },
        { message: 5 },
        { message: null },
        { status: 'ACCEPTED' },
      ]) {
        const res = await apply(firm, opp.id, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      for (const s of [partner, officer, admin]) expect((await apply(s, opp.id)).status).toBe(403);
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = $1', [opp.id])).toBe(0);
    });

    it('is idempotent with an Idempotency-Key', async () => {
      const opp = await o.open(partner);
      const first = await apply(firm, opp.id).set('Idempotency-Key', `apply-${opp.id}`);
      const again = await apply(firm, opp.id).set('Idempotency-Key', `apply-${opp.id}`);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = $1', [opp.id])).toBe(1);
    });
  });

  describe('withdrawing', () => {
    it('SUBMITTED → WITHDRAWN notifies the partner; again is 409; the firm may apply afresh', async () => {
      const opp = await o.open(partner);
      const app = await o.apply(firm, opp.id);
      const res = await act(firm, app.id, 'withdraw', { version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'WITHDRAWN', version: 2 });
      const notes = await about(partner, app.id);
      expect(notes.map((n) => n.kind).sort()).toEqual(['APPLICATION_SUBMITTED', 'APPLICATION_WITHDRAWN']);
      expect(notes.find((n) => n.kind === 'APPLICATION_WITHDRAWN')!.title).toContain('Lamaran ditarik');
      expect((await act(firm, app.id, 'withdraw')).status).toBe(409);
      const fresh = await apply(firm, opp.id);
      expect(fresh.status).toBe(201);
      expect(fresh.body.id).not.toBe(app.id);
    });

    it('SHORTLISTED may be withdrawn; a decided one may not (409); another firm gets 404, a partner 403', async () => {
      const opp = await o.open(partner);
      const a = await o.apply(firm, opp.id);
      const b = await o.apply(firm2, opp.id);
      expect((await act(partner, a.id, 'shortlist')).status).toBe(200);
      expect((await act(firm2, a.id, 'withdraw')).status).toBe(404);
      expect((await act(partner, a.id, 'withdraw')).status).toBe(403);
      expect((await act(firm, a.id, 'withdraw')).body.status).toBe('WITHDRAWN');
      await act(partner, b.id, 'accept');
      const late = await act(firm2, b.id, 'withdraw');
      expect(late.status).toBe(409);
      expect(late.body.detail).toContain('ACCEPTED');
      expect((await getApp(firm2, b.id)).body.status).toBe('ACCEPTED');
    });

    it('a stale version is 409', async () => {
      const opp = await o.open(partner);
      const app = await o.apply(firm, opp.id);
      expect((await act(firm, app.id, 'withdraw', { version: 5 })).status).toBe(409);
      expect((await getApp(firm, app.id)).body).toMatchObject({ status: 'SUBMITTED', version: 1 });
    });
  });

  describe('the partner’s decisions', () => {
    it('shortlist then accept, each notifying the firm; illegal moves are 409', async () => {
      const opp = await o.open(partner, { slots: 3 });
      const app = await o.apply(firm, opp.id);
      const s = await act(partner, app.id, 'shortlist', { note: 'Profil sesuai.' });
      expect(s.status).toBe(200);
      expect(s.body).toMatchObject({ status: 'SHORTLISTED', decisionNote: 'Profil sesuai.', version: 2 });
      expect((await act(partner, app.id, 'shortlist')).status).toBe(409);
      const a = await act(partner, app.id, 'accept', { note: 'Selamat bergabung.', version: 2 });
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ status: 'ACCEPTED', decisionNote: 'Selamat bergabung.', version: 3 });
      expect(a.body.decidedAt).toEqual(expect.any(String));
      expect(await opportunity(opp.id)).toMatchObject({ acceptedCount: 1, status: 'OPEN' });
      for (const action of ['accept', 'reject', 'shortlist']) expect((await act(partner, app.id, action)).status).toBe(409);
      const notes = await about(firm, app.id);
      expect(notes.map((n) => n.kind).sort()).toEqual(['APPLICATION_ACCEPTED', 'APPLICATION_SHORTLISTED']);
      expect(notes.find((n) => n.kind === 'APPLICATION_ACCEPTED')).toMatchObject({ title: 'Lamaran Anda diterima' });
      expect(notes.find((n) => n.kind === 'APPLICATION_ACCEPTED')!.body).toContain('Selamat bergabung.');
      expect((await about(partner, app.id)).map((n) => n.kind)).toEqual(['APPLICATION_SUBMITTED']);
    });

    it('reject from SUBMITTED notifies the firm; the rejected one cannot be accepted', async () => {
      const opp = await o.open(partner);
      const app = await o.apply(firm, opp.id);
      const r = await act(partner, app.id, 'reject', { note: 'Kapasitas belum cukup.' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'REJECTED', decisionNote: 'Kapasitas belum cukup.' });
      expect((await act(partner, app.id, 'accept')).status).toBe(409);
      expect((await about(firm, app.id)).map((n) => n.kind)).toEqual(['APPLICATION_REJECTED']);
      expect(await opportunity(opp.id)).toMatchObject({ acceptedCount: 0 });
    });

    it('another partner gets 404 and a firm 403, and nothing changes', async () => {
      const opp = await o.open(partner);
      const app = await o.apply(firm, opp.id);
      for (const action of ['shortlist', 'accept', 'reject']) {
        expect((await act(other, app.id, action)).status).toBe(404);
        expect((await act(firm, app.id, action)).status).toBe(403);
        expect((await act(officer, app.id, action)).status).toBe(403);
      }
      expect((await getApp(partner, app.id)).body).toMatchObject({ status: 'SUBMITTED', version: 1 });
    });

    it('filling the last slot closes the opportunity (SLOTS_FILLED); accepting beyond the slots is 409', async () => {
      const opp = await o.open(partner, { slots: 2 });
      const firm3 = await f.enterprise();
      const [a, b, c] = [await o.apply(firm, opp.id), await o.apply(firm2, opp.id), await o.apply(firm3, opp.id)];
      expect((await act(partner, a.id, 'accept')).status).toBe(200);
      expect(await opportunity(opp.id)).toMatchObject({ status: 'OPEN', acceptedCount: 1 });
      expect((await act(partner, b.id, 'accept')).status).toBe(200);
      expect(await opportunity(opp.id)).toMatchObject({ status: 'CLOSED', closedReason: 'SLOTS_FILLED', acceptedCount: 2 });
      const beyond = await act(partner, c.id, 'accept');
      expect(beyond.status).toBe(409);
      expect(beyond.body.detail).toContain('slot');
      expect((await getApp(partner, c.id)).body.status).toBe('SUBMITTED');
      // the filled opportunity takes no more applications
      expect((await apply(await f.enterprise(), opp.id)).status).toBe(409);
      // but the remaining applicant can still be turned down
      expect((await act(partner, c.id, 'reject')).status).toBe(200);
    });

    it('the last slot, accepted twice at the same moment: exactly one wins', async () => {
      for (let round = 0; round < 3; round++) {
        const opp = await o.open(partner, { slots: 1 });
        const [a, b] = [await o.apply(firm, opp.id), await o.apply(firm2, opp.id)];
        const results = await Promise.all([act(partner, a.id, 'accept'), act(partner, b.id, 'accept')]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const [row] = await t.ds.query(`SELECT accepted_count, slots, status, closed_reason FROM opportunity WHERE id = $1`, [opp.id]);
        expect(row).toEqual({ accepted_count: 1, slots: 1, status: 'CLOSED', closed_reason: 'SLOTS_FILLED' });
        expect(await count(`SELECT count(*) n FROM application WHERE opportunity_id = $1 AND status = 'ACCEPTED'`, [opp.id])).toBe(1);
      }
    });

    it('a deadline ends applications, not decisions: accepting after it still counts, and writes the closure', async () => {
      const opp = await o.open(partner, { slots: 2 });
      const app = await o.apply(firm, opp.id);
      await t.ds.query(`UPDATE opportunity SET closes_at = now() - interval '1 minute' WHERE id = $1`, [opp.id]);
      const res = await act(partner, app.id, 'accept');
      expect(res.status).toBe(200);
      const [row] = await t.ds.query(`SELECT accepted_count, status, closed_reason, closed_at = closes_at AS at_deadline FROM opportunity WHERE id = $1`, [opp.id]);
      expect(row).toEqual({ accepted_count: 1, status: 'CLOSED', closed_reason: 'DEADLINE', at_deadline: true });
    });
  });

  describe('invitations', () => {
    it('the partner invites (INVITED, firm notified); the firm applies on the same row (partner notified)', async () => {
      const opp = await o.open(partner, { title: 'Mitra plasma jagung' });
      const inv = await invite(partner, opp.id, firm.organization!.id);
      expect(inv.status).toBe(201);
      expect(inv.body).toMatchObject({ status: 'INVITED', invited: true, invitationMessage: 'Silakan melamar.', enterpriseId: firm.organization!.id, submittedAt: null, version: 1 });
      const [n] = await about(firm, inv.body.id);
      expect(n).toMatchObject({ kind: 'INVITATION_SENT', title: `Undangan kemitraan dari ${partner.organization!.name}` });
      expect((await invite(partner, opp.id, firm.organization!.id)).status).toBe(409);

      const applied = await apply(firm, opp.id, { message: 'Terima kasih, kami melamar.' });
      expect(applied.status).toBe(201);
      expect(applied.body).toMatchObject({ id: inv.body.id, status: 'SUBMITTED', invited: true, message: 'Terima kasih, kami melamar.', version: 2 });
      const notes = await about(partner, inv.body.id);
      expect(notes.map((x) => x.kind)).toEqual(['APPLICATION_SUBMITTED']);
      expect(notes[0].body).toContain('undangan');
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = $1', [opp.id])).toBe(1);
    });

    it('the invited firm declines (partner notified); an invitation cannot be withdrawn, shortlisted or accepted', async () => {
      const opp = await o.open(partner);
      const inv = await o.invite(partner, opp.id, firm2.organization!.id);
      for (const [s, action] of [[firm2, 'withdraw'], [partner, 'shortlist'], [partner, 'accept'], [partner, 'reject']] as const) {
        expect({ action, status: (await act(s, inv.id, action)).status }).toEqual({ action, status: 409 });
      }
      expect((await act(firm, inv.id, 'decline')).status).toBe(404);
      expect((await act(partner, inv.id, 'decline')).status).toBe(403);
      const res = await act(firm2, inv.id, 'decline');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('DECLINED');
      expect((await about(partner, inv.id)).map((n) => n.kind)).toEqual(['INVITATION_DECLINED']);
      expect((await act(firm2, inv.id, 'decline')).status).toBe(409);
      // a declined invitation leaves the firm free to be invited again
      expect((await invite(partner, opp.id, firm2.organization!.id)).status).toBe(201);
    });

    it('404 for an unknown firm or a partner id; 409 for a firm that already applied, a draft, a closed one; 404 for another partner', async () => {
      const opp = await o.open(partner);
      await o.apply(firm, opp.id);
      expect((await invite(partner, opp.id, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await invite(partner, opp.id, other.organization!.id)).status).toBe(404);
      expect((await invite(partner, opp.id, firm.organization!.id)).status).toBe(409);
      expect((await invite(other, opp.id, firm2.organization!.id)).status).toBe(404);
      expect((await invite(firm, opp.id, firm2.organization!.id)).status).toBe(403);
      const draft = await o.draft(partner);
      expect((await invite(partner, draft.id, firm2.organization!.id)).status).toBe(409);
      await t.http().post(`/api/v1/opportunities/${opp.id}/close`).set(bearer(partner)).send({});
      expect((await invite(partner, opp.id, firm2.organization!.id)).status).toBe(409);
      const bad = await t.http().post(`/api/v1/opportunities/${draft.id}/invitations`).set(bearer(partner)).send({ enterpriseId: 'nope' });
      expect(bad.status).toBe(400);
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = ANY($1) AND status = $2', [[opp.id, draft.id], 'INVITED'])).toBe(0);
    });

    it('an open invitation to an opportunity that then closes cannot be answered by applying (409)', async () => {
      const opp = await o.open(partner);
      const inv = await o.invite(partner, opp.id, firm.organization!.id);
      await t.ds.query(`UPDATE opportunity SET closes_at = now() - interval '1 second' WHERE id = $1`, [opp.id]);
      expect((await apply(firm, opp.id)).status).toBe(409);
      expect((await getApp(firm, inv.id)).body.status).toBe('INVITED');
      expect((await act(firm, inv.id, 'decline')).status).toBe(200);
    });
  });

  describe('reading applications', () => {
    let opp: string;
    let mine: ApplicationJson;
    let theirs: ApplicationJson;
    beforeAll(async () => {
      opp = (await o.open(partner)).id;
      mine = await o.apply(firm, opp);
      theirs = await o.apply(firm2, opp);
    });

    it('GET one: the two parties and oversight; anyone else 404', async () => {
      for (const s of [firm, partner, officer, admin]) expect((await getApp(s, mine.id)).status).toBe(200);
      for (const s of [firm2, other]) expect((await getApp(s, mine.id)).status).toBe(404);
      expect((await getApp(firm, 'not-a-uuid')).status).toBe(404);
    });

    it('lists by tenancy: a firm its own, a partner those to its opportunities, oversight all', async () => {
      const list = async (s: Session, qs = '') => {
        const res = await t.http().get(`/api/v1/applications?limit=100&${qs}`).set(bearer(s));
        expect(res.status).toBe(200);
        return res.body.items as { id: string; enterpriseId: string; partnerId: string; status: string }[];
      };
      const own = await list(firm);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((a) => a.enterpriseId === firm.organization!.id)).toBe(true);
      expect(own.map((a) => a.id)).not.toContain(theirs.id);
      const toPartner = await list(partner, `opportunityId=${opp}`);
      expect(toPartner.map((a) => a.id).sort()).toEqual([mine.id, theirs.id].sort());
      expect((await list(partner)).every((a) => a.partnerId === partner.organization!.id)).toBe(true);
      expect(await list(other, `opportunityId=${opp}`)).toEqual([]);
      for (const s of [officer, admin]) expect((await list(s, `opportunityId=${opp}`)).length).toBe(2);
      // an officer limited to provinces sees applications whose firm or partner lies in them
      const [bali, jateng] = [await f.ministry(['51']), await f.ministry(['33'])];
      expect(await list(bali, `opportunityId=${opp}`)).toEqual([]);
      expect((await list(jateng, `opportunityId=${opp}`)).length).toBe(2);
      expect((await list(firm, 'status=WITHDRAWN')).every((a) => a.status === 'WITHDRAWN')).toBe(true);
      expect((await list(firm, 'status=WITHDRAWN')).length).toBeGreaterThan(0);
    });

    it('400 for malformed filters', async () => {
      for (const qs of ['status=PENDING', 'opportunityId=abc', 'cursor=zzz', 'limit=500', 'x=1']) {
        const res = await t.http().get(`/api/v1/applications?${qs}`).set(bearer(firm));
        expect({ qs, status: res.status }).toEqual({ qs, status: 400 });
      }
    });

    it('pages over 3+ pages without repeats or gaps', async () => {
      const p = await f.partner();
      const e = await f.enterprise();
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await o.apply(e, (await o.open(p)).id)).id);
      for (const s of [e, p]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await t
            .http()
            .get(`/api/v1/applications?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
            .set(bearer(s));
          expect(res.status).toBe(200);
          seen.push(...res.body.items.map((a) => a.id));
          cursor = res.body.nextCursor;
          pages++;
        } while (cursor && pages < 20);
        expect(pages).toBe(3);
        expect(seen).toEqual([...made].reverse());
      }
    });
  });

  describe('notifications', () => {
    let p: Session;
    let e: Session;
    let received: string[];
    beforeAll(async () => {
      [p, e] = await Promise.all([f.partner(), f.enterprise()]);
      received = [];
      for (let i = 0; i < 7; i++) await o.apply(e, (await o.open(p)).id);
      const res = await t.http().get('/api/v1/notifications?limit=100').set(bearer(p));
      received = (res.body.items as NotificationJson[]).map((n) => n.id);
    });

    it('lists the caller’s own, newest first, over 3+ pages without repeats', async () => {
      expect(received).toHaveLength(7);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: { items: NotificationJson[]; nextCursor: string | null } } = await t
          .http()
          .get(`/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(bearer(p));
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((n) => n.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(pages).toBe(4);
      expect(seen).toEqual(received);
      expect((await t.http().get('/api/v1/notifications').set(bearer(e))).body.items).toEqual([]);
    });

    it('marks read (idempotent, first read time kept); unread=true leaves it out; others get 404', async () => {
      const id = received[0];
      const read = await t.http().post(`/api/v1/notifications/${id}/read`).set(bearer(p));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id, kind: 'APPLICATION_SUBMITTED' });
      expect(read.body.readAt).toEqual(expect.any(String));
      const again = await t.http().post(`/api/v1/notifications/${id}/read`).set(bearer(p));
      expect(again.status).toBe(200);
      expect(again.body.readAt).toBe(read.body.readAt);
      const unread = await t.http().get('/api/v1/notifications?unread=true&limit=100').set(bearer(p));
      expect(unread.body.items.map((n: NotificationJson) => n.id)).toEqual(received.slice(1));
      const all = await t.http().get('/api/v1/notifications?limit=100').set(bearer(p));
      expect(all.body.items[0]).toMatchObject({ id, readAt: read.body.readAt });
      for (const s of [e, other, officer, admin]) expect((await t.http().post(`/api/v1/notifications/${id}/read`).set(bearer(s))).status).toBe(404);
      expect((await t.http().post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read').set(bearer(p))).status).toBe(404);
      expect((await t.http().get('/api/v1/notifications?unread=maybe').set(bearer(p))).status).toBe(400);
    });

    it('oversight users see only what is addressed to them (none here)', async () => {
      const res = await t.http().get('/api/v1/notifications').set(bearer(officer));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    });
  });
});
