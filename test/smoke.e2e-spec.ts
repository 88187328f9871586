import { factory } from './support/factory.js';
import { startTestApp, type TestApp } from './support/app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers health', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('registers and reads me', async () => {
    const f = factory(t);
    const s = await f.enterprise();
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${s.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('ENTERPRISE');
    expect(me.body.organization.scale).toBe('KECIL');
  });
});
