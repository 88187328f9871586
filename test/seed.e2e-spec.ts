import { Logger } from '@nestjs/common';
import { seedDemo } from '../apps/api/src/seed/demo.js';
import { startTestApp, type TestApp } from './support/app.js';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a believable population once, with opportunities to act on', async () => {
    const accounts = await seedDemo(t.app, new Logger('Seed'));
    expect(accounts.length).toBeGreaterThanOrEqual(70);
    const [firms] = await t.ds.query(`SELECT count(*)::int AS n, count(DISTINCT province_code)::int AS provinces FROM organization WHERE kind = 'enterprise'`);
    expect(firms.n).toBeGreaterThanOrEqual(55);
    expect(firms.provinces).toBeGreaterThanOrEqual(6);
    const [partners] = await t.ds.query(`SELECT count(*)::int AS n, count(pic)::int AS with_pic FROM organization WHERE kind = 'partner'`);
    expect(partners).toEqual({ n: 8, with_pic: 8 });
    const staff = await t.ds.query(`SELECT role FROM app_user WHERE role IN ('MINISTRY', 'ADMIN') ORDER BY role`);
    expect(staff.map((r: { role: string }) => r.role)).toEqual(expect.arrayContaining(['ADMIN', 'MINISTRY']));
    const [opps] = await t.ds.query(`SELECT count(*)::int AS n FROM opportunity WHERE status = 'OPEN'`);
    expect(opps.n).toBe(8);
    const [apps] = await t.ds.query(`SELECT count(*)::int AS n FROM application WHERE status = 'SUBMITTED'`);
    expect(apps.n).toBeGreaterThan(0);
    const login = await t.http().post('/api/v1/auth/login').send({ email: 'petugas@kemenperin.demo.jalin.id', password: 'jalin-demo-2026' });
    expect(login.status).toBe(200);
    // a second run changes nothing
    expect(await seedDemo(t.app, new Logger('Seed'))).toEqual([]);
  }, 120_000);
});
