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

  it('REDIS_PREFIX: hash-tagged by default; one {hash tag} allowed, junk refused', () => {
    expect(validateEnv({}).REDIS_PREFIX).toBe('{jalin}');
    expect(validateEnv({}).WORKER_CONCURRENCY).toBe(4);
    for (const ok of ['{jalin}', 'jalin', '{jalin}:staging', 'prod-{jalin_1}', 'a:b-c_d']) {
      expect(validateEnv({ REDIS_PREFIX: ok }).REDIS_PREFIX).toBe(ok);
    }
    for (const bad of ['{}', '{a}{b}', '{a', 'a}', '{a{b}}', 'a b', 'jalin*', '{ja lin}', 'a/b']) {
      expect(() => validateEnv({ REDIS_PREFIX: bad })).toThrow(/REDIS_PREFIX/);
    }
  });

  it('WORKER_CONCURRENCY is a positive integer', () => {
    expect(validateEnv({ WORKER_CONCURRENCY: '8' }).WORKER_CONCURRENCY).toBe(8);
    for (const bad of ['0', 'many', '1.5']) expect(() => validateEnv({ WORKER_CONCURRENCY: bad })).toThrow(/WORKER_CONCURRENCY/);
  });
});
