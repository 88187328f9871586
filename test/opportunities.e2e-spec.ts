import { randomBytes } from 'node:crypto';
import { closeExpiredOpportunities } from '../libs/opportunities/src/index.js';
import { bearer, factory, type Session } from './support/factory.js';
import { type OpportunityJson, opportunities, opportunityBody } from './support/opportunities.js';
import { startTestApp, type TestApp } from './support/app.js';

/** A word no other test uses, to find exactly the opportunities a test made (full text, prefix match). */
const word = () => `zq${randomBytes(5).toString('hex').replace(/\d/g, 'x')}`;

describe('opportunities', () => {
  let t: TestApp;
  let f: ReturnType<typeof factory>;
  let o: ReturnType<typeof opportunities>;
  let partner: Session;
  let other: Session;
  let noPic: Session;
  let firm: Session;
  let officer: Session;

  const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);
  const get = (s: Session, id: string) => t.http().get(`/api/v1/opportunities/${id}`).set(bearer(s));
  const post = (s: Session, path: string, body: object = {}) => t.http().post(`/api/v1/opportunities${path}`).set(bearer(s)).send(body);
  const patch = (s: Session, id: string, body: object) => t.http().patch(`/api/v1/opportunities/${id}`).set(bearer(s)).send(body);
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  beforeAll(async () => {
    t = await startTestApp();
    f = factory(t);
    o = opportunities(t);
    [partner, other, noPic, firm, officer] = await Promise.all([f.partner(), f.partner(), f.partner({ pic: null }), f.enterprise(), f.ministry()]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /opportunities', () => {
    it('creates a DRAFT owned by the partner, site defaulting to the partner’s region', async () => {
      const res = await post(partner, '', opportunityBody({ siteLocation: { lat: -7.25, lng: 112.75 } }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        partnerId: partner.organization!.id,
        pattern: 'SUBCONTRACT',
        status: 'DRAFT',
        closedReason: null,
        kbliCodes: ['10794'],
        regionCodes: ['33', '35'],
        siteRegionCode: '35.78',
        siteLocation: { lat: -7.25, lng: 112.75 },
        requiredCapacity: { quantity: 500, unit: 'kg', period: 'MONTH' },
        requiredCertifications: ['PIRT'],
        preferredCertifications: ['HALAL'],
        supportOffered: ['PRODUCTION_WORK', 'TECHNICAL_GUIDANCE'],
        slots: 3,
        acceptedCount: 0,
        publishedAt: null,
        version: 1,
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(res.body.closesAt).getTime()).toBeGreaterThan(Date.now());
      expect(res.body).not.toHaveProperty('kbliDivisions');
    });

    it('takes an explicit site region and the minimum fields', async () => {
      const res = await post(partner, '', { pattern: 'INTI_PLASMA', title: 'Plasma sawit', kbliCodes: ['01'], slots: 1, siteRegionCode: '33.20.01', supportOffered: ['LAND', 'FINANCING'] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ siteRegionCode: '33.20.01', regionCodes: [], requiredCapacity: null, siteLocation: null, closesAt: null, description: '' });
    });

    it('400 for invalid input, naming each problem, and writes nothing', async () => {
      const before = await count('SELECT count(*) n FROM opportunity');
      const cases: [Record<string, unknown>, string, RegExp?][] = [
        [{ supportOffered: ['PRODUCTION_WORK', 'LAND'] }, 'supportOffered', /LAND is not a support type for SUBCONTRACT/],
        [{ pattern: 'INTI_PLASMA', supportOffered: ['RAW_MATERIAL_SUPPLY'] }, 'supportOffered', /RAW_MATERIAL_SUPPLY/],
        [{ kbliCodes: ['04123'] }, 'kbliCodes', /04123/],
        [{ kbliCodes: [] }, 'kbliCodes'],
        [{ regionCodes: ['33.99'] }, 'regionCodes', /33\.99/],
        [{ regionCodes: ['3x'] }, 'regionCodes'],
        [{ siteRegionCode: '35.99' }, 'siteRegionCode', /35\.99/],
        [{ slots: 0 }, 'slots'],
        [{ slots: 1.5 }, 'slots'],
        [{ closesAt: '2030-01-01' }, 'closesAt'],
        [{ closesAt: 'tomorrow' }, 'closesAt'],
        [{ pattern: 'WARALABA' }, 'pattern'],
        [{ title: '' }, 'title'],
        [{ requiredCapacity: { quantity: -1, unit: 'kg', period: 'DAY' } }, 'requiredCapacity.quantity'],
        [{ requiredCertifications: ['halal'] }, 'requiredCertifications'],
        [{ siteLocation: { lat: 200, lng: 0 } }, 'siteLocation.lat'],
        [{ status: 'OPEN' }, 'status'],
      ];
      for (const [over, field, message] of cases) {
        const res = await post(partner, '', opportunityBody(over));
        expect({ over, status: res.status }).toEqual({ over, status: 400 });
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        const fields = (res.body.errors as { field: string; message: string }[]).filter((e) => e.field === field);
        expect({ over, fields: fields.length > 0 }).toEqual({ over, fields: true });
        if (message) expect(fields.map((e) => e.message).join(' ')).toMatch(message);
      }
      const missing = await post(partner, '', { pattern: 'SUBCONTRACT' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['title', 'kbliCodes', 'slots']));
      expect(await count('SELECT count(*) n FROM opportunity')).toBe(before);
    });

    it('403 for roles that never create opportunities', async () => {
      for (const s of [firm, officer]) expect((await post(s, '', opportunityBody())).status).toBe(403);
    });

    it('is idempotent with an Idempotency-Key: a repeat creates nothing; another body with the key is 409', async () => {
      const key = `create-${word()}`;
      const body = opportunityBody({ title: `Idempoten ${key}` });
      const first = await post(partner, '', body).set('Idempotency-Key', key);
      const again = await post(partner, '', body).set('Idempotency-Key', key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      expect(await count('SELECT count(*) n FROM opportunity WHERE title = $1', [body.title])).toBe(1);
      const changed = await post(partner, '', { ...body, slots: 9 }).set('Idempotency-Key', key);
      expect(changed.status).toBe(409);
    });
  });

  describe('PATCH /opportunities/:id', () => {
    let draft: OpportunityJson;
    beforeAll(async () => {
      draft = await o.draft(partner);
    });

    it('edits a draft, bumping the version; null clears optional parts', async () => {
      const res = await patch(partner, draft.id, { title: 'Pemasok keripik pisang', slots: 5, requiredCapacity: null, version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Pemasok keripik pisang', slots: 5, requiredCapacity: null, version: 2, status: 'DRAFT' });
      const again = await patch(partner, draft.id, { siteRegionCode: '33.20', closesAt: null });
      expect(again.body).toMatchObject({ siteRegionCode: '33.20', closesAt: null, version: 3 });
      const reset = await patch(partner, draft.id, { siteRegionCode: null });
      expect(reset.body).toMatchObject({ siteRegionCode: '35.78', version: 4 });
    });

    it('409 for a stale version, writing nothing', async () => {
      const before = (await get(partner, draft.id)).body;
      const res = await patch(partner, draft.id, { title: 'Basi', version: 1 });
      expect(res.status).toBe(409);
      expect(res.body.currentVersion).toBe(before.version);
      expect((await get(partner, draft.id)).body).toEqual(before);
    });

    it('checks the support offered against the resulting pattern (400 naming it); null for a required field is 400', async () => {
      const before = (await get(partner, draft.id)).body;
      const res = await patch(partner, draft.id, { pattern: 'INTI_PLASMA' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'supportOffered' });
      expect(res.body.errors[0].message).toContain('PRODUCTION_WORK');
      for (const body of [{ title: null }, { kbliCodes: null }, { slots: null }, { unknown: 1 }]) {
        expect((await patch(partner, draft.id, body)).status).toBe(400);
      }
      const ok = await patch(partner, draft.id, { pattern: 'INTI_PLASMA', supportOffered: ['LAND'] });
      expect(ok.status).toBe(200);
      expect(ok.body.version).toBe(before.version + 1);
    });

    it('404 for another partner’s draft (and for a malformed id), 403 for a firm', async () => {
      expect((await patch(other, draft.id, { title: 'Bukan milikku' })).status).toBe(404);
      expect((await patch(partner, 'not-a-uuid', { title: 'x' })).status).toBe(404);
      expect((await patch(firm, draft.id, { title: 'x' })).status).toBe(403);
    });

    it('409 once published', async () => {
      const open = await o.open(partner);
      const res = await patch(partner, open.id, { title: 'Terlambat' });
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('OPEN');
    });
  });

  describe('publish and close', () => {
    it('publishes DRAFT → OPEN and records the Pasal 14 huruf a duty in the same step', async () => {
      const draft = await o.draft(partner);
      const res = await post(partner, `/${draft.id}/publish`, { version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: draft.id, status: 'OPEN', version: 2 });
      expect(new Date(res.body.publishedAt).getTime()).toBeLessThanOrEqual(Date.now());
      const duty = await t.ds.query(`SELECT * FROM partner_duty_record WHERE entity_id = $1`, [draft.id]);
      expect(duty).toHaveLength(1);
      expect(duty[0]).toMatchObject({
        partner_id: partner.organization!.id,
        duty: 'PUBLISH_OPPORTUNITIES',
        legal_basis: 'PP 44/1997 Pasal 14 huruf a',
        entity_type: 'opportunity',
      });
      const again = await post(partner, `/${draft.id}/publish`);
      expect(again.status).toBe(409);
      expect(await count('SELECT count(*) n FROM partner_duty_record WHERE entity_id = $1', [draft.id])).toBe(1);
    });

    it('409 naming the missing PIC (Pasal 14 huruf c); the draft stays a draft and no duty is recorded', async () => {
      const draft = await o.draft(noPic);
      const res = await post(noPic, `/${draft.id}/publish`);
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.detail).toContain('PIC');
      expect(res.body.detail).toContain('penanggung jawab kemitraan');
      expect(res.body.detail).toContain('Pasal 14 huruf c');
      expect(res.body.missing).toEqual(['pic']);
      expect((await get(noPic, draft.id)).body).toMatchObject({ status: 'DRAFT', version: 1 });
      expect(await count('SELECT count(*) n FROM partner_duty_record WHERE entity_id = $1', [draft.id])).toBe(0);
    });

    it('409 when closesAt has passed; a stale version is 409 too', async () => {
      const draft = await o.draft(partner, { closesAt: new Date(Date.now() - 60_000).toISOString() });
      const res = await post(partner, `/${draft.id}/publish`);
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('closesAt');
      const stale = await post(partner, `/${draft.id}/publish`, { version: 7 });
      expect(stale.status).toBe(409);
      expect((await get(partner, draft.id)).body.status).toBe('DRAFT');
    });

    it('closes OPEN → CLOSED (MANUAL); closing again, or closing a draft, is 409', async () => {
      const open = await o.open(partner);
      const res = await post(partner, `/${open.id}/close`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'CLOSED', closedReason: 'MANUAL', version: open.version + 1 });
      expect(res.body.closedAt).toEqual(expect.any(String));
      expect((await post(partner, `/${open.id}/close`)).status).toBe(409);
      expect((await post(partner, `/${open.id}/publish`)).status).toBe(409);
      const draft = await o.draft(partner);
      const closeDraft = await post(partner, `/${draft.id}/close`);
      expect(closeDraft.status).toBe(409);
      expect(closeDraft.body.type).toContain('invalid-transition');
    });

    it('another partner gets 404 on publish and close; a firm 403', async () => {
      const draft = await o.draft(partner);
      const open = await o.open(partner);
      expect((await post(other, `/${draft.id}/publish`)).status).toBe(404);
      expect((await post(other, `/${open.id}/close`)).status).toBe(404);
      expect((await post(firm, `/${open.id}/close`)).status).toBe(403);
      expect((await get(partner, open.id)).body.status).toBe('OPEN');
    });
  });

  describe('GET /opportunities/:id and visibility', () => {
    it('shows a draft only to its partner; others get 404', async () => {
      const draft = await o.draft(partner);
      expect((await get(partner, draft.id)).status).toBe(200);
      for (const s of [other, firm, officer]) expect((await get(s, draft.id)).status).toBe(404);
      expect((await get(firm, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('shows OPEN and CLOSED ones to everyone', async () => {
      const open = await o.open(partner);
      for (const s of [other, firm, officer]) expect((await get(s, open.id)).body.status).toBe('OPEN');
      await post(partner, `/${open.id}/close`);
      expect((await get(firm, open.id)).body).toMatchObject({ status: 'CLOSED', closedReason: 'MANUAL' });
    });
  });

  describe('deadline: status is never stale', () => {
    it('an OPEN opportunity past closesAt reads CLOSED (DEADLINE) everywhere, refuses moves, and the sweep writes it', async () => {
      const w = word();
      const open = await o.open(partner, { title: `Tenggat ${w}` });
      await t.ds.query(`UPDATE opportunity SET closes_at = now() - interval '1 hour' WHERE id = $1`, [open.id]);
      const stored = await t.ds.query(`SELECT status FROM opportunity WHERE id = $1`, [open.id]);
      expect(stored[0].status).toBe('OPEN'); // not swept yet

      const seen = await get(firm, open.id);
      expect(seen.body).toMatchObject({ status: 'CLOSED', closedReason: 'DEADLINE' });
      expect(seen.body.closedAt).toBe(seen.body.closesAt);
      expect(ids(await t.http().get(`/api/v1/opportunities?q=${w}`).set(bearer(firm)))).toEqual([]);
      const mine = await t.http().get(`/api/v1/opportunities?mine=true&q=${w}`).set(bearer(partner));
      expect(mine.body.items).toEqual([expect.objectContaining({ id: open.id, status: 'CLOSED', closedReason: 'DEADLINE' })]);

      const apply = await post(firm, `/${open.id}/applications`, { message: 'Masih bisa?' });
      expect(apply.status).toBe(409);
      expect(apply.body.detail).toContain('DEADLINE');
      expect((await post(partner, `/${open.id}/invitations`, { enterpriseId: firm.organization!.id })).status).toBe(409);
      expect((await post(partner, `/${open.id}/close`)).status).toBe(409);
      expect(await count('SELECT count(*) n FROM application WHERE opportunity_id = $1', [open.id])).toBe(0);

      expect(await closeExpiredOpportunities(t.ds)).toBeGreaterThanOrEqual(1);
      const [row] = await t.ds.query(`SELECT status, closed_reason, closed_at = closes_at AS at_deadline, version FROM opportunity WHERE id = $1`, [open.id]);
      expect(row).toEqual({ status: 'CLOSED', closed_reason: 'DEADLINE', at_deadline: true, version: open.version + 1 });
      expect(await closeExpiredOpportunities(t.ds.manager)).toBe(0);
      expect((await get(firm, open.id)).body).toMatchObject({ status: 'CLOSED', closedReason: 'DEADLINE', version: open.version + 1 });
    });

    it('the sweep leaves open ones with a future or no deadline, and drafts', async () => {
      const future = await o.open(partner);
      const none = await o.open(partner, { closesAt: null });
      const draft = await o.draft(partner, { closesAt: new Date(Date.now() - 1000).toISOString() });
      await closeExpiredOpportunities(t.ds);
      const rows: { id: string; status: string }[] = await t.ds.query(`SELECT id, status FROM opportunity WHERE id = ANY($1)`, [[future.id, none.id, draft.id]]);
      expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [future.id]: 'OPEN', [none.id]: 'OPEN', [draft.id]: 'DRAFT' });
    });
  });

  describe('GET /opportunities (search)', () => {
    let w: string;
    let made: Record<string, string>;
    beforeAll(async () => {
      w = word();
      const p = await f.partner();
      const mk = async (key: string, over: Record<string, unknown>) => [key, (await o.open(p, { title: `Peluang ${w} ${key}`, ...over })).id] as const;
      made = Object.fromEntries(
        await Promise.all([
          mk('anywhere', { regionCodes: [] }),
          mk('jateng', { regionCodes: ['33'] }),
          mk('kudusDistrict', { regionCodes: ['33.19.01'], kbliCodes: ['31001'] }),
          mk('surabaya', { regionCodes: ['35.78'], pattern: 'INTI_PLASMA', supportOffered: ['LAND'] }),
        ]),
      );
      const d = await o.draft(p, { title: `Peluang ${w} draft` });
      made.draft = d.id;
    });
    const search = async (qs: string, s: Session = firm) => {
      const res = await t.http().get(`/api/v1/opportunities?q=${w}&limit=100&${qs}`).set(bearer(s));
      expect(res.status).toBe(200);
      return (ids(res) as string[]).sort();
    };
    const of = (...keys: string[]) => keys.map((k) => made[k]).sort();

    it('lists OPEN ones only, to every role', async () => {
      for (const s of [firm, partner, officer]) expect(await search('', s)).toEqual(of('anywhere', 'jateng', 'kudusDistrict', 'surabaya'));
    });

    it('region: open-to-anywhere ones, and those whose region contains the filter or lies inside it', async () => {
      expect(await search('region=33.19')).toEqual(of('anywhere', 'jateng', 'kudusDistrict'));
      expect(await search('region=33')).toEqual(of('anywhere', 'jateng', 'kudusDistrict'));
      expect(await search('region=33.20')).toEqual(of('anywhere', 'jateng'));
      expect(await search('region=35')).toEqual(of('anywhere', 'surabaya'));
      expect(await search('region=35.78.01')).toEqual(of('anywhere', 'surabaya'));
      expect(await search('region=11')).toEqual(of('anywhere'));
    });

    it('kbli prefix, pattern and words', async () => {
      expect(await search('kbli=310')).toEqual(of('kudusDistrict'));
      expect(await search('kbli=10794')).toEqual(of('anywhere', 'jateng', 'surabaya'));
      expect(await search('kbli=1079&pattern=INTI_PLASMA')).toEqual(of('surabaya'));
      expect(await search('pattern=SUBCONTRACT&region=35')).toEqual(of('anywhere'));
      const res = await t.http().get(`/api/v1/opportunities?q=${encodeURIComponent(`${w} jateng`)}`).set(bearer(firm));
      expect(ids(res)).toEqual([made.jateng]);
    });

    it('mine=true: a partner’s own, of every status; for other roles it is 400', async () => {
      const res = await t.http().get('/api/v1/opportunities?mine=true&limit=100').set(bearer(partner));
      expect(res.status).toBe(200);
      expect(res.body.items.every((i: { partnerId: string }) => i.partnerId === partner.organization!.id)).toBe(true);
      expect(new Set(res.body.items.map((i: { status: string }) => i.status))).toEqual(new Set(['DRAFT', 'OPEN', 'CLOSED']));
      for (const s of [firm, officer]) expect((await t.http().get('/api/v1/opportunities?mine=true').set(bearer(s))).status).toBe(400);
    });

    it('400 for malformed filters', async () => {
      for (const qs of ['kbli=1', 'kbli=abc', 'region=3', 'region=33.2', 'pattern=WARALABA', 'mine=yes', 'limit=0', 'limit=101', 'cursor=garbage', 'foo=bar']) {
        const res = await t.http().get(`/api/v1/opportunities?${qs}`).set(bearer(partner));
        expect({ qs, status: res.status }).toEqual({ qs, status: 400 });
      }
      const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      expect((await t.http().get(`/api/v1/opportunities?cursor=${forged}`).set(bearer(firm))).status).toBe(400);
    });
  });

  describe('pagination', () => {
    const walk = async (s: Session, qs: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await t
          .http()
          .get(`/api/v1/opportunities?${qs}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(bearer(s));
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((i) => i.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      return { seen, pages };
    };

    it('pages the public list (newest published first) without repeats or gaps', async () => {
      const w = word();
      const p = await f.partner();
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await o.open(p, { title: `Halaman ${w} ${i}` })).id);
      const { seen, pages } = await walk(firm, `q=${w}`);
      expect(pages).toBe(4);
      expect(seen).toEqual([...made].reverse());
    });

    it('pages a partner’s own (mine=true) without repeats or gaps', async () => {
      const p = await f.partner();
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push(i % 2 ? (await o.open(p)).id : (await o.draft(p)).id);
      const { seen, pages } = await walk(p, 'mine=true');
      expect(pages).toBe(4);
      expect(seen).toEqual([...made].reverse());
    });
  });
});
