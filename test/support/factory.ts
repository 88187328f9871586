import { randomInt } from 'node:crypto';
import { luhnCheckDigit } from '../../libs/organizations/src/domain/identifiers.js';
import type { TestApp } from './app.js';
import { ADMIN } from './app.js';

export const PASSWORD = 'correct-horse-battery';

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}${randomInt(1e6).toString(36)}`;

export function nib(): string {
  return String(randomInt(1, 10)) + Array.from({ length: 12 }, () => randomInt(10)).join('');
}

/** A legacy 15-digit NPWP with a correct check digit, formatted as people write it. */
export function npwp(): string {
  const first8 = Array.from({ length: 8 }, () => randomInt(10)).join('');
  const d = `${first8}${luhnCheckDigit(first8)}${Array.from({ length: 6 }, () => randomInt(10)).join('')}`;
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d.slice(8, 9)}-${d.slice(9, 12)}.${d.slice(12)}`;
}

export function enterpriseProfile(over: Record<string, unknown> = {}) {
  return {
    kind: 'enterprise',
    name: `UD Keripik ${uniq()}`,
    nib: nib(),
    npwp: npwp(),
    legalForm: 'UD',
    address: 'Jl. Raya Kudus No. 1',
    regionCode: '33.20.01',
    kbliCodes: ['10794'],
    netAssetsIdr: 300_000_000,
    annualSalesIdr: 3_000_000_000,
    workforce: 12,
    foundedYear: 2015,
    contactEmail: 'kontak@example.id',
    contactPhone: '+62 812 1111 2222',
    products: 'keripik singkong, keripik pisang',
    capacities: [{ product: 'keripik singkong', quantity: 500, unit: 'kg', period: 'MONTH' }],
    certifications: [{ type: 'PIRT', number: '2063320010123-26', validUntil: '2030-01-01' }],
    needs: ['CAPITAL', 'MARKETING'],
    ...over,
  };
}

export function partnerProfile(over: Record<string, unknown> = {}) {
  return {
    kind: 'partner',
    name: `PT Mitra ${uniq()}`,
    nib: nib(),
    npwp: npwp(),
    legalForm: 'PT',
    address: 'Jl. Industri 5',
    regionCode: '35.78',
    kbliCodes: ['10794'],
    netAssetsIdr: 20_000_000_000,
    annualSalesIdr: 80_000_000_000,
    workforce: 400,
    pic: { name: 'Dewi Lestari', position: 'Manajer Kemitraan', email: 'dewi@example.co.id', phone: '+62 811 222 333' },
    ...over,
  };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; role: string; organizationId: string | null };
  organization?: { id: string; [k: string]: unknown };
  email: string;
}

export function factory(t: TestApp) {
  const register = async (organization: Record<string, unknown>, email = `u-${uniq()}@test.jalin.id`): Promise<Session> => {
    const res = await t.http().post('/api/v1/auth/register').send({ email, password: PASSWORD, fullName: 'Test User', organization });
    if (res.status !== 201) throw new Error(`register failed ${res.status}: ${JSON.stringify(res.body)}`);
    return { ...res.body, email };
  };
  const login = async (email: string, password: string): Promise<Session> => {
    const res = await t.http().post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login failed ${res.status}: ${JSON.stringify(res.body)}`);
    return { ...res.body, email };
  };
  return {
    register,
    login,
    enterprise: (over: Record<string, unknown> = {}) => register(enterpriseProfile(over)),
    partner: (over: Record<string, unknown> = {}) => register(partnerProfile(over)),
    admin: () => login(ADMIN.email, ADMIN.password),
    async ministry(provinceCodes?: string[]): Promise<Session> {
      const admin = await login(ADMIN.email, ADMIN.password);
      const email = `officer-${uniq()}@test.jalin.id`;
      const res = await t.http().post('/api/v1/admin/users').set('Authorization', `Bearer ${admin.accessToken}`)
        .send({ email, password: PASSWORD, fullName: 'Petugas', role: 'MINISTRY', provinceCodes });
      if (res.status !== 201) throw new Error(`create officer failed ${res.status}: ${JSON.stringify(res.body)}`);
      return login(email, PASSWORD);
    },
  };
}

export const bearer = (s: Session) => ({ Authorization: `Bearer ${s.accessToken}` });
