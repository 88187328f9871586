import { validateEnv } from './env.js';

describe('validateEnv', () => {
  it('has working defaults', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.SIZE_REGIME).toBe('pp-7-2021');
    expect(env.JWT_ACCESS_TTL_SECONDS).toBe(900);
    expect(env.JWT_REFRESH_TTL_SECONDS).toBe(30 * 24 * 3600);
  });

  it('converts numbers and booleans', () => {
    const env = validateEnv({ PORT: '8080', SEED_DEMO_ON_EMPTY: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.SEED_DEMO_ON_EMPTY).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['JWT_SECRET', 'short'],
    ['SIZE_REGIME', 'pp-99'],
    ['ADMIN_EMAIL', 'nope'],
  ])('names a malformed %s', (name, value) => {
    expect(() => validateEnv({ [name]: value })).toThrow(new RegExp(name));
  });
});
