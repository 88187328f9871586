import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeAgreement } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import { filesUnder, jpeg, type ObligationJson, pdf, png } from './support/obligations.js';

describe('obligation evidence: uploads judged by their bytes, downloads for those who may see', () => {
  let t: TestApp;
  let dir: string;
  let partner: Session;
  let otherPartner: Session;
  let firm: Session;
  let otherFirm: Session;
  let officer: Session;
  let agreementId: string;
  let rid = 0;
  const requestId = () => `ev-test-${Date.now()}-${rid++}`;

  const obligations = async (type: string): Promise<ObligationJson[]> =>
    (await t.http().get(`/api/v1/obligations?limit=100&agreementId=${agreementId}&type=${type}`).set(bearer(partner))).body.items;
  const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);
  const auditCount = (requestId: string) => count(`SELECT count(*) AS n FROM audit_log WHERE request_id = $1`, [requestId]);
  const evidenceCount = () => count(`SELECT count(*) AS n FROM evidence`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jalin-evidence-'));
    t = await startTestApp({ EVIDENCE_DIR: dir, UPLOAD_LIMIT_BYTES: '10485760' });
    const f = factory(t);
    [partner, otherPartner, firm, otherFirm, officer] = await Promise.all([f.partner(), f.partner(), f.enterprise(), f.enterprise(), f.ministry()]);
    const a = await activeAgreement(t, partner, firm, {
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      commitments: [
        { type: 'PRODUCTION_WORK', description: 'Pesanan Januari', dueDate: '2026-01-31' },
        { type: 'PRODUCTION_WORK', description: 'Pesanan Februari', dueDate: '2026-02-28' },
        { type: 'PRODUCTION_WORK', description: 'Pesanan Maret', dueDate: '2026-03-31' },
        { type: 'PRODUCTION_WORK', description: 'Pesanan April', dueDate: '2026-04-30' },
      ],
      coaching: [{ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', description: 'Pelatihan', sessions: [{ scheduledAt: '2026-02-01T02:00:00Z', location: 'Kudus' }] }],
      beforeActivation: (m) => m.query(`UPDATE organization SET pic = NULL WHERE id = $1`, [partner.organization!.id]),
    });
    agreementId = a.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
    delete process.env.EVIDENCE_DIR;
  });

  it('a PNG named .pdf and declared application/pdf is kept as image/png; sha256 recorded and shown; HONOUR_AGREEMENT fulfilled; one audit record', async () => {
    const [o] = await obligations('HONOUR_AGREEMENT');
    const bytes = png(500);
    const id = requestId();
    const res = await t
      .http()
      .post(`/api/v1/obligations/${o.id}/evidence`)
      .set(bearer(partner))
      .set('X-Request-Id', id)
      .attach('file', bytes, { filename: 'berita-acara.pdf', contentType: 'application/pdf' })
      .field('note', 'Berita acara serah terima');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: o.id, status: 'FULFILLED', version: 2 });
    expect(res.body.fulfilledAt).toEqual(expect.any(String));
    const [e] = res.body.evidence;
    expect(e).toMatchObject({
      kind: 'FILE',
      mediaType: 'image/png',
      fileName: 'berita-acara.pdf',
      note: 'Berita acara serah terima',
      sizeBytes: 500,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: partner.user.id,
      organizationId: partner.organization!.id,
      downloadUrl: `/api/v1/evidence/${e.id}/download`,
    });
    expect(await filesUnder(dir)).toEqual([join(dir, o.id, e.id)]);
    const records = await t.ds.query(`SELECT action, entity_type AS "entityType", entity_id AS "entityId" FROM audit_log WHERE request_id = $1`, [id]);
    expect(records).toEqual([{ action: 'obligation.evidence', entityType: 'obligation', entityId: o.id }]);
    // Shown in the obligation as everyone who may see it reads it.
    const seen = await t.http().get(`/api/v1/obligations/${o.id}`).set(bearer(firm));
    expect(seen.body.evidence[0].sha256).toBe(e.sha256);

    // Downloads: the parties and the ministry, with the stored media type; others 404.
    for (const s of [partner, firm, officer]) {
      const dl = await t.http().get(e.downloadUrl).set(bearer(s)).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(dl.status).toBe(200);
      expect(dl.headers['content-type']).toBe('image/png');
      expect(dl.headers['content-disposition']).toContain('attachment');
      expect(Buffer.compare(dl.body as Buffer, bytes)).toBe(0);
    }
    for (const s of [otherPartner, otherFirm]) {
      const dl = await t.http().get(e.downloadUrl).set(bearer(s));
      expect(dl.status).toBe(404);
      expect(dl.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await t.http().get(e.downloadUrl)).status).toBe(401);
    expect((await t.http().get(`/api/v1/evidence/00000000-0000-4000-8000-000000000000/download`).set(bearer(partner))).status).toBe(404);
  });

  it('PDF and JPEG by their bytes, whatever their names', async () => {
    const [, o] = await obligations('HONOUR_AGREEMENT');
    const a = await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).attach('file', pdf(), { filename: 'foto.jpg', contentType: 'image/jpeg' });
    expect(a.status).toBe(201);
    expect(a.body.evidence[0].mediaType).toBe('application/pdf');
    // More evidence on a fulfilled obligation is welcome.
    const b = await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).attach('file', jpeg(), { filename: 'scan', contentType: 'application/octet-stream' });
    expect(b.status).toBe(201);
    expect(b.body.evidence.map((e: { mediaType: string }) => e.mediaType)).toEqual(['application/pdf', 'image/jpeg']);
  });

  it('415 for a text file (even named .png), and nothing is written', async () => {
    const [, , o] = await obligations('HONOUR_AGREEMENT');
    const [files, rows] = [(await filesUnder(dir)).length, await evidenceCount()];
    const id = requestId();
    const res = await t
      .http()
      .post(`/api/v1/obligations/${o.id}/evidence`)
      .set(bearer(partner))
      .set('X-Request-Id', id)
      .attach('file', Buffer.from('just some text, not an image'), { filename: 'foto.png', contentType: 'image/png' });
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
    expect([(await filesUnder(dir)).length, await evidenceCount(), await auditCount(id)]).toEqual([files, rows, 0]);
    expect((await t.http().get(`/api/v1/obligations/${o.id}`).set(bearer(partner))).body).toMatchObject({ status: 'OVERDUE', version: 1, evidence: [] });
  });

  it('JSON { note, url }: a LINK that fulfils APPOINT_PIC', async () => {
    const [o] = await obligations('APPOINT_PIC');
    const res = await t
      .http()
      .post(`/api/v1/obligations/${o.id}/evidence`)
      .set(bearer(partner))
      .send({ note: 'SK penunjukan penanggung jawab kemitraan', url: 'https://dokumen.example.id/sk-pic.pdf' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('FULFILLED');
    expect(res.body.evidence).toEqual([
      expect.objectContaining({ kind: 'LINK', url: 'https://dokumen.example.id/sk-pic.pdf', sha256: null, downloadUrl: null, mediaType: null }),
    ]);
  });

  it('evidence does not fulfil a PROGRESS_REPORT (a report does) nor a COACHING obligation whose session is unconfirmed', async () => {
    const [r] = await obligations('PROGRESS_REPORT');
    const a = await t.http().post(`/api/v1/obligations/${r.id}/evidence`).set(bearer(partner)).send({ note: 'Laporan menyusul' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'OVERDUE', evidence: [expect.objectContaining({ kind: 'NOTE', note: 'Laporan menyusul' })] });
    const [c] = await obligations('COACHING');
    const b = await t.http().post(`/api/v1/obligations/${c.id}/evidence`).set(bearer(partner)).attach('file', pdf(), 'daftar-hadir.pdf');
    expect(b.status).toBe(201);
    expect(b.body.status).toBe('OVERDUE');
    // Once the session is confirmed, evidence closes it (were it still open).
    await t.ds.query(`UPDATE coaching_session SET status = 'CONFIRMED' WHERE id = $1`, [c.sessionId]);
    const d = await t.http().post(`/api/v1/obligations/${c.id}/evidence`).set(bearer(partner)).send({ note: 'Foto kegiatan' });
    expect(d.body.status).toBe('FULFILLED');
  });

  it('only the party that owes it: the small firm and strangers get 404, the ministry 403; bad input 400; nothing written', async () => {
    const [, , , o] = await obligations('HONOUR_AGREEMENT');
    const rows = await evidenceCount();
    expect((await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(firm)).send({ note: 'x' })).status).toBe(404);
    expect((await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(otherPartner)).send({ note: 'x' })).status).toBe(404);
    expect((await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(officer)).send({ note: 'x' })).status).toBe(403);
    const empty = await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).send({});
    expect(empty.status).toBe(400);
    expect((await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).send({ url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).send({ note: 'x', extra: 1 })).status).toBe(400);
    const unknownField = await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).attach('file', pdf(), 'a.pdf').field('colour', 'blue');
    expect(unknownField.status).toBe(400);
    const wrongPart = await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).attach('document', pdf(), 'a.pdf');
    expect(wrongPart.status).toBe(400);
    expect(await evidenceCount()).toBe(rows);
  });

  it('a stale version is 409 and writes nothing; a waived obligation takes no evidence (409)', async () => {
    const [, , , o] = await obligations('HONOUR_AGREEMENT');
    const [files, rows] = [(await filesUnder(dir)).length, await evidenceCount()];
    const id = requestId();
    const stale = await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).set('X-Request-Id', id).attach('file', pdf(), 'a.pdf').field('version', '5');
    expect(stale.status).toBe(409);
    expect(stale.body.type).toContain('stale-version');
    expect([(await filesUnder(dir)).length, await evidenceCount(), await auditCount(id)]).toEqual([files, rows, 0]);
    const ok = await t.http().post(`/api/v1/obligations/${o.id}/evidence`).set(bearer(partner)).attach('file', pdf(), 'a.pdf').field('version', '1');
    expect(ok.status).toBe(201);

    const [r] = (await obligations('PROGRESS_REPORT')).filter((x) => x.status !== 'WAIVED').slice(-1);
    expect((await t.http().post(`/api/v1/obligations/${r.id}/waive`).set(bearer(officer)).send({ reason: 'Dibebaskan' })).status).toBe(200);
    const closed = await t.http().post(`/api/v1/obligations/${r.id}/evidence`).set(bearer(partner)).send({ note: 'terlambat' });
    expect(closed.status).toBe(409);
  });

  it('Idempotency-Key: a repeat returns the first response and adds nothing', async () => {
    const [r] = await obligations('PROGRESS_REPORT');
    const rows = await evidenceCount();
    const send = () => t.http().post(`/api/v1/obligations/${r.id}/evidence`).set(bearer(partner)).set('Idempotency-Key', `ev-${r.id}`).send({ note: 'sekali saja' });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await evidenceCount()).toBe(rows + 1);
  });

  it('Idempotency-Key on an upload: the same file replays, another file under the same key is refused', async () => {
    const [r] = await obligations('PROGRESS_REPORT');
    const rows = await evidenceCount();
    const key = `up-${r.id}`;
    const send = (bytes: Buffer) => t.http().post(`/api/v1/obligations/${r.id}/evidence`).set(bearer(partner)).set('Idempotency-Key', key).attach('file', bytes, 'bukti.pdf');
    const first = await send(pdf());
    const again = await send(pdf());
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await send(Buffer.concat([pdf(), Buffer.from('\n% another file\n')]));
    expect(other.status).toBe(409);
    expect(await evidenceCount()).toBe(rows + 1);
  });
});
