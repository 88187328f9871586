import { trackRecordPart } from '../libs/matching/src/index.js';
import { activeAgreement, type SqlAgreement } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import type { ObligationJson } from './support/obligations.js';

interface SessionJson {
  id: string;
  agreementId: string;
  partnerId: string;
  enterpriseId: string;
  planItemId: string | null;
  aspect: string;
  activity: string;
  topic: string;
  scheduledAt: string;
  location: string;
  status: string;
  attendees: { name: string }[];
  attendanceNote: string | null;
  confirmedAt: string | null;
  disputedAt: string | null;
  disputeReason: string | null;
  obligationId: string | null;
  version: number;
}

describe('coaching sessions: scheduled, attended, confirmed or disputed', () => {
  let t: TestApp;
  let partner: Session;
  let otherPartner: Session;
  let firm: Session;
  let otherFirm: Session;
  let officer: Session;
  let officerJateng: Session;
  let officerBali: Session;
  let a: SqlAgreement;
  let rid = 0;
  const requestId = () => `ses-test-${Date.now()}-${rid++}`;
  const auditRows = (id: string) => t.ds.query(`SELECT action, entity_type AS "entityType", entity_id AS "entityId" FROM audit_log WHERE request_id = $1`, [id]);

  const schedule = (s: Session, body: object, agreementId = a.id) => t.http().post(`/api/v1/agreements/${agreementId}/sessions`).set(bearer(s)).send(body);
  const act = (s: Session, id: string, action: string, body: object = {}, reqId?: string) => {
    const r = t.http().post(`/api/v1/sessions/${id}/${action}`).set(bearer(s));
    return (reqId ? r.set('X-Request-Id', reqId) : r).send(body);
  };
  const obligation = async (s: Session, id: string): Promise<ObligationJson> => (await t.http().get(`/api/v1/obligations/${id}`).set(bearer(s))).body;
  const training = (over: object = {}) => ({
    aspect: 'HUMAN_RESOURCES',
    activity: 'TRAINING',
    topic: 'Higiene dan sanitasi pengolahan pangan',
    scheduledAt: '2026-06-01T09:00:00+07:00',
    location: 'Balai pelatihan, Kudus',
    ...over,
  });
  const notices = async (s: Session, entityId: string) =>
    (await t.http().get('/api/v1/notifications?limit=100').set(bearer(s))).body.items.filter((n: { entityId: string }) => n.entityId === entityId);

  beforeAll(async () => {
    t = await startTestApp();
    const f = factory(t);
    [partner, otherPartner, firm, otherFirm, officer, officerJateng, officerBali] = await Promise.all([
      f.partner(),
      f.partner(),
      f.enterprise(),
      f.enterprise(),
      f.ministry(),
      f.ministry(['33']),
      f.ministry(['51']),
    ]);
    a = await activeAgreement(t, partner, firm, {
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      coaching: [{ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', description: 'Pelatihan higiene pangan' }],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the owning partner schedules: 201 SCHEDULED with a COACHING obligation due on its day; linked to the plan item; the firm told; one audit record', async () => {
    const id = requestId();
    const res = await t.http().post(`/api/v1/agreements/${a.id}/sessions`).set(bearer(partner)).set('X-Request-Id', id).send(training());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      agreementId: a.id,
      partnerId: partner.organization!.id,
      enterpriseId: firm.organization!.id,
      planItemId: a.planItemIds[0],
      aspect: 'HUMAN_RESOURCES',
      activity: 'TRAINING',
      status: 'SCHEDULED',
      scheduledAt: '2026-06-01T02:00:00.000Z',
      attendees: [],
      version: 1,
    });
    const o = await obligation(partner, res.body.obligationId);
    expect(o).toMatchObject({ type: 'COACHING', sessionId: res.body.id, dueDate: '2026-06-01', legalBasis: 'PP 44/1997 Pasal 14 huruf e', status: 'OVERDUE' });
    expect(await auditRows(id)).toEqual([{ action: 'coaching_session.schedule', entityType: 'coaching_session', entityId: res.body.id }]);
    expect(await notices(firm, res.body.id)).toEqual([expect.objectContaining({ kind: 'SESSION_SCHEDULED' })]);
  });

  it('refuses: an activity HUMAN_RESOURCES does not have, a time without zone, a day outside the agreement (400); other roles and partners; a non-ACTIVE agreement (409) — writing nothing', async () => {
    const before = Number((await t.ds.query(`SELECT count(*) AS n FROM coaching_session`))[0].n);
    const hr = await schedule(partner, training({ activity: 'Pelatihan' }));
    expect(hr.status).toBe(400);
    expect(hr.body.errors[0].field).toBe('activity');
    expect((await schedule(partner, training({ aspect: 'MARKETING', activity: 'Pameran dagang' }))).status).toBe(201);
    expect((await schedule(partner, training({ aspect: 'FINANCE' }))).status).toBe(400);
    expect((await schedule(partner, training({ scheduledAt: '2026-06-01T09:00:00' }))).status).toBe(400);
    const outside = await schedule(partner, training({ scheduledAt: '2028-01-01T09:00:00+07:00' }));
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('scheduledAt');
    expect((await schedule(firm, training())).status).toBe(403);
    expect((await schedule(officer, training())).status).toBe(403);
    expect((await schedule(otherPartner, training())).status).toBe(404);
    const done = await activeAgreement(t, partner, firm, { startDate: '2026-01-01', endDate: '2026-06-30' });
    await t.ds.query(`UPDATE agreement SET status = 'COMPLETED' WHERE id = $1`, [done.id]);
    const completed = await schedule(partner, training(), done.id);
    expect(completed.status).toBe(409);
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM coaching_session`))[0].n)).toBe(before + 1);
  });

  it('attendance: not before the session begins (409); then HELD; only the owning partner; a stale version 409', async () => {
    const future = (await schedule(partner, training({ scheduledAt: '2027-06-01T09:00:00+07:00' }))).body as SessionJson;
    const early = await act(partner, future.id, 'attendance', { attendees: [{ name: 'Siti' }] });
    expect(early.status).toBe(409);

    const s = (await schedule(partner, training())).body as SessionJson;
    expect((await act(firm, s.id, 'attendance', { attendees: [{ name: 'Siti' }] })).status).toBe(403);
    expect((await act(otherPartner, s.id, 'attendance', { attendees: [{ name: 'Siti' }] })).status).toBe(404);
    expect((await act(partner, s.id, 'attendance', { attendees: [] })).status).toBe(400);
    const staleId = requestId();
    const stale = await act(partner, s.id, 'attendance', { attendees: [{ name: 'Siti' }], version: 3 }, staleId);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 1 });
    expect(await auditRows(staleId)).toEqual([]);

    const id = requestId();
    const res = await act(partner, s.id, 'attendance', { attendees: [{ name: 'Siti Aminah' }, { name: 'Budi' }], note: 'Materi dibagikan', version: 1 }, id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'HELD', attendees: [{ name: 'Siti Aminah' }, { name: 'Budi' }], attendanceNote: 'Materi dibagikan', version: 2 });
    expect(await auditRows(id)).toEqual([{ action: 'coaching_session.attendance', entityType: 'coaching_session', entityId: s.id }]);
    expect((await notices(firm, s.id)).map((n: { kind: string }) => n.kind)).toEqual(['SESSION_HELD', 'SESSION_SCHEDULED']);
    // Still open: a session counts only once the small firm confirms it.
    expect((await obligation(partner, res.body.obligationId)).status).toBe('OVERDUE');
    const again = await act(partner, s.id, 'attendance', { attendees: [{ name: 'Siti' }] });
    expect(again.status).toBe(409);
    expect(again.body.type).toContain('invalid-transition');
  });

  it('the small firm confirms: CONFIRMED, the obligation FULFILLED, its track record counts it, the partner told', async () => {
    const s = (await schedule(partner, training({ scheduledAt: '2026-05-05T09:00:00+07:00' }))).body as SessionJson;
    expect((await act(firm, s.id, 'confirm')).status).toBe(409); // not HELD yet
    expect((await act(partner, s.id, 'attendance', { attendees: [{ name: 'Siti' }] })).status).toBe(200);
    expect((await act(partner, s.id, 'confirm')).status).toBe(403);
    expect((await act(otherFirm, s.id, 'confirm')).status).toBe(404);
    const [before] = await t.ds.query(`SELECT sessions_confirmed AS n, agreements_completed AS c, agreements_terminated AS x FROM organization WHERE id = $1`, [firm.organization!.id]);
    const id = requestId();
    const res = await act(firm, s.id, 'confirm', {}, id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CONFIRMED', version: 3 });
    expect(res.body.confirmedAt).toEqual(expect.any(String));
    expect(await auditRows(id)).toEqual([{ action: 'coaching_session.confirm', entityType: 'coaching_session', entityId: s.id }]);
    const o = await obligation(firm, res.body.obligationId);
    expect(o.status).toBe('FULFILLED');
    const [after] = await t.ds.query(`SELECT sessions_confirmed AS n, track_record AS r FROM organization WHERE id = $1`, [firm.organization!.id]);
    expect(after.n).toBe(before.n + 1);
    expect(after.r).toBeCloseTo(trackRecordPart(before.c, before.x, before.n + 1), 5);
    expect((await notices(partner, s.id)).map((n: { kind: string }) => n.kind)).toEqual(['SESSION_CONFIRMED']);
    expect((await act(firm, s.id, 'confirm')).status).toBe(409);
    expect((await act(firm, s.id, 'dispute', { reason: 'terlambat' })).status).toBe(409);
  });

  it('the small firm disputes with a reason: DISPUTED, the obligation stays open, the ministry sees it, the partner is told; confirming later withdraws it', async () => {
    const s = (await schedule(partner, training({ scheduledAt: '2026-04-04T09:00:00+07:00' }))).body as SessionJson;
    expect((await act(firm, s.id, 'dispute', { reason: 'Tidak pernah diadakan' })).status).toBe(409); // SCHEDULED
    expect((await act(partner, s.id, 'attendance', { attendees: [{ name: 'Siti' }] })).status).toBe(200);
    expect((await act(firm, s.id, 'dispute', {})).status).toBe(400);
    const id = requestId();
    const res = await act(firm, s.id, 'dispute', { reason: 'Pelatihan tidak pernah diadakan; tidak ada pegawai kami yang hadir.' }, id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'DISPUTED', disputeReason: 'Pelatihan tidak pernah diadakan; tidak ada pegawai kami yang hadir.' });
    expect(await auditRows(id)).toEqual([{ action: 'coaching_session.dispute', entityType: 'coaching_session', entityId: s.id }]);
    expect((await obligation(officer, res.body.obligationId)).status).toBe('OVERDUE');
    const seen = await t.http().get('/api/v1/sessions?status=DISPUTED').set(bearer(officer));
    expect(seen.body.items.map((x: SessionJson) => x.id)).toContain(s.id);
    expect((await t.http().get(`/api/v1/sessions/${s.id}`).set(bearer(officerJateng))).body.disputeReason).toContain('tidak pernah diadakan');
    const [n] = await notices(partner, s.id);
    expect(n).toMatchObject({ kind: 'SESSION_DISPUTED' });
    expect(n.body).toContain('Pelatihan tidak pernah diadakan');
    expect((await act(partner, s.id, 'attendance', { attendees: [{ name: 'Siti' }] })).status).toBe(409);
    const confirmed = await act(firm, s.id, 'confirm');
    expect(confirmed.status).toBe(200);
    expect((await obligation(firm, confirmed.body.obligationId)).status).toBe('FULFILLED');
  });

  it('reading: the parties and oversight; a province-limited officer by the parties’ provinces; others 404; pages by scheduled time', async () => {
    const mine = await t.http().get(`/api/v1/sessions?agreementId=${a.id}&limit=100`).set(bearer(partner));
    expect(mine.status).toBe(200);
    const ids = mine.body.items.map((x: SessionJson) => x.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const times = mine.body.items.map((x: SessionJson) => x.scheduledAt);
    expect([...times].sort()).toEqual(times);
    for (const s of [firm, officer, officerJateng]) {
      expect((await t.http().get(`/api/v1/sessions?agreementId=${a.id}&limit=100`).set(bearer(s))).body.items.map((x: SessionJson) => x.id)).toEqual(ids);
    }
    for (const s of [otherPartner, otherFirm, officerBali]) {
      expect((await t.http().get(`/api/v1/sessions?agreementId=${a.id}`).set(bearer(s))).body.items).toEqual([]);
      expect((await t.http().get(`/api/v1/sessions/${ids[0]}`).set(bearer(s))).status).toBe(404);
    }
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: SessionJson[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/v1/sessions?agreementId=${a.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(bearer(partner));
      walked.push(...page.body.items.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(ids);
  });

  it('Idempotency-Key on scheduling: one session, the same response', async () => {
    const before = Number((await t.ds.query(`SELECT count(*) AS n FROM coaching_session`))[0].n);
    const send = () => t.http().post(`/api/v1/agreements/${a.id}/sessions`).set(bearer(partner)).set('Idempotency-Key', `sched-${a.id}`).send(training({ topic: 'Sekali' }));
    const [x, y] = [await send(), await send()];
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(y.body).toEqual(x.body);
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM coaching_session`))[0].n)).toBe(before + 1);
  });
});
