import pg from 'pg';
import { bearer, factory, type Session } from './support/factory.js';
import { startTestApp, type TestApp } from './support/app.js';
import { jakartaToday, loadOpportunities, MatchCache, type OppRow, rankFirms, type RankedRow, scoreFirmsForOpportunities } from '../libs/matching/src/index.js';

/**
 * The match cache must never change an answer: after any sequence of firm changes, new firms,
 * day changes, partner moves and closures, every page it serves equals the live ranking's.
 * A seeded random population and random changes, compared page by page, plus the lock that keeps
 * a build from missing a change committed while it runs.
 */
describe('match cache', () => {
  let t: TestApp;
  let partner: Session;
  let officer: Session;
  let villages: string[];
  const opps: string[] = [];
  const SIZE = 12;
  const cache = () => new MatchCache(t.ds, { reads: true, size: SIZE, smallSet: 1500 });

  // Deterministic pseudo-randomness (mulberry32), so a failure can be replayed.
  let seed = 20261130;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const subset = <T>(xs: readonly T[]): T[] => xs.filter(() => rnd() < 0.35);
  const dayPlus = (n: number, from = jakartaToday()) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  const KBLI = ['10794', '10793', '10710', '10792', '10611', '31001'] as const;
  const randomProfile = () => ({
    kbli_codes: [...new Set([pick(KBLI), ...(rnd() < 0.3 ? [pick(KBLI)] : [])])],
    region_code: pick(villages),
    capacities: JSON.stringify(
      subset(['kg', 'ton', 'pcs']).map((unit) => ({ product: 'x', quantity: Math.ceil(rnd() * 3000), unit: rnd() < 0.2 ? ` ${unit.toUpperCase()}` : unit, period: pick(['WEEK', 'MONTH', 'YEAR']) })),
    ),
    certifications: JSON.stringify(
      subset(['HALAL', 'PIRT', 'SNI']).map((type) => ({ type, number: 'N-1', validUntil: pick([null, dayPlus(-3), jakartaToday(), dayPlus(1), dayPlus(400)]) })),
    ),
    needs: subset(['CAPITAL', 'MARKETING', 'RAW_MATERIALS', 'TECHNOLOGY', 'MANAGEMENT', 'PARTNERSHIP']),
    track_record: pick([0.5, 0.5, 0.6, 0.75, 0.25, 1]),
    scale: rnd() < 0.08 ? 'MENENGAH' : pick(['MIKRO', 'KECIL']),
  });
  let nibSeq = 0;
  const insertFirms = async (n: number) => {
    const rows = Array.from({ length: n }, randomProfile);
    await t.ds.query(
      `INSERT INTO organization (kind, name, nib, region_code, province_code, region_path, kbli_codes, kbli_prefixes,
         scale, scale_regime, scale_basis, capacities, certifications, certification_types, needs, track_record)
       SELECT 'enterprise', 'Usaha ' || x.nib, x.nib, x.region_code, left(x.region_code, 2), jalin_region_path(x.region_code),
         string_to_array(x.kbli, ','), jalin_kbli_prefixes(string_to_array(x.kbli, ',')), x.scale, 'pp-7-2021', 'netAssets',
         x.caps::jsonb, x.certs::jsonb, ARRAY(SELECT DISTINCT e->>'type' FROM jsonb_array_elements(x.certs::jsonb) e),
         string_to_array(x.needs, ','), x.track
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::real[])
         AS x(nib, region_code, kbli, scale, caps, certs, needs, track)`,
      [
        rows.map(() => `9${String(++nibSeq).padStart(12, '0')}`),
        rows.map((r) => r.region_code),
        rows.map((r) => r.kbli_codes.join(',')),
        rows.map((r) => r.scale),
        rows.map((r) => r.capacities),
        rows.map((r) => r.certifications),
        rows.map((r) => r.needs.join(',')),
        rows.map((r) => r.track_record),
      ],
    );
  };
  /** Random changes to n random firms, one field each, each its own statement (as the API writes). */
  const mutateFirms = async (n: number) => {
    const ids: string[] = (await t.ds.query(`SELECT id FROM organization WHERE kind = 'enterprise' AND nib LIKE '9%' ORDER BY id`)).map((r: { id: string }) => r.id);
    for (let i = 0; i < n; i++) {
      const id = pick(ids);
      const p = randomProfile();
      const field = pick(['kbli', 'region', 'capacities', 'certifications', 'needs', 'track', 'scale'] as const);
      const set = {
        kbli: [`kbli_codes = $2::text[], kbli_prefixes = jalin_kbli_prefixes($2::text[])`, p.kbli_codes],
        region: [`region_code = $2, region_path = jalin_region_path($2), province_code = left($2, 2)`, p.region_code],
        capacities: [`capacities = $2::jsonb`, p.capacities],
        certifications: [`certifications = $2::jsonb`, p.certifications],
        needs: [`needs = $2::text[]`, p.needs],
        track: [`track_record = $2`, p.track_record],
        scale: [`scale = $2`, p.scale],
      }[field];
      await t.ds.query(`UPDATE organization SET ${set[0]} WHERE id = $1`, [id, set[1]]);
    }
  };

  const insertOpportunity = async (over: Record<string, unknown>): Promise<string> => {
    const o = {
      partner_id: partner.organization!.id, pattern: 'SUBCONTRACT', title: 'Peluang', kbli_codes: ['10794'], region_codes: [],
      site_region_code: villages[0], required_quantity: 1000, required_unit: 'kg', required_period: 'MONTH',
      required_certifications: [], preferred_certifications: ['HALAL'], support_offered: ['FINANCING', 'PRODUCTION_WORK'],
      slots: 5, status: 'OPEN', closes_at: null, published_at: new Date(), ...over,
    };
    const cols = Object.keys(o);
    const [row] = await t.ds.query(`INSERT INTO opportunity (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, Object.values(o));
    return row.id;
  };

  const opportunity = async (id: string): Promise<OppRow> => (await loadOpportunities(t.ds, [id])).get(id)!;
  const same = (rows: RankedRow[]) => rows.map((r) => [r.id, r.score, r.sector_digits, r.loc_len, r.sector, r.location, r.capacity, r.certifications, r.needs, r.track_record].map(String).join('|'));

  /** The oracle: every firm scored by the general SQL expression, sorted by (score desc, id asc). */
  const bruteForce = async (op: OppRow, today: string): Promise<RankedRow[]> => {
    const ids = (await t.ds.query(`SELECT id FROM organization WHERE kind = 'enterprise'`)).map((r: { id: string }) => r.id);
    return (await scoreFirmsForOpportunities(t.ds, ids, [op.id], today))
      .map(({ opportunity_id: _o, ...r }) => ({ ...r, scoreNum: Number(r.score) }))
      .sort((a, b) => b.scoreNum - a.scoreNum || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };

  /**
   * Every opportunity: the live ranking's first 40 equal the brute-force oracle's; the cache answers
   * its first page itself; and every page (cache or live fallback) equals the live ranking.
   */
  const expectCacheEqualsLive = async (today = jakartaToday(), only = opps) => {
    let servedByCache = 0;
    for (const id of only) {
      const op = await opportunity(id);
      const oracle = (await bruteForce(op, today)).slice(0, 40);
      expect(same(await rankFirms(t.ds, op, { cur: null, need: 40, today, smallSet: 0 }))).toEqual(same(oracle));
      expect(same(await rankFirms(t.ds, op, { cur: null, need: 40, today, smallSet: 1500 }))).toEqual(same(oracle));
      const first = await cache().read(op, { cur: null, need: 6, today });
      expect({ id, first: first === null ? 'not served' : 'served' }).toEqual({ id, first: 'served' });
      let cur: [number, string] | null = null;
      for (let page = 0; page < 8; page++) {
        const live = await rankFirms(t.ds, op, { cur, need: 6, today, smallSet: page % 2 ? 0 : 1500 });
        const fromCache = await cache().read(op, { cur, need: 6, today });
        if (fromCache) servedByCache++;
        expect(same(fromCache ?? (await rankFirms(t.ds, op, { cur, need: 6, today, smallSet: 1500 })))).toEqual(same(live));
        if (live.length < 6) break;
        cur = [live[4].scoreNum, live[4].id];
      }
    }
    return servedByCache;
  };

  beforeAll(async () => {
    t = await startTestApp({ MATCH_CACHE_READS: 'true', MATCH_CACHE_SIZE: String(SIZE), MATCH_SMALL_SET: '1500' });
    const f = factory(t);
    [partner, officer] = await Promise.all([f.partner({ regionCode: '33.20' }), f.ministry()]);
    villages = [
      ...(await t.ds.query(`SELECT code FROM region WHERE level = 'village' AND code LIKE '33.20.%' ORDER BY code LIMIT 8`)),
      ...(await t.ds.query(`SELECT code FROM region WHERE level = 'village' AND code LIKE '33.21.%' ORDER BY code LIMIT 4`)),
      ...(await t.ds.query(`SELECT code FROM region WHERE level = 'village' AND code LIKE '35.07.%' ORDER BY code LIMIT 4`)),
    ].map((r: { code: string }) => r.code);
    expect(villages).toHaveLength(16);
    await insertFirms(260);
    opps.push(
      await insertOpportunity({ kbli_codes: ['10', '10794'], title: 'broad' }),
      await insertOpportunity({ kbli_codes: ['1079'], region_codes: ['33'], site_region_code: villages[9], preferred_certifications: [], title: 'regional', required_quantity: null, required_unit: null, required_period: null }),
      await insertOpportunity({ kbli_codes: ['10794'], region_codes: ['33.20'], required_certifications: ['PIRT'], preferred_certifications: ['HALAL', 'SNI'], title: 'selective' }),
      await insertOpportunity({ pattern: 'INTI_PLASMA', kbli_codes: ['10710', '10611'], site_region_code: null, required_unit: 'ton', required_period: 'YEAR', required_quantity: 12, support_offered: ['TECHNICAL_GUIDANCE', 'LAND'], title: 'site from partner' }),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is built for every OPEN opportunity and answers exactly as the live ranking', async () => {
    const res = await cache().sweep();
    expect(res).toEqual({ ran: true, built: 4, dropped: 0, rolled: 0, refreshed: 0 });
    const [{ boundaries }] = await t.ds.query(`SELECT count(*)::int AS boundaries FROM match_cache WHERE boundary_score IS NOT NULL`);
    expect(boundaries).toBeGreaterThan(0); // some pages must run past a cache into the live ranking
    expect(await expectCacheEqualsLive()).toBeGreaterThan(opps.length);
  });

  it('serves the HTTP route from the cache with the same items as the live API', async () => {
    const liveApi = await startTestApp({ MATCH_CACHE_READS: 'false', MATCH_CACHE_SIZE: String(SIZE), MATCH_SMALL_SET: '1500' }, t.db);
    try {
      for (const id of opps) {
        const a = await t.http().get(`/api/v1/opportunities/${id}/matches?limit=5`).set(bearer(officer)).set('Accept-Language', 'en');
        const b = await liveApi.http().get(`/api/v1/opportunities/${id}/matches?limit=5`).set(bearer(officer)).set('Accept-Language', 'en');
        expect(a.status).toBe(200);
        expect(a.body).toEqual(b.body);
      }
    } finally {
      await liveApi.close();
    }
  });

  it('after random firm changes and new firms: exact at once (changed firms scored afresh at read), and after the sweep', async () => {
    await mutateFirms(60);
    await insertFirms(25);
    const [{ stale }] = await t.ds.query(`SELECT count(*)::int AS stale FROM match_stale`);
    expect(stale).toBeGreaterThan(25 + 30); // an update that happens to keep the value marks nothing
    // Before the sweep: the caches still answer, their changed firms scored afresh in the same statement.
    await expectCacheEqualsLive();
    const res = await cache().sweep();
    expect(res.refreshed).toBe(stale);
    expect(res.built).toBe(0);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM match_stale`))[0].n).toBe(0);
    await expectCacheEqualsLive();
  });

  it('a change that touches no matching input marks nothing stale', async () => {
    await t.ds.query(`UPDATE organization SET contact_phone = '0812', updated_at = now() WHERE kind = 'enterprise'`);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM match_stale`))[0].n).toBe(0);
  });

  it('a new Jakarta day: caches of yesterday are not read, then roll forward with expired certificates re-scored', async () => {
    const tomorrow = dayPlus(1);
    expect(await cache().read(await opportunity(opps[2]), { cur: null, need: 6, today: tomorrow })).toBeNull();
    const res = await cache().sweep({ today: tomorrow });
    expect(res.rolled).toBe(4);
    await expectCacheEqualsLive(tomorrow);
    // Today's readers no longer read tomorrow's caches; the next sweep of today drops them and builds anew.
    expect(await cache().read(await opportunity(opps[0]), { cur: null, need: 6, today: jakartaToday() })).toBeNull();
    expect(await cache().sweep()).toEqual(expect.objectContaining({ dropped: 4, built: 4 }));
    await expectCacheEqualsLive();
  });

  it('drops the cache of a closed opportunity, and of a moved partner’s (rebuilt with its new site)', async () => {
    await t.ds.query(`UPDATE opportunity SET status = 'CLOSED' WHERE id = $1`, [opps[1]]);
    expect(await cache().sweep()).toEqual(expect.objectContaining({ dropped: 1, built: 0 }));
    await t.ds.query(`UPDATE organization SET region_code = $2, region_path = jalin_region_path($2), province_code = '35' WHERE id = $1`, [partner.organization!.id, villages[14]]);
    const res = await cache().sweep();
    expect(res.built).toBe(3);
    const site = (await opportunity(opps[3])).site_region_code;
    expect(site).toBe(villages[14]);
    await expectCacheEqualsLive(jakartaToday(), [opps[0], opps[2], opps[3]]);
  });

  it('a cache built under another scoring definition is never read, and is rebuilt', async () => {
    await t.ds.query(`UPDATE match_cache SET scoring = 'older' WHERE opportunity_id = $1`, [opps[0]]);
    expect(await cache().read(await opportunity(opps[0]), { cur: null, need: 6, today: jakartaToday() })).toBeNull();
    expect(await cache().sweep()).toEqual(expect.objectContaining({ dropped: 1, built: 1 }));
    await expectCacheEqualsLive(jakartaToday(), [opps[0]]);
  });

  it('a build waits for a firm change in flight, so it never misses it', async () => {
    await t.ds.query(`DELETE FROM match_cache`);
    const op = await opportunity(opps[0]);
    const [top] = await rankFirms(t.ds, op, { cur: null, need: 1, today: jakartaToday(), smallSet: 1500 });
    const [last] = (await rankFirms(t.ds, op, { cur: null, need: 200, today: jakartaToday(), smallSet: 1500 })).slice(-1);
    const writer = new pg.Client({ connectionString: t.db.url });
    await writer.connect();
    try {
      // The firm ranked last becomes the best possible one, in a transaction left open for a while.
      await writer.query('BEGIN');
      await writer.query(
        `UPDATE organization SET kbli_codes = '{10794}', kbli_prefixes = jalin_kbli_prefixes('{10794}'), region_code = $2, region_path = jalin_region_path($2),
           capacities = '[{"product":"x","quantity":5000,"unit":"kg","period":"MONTH"}]', certifications = '[{"type":"HALAL","number":"H","validUntil":null}]',
           needs = '{CAPITAL}', track_record = 1, scale = 'KECIL' WHERE id = $1`,
        [last.id, villages[0]],
      );
      let done = false;
      const sweep = cache().sweep().then((r) => ((done = true), r));
      await new Promise((r) => setTimeout(r, 400));
      expect(done).toBe(false);
      await writer.query('COMMIT');
      expect((await sweep).built).toBe(3);
    } finally {
      await writer.end();
    }
    const page = await cache().read(op, { cur: null, need: 2, today: jakartaToday() });
    expect(page?.[0].id).toBe(last.id);
    expect(top.id).not.toBe(last.id);
    await expectCacheEqualsLive(jakartaToday(), [opps[0], opps[2], opps[3]]);
  });

  it('one maintainer at a time: a second sweep while one runs does nothing', async () => {
    const holder = new pg.Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('jalin:match-cache-maintainer'))`);
      expect(await cache().sweep()).toEqual({ ran: false, built: 0, dropped: 0, rolled: 0, refreshed: 0 });
    } finally {
      await holder.end();
    }
  });

  it('reading a page from the cache never touches the firms table', async () => {
    // A few rows here: the planner is told to avoid sequential scans, as it does on a national table.
    const qr = t.ds.createQueryRunner();
    let plan: string;
    try {
      await qr.query('SET enable_seqscan = off');
      plan = (await qr.query(
        `EXPLAIN SELECT e.firm_id FROM match_cache_entry e WHERE e.opportunity_id = $1 ORDER BY e.score DESC, e.firm_id LIMIT 21`,
        [opps[0]],
      )).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      await qr.query('RESET enable_seqscan');
    } finally {
      await qr.release();
    }
    expect(plan).not.toMatch(/organization/);
    expect(plan).not.toMatch(/Seq Scan on match_cache_entry/);
  });

  it('a firm’s own profile update through the API counts in the very next cached page', async () => {
    const f = factory(t);
    const firm = await f.enterprise({ kbliCodes: ['31001'], regionCode: villages[15] });
    await cache().sweep(); // the registration is re-scored: not a candidate (another division)
    const liveApi = await startTestApp({ MATCH_CACHE_READS: 'false', MATCH_CACHE_SIZE: String(SIZE), MATCH_SMALL_SET: '1500' }, t.db);
    try {
      const before = await t.http().get(`/api/v1/opportunities/${opps[0]}/matches?limit=3`).set(bearer(officer));
      expect(before.body.items.map((i: { enterprise: { id: string } }) => i.enterprise.id)).not.toContain(firm.organization!.id);
      const patch = await t.http().patch(`/api/v1/enterprises/${firm.organization!.id}`).set(bearer(firm)).send({
        kbliCodes: ['10794'], regionCode: villages[0], needs: ['CAPITAL'],
        capacities: [{ product: 'keripik', quantity: 5000, unit: 'kg', period: 'MONTH' }],
        certifications: [{ type: 'HALAL', number: 'H-9', validUntil: '2099-01-01' }],
      });
      expect(patch.status).toBe(200);
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM match_stale WHERE org_id = $1`, [firm.organization!.id]))[0].n).toBe(1);
      const after = await t.http().get(`/api/v1/opportunities/${opps[0]}/matches?limit=3`).set(bearer(officer));
      const live = await liveApi.http().get(`/api/v1/opportunities/${opps[0]}/matches?limit=3`).set(bearer(officer));
      expect(after.body.items.map((i: { enterprise: { id: string } }) => i.enterprise.id)).toContain(firm.organization!.id);
      expect(after.body).toEqual(live.body);
    } finally {
      await liveApi.close();
    }
  });
});
