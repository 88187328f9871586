import { startTestApp, type TestApp } from './support/app.js';
import { importKbli, KbliImportError, ReferenceService } from '../libs/reference/src/index.js';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KBLI_CSV = join(process.cwd(), '..', 'shared', 'data', 'kbli-2020.csv');

describe('reference data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the Kemendagri region tree from idn-area-data', async () => {
    const provinces = await t.http().get('/api/v1/reference/regions');
    expect(provinces.status).toBe(200);
    expect(provinces.body.items.length).toBe(38);
    expect(provinces.body.items.find((p: { code: string }) => p.code === '33')).toMatchObject({ name: 'Jawa Tengah', level: 'province', timeZone: 'Asia/Jakarta' });
    const jateng = await t.http().get('/api/v1/reference/regions?parent=33');
    expect(jateng.body.items.find((r: { code: string }) => r.code === '33.20').name).toMatch(/Jepara/);
    const bali = await t.http().get('/api/v1/reference/regions?parent=51');
    expect(bali.body.items[0].timeZone).toBe('Asia/Makassar');
    expect((await t.http().get('/api/v1/reference/regions?parent=33.99')).status).toBe(404);
    expect((await t.http().get('/api/v1/reference/regions?parent=x')).status).toBe(400);
    const villages = await t.http().get('/api/v1/reference/regions?parent=33.20.01');
    expect(villages.body.items[0].code).toMatch(/^33\.20\.01\.\d{4}$/);
  });

  it('knows the 21 sections and 87 divisions before an import, and accepts well-formed codes under them', async () => {
    const divisions = await t.http().get('/api/v1/reference/kbli?level=2&limit=100');
    expect(divisions.body.items).toHaveLength(87);
    const sections = await t.http().get('/api/v1/reference/kbli?level=1&limit=100');
    expect(sections.body.items).toHaveLength(21);
    const ref = t.app.get(ReferenceService);
    expect(await ref.unknownKbliCodes(['10794', '10999', '04123', '31'])).toEqual(['04123']);
  });

  it('imports the full KBLI list; then searches words and knows exact codes', async () => {
    const res = await importKbli(t.ds, KBLI_CSV);
    expect(res.rows).toBe(2686);
    expect(res.byLevel).toEqual({ 2: 87, 3: 244, 4: 565, 5: 1790 });
    const hits = await t.http().get('/api/v1/reference/kbli?q=keripik%20singkong');
    expect(hits.status).toBe(200);
    expect(hits.body.items[0].code).toBe('10794');
    const typo = await t.http().get('/api/v1/reference/kbli?q=kerupuk');
    expect(typo.body.items.map((i: { code: string }) => i.code)).toContain('10794');
    const byPrefix = await t.http().get('/api/v1/reference/kbli?prefix=1079');
    expect(byPrefix.body.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['1079', '10794']));
    const ref = t.app.get(ReferenceService);
    // after the import, a well-formed code that does not exist is unknown
    expect(await ref.unknownKbliCodes(['10794', '10999'])).toEqual(['10999']);
    // importing again is an upsert
    expect((await importKbli(t.ds, KBLI_CSV)).rows).toBe(2686);
  });

  it('refuses a bad CSV whole, naming the lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbli-'));
    const file = join(dir, 'bad.csv');
    await writeFile(file, 'code,level,title,description\n10,2,Industri Makanan,x\n1x1,3,Bad,\n107,4,Wrong level,\n');
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM kbli`);
    await expect(importKbli(t.ds, file)).rejects.toBeInstanceOf(KbliImportError);
    await expect(importKbli(t.ds, file)).rejects.toThrow(/line 3.*\n.*line 4/);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM kbli`)).toEqual(before);
  });
});
