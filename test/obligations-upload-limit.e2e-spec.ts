import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeAgreement } from './support/agreements-sql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';
import { filesUnder, pdf, png } from './support/obligations.js';

describe('obligation evidence over the upload limit', () => {
  let t: TestApp;
  let dir: string;
  let partner: Session;
  let obligationId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jalin-evidence-cap-'));
    t = await startTestApp({ UPLOAD_LIMIT_BYTES: '2048', EVIDENCE_DIR: dir });
    const f = factory(t);
    const firm = await f.enterprise();
    partner = await f.partner();
    const a = await activeAgreement(t, partner, firm, {
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      commitments: [{ type: 'PRODUCTION_WORK', description: 'Pesanan', dueDate: '2026-03-31' }],
    });
    [{ id: obligationId }] = await t.ds.query(`SELECT id FROM obligation WHERE agreement_id = $1 AND type = 'HONOUR_AGREEMENT'`, [a.id]);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
    // startTestApp writes process.env, which outlives this file in a jest worker.
    delete process.env.UPLOAD_LIMIT_BYTES;
    delete process.env.EVIDENCE_DIR;
  });

  it('413 problem, and nothing written: no evidence row, no stored file, no audit record, the obligation untouched', async () => {
    const res = await t
      .http()
      .post(`/api/v1/obligations/${obligationId}/evidence`)
      .set(bearer(partner))
      .set('X-Request-Id', 'cap-413')
      .field('note', 'terlalu besar')
      .attach('file', png(10_000), { filename: 'besar.png', contentType: 'image/png' });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, title: 'Content Too Large', type: expect.stringContaining('payload-too-large') });
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM evidence`))[0].n)).toBe(0);
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM audit_log WHERE request_id = 'cap-413'`))[0].n)).toBe(0);
    expect(await filesUnder(dir)).toEqual([]);
    const o = await t.http().get(`/api/v1/obligations/${obligationId}`).set(bearer(partner));
    expect(o.body).toMatchObject({ version: 1, evidence: [], status: 'OVERDUE' });
  });

  it('a far larger upload is cut off the same way', async () => {
    const res = await t.http().post(`/api/v1/obligations/${obligationId}/evidence`).set(bearer(partner)).attach('file', png(3_000_000), 'sangat-besar.png');
    expect(res.status).toBe(413);
    expect(await filesUnder(dir)).toEqual([]);
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM evidence`))[0].n)).toBe(0);
  });

  it('a file under the limit is taken', async () => {
    const res = await t.http().post(`/api/v1/obligations/${obligationId}/evidence`).set(bearer(partner)).attach('file', pdf(), 'kecil.pdf');
    expect(res.status).toBe(201);
    expect(await filesUnder(dir)).toHaveLength(1);
  });
});
