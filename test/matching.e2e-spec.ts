import { bearer, factory, type Session } from './support/factory.js';
import { startTestApp, type TestApp } from './support/app.js';
import {
  capacityPart, certificationsPart, jakartaToday, locationPart, MatchCache, needsPart, sectorPart, totalScore,
} from '../libs/matching/src/index.js';

const PIRT = { type: 'PIRT', number: 'P-1', validUntil: '2099-01-01' };
const HALAL = { type: 'HALAL', number: 'H-1', validUntil: '2099-01-01' };

interface Firm { key: string; session: Session; profile: Record<string, unknown> }

describe('matching', () => {
  let t: TestApp;
  /** the same database, served by an API that always walks score tiers */
  let tiers: TestApp;
  /** the same database, served from match caches of 4 firms each (later pages rank live) */
  let cached: TestApp;
  let partner: Session;
  let otherPartner: Session;
  let officer: Session;
  const firms: Record<string, Firm> = {};
  let opp: string;
  let regional: string;

  const insertOpportunity = async (over: Record<string, unknown> = {}): Promise<string> => {
    const o = {
      partner_id: partner.organization!.id, pattern: 'SUBCONTRACT', title: 'Pemasok keripik', kbli_codes: ['10794'], region_codes: [],
      site_region_code: '33.20.01', required_quantity: 1000, required_unit: 'kg', required_period: 'MONTH',
      required_certifications: ['PIRT'], preferred_certifications: ['HALAL'], support_offered: ['FINANCING', 'PRODUCTION_WORK'],
      slots: 5, status: 'OPEN', closes_at: null, ...over,
    };
    const cols = Object.keys(o);
    const [row] = await t.ds.query(
      `INSERT INTO opportunity (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(o),
    );
    return row.id;
  };

  // Each API keeps the settings it started with; every one states them all (process.env is shared).
  const live = { MATCH_CACHE_READS: 'false', MATCH_SMALL_SET: '1500' };
  beforeAll(async () => {
    t = await startTestApp(live);
    const f = factory(t);
    [partner, otherPartner, officer] = await Promise.all([f.partner(), f.partner(), f.ministry()]);
    const make = async (key: string, over: Record<string, unknown>) => {
      const profile = { kbliCodes: ['10794'], regionCode: '33.20.01.2001', capacities: [], certifications: [PIRT], needs: [], ...over };
      firms[key] = { key, session: await f.enterprise(profile), profile };
    };
    await make('A', { capacities: [{ product: 'keripik', quantity: 1200, unit: 'kg', period: 'MONTH' }], certifications: [PIRT, HALAL], needs: ['CAPITAL'] });
    await make('B', { regionCode: '33.20.02', capacities: [{ product: 'keripik', quantity: 500, unit: 'kg', period: 'MONTH' }], certifications: [PIRT, HALAL] });
    await make('C', { kbliCodes: ['10793'], regionCode: '33.20.01', capacities: [{ product: 'peyek', quantity: 2000, unit: 'kg', period: 'MONTH' }], needs: ['MARKETING'] });
    await make('D', { regionCode: '35.07', capacities: [{ product: 'keripik', quantity: 12000, unit: 'kg', period: 'YEAR' }], certifications: [PIRT, HALAL], needs: ['CAPITAL'] });
    await make('E', { kbliCodes: ['10710'], capacities: [{ product: 'roti', quantity: 1200, unit: 'kg', period: 'MONTH' }], certifications: [PIRT, HALAL], needs: ['CAPITAL'] });
    await make('F', { certifications: [{ ...PIRT, validUntil: '2020-01-01' }] }); // required PIRT expired
    await make('G', { kbliCodes: ['31001'] }); // other division
    await make('H', { regionCode: '33.21', capacities: [{ product: 'keripik', quantity: 1000, unit: 'kg', period: 'MONTH' }], certifications: [PIRT, { ...HALAL, validUntil: '2021-05-01' }] });
    await make('I', { regionCode: '33.20.02', capacities: [{ product: 'keripik', quantity: 500, unit: 'kg', period: 'MONTH' }], certifications: [PIRT, HALAL] });
    await make('J', { regionCode: '33.20.02', capacities: [{ product: 'keripik', quantity: 500, unit: 'kg', period: 'MONTH' }], certifications: [PIRT, HALAL] });
    await make('K', {}); // grows out of its class below
    await t.ds.query(`UPDATE organization SET scale = 'MENENGAH' WHERE id = $1`, [firms.K.session.organization!.id]);
    opp = await insertOpportunity();
    regional = await insertOpportunity({ region_codes: ['33'], site_region_code: '33.20', preferred_certifications: [], required_certifications: [], required_quantity: null, required_unit: null, required_period: null });
    tiers = await startTestApp({ ...live, MATCH_SMALL_SET: '0' }, t.db);
    cached = await startTestApp({ MATCH_CACHE_READS: 'true', MATCH_SMALL_SET: '1500' }, t.db);
    const sweep = await new MatchCache(t.ds, { size: 4 }).sweep();
    expect(sweep.built).toBe(2);
  });
  afterAll(async () => {
    await cached?.close();
    await tiers?.close();
    await t?.close();
  });
  const both = () => [['one query', t], ['tier walk', tiers], ['match cache', cached]] as const;

  const idOf = (key: string) => firms[key].session.organization!.id;
  const keyOf = (id: string) => Object.values(firms).find((x) => x.session.organization!.id === id)?.key ?? id;

  it.each([['one query'], ['tier walk'], ['match cache']])('ranks the hand-built population in the order known in advance, ties by id (%s)', async (mode) => {
    const app = both().find(([m]) => m === mode)![1];
    const res = await app.http().get(`/api/v1/opportunities/${opp}/matches?limit=50`).set(bearer(partner));
    expect(res.status).toBe(200);
    const order = res.body.items.map((i: { enterprise: { id: string } }) => keyOf(i.enterprise.id));
    const tied = ['B', 'I', 'J'].sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
    expect(order).toEqual(['A', 'E', 'D', 'C', ...tied, 'H']);
    expect(res.body.items.map((i: { score: number }) => i.score)).toEqual([91, 76, 75, 73.5, 72, 72, 72, 63.5]);
    expect(res.body.nextCursor).toBeNull();
  });

  it('agrees part by part with the reference definition of the score', async () => {
    const res = await t.http().get(`/api/v1/opportunities/${opp}/matches?limit=50`).set(bearer(partner));
    const today = jakartaToday();
    for (const item of res.body.items) {
      const f = firms[keyOf(item.enterprise.id)].profile as { kbliCodes: string[]; regionCode: string; capacities: never[]; certifications: never[]; needs: string[] };
      const expected = {
        sector: sectorPart(f.kbliCodes, ['10794']),
        location: locationPart(f.regionCode, '33.20.01'),
        capacity: capacityPart(f.capacities, { quantity: 1000, unit: 'kg', period: 'MONTH' }),
        certifications: certificationsPart(f.certifications, ['HALAL'], today),
        needs: needsPart(f.needs, 'SUBCONTRACT', ['FINANCING', 'PRODUCTION_WORK']),
        trackRecord: 0.5,
      };
      expect(item.breakdown).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, Math.round(v * 10000) / 10000])));
      expect(item.score).toBe(totalScore(expected));
      expect(item.enterprise).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), regionCode: f.regionCode, scale: expect.stringMatching(/MIKRO|KECIL/), kbliCodes: f.kbliCodes }));
    }
  });

  it.each([['one query'], ['tier walk'], ['match cache']])('applies each hard filter to the right firm (%s)', async (mode) => {
    const app = both().find(([m]) => m === mode)![1];
    const res = await app.http().get(`/api/v1/opportunities/${opp}/matches?limit=100`).set(bearer(partner));
    const keys = res.body.items.map((i: { enterprise: { id: string } }) => keyOf(i.enterprise.id));
    expect(keys).not.toContain('F'); // required certificate expired
    expect(keys).not.toContain('G'); // other KBLI division
    expect(keys).not.toContain('K'); // classes MENENGAH
    const inProvince = await app.http().get(`/api/v1/opportunities/${regional}/matches?limit=100`).set(bearer(partner));
    const regionalKeys = inProvince.body.items.map((i: { enterprise: { id: string } }) => keyOf(i.enterprise.id));
    expect(regionalKeys).not.toContain('D'); // outside regionCodes
    expect(regionalKeys).toEqual(expect.arrayContaining(['A', 'B', 'C', 'E', 'F', 'H', 'I', 'J']));
  });

  it.each([['one query'], ['tier walk'], ['match cache']])('pages over 3+ pages without repeats or gaps (%s)', async (mode) => {
    const app = both().find(([m]) => m === mode)![1];
    const all = (await app.http().get(`/api/v1/opportunities/${opp}/matches?limit=100`).set(bearer(partner))).body.items.map((i: { enterprise: { id: string } }) => i.enterprise.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { enterprise: { id: string } }[]; nextCursor: string | null } } = await app.http()
        .get(`/api/v1/opportunities/${opp}/matches?limit=3${cursor ? `&cursor=${cursor}` : ''}`).set(bearer(partner));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i) => i.enterprise.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('explains in Indonesian by default and in English on request', async () => {
    const id = await t.http().get(`/api/v1/opportunities/${opp}/matches?limit=1`).set(bearer(partner));
    expect(id.body.items[0].reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^Satu kecamatan dengan lokasi peluang/), 'Memiliki sertifikat HALAL yang diutamakan, berlaku sampai 2099-01-01']));
    const en = await t.http().get(`/api/v1/opportunities/${opp}/matches?limit=1`).set(bearer(partner)).set('Accept-Language', 'en-GB,en;q=0.9');
    expect(en.body.items[0].reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^Same district as the opportunity/), 'Holds the preferred HALAL certificate, valid until 2099-01-01', 'New on Jalin: no track record yet (neutral)']));
  });

  it('404 for another partner’s opportunity and unknown ids; the ministry may look', async () => {
    expect((await t.http().get(`/api/v1/opportunities/${opp}/matches`).set(bearer(otherPartner))).status).toBe(404);
    expect((await t.http().get(`/api/v1/opportunities/00000000-0000-4000-8000-000000000000/matches`).set(bearer(partner))).status).toBe(404);
    expect((await t.http().get(`/api/v1/opportunities/${opp}/matches`).set(bearer(officer))).status).toBe(200);
    expect((await t.http().get(`/api/v1/opportunities/${opp}/matches?limit=0`).set(bearer(partner))).status).toBe(400);
  });

  it('recommends OPEN opportunities to a firm, best first, never drafts, closed or expired ones', async () => {
    const draft = await insertOpportunity({ status: 'DRAFT' });
    const expired = await insertOpportunity({ closes_at: new Date(Date.now() - 60_000) });
    const closed = await insertOpportunity({ status: 'CLOSED' });
    const other = await insertOpportunity({ kbli_codes: ['31001'] });
    const res = await t.http().get(`/api/v1/enterprises/${idOf('A')}/recommendations`).set(bearer(firms.A.session));
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { opportunity: { id: string } }) => i.opportunity.id);
    expect(ids).toEqual(expect.arrayContaining([opp, regional]));
    for (const x of [draft, expired, closed, other]) expect(ids).not.toContain(x);
    const scores = res.body.items.map((i: { score: number }) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(res.body.items.find((i: { opportunity: { id: string } }) => i.opportunity.id === opp).score).toBe(91);
    // the firm whose required certificate expired is not recommended the opportunity requiring it
    const f = await t.http().get(`/api/v1/enterprises/${idOf('F')}/recommendations`).set(bearer(firms.F.session));
    expect(f.body.items.map((i: { opportunity: { id: string } }) => i.opportunity.id)).not.toContain(opp);
  });

  it('recommendations: another firm’s → 404; the ministry may look', async () => {
    expect((await t.http().get(`/api/v1/enterprises/${idOf('A')}/recommendations`).set(bearer(firms.B.session))).status).toBe(404);
    expect((await t.http().get(`/api/v1/enterprises/${idOf('A')}/recommendations`).set(bearer(officer))).status).toBe(200);
  });

  it('never scans the firms table', async () => {
    await t.ds.query('ANALYZE organization');
    await t.ds.query('SET enable_seqscan = off');
    try {
      const plan = (await t.ds.query(
        `EXPLAIN SELECT f.id FROM organization f WHERE f.kind = 'enterprise' AND f.kbli_divisions && ARRAY['10'] AND f.kbli_prefixes && ARRAY['10794'] AND f.region_path @> ARRAY['33.20']`,
      )).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      expect(plan).not.toMatch(/Seq Scan on organization/);
    } finally {
      await t.ds.query('SET enable_seqscan = on');
    }
  });
});
