import type { TestApp } from './app.js';
import { bearer, type Session } from './factory.js';

/** A valid opportunity body (SUBCONTRACT, keripik, open to Central and East Java, closing in 30 days). */
export function opportunityBody(over: Record<string, unknown> = {}) {
  return {
    pattern: 'SUBCONTRACT',
    title: 'Pemasok keripik singkong kemasan',
    description: 'Kami mencari UMK yang mampu memasok keripik singkong kemasan 250 g secara rutin.',
    kbliCodes: ['10794'],
    regionCodes: ['33', '35'],
    requiredCapacity: { quantity: 500, unit: 'kg', period: 'MONTH' },
    requiredCertifications: ['PIRT'],
    preferredCertifications: ['HALAL'],
    supportOffered: ['PRODUCTION_WORK', 'TECHNICAL_GUIDANCE'],
    slots: 3,
    closesAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    ...over,
  };
}

export interface OpportunityJson {
  id: string;
  status: string;
  version: number;
  [k: string]: unknown;
}

export interface ApplicationJson {
  id: string;
  status: string;
  version: number;
  [k: string]: unknown;
}

function expectStatus<T>(res: { status: number; body: unknown }, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what} failed ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Opportunity fixtures through the real API. */
export function opportunities(t: TestApp) {
  const draft = async (partner: Session, over: Record<string, unknown> = {}): Promise<OpportunityJson> =>
    expectStatus(await t.http().post('/api/v1/opportunities').set(bearer(partner)).send(opportunityBody(over)), 201, 'create opportunity');
  const publish = async (partner: Session, id: string): Promise<OpportunityJson> =>
    expectStatus(await t.http().post(`/api/v1/opportunities/${id}/publish`).set(bearer(partner)).send({}), 200, 'publish');
  return {
    draft,
    publish,
    open: async (partner: Session, over: Record<string, unknown> = {}) => publish(partner, (await draft(partner, over)).id),
    apply: async (firm: Session, opportunityId: string, body: Record<string, unknown> = { message: 'Kami siap memasok.' }): Promise<ApplicationJson> =>
      expectStatus(await t.http().post(`/api/v1/opportunities/${opportunityId}/applications`).set(bearer(firm)).send(body), 201, 'apply'),
    invite: async (partner: Session, opportunityId: string, enterpriseId: string): Promise<ApplicationJson> =>
      expectStatus(
        await t.http().post(`/api/v1/opportunities/${opportunityId}/invitations`).set(bearer(partner)).send({ enterpriseId, message: 'Silakan melamar.' }),
        201,
        'invite',
      ),
  };
}
