import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remedyDueCases } from '../libs/monitoring/src/index.js';
import { currentPeriod } from './support/agreements.js';
import { activeAgreement, plusDays, todayIn } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import { filesUnder, pdf, png } from './support/obligations.js';

type Json = Record<string, unknown> & { id: string; status: string; version: number };
const UPLOAD_LIMIT = 65_536;

describe('monitoring cases: lifecycle, dialogue with attachments, who sees what', () => {
  let t: TestApp;
  let dir: string;
  let admin: Session;
  let officer: Session;
  let officerBali: Session;
  let partner: Session;
  let firm: Session;
  let otherPartner: Session;
  let otherFirm: Session;
  let agreementId: string;
  let otherAgreementId: string;
  let today: string;
  let rid = 0;
  const requestId = () => `cases-${Date.now()}-${rid++}`;

  const post = (s: Session, path: string, body: object = {}, id = requestId()) => t.http().post(path).set(bearer(s)).set('X-Request-Id', id).send(body);
  const get = (s: Session, path: string) => t.http().get(path).set(bearer(s));
  const auditFor = (id: string) => t.ds.query(`SELECT action, entity_type AS "entityType", entity_id AS "entityId" FROM audit_log WHERE request_id = $1`, [id]);
  const caseBody = (over: Record<string, unknown> = {}) => ({ agreementId, reason: 'Sanggahan pembayaran berulang', periodFrom: '2026-07-01', periodTo: '2026-09-30', ...over });
  const remedy = () => ({ violation: true, violationType: 'LATE_PAYMENT', requiredRemedy: 'Lunasi tagihan tertunda', remedyDueDate: plusDays(today, 30), note: 'Terbukti terlambat 45 hari' });
  const expectOk = (res: { status: number; body: unknown }, status: number) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body as Json;
  };

  /** A case on the shared agreement, driven through the API to `status`. */
  const caseIn = async (status: 'DRAFT' | 'ACTIVE' | 'ADDRESSED' | 'DECLINED' | 'COMPLETED' | 'CANCELLED'): Promise<Json> => {
    let c = expectOk(await post(officer, '/api/v1/monitoring/cases', caseBody()), 201);
    if (status === 'DRAFT') return c;
    c = expectOk(await post(officer, `/api/v1/monitoring/cases/${c.id}/open`), 200);
    if (status === 'ACTIVE') return c;
    if (status === 'CANCELLED') return expectOk(await post(officer, `/api/v1/monitoring/cases/${c.id}/cancel`, { reason: 'Dibuka ganda' }), 200);
    if (status === 'ADDRESSED') return expectOk(await post(officer, `/api/v1/monitoring/cases/${c.id}/conclusion`, remedy()), 200);
    c = expectOk(await post(officer, `/api/v1/monitoring/cases/${c.id}/conclusion`, { violation: false, note: 'Tidak terbukti' }), 200);
    if (status === 'DECLINED') return c;
    return expectOk(await post(officer, `/api/v1/monitoring/cases/${c.id}/complete`, {}), 200);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jalin-cases-'));
    t = await startTestApp({ EVIDENCE_DIR: dir, UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) });
    const f = factory(t);
    [admin, officer, officerBali, partner, firm, otherPartner, otherFirm] = await Promise.all([
      f.admin(), f.ministry(), f.ministry(['51']), f.partner(), f.enterprise(), f.partner(), f.enterprise(),
    ]);
    const { startDate, endDate } = currentPeriod();
    agreementId = (await activeAgreement(t, partner, firm, { startDate, endDate, commitments: [{ type: 'PRODUCTION_WORK', description: 'Pesanan' }] })).id;
    otherAgreementId = (await activeAgreement(t, otherPartner, otherFirm, { startDate, endDate })).id;
    today = await todayIn(t, 'Asia/Jakarta');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
    delete process.env.EVIDENCE_DIR;
    delete process.env.UPLOAD_LIMIT_BYTES;
  });

  it('the full path: DRAFT → ACTIVE → dialogue → ADDRESSED → remedy report → COMPLETED, one audit record per request', async () => {
    const createId = requestId();
    const created = expectOk(await post(officer, '/api/v1/monitoring/cases', caseBody(), createId), 201);
    expect(created).toMatchObject({
      status: 'DRAFT', subjectType: 'AGREEMENT', agreementId, partnerId: partner.organization!.id, enterpriseId: firm.organization!.id,
      reason: 'Sanggahan pembayaran berulang', periodFrom: '2026-07-01', periodTo: '2026-09-30', conclusion: null, messages: [], version: 1,
    });
    expect(created.number).toMatch(/^MC\/\d{4}\/\d{6}$/);
    expect((created.allowedActions as string[]).sort()).toEqual(['cancel', 'open']);
    expect(await auditFor(createId)).toEqual([{ action: 'monitoring_case.create', entityType: 'monitoring_case', entityId: created.id }]);
    // a DRAFT is internal: the partner neither finds nor lists it
    expect((await get(partner, `/api/v1/cases/${created.id}`)).status).toBe(404);
    expect(((await get(partner, '/api/v1/cases')).body.items as Json[]).map((c) => c.id)).not.toContain(created.id);

    const openId = requestId();
    const opened = expectOk(await post(officer, `/api/v1/monitoring/cases/${created.id}/open`, { version: 1 }, openId), 200);
    expect(opened).toMatchObject({ status: 'ACTIVE', version: 2, openedAt: expect.any(String) });
    expect(await auditFor(openId)).toEqual([{ action: 'monitoring_case.open', entityType: 'monitoring_case', entityId: created.id }]);
    const inbox = await get(partner, '/api/v1/notifications');
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'MONITORING_CASE_OPENED', entityType: 'monitoring_case', entityId: created.id })]));
    const seen = expectOk(await get(partner, `/api/v1/cases/${created.id}`), 200);
    expect(seen).toMatchObject({ status: 'ACTIVE', reason: 'Sanggahan pembayaran berulang', allowedActions: ['message'] });

    // dialogue: the partner answers in JSON, the officer writes with a PNG attached
    const replyId = requestId();
    const reply = expectOk(await post(partner, `/api/v1/cases/${created.id}/messages`, { text: 'Pembayaran tertunda karena audit internal.' }, replyId), 201);
    expect(reply).toMatchObject({ kind: 'MESSAGE', authorSide: 'PARTNER', organizationId: partner.organization!.id, attachments: [] });
    expect(await auditFor(replyId)).toEqual([{ action: 'monitoring_case.message', entityType: 'monitoring_case', entityId: created.id }]);
    const image = png(800);
    const withFile = await t.http().post(`/api/v1/monitoring/cases/${created.id}/messages`).set(bearer(officer))
      .field('text', 'Mohon lampirkan bukti transfer seperti contoh ini.')
      .attach('file', image, { filename: 'contoh.png', contentType: 'image/png' });
    const msg = expectOk(withFile, 201) as Json & { attachments: { id: string; sha256: string; mediaType: string; sizeBytes: number; downloadUrl: string }[] };
    expect(msg.attachments).toEqual([
      expect.objectContaining({ fileName: 'contoh.png', mediaType: 'image/png', sizeBytes: 800, sha256: createHash('sha256').update(image).digest('hex') }),
    ]);
    expect(msg.attachments[0].downloadUrl).toBe(`/api/v1/monitoring/cases/${created.id}/attachments/${msg.attachments[0].id}`);
    expect(await filesUnder(dir)).toEqual([join(dir, created.id, msg.attachments[0].id)]);
    // the partner downloads it from its side; another partner cannot
    const detail = expectOk(await get(partner, `/api/v1/cases/${created.id}`), 200) as Json & { messages: { attachments: { downloadUrl: string }[] }[] };
    const url = detail.messages[1].attachments[0].downloadUrl;
    expect(url).toBe(`/api/v1/cases/${created.id}/attachments/${msg.attachments[0].id}`);
    const dl = await get(partner, url).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(dl.body as Buffer, image)).toBe(0);
    expect((await get(otherPartner, url)).status).toBe(404);
    expect((await get(officer, msg.attachments[0].downloadUrl)).status).toBe(200);
    expect((await get(partner, '/api/v1/notifications')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'MONITORING_CASE_MESSAGE' })]));
    expect((await get(officer, '/api/v1/notifications')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'MONITORING_CASE_REPLY' })]));

    // the small firm sees nothing before the conclusion
    expect((await get(firm, `/api/v1/cases/${created.id}`)).status).toBe(404);

    const concludeId = requestId();
    const addressed = expectOk(await post(officer, `/api/v1/monitoring/cases/${created.id}/conclusion`, remedy(), concludeId), 200);
    expect(addressed).toMatchObject({
      status: 'ADDRESSED',
      conclusion: { violation: true, violationType: 'LATE_PAYMENT', requiredRemedy: 'Lunasi tagihan tertunda', remedyDueDate: plusDays(today, 30), note: 'Terbukti terlambat 45 hari' },
    });
    expect(await auditFor(concludeId)).toEqual([{ action: 'monitoring_case.address', entityType: 'monitoring_case', entityId: created.id }]);

    // the small firm party to the agreement sees the conclusion only
    const conclusion = expectOk(await get(firm, `/api/v1/cases/${created.id}`), 200);
    expect(Object.keys(conclusion).sort()).toEqual(['agreementId', 'agreementNumber', 'completedAt', 'conclusion', 'id', 'number', 'partnerId', 'partnerName', 'status'].sort());
    expect(conclusion.conclusion).toMatchObject({ violation: true, violationType: 'LATE_PAYMENT' });
    expect(((await get(firm, '/api/v1/cases')).body.items as Json[]).map((c) => c.id)).toContain(created.id);
    expect((await get(firm, '/api/v1/notifications')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'MONITORING_CASE_CONCLUDED' })]));
    expect((await post(firm, `/api/v1/cases/${created.id}/messages`, { text: 'Halo' })).status).toBe(403);

    // the reminder worker's view lists the remedy due
    const due = (await remedyDueCases(t.ds)).find((d) => d.caseId === created.id);
    expect(due).toMatchObject({ partnerId: partner.organization!.id, remedyDueDate: plusDays(today, 30), daysUntilDue: 30, timeZone: 'Asia/Jakarta' });
    expect((await remedyDueCases(t.ds, { withinDays: 29 })).map((d) => d.caseId)).not.toContain(created.id);

    // completing before the remedy report is refused
    expect((await post(officer, `/api/v1/monitoring/cases/${created.id}/complete`, {})).status).toBe(409);

    const report = pdf();
    const remedyId = requestId();
    const reported = await t.http().post(`/api/v1/cases/${created.id}/remedy-report`).set(bearer(partner)).set('X-Request-Id', remedyId)
      .field('summary', 'Tagihan dilunasi; jadwal pembayaran baru terlampir.')
      .attach('file', report, { filename: 'bukti.pdf', contentType: 'application/pdf' });
    const afterReport = expectOk(reported, 201) as Json & { messages: { kind: string; attachments: { sha256: string }[] }[] };
    expect(afterReport.remedyReportedAt).toEqual(expect.any(String));
    expect(afterReport.messages.at(-1)).toMatchObject({ kind: 'REMEDY_REPORT', attachments: [expect.objectContaining({ sha256: createHash('sha256').update(report).digest('hex') })] });
    expect(await auditFor(remedyId)).toEqual([{ action: 'monitoring_case.remedy_report', entityType: 'monitoring_case', entityId: created.id }]);
    expect((await remedyDueCases(t.ds)).map((d) => d.caseId)).not.toContain(created.id);

    const completeId = requestId();
    const done = expectOk(await post(officer, `/api/v1/monitoring/cases/${created.id}/complete`, { note: 'Perbaikan diterima' }, completeId), 200);
    expect(done).toMatchObject({ status: 'COMPLETED', completionNote: 'Perbaikan diterima', allowedActions: [] });
    expect(await auditFor(completeId)).toEqual([{ action: 'monitoring_case.complete', entityType: 'monitoring_case', entityId: created.id }]);
    expect(expectOk(await get(firm, `/api/v1/cases/${created.id}`), 200)).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String) });
  });

  it('from a finding: the case takes the finding’s agreement; no violation → DECLINED → COMPLETED directly', async () => {
    const [c] = await t.ds.query(`SELECT id FROM commitment WHERE agreement_id = $1`, [agreementId]);
    expect((await post(firm, `/api/v1/commitments/${c.id}/dispute`, { reason: 'Bahan baku terlalu mahal', kind: 'PRICE' })).status).toBe(200);
    expect((await post(admin, '/api/v1/monitoring/findings/run')).status).toBe(200);
    const findings = await get(officer, `/api/v1/monitoring/findings?rule=COMMITMENT_RAW_MATERIAL_PRICE&agreementId=${agreementId}`);
    const [finding] = findings.body.items as Json[];
    expect(finding).toBeDefined();
    const created = expectOk(await post(officer, '/api/v1/monitoring/cases', { findingId: finding.id, reason: 'Dari temuan', periodFrom: today, periodTo: today }), 201);
    expect(created).toMatchObject({ findingId: finding.id, findingRuleCode: 'COMMITMENT_RAW_MATERIAL_PRICE', agreementId, partnerId: partner.organization!.id, subjectType: 'AGREEMENT' });
    expect(((await get(officer, `/api/v1/monitoring/cases?findingId=${finding.id}`)).body.items as Json[]).map((x) => x.id)).toEqual([created.id]);
    expect((await post(officer, '/api/v1/monitoring/cases', { findingId: finding.id, partnerId: otherPartner.organization!.id, reason: 'Salah', periodFrom: today, periodTo: today })).status).toBe(400);
    expectOk(await post(officer, `/api/v1/monitoring/cases/${created.id}/open`), 200);
    const declined = expectOk(await post(officer, `/api/v1/monitoring/cases/${created.id}/conclusion`, { violation: false, note: 'Harga sesuai pasar' }), 200);
    expect(declined).toMatchObject({ status: 'DECLINED', conclusion: { violation: false, violationType: null, requiredRemedy: null, remedyDueDate: null } });
    expect((await remedyDueCases(t.ds)).map((d) => d.caseId)).not.toContain(created.id);
    expect(expectOk(await get(firm, `/api/v1/cases/${created.id}`), 200)).toMatchObject({ status: 'DECLINED', conclusion: { violation: false } });
    expect(expectOk(await post(admin, `/api/v1/monitoring/cases/${created.id}/complete`), 200)).toMatchObject({ status: 'COMPLETED' });
  });

  it('a case on a partner as a whole (by hand); cancelled from DRAFT and from ACTIVE', async () => {
    const onPartner = expectOk(await post(officer, '/api/v1/monitoring/cases', { partnerId: partner.organization!.id, reason: 'Tanpa PIC', periodFrom: today, periodTo: today }), 201);
    expect(onPartner).toMatchObject({ subjectType: 'PARTNER', agreementId: null, enterpriseId: null });
    expect(expectOk(await post(officer, `/api/v1/monitoring/cases/${onPartner.id}/cancel`, { reason: 'Sudah ditunjuk' }), 200)).toMatchObject({ status: 'CANCELLED', cancelReason: 'Sudah ditunjuk' });
    const active = await caseIn('ACTIVE');
    expect(expectOk(await post(officer, `/api/v1/monitoring/cases/${active.id}/cancel`, { reason: 'Ganda' }), 200)).toMatchObject({ status: 'CANCELLED' });
    expect((await get(partner, '/api/v1/notifications')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'MONITORING_CASE_CANCELLED', entityId: active.id })]));
    expect((await post(officer, '/api/v1/monitoring/cases', { partnerId: firm.organization!.id, reason: 'Bukan mitra', periodFrom: today, periodTo: today })).status).toBe(404);
  });

  // Every move the table forbids, from every status: 409, nothing changes, no audit record.
  const ILLEGAL: Record<string, string[]> = {
    DRAFT: ['conclude-violation', 'conclude-none', 'complete', 'officer-message'],
    ACTIVE: ['open', 'complete', 'remedy-report'],
    ADDRESSED: ['open', 'conclude-violation', 'conclude-none', 'cancel', 'complete'],
    DECLINED: ['open', 'conclude-violation', 'conclude-none', 'cancel', 'remedy-report'],
    COMPLETED: ['open', 'conclude-violation', 'conclude-none', 'complete', 'cancel', 'officer-message', 'partner-message', 'remedy-report'],
    CANCELLED: ['open', 'conclude-violation', 'conclude-none', 'complete', 'cancel', 'officer-message', 'partner-message', 'remedy-report'],
  };
  const attempt = (move: string, id: string, rq: string) => {
    const base = `/api/v1/monitoring/cases/${id}`;
    switch (move) {
      case 'open': return post(officer, `${base}/open`, {}, rq);
      case 'conclude-violation': return post(officer, `${base}/conclusion`, remedy(), rq);
      case 'conclude-none': return post(officer, `${base}/conclusion`, { violation: false, note: 'Tidak ada' }, rq);
      case 'complete': return post(officer, `${base}/complete`, {}, rq);
      case 'cancel': return post(officer, `${base}/cancel`, { reason: 'Batal' }, rq);
      case 'officer-message': return post(officer, `${base}/messages`, { text: 'Halo' }, rq);
      case 'partner-message': return post(partner, `/api/v1/cases/${id}/messages`, { text: 'Halo' }, rq);
      default: return post(partner, `/api/v1/cases/${id}/remedy-report`, { summary: 'Sudah diperbaiki' }, rq);
    }
  };
  it.each(Object.entries(ILLEGAL))('illegal moves from %s → 409, nothing written', async (status, moves) => {
    const c = await caseIn(status as 'DRAFT');
    expect(c.status).toBe(status);
    for (const move of moves) {
      const rq = requestId();
      const res = await attempt(move, c.id, rq);
      expect({ move, status: res.status }).toEqual({ move, status: 409 });
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(await auditFor(rq)).toEqual([]);
    }
    const after = expectOk(await get(officer, `/api/v1/monitoring/cases/${c.id}`), 200);
    expect({ status: after.status, version: after.version }).toEqual({ status, version: c.version });
  });

  it('a DRAFT is not the partner’s to touch (404), a stale version is 409', async () => {
    const draft = await caseIn('DRAFT');
    expect((await attempt('partner-message', draft.id, requestId())).status).toBe(404);
    expect((await attempt('remedy-report', draft.id, requestId())).status).toBe(404);
    expect((await post(officer, `/api/v1/monitoring/cases/${draft.id}/open`, { version: 7 })).status).toBe(409);
  });

  it('visibility: own cases only for the partner, conclusions only for the firm party to the agreement, 404 for anyone else', async () => {
    const mine = await caseIn('DECLINED');
    const theirs = expectOk(await post(officer, '/api/v1/monitoring/cases', { agreementId: otherAgreementId, reason: 'Lain', periodFrom: today, periodTo: today }), 201);
    expectOk(await post(officer, `/api/v1/monitoring/cases/${theirs.id}/open`), 200);
    for (const s of [otherPartner, otherFirm]) {
      expect((await get(s, `/api/v1/cases/${mine.id}`)).status).toBe(404);
      expect(((await get(s, '/api/v1/cases')).body.items as Json[]).map((c) => c.id)).not.toContain(mine.id);
    }
    expect((await post(otherPartner, `/api/v1/cases/${mine.id}/messages`, { text: 'Mengintip' })).status).toBe(404);
    expect((await get(partner, `/api/v1/cases/${theirs.id}`)).status).toBe(404);
    const listed = (await get(partner, '/api/v1/cases?limit=100')).body.items as Json[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((c) => c.partnerId === partner.organization!.id && c.status !== 'DRAFT')).toBe(true);
    const firmListed = (await get(firm, '/api/v1/cases?limit=100')).body.items as Json[];
    expect(firmListed.every((c) => c.agreementId === agreementId && c.conclusion && !('messages' in c) && !('reason' in c))).toBe(true);
    // a province-limited officer (Bali) sees neither: Central and East Java parties
    expect((await get(officerBali, `/api/v1/monitoring/cases/${mine.id}`)).status).toBe(404);
    expect((await get(officerBali, '/api/v1/monitoring/cases')).body.items).toEqual([]);
    expect((await post(officerBali, `/api/v1/monitoring/cases/${mine.id}/messages`, { text: 'Halo' })).status).toBe(404);
    expect((await post(officerBali, '/api/v1/monitoring/cases', caseBody())).status).toBe(404);
    // keyset pages of one walk the officer's list in order, newest first
    const all = (await get(officer, '/api/v1/monitoring/cases?limit=100')).body.items as Json[];
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(officer, `/api/v1/monitoring/cases?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...(res.body.items as Json[]).map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((c) => c.id));
  });

  it('attachments: a .exe renamed .pdf is 415 and stores nothing; a file over the cap is 413; an unknown field 400', async () => {
    const c = await caseIn('ACTIVE');
    const before = (await filesUnder(dir)).length;
    const [{ n: messagesBefore }] = await t.ds.query(`SELECT count(*)::int AS n FROM monitoring_case_message`);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);
    const rq = requestId();
    const bad = await t.http().post(`/api/v1/cases/${c.id}/messages`).set(bearer(partner)).set('X-Request-Id', rq)
      .field('text', 'Lampiran').attach('file', exe, { filename: 'laporan.pdf', contentType: 'application/pdf' });
    expect(bad.status).toBe(415);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const big = await t.http().post(`/api/v1/monitoring/cases/${c.id}/messages`).set(bearer(officer))
      .attach('file', png(UPLOAD_LIMIT + 10), { filename: 'besar.png', contentType: 'image/png' });
    expect(big.status).toBe(413);
    const unknown = await t.http().post(`/api/v1/cases/${c.id}/messages`).set(bearer(partner)).field('body', 'x').attach('file', png(100), { filename: 'a.png' });
    expect(unknown.status).toBe(400);
    // a good PNG next to a bad file: the whole message is refused
    const mixed = await t.http().post(`/api/v1/cases/${c.id}/messages`).set(bearer(partner))
      .attach('file', png(100), { filename: 'a.png' }).attach('file', exe, { filename: 'b.pdf' });
    expect(mixed.status).toBe(415);
    expect((await filesUnder(dir)).length).toBe(before);
    expect(await auditFor(rq)).toEqual([]);
    const [{ n: messagesAfter }] = await t.ds.query(`SELECT count(*)::int AS n FROM monitoring_case_message`);
    expect(messagesAfter).toBe(messagesBefore);
    expect((await post(partner, `/api/v1/cases/${c.id}/messages`, {})).status).toBe(400);
    expect((await post(partner, `/api/v1/cases/${c.id}/messages`, { text: 'x', extra: 1 })).status).toBe(400);
  });

  it('validation: no subject, period backwards, conclusion fields missing or refused, remedy due in the past → 400', async () => {
    expect((await post(officer, '/api/v1/monitoring/cases', { reason: 'Tanpa subjek', periodFrom: today, periodTo: today })).status).toBe(400);
    expect((await post(officer, '/api/v1/monitoring/cases', caseBody({ periodFrom: '2026-09-30', periodTo: '2026-07-01' }))).status).toBe(400);
    expect((await post(officer, '/api/v1/monitoring/cases', caseBody({ status: 'ACTIVE' }))).status).toBe(400);
    const c = await caseIn('ACTIVE');
    const base = `/api/v1/monitoring/cases/${c.id}/conclusion`;
    expect((await post(officer, base, { violation: true, note: 'Ada' })).body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['remedyDueDate', 'requiredRemedy', 'violationType']);
    expect((await post(officer, base, { violation: false, note: 'Tidak', requiredRemedy: 'x' })).status).toBe(400);
    expect((await post(officer, base, { ...remedy(), remedyDueDate: plusDays(today, -2) })).status).toBe(400);
    expect(expectOk(await get(officer, `/api/v1/monitoring/cases/${c.id}`), 200).status).toBe('ACTIVE');
  });

  it('Idempotency-Key: a repeated create returns the first case and creates nothing new', async () => {
    const key = `case-${Date.now()}`;
    const first = await t.http().post('/api/v1/monitoring/cases').set(bearer(officer)).set('Idempotency-Key', key).send(caseBody({ reason: 'Sekali saja' }));
    const again = await t.http().post('/api/v1/monitoring/cases').set(bearer(officer)).set('Idempotency-Key', key).send(caseBody({ reason: 'Sekali saja' }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM monitoring_case WHERE reason = 'Sekali saja'`);
    expect(n).toBe(1);
  });

  it('firms and partners get 403 on /monitoring/cases routes', async () => {
    const c = await caseIn('ACTIVE');
    for (const s of [partner, firm]) {
      expect((await get(s, '/api/v1/monitoring/cases')).status).toBe(403);
      expect((await get(s, `/api/v1/monitoring/cases/${c.id}`)).status).toBe(403);
      expect((await post(s, '/api/v1/monitoring/cases', caseBody())).status).toBe(403);
      expect((await post(s, `/api/v1/monitoring/cases/${c.id}/messages`, { text: 'x' })).status).toBe(403);
      expect((await post(s, `/api/v1/monitoring/cases/${c.id}/cancel`, { reason: 'xyz' })).status).toBe(403);
    }
    expect((await get(officer, '/api/v1/cases')).status).toBe(403);
  });
});
