import { bearer, factory, type Session } from './support/factory.js';
import { startTestApp, type TestApp } from './support/app.js';

describe('organisations', () => {
  let t: TestApp;
  let f: ReturnType<typeof factory>;
  let ent: Session;
  let other: Session;
  let partner: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await startTestApp();
    f = factory(t);
    [ent, other, partner, officer] = await Promise.all([f.enterprise(), f.enterprise(), f.partner(), f.ministry()]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /enterprises/:id', () => {
    it('shows members their own profile in full, others the public profile', async () => {
      const own = await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent));
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: ent.organization!.id, netAssetsIdr: 300_000_000, version: 1 });
      expect(own.body.npwp).toMatch(/^\d{15}$/);
      const pub = await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(other));
      expect(pub.status).toBe(200);
      expect(pub.body.name).toBe(own.body.name);
      expect(pub.body).not.toHaveProperty('npwp');
      expect(pub.body).not.toHaveProperty('netAssetsIdr');
      const byOfficer = await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(officer));
      expect(byOfficer.body.npwp).toBeDefined();
    });

    it('404 for an unknown id, a malformed id, and a partner id', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', partner.organization!.id]) {
        const res = await t.http().get(`/api/v1/enterprises/${id}`).set(bearer(ent));
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
    });
  });

  describe('PATCH /enterprises/:id', () => {
    it('updates, recomputes the class and bumps the version', async () => {
      const res = await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent))
        .send({ annualSalesIdr: 1_500_000_000, netAssetsIdr: null, needs: ['TECHNOLOGY'], version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ scale: 'MIKRO', annualSalesIdr: 1_500_000_000, needs: ['TECHNOLOGY'], version: 2 });
      const res2 = await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent)).send({ annualSalesIdr: 3_000_000_000 });
      expect(res2.body).toMatchObject({ scale: 'KECIL', version: 3 });
    });

    it('409 for a stale version, writing nothing', async () => {
      const before = (await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent))).body;
      const res = await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent)).send({ workforce: 99, version: 1 });
      expect(res.status).toBe(409);
      const after = (await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent))).body;
      expect(after).toEqual(before);
    });

    it('409 with the reason when the firm would class MENENGAH; nothing saved', async () => {
      const before = (await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent))).body;
      const res = await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent)).send({ annualSalesIdr: 20_000_000_000 });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ scale: 'MENENGAH', regime: 'pp-7-2021' });
      expect(res.body.detail).toContain('MENENGAH');
      const after = (await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent))).body;
      expect(after.annualSalesIdr).toBe(before.annualSalesIdr);
    });

    it('400 for bad fields, 404 for another firm', async () => {
      const bad = await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent)).send({ regionCode: '99.99', kind: 'partner' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['kind']));
      const unknownRegion = await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent)).send({ regionCode: '33.99' });
      expect(unknownRegion.status).toBe(400);
      const foreign = await t.http().patch(`/api/v1/enterprises/${other.organization!.id}`).set(bearer(ent)).send({ workforce: 1 });
      expect(foreign.status).toBe(404);
    });
  });

  describe('field messages follow Accept-Language', () => {
    const patch = (lang?: string) => {
      const r = t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent));
      return (lang ? r.set('Accept-Language', lang) : r).send({ workforce: -1, contactPhone: 'x', regionCode: '33.99', nonsense: 1 });
    };
    it('English without the header or when English is preferred; Indonesian when Indonesian is; nothing written either way', async () => {
      const before = (await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent))).body.version;
      const en = await patch();
      expect(en.status).toBe(400);
      expect((await patch('en-US,en;q=0.9,id;q=0.5')).body).toEqual(en.body);
      const id = await patch('id-ID,id;q=0.9,en;q=0.8');
      expect(id.status).toBe(400);
      expect(id.headers['content-type']).toMatch(/application\/problem\+json/);
      // the same fields, in the same order, each message translated
      expect(id.body.errors.map((e: { field: string }) => e.field)).toEqual(en.body.errors.map((e: { field: string }) => e.field));
      const pairs = (id.body.errors as { field: string; message: string }[]).map((e, i) => [e.message, en.body.errors[i].message]);
      for (const [idMessage, enMessage] of pairs) expect(idMessage).not.toBe(enMessage);
      expect(en.body.detail).toMatch(/^The request has \d+ invalid fields?: /);
      expect(id.body.detail).toMatch(/^Permintaan memuat \d+ isian yang tidak valid: /);
      expect(id.body.errors).toContainEqual({ field: 'nonsense', message: expect.stringMatching(/nonsense/) });
      expect((await t.http().get(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent))).body.version).toBe(before);
    });

    it('so do the details of a 404 and a 409', async () => {
      const missing = (lang?: string) => {
        const r = t.http().get('/api/v1/enterprises/00000000-0000-4000-8000-000000000000').set(bearer(ent));
        return lang ? r.set('Accept-Language', lang) : r;
      };
      expect((await missing()).body.detail).toBe('Enterprise was not found');
      const id404 = await missing('id');
      expect(id404.status).toBe(404);
      expect(id404.body.detail).toMatch(/tidak ditemukan$/);
      const stale = await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent)).set('Accept-Language', 'id-ID').send({ workforce: 5, version: 9999 });
      expect(stale.status).toBe(409);
      expect(stale.body.detail).toMatch(/^Data ini sudah berubah sejak Anda membacanya \(versi terkini \d+\)$/);
      expect(stale.body.currentVersion).toEqual(expect.any(Number)); // the extra members are untouched
    });
  });

  describe('partners', () => {
    it('a partner updates its PIC; others see it; going below MENENGAH is 409', async () => {
      const pic = { name: 'Budi Santoso', position: 'Kepala Kemitraan', email: 'budi@mitra.co.id', phone: '+62 812 9999 0000' };
      const res = await t.http().patch(`/api/v1/partners/${partner.organization!.id}`).set(bearer(partner)).send({ pic });
      expect(res.status).toBe(200);
      const seen = await t.http().get(`/api/v1/partners/${partner.organization!.id}`).set(bearer(ent));
      expect(seen.body.pic).toEqual(pic);
      const small = await t.http().patch(`/api/v1/partners/${partner.organization!.id}`).set(bearer(partner)).send({ annualSalesIdr: 1_000_000, netAssetsIdr: 1_000_000 });
      expect(small.status).toBe(409);
      const list = await t.http().get('/api/v1/partners?limit=100').set(bearer(ent));
      expect(list.body.items.map((p: { id: string }) => p.id)).toContain(partner.organization!.id);
    });

    it('lists partners by name and finds them by the words of their name (case, accents and LIKE wildcards taken literally)', async () => {
      const [a, b] = await Promise.all([f.partner({ name: 'PT Snack Nusantara Jaya' }), f.partner({ name: 'PT Kopi Priangan 100%' })]);
      const find = async (q: string) => {
        const res = await t.http().get(`/api/v1/partners?limit=100&q=${encodeURIComponent(q)}`).set(bearer(officer));
        expect(res.status).toBe(200);
        return (res.body.items as { id: string; name: string }[]).map((o) => o.id);
      };
      expect(await find('snack jaya')).toEqual([a.organization!.id]);
      expect(await find('NUSANTARA')).toEqual([a.organization!.id]);
      expect(await find('priangan 100%')).toEqual([b.organization!.id]);
      expect(await find('%')).toEqual([b.organization!.id]); // a literal percent sign, not "anything"
      expect(await find('_')).toEqual([]);
      expect(await find('jaya kopi')).toEqual([]);
      expect((await t.http().get(`/api/v1/partners?q=${'x'.repeat(101)}`).set(bearer(officer))).status).toBe(400);
    });

    it('rejects enterprise-only fields on a partner', async () => {
      const res = await t.http().patch(`/api/v1/partners/${partner.organization!.id}`).set(bearer(partner)).send({ needs: ['CAPITAL'] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('needs');
    });
  });

  describe('GET /enterprises (search)', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const made = await Promise.all([
        f.enterprise({ name: 'UD Keripik Singkong Bu Tini', products: 'keripik singkong balado', regionCode: '35.07.01', kbliCodes: ['10794'], certifications: [{ type: 'HALAL', number: 'H1', validUntil: '2099-01-01' }], needs: ['MARKETING'] }),
        f.enterprise({ name: 'CV Mebel Jati Jepara', products: 'kursi dan meja jati', regionCode: '33.20.01', kbliCodes: ['31001'], certifications: [{ type: 'SNI', number: 'S1', validUntil: '2099-01-01' }], needs: ['CAPITAL'] }),
        f.enterprise({ name: 'KUB Batik Pesisir', products: 'batik tulis', regionCode: '33.75', kbliCodes: ['13134'], certifications: [{ type: 'HALAL', number: 'H2', validUntil: '2020-01-01' }], needs: ['TECHNOLOGY'], annualSalesIdr: 500_000_000 }),
      ]);
      ids = { keripik: made[0].organization!.id, mebel: made[1].organization!.id, batik: made[2].organization!.id };
    });

    const search = async (qs: string) => {
      const res = await t.http().get(`/api/v1/enterprises?${qs}`).set(bearer(partner));
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id) as string[];
    };

    it('finds by words in name and products, and despite a typo', async () => {
      expect((await search('q=singkong'))[0]).toBe(ids.keripik);
      expect(await search('q=kripik%20singkong')).toContain(ids.keripik);
      expect(await search('q=mebel%20jati')).toEqual([ids.mebel]);
    });

    it('filters by KBLI prefix, region prefix, certification valid today, scale and need', async () => {
      expect(await search('kbli=310')).toEqual([ids.mebel]);
      expect(await search('region=35.07')).toEqual([ids.keripik]);
      expect(await search('certification=HALAL')).toEqual([ids.keripik]); // batik's HALAL has expired
      expect(await search('need=TECHNOLOGY&kbli=13')).toEqual([ids.batik]);
      expect(await search('need=MARKETING&kbli=10794&region=35')).toEqual([ids.keripik]);
      expect(await search('scale=MIKRO&region=33.75')).toEqual([ids.batik]);
    });

    it('400 for malformed filters', async () => {
      for (const qs of ['kbli=1', 'region=3', 'scale=BESAR', 'limit=0', 'limit=101', 'cursor=garbage', 'foo=bar']) {
        const res = await t.http().get(`/api/v1/enterprises?${qs}`).set(bearer(partner));
        expect({ qs, status: res.status }).toEqual({ qs, status: 400 });
      }
    });

    it('pages with a cursor without repeats or gaps', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await t.http().get(`/api/v1/enterprises?limit=2${cursor ? `&cursor=${cursor}` : ''}`).set(bearer(partner));
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((i: { id: string }) => i.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      const all = await t.http().get('/api/v1/enterprises?limit=100').set(bearer(partner));
      expect(seen).toEqual(all.body.items.map((i: { id: string }) => i.id));
      expect(new Set(seen).size).toBe(seen.length);
      expect(pages).toBeGreaterThanOrEqual(3);
    });

    it('pages ranked full-text results stably too', async () => {
      const one = await t.http().get('/api/v1/enterprises?q=keripik&limit=1').set(bearer(partner));
      expect(one.body.items).toHaveLength(1);
      if (one.body.nextCursor) {
        const two = await t.http().get(`/api/v1/enterprises?q=keripik&limit=1&cursor=${one.body.nextCursor}`).set(bearer(partner));
        expect(two.status).toBe(200);
        expect(two.body.items[0]?.id).not.toBe(one.body.items[0].id);
      }
    });

    it('never scans the table: the plans use indexes', async () => {
      await t.ds.query('ANALYZE organization');
      await t.ds.query('SET enable_seqscan = off');
      try {
        for (const cond of [`kbli_prefixes @> ARRAY['107']`, `region_path @> ARRAY['33.20']`, `search @@ to_tsquery('simple', 'keripik:*')`, `search_text % 'kripik'`]) {
          const plan = (await t.ds.query(`EXPLAIN SELECT id FROM organization o WHERE kind = 'enterprise' AND ${cond}`)).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
          expect(plan).not.toMatch(/Seq Scan on organization/);
        }
      } finally {
        await t.ds.query('SET enable_seqscan = on');
      }
    });
  });
});
