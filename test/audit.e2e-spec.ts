import { bearer, factory, PASSWORD, type Session } from './support/factory.js';
import { startTestApp, type TestApp } from './support/app.js';

describe('audit trail', () => {
  let t: TestApp;
  let f: ReturnType<typeof factory>;
  let admin: Session;
  let n = 0;
  const rid = () => `req-${Date.now()}-${n++}`;
  const countFor = async (requestId: string) =>
    Number((await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1`, [requestId]))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    f = factory(t);
    admin = await f.admin();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes exactly one record per mutating request, with actor, entity, difference and request id', async () => {
    const partner = await f.partner();
    const ent = await f.enterprise();
    const steps: [string, () => Promise<{ status: number }>][] = [];
    const req = (method: 'post' | 'patch', url: string, s: Session | null, body: object) => {
      const id = rid();
      steps.push([id, async () => {
        let r = t.http()[method](url).set('X-Request-Id', id);
        if (s) r = r.set(bearer(s));
        return r.send(body);
      }]);
      return id;
    };
    const patchId = req('patch', `/api/v1/enterprises/${ent.organization!.id}`, ent, { workforce: 33 });
    req('post', '/api/v1/auth/login', null, { email: ent.email, password: PASSWORD });
    req('post', '/api/v1/opportunities', partner, { pattern: 'SUBCONTRACT', title: 'Kerupuk', kbliCodes: ['10794'], slots: 1, supportOffered: ['PRODUCTION_WORK'] });
    req('post', '/api/v1/admin/users', admin, { email: `o-${Date.now()}@t.id`, password: PASSWORD, fullName: 'Officer', role: 'MINISTRY' });
    req('post', '/api/v1/auth/logout', ent, {});
    for (const [id, run] of steps) {
      const res = await run();
      expect({ id, status: res.status < 300 }).toEqual({ id, status: true });
      expect({ id, records: await countFor(id) }).toEqual({ id, records: 1 });
    }
    const [rec] = await t.ds.query(`SELECT * FROM audit_log WHERE request_id = $1`, [patchId]);
    expect(rec).toMatchObject({ action: 'enterprise.update', entity_type: 'organization', entity_id: ent.organization!.id, actor_user_id: ent.user.id, actor_role: 'ENTERPRISE', organization_id: ent.organization!.id });
    expect(rec.diff.workforce).toEqual({ before: 12, after: 33 });
    expect(Object.keys(rec.diff).sort()).toEqual(['scaleComputedAt', 'workforce']);
  });

  it('writes nothing for a failed request', async () => {
    const ent = await f.enterprise();
    for (const [body, status] of [[{ workforce: -1 }, 400], [{ annualSalesIdr: 99_000_000_000 }, 409], [{ workforce: 1, version: 99 }, 409]] as const) {
      const id = rid();
      const res = await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent)).set('X-Request-Id', id).send(body);
      expect(res.status).toBe(status);
      expect(await countFor(id)).toBe(0);
    }
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(t.ds.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  describe('verify', () => {
    const verify = async () => {
      const res = await t.http().get('/api/v1/audit/verify').set(bearer(admin));
      expect(res.status).toBe(200);
      return res.body as { valid: boolean; checked: number; firstBrokenId: string | null };
    };
    const asOwner = async (sql: string, params: unknown[] = []) => {
      await t.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
      try {
        await t.ds.query(sql, params);
      } finally {
        await t.ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
      }
    };
    const ids = async () => (await t.ds.query(`SELECT id::text FROM audit_log ORDER BY id`)).map((r: { id: string }) => r.id) as string[];

    it('holds for an untouched chain', async () => {
      const total = Number((await t.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n);
      expect(await verify()).toEqual({ valid: true, checked: total, firstBrokenId: null });
    });

    it('catches an edited row, and holds again once it is put back', async () => {
      const [, second] = await ids();
      const [orig] = await t.ds.query(`SELECT action FROM audit_log WHERE id = $1`, [second]);
      await asOwner(`UPDATE audit_log SET action = 'forged' WHERE id = $1`, [second]);
      expect(await verify()).toMatchObject({ valid: false, firstBrokenId: second });
      await asOwner(`UPDATE audit_log SET action = $2 WHERE id = $1`, [second, orig.action]);
      expect((await verify()).valid).toBe(true);
    });

    it('catches a deleted row', async () => {
      const list = await ids();
      const [row] = await t.ds.query(`SELECT * FROM audit_log WHERE id = $1`, [list[2]]);
      await asOwner(`DELETE FROM audit_log WHERE id = $1`, [list[2]]);
      expect(await verify()).toMatchObject({ valid: false, firstBrokenId: list[3] });
      await asOwner(
        `INSERT INTO audit_log (id, at, actor_user_id, actor_role, organization_id, action, entity_type, entity_id, diff, request_id, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [row.id, row.at, row.actor_user_id, row.actor_role, row.organization_id, row.action, row.entity_type, row.entity_id, JSON.stringify(row.diff), row.request_id, row.prev_hash, row.hash],
      );
      expect((await verify()).valid).toBe(true);
    });

    it('catches reordered rows', async () => {
      const list = await ids();
      const [a, b] = [list[3], list[4]];
      await asOwner(`UPDATE audit_log SET id = -1 WHERE id = $1`, [a]);
      await asOwner(`UPDATE audit_log SET id = $1 WHERE id = $2`, [a, b]);
      await asOwner(`UPDATE audit_log SET id = $1 WHERE id = -1`, [b]);
      expect(await verify()).toMatchObject({ valid: false, firstBrokenId: a });
    });
  });

  it('lets the parties read their own entity’s trail, the ministry everything; others get 404', async () => {
    const ent = await f.enterprise();
    const other = await f.enterprise();
    const officer = await f.ministry();
    await t.http().patch(`/api/v1/enterprises/${ent.organization!.id}`).set(bearer(ent)).send({ workforce: 7 });
    const own = await t.http().get(`/api/v1/audit?entityType=organization&entityId=${ent.organization!.id}`).set(bearer(ent));
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { action: string }) => i.action)).toEqual(['enterprise.update', 'auth.register']);
    expect((await t.http().get(`/api/v1/audit?entityType=organization&entityId=${ent.organization!.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/v1/audit`).set(bearer(other))).status).toBe(400);
    const all = await t.http().get('/api/v1/audit?limit=5').set(bearer(officer));
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    const next = await t.http().get(`/api/v1/audit?limit=5&cursor=${all.body.nextCursor}`).set(bearer(officer));
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(all.body.items[4].id));
  });

  it('limits an officer of some provinces to the records of organisations there, and to entities with a party there', async () => {
    const jateng = await f.enterprise();
    const jatim = await f.enterprise({ regionCode: '35.78' });
    const partnerJatim = await f.partner();
    const officer = await f.ministry(['33']);
    const nationwide = await f.ministry();
    const orgsSeen = async (s: Session) => {
      const seen = new Set<string | null>();
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const res: { status: number; body: { items: { organizationId: string | null }[]; nextCursor: string | null } } = await t.http().get(`/api/v1/audit?limit=100${cursor ? `&cursor=${cursor}` : ''}`).set(bearer(s));
        expect(res.status).toBe(200);
        for (const i of res.body.items as { organizationId: string | null }[]) seen.add(i.organizationId);
        cursor = res.body.nextCursor;
      }
      return seen;
    };
    const limited = await orgsSeen(officer);
    expect(limited.has(jateng.organization!.id)).toBe(true);
    expect(limited.has(jatim.organization!.id)).toBe(false);
    expect(limited.has(partnerJatim.organization!.id)).toBe(false);
    expect(limited.has(null)).toBe(false);
    const all = await orgsSeen(nationwide);
    expect(all.has(jatim.organization!.id)).toBe(true);
    expect(all.has(null)).toBe(true);

    const trail = (s: Session, id: string) => t.http().get(`/api/v1/audit?entityType=organization&entityId=${id}`).set(bearer(s));
    expect((await trail(officer, jateng.organization!.id)).status).toBe(200);
    const outside = await trail(officer, jatim.organization!.id);
    expect(outside.status).toBe(404);
    expect(outside.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await trail(nationwide, jatim.organization!.id)).body.items.length).toBeGreaterThan(0);
    // An opportunity of the Jatim partner: no party in Jawa Tengah → not found for the Jateng officer.
    const opp = await t.http().post('/api/v1/opportunities').set(bearer(partnerJatim))
      .send({ pattern: 'SUBCONTRACT', title: 'Kerupuk', kbliCodes: ['10794'], slots: 1, supportOffered: ['PRODUCTION_WORK'] });
    expect(opp.status).toBe(201);
    expect((await t.http().get(`/api/v1/audit?entityType=opportunity&entityId=${opp.body.id}`).set(bearer(officer))).status).toBe(404);
    expect((await t.http().get(`/api/v1/audit?entityType=opportunity&entityId=${opp.body.id}`).set(bearer(nationwide))).status).toBe(200);
  });
});
