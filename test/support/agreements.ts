import type { TestApp } from './app.js';
import { bearer, type Session } from './factory.js';
import { type ApplicationJson, opportunities } from './opportunities.js';

export interface AgreementJson {
  id: string;
  number: string;
  status: string;
  termsVersion: number;
  version: number;
  partnerId: string;
  enterpriseId: string;
  applicationId: string;
  commitments: { id: string; type: string; status: string; version: number; [k: string]: unknown }[];
  [k: string]: unknown;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The current month's first day (UTC) and the same day a year later: an agreement running now. */
export function currentPeriod(): { startDate: string; endDate: string; midDate: string } {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), 1));
  const mid = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, 15));
  return { startDate: iso(start), endDate: iso(end), midDate: iso(mid) };
}

/**
 * A valid SUBCONTRACT agreement body for `applicationId` (Pasal 4 commitments, one dated; a coaching
 * plan with one scheduled training). `over` replaces top-level fields.
 */
export function agreementBody(applicationId: string | undefined, over: Record<string, unknown> = {}) {
  const { startDate, endDate, midDate } = currentPeriod();
  const commitments: Record<string, unknown>[] = [
    { type: 'PRODUCTION_WORK', description: 'Pesanan keripik singkong 2 ton per bulan', quantity: 2000, unit: 'kg', valueIdr: 50_000_000, dueDate: midDate },
    { type: 'RAW_MATERIAL_SUPPLY', description: 'Pasokan singkong segar dengan harga kontrak Rp2.500/kg', quantity: 2500, unit: 'kg', valueIdr: 6_250_000, schedule: 'Setiap bulan, paling lambat tanggal 5' },
    { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan standar mutu produksi' },
  ];
  return {
    ...(applicationId ? { applicationId } : {}),
    title: 'Perjanjian subkontrak keripik singkong',
    startDate,
    endDate,
    reportingPeriod: 'QUARTERLY',
    paymentTermDays: 30,
    commitments,
    coaching: [
      {
        aspect: 'HUMAN_RESOURCES',
        activity: 'TRAINING',
        description: 'Pelatihan keamanan pangan',
        sessions: [{ scheduledAt: `${midDate}T09:00:00+07:00`, location: 'Balai Latihan Kerja Kudus' }],
      },
      { aspect: 'MARKETING', activity: 'Pendampingan pengemasan', description: 'Desain kemasan 250 g' },
    ],
    ...over,
  };
}

/** INTI_PLASMA terms (Pasal 3 commitment types). */
export const intiPlasmaCommitments = () => [
  { type: 'LAND', description: 'Penyiapan lahan 2 ha', quantity: 2, unit: 'ha' },
  { type: 'PRODUCTION_INPUTS', description: 'Bibit dan pupuk', valueIdr: 15_000_000 },
];

function expectStatus<T>(res: { status: number; body: unknown }, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what} failed ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export interface AgreementOptions {
  partner: Session;
  enterprise: Session;
  /** Opportunity body overrides (e.g. `{ pattern: 'INTI_PLASMA', supportOffered: ['LAND'] }`). */
  opportunity?: Record<string, unknown>;
  /** Agreement body overrides. */
  body?: Record<string, unknown>;
}

/** Agreement fixtures, driven through the real API. */
export function agreements(t: TestApp) {
  const o = opportunities(t);
  const post = (s: Session, path: string, body: object = {}) => t.http().post(`/api/v1/agreements${path}`).set(bearer(s)).send(body);

  /** An ACCEPTED application of `enterprise` to a fresh OPEN opportunity of `partner`. */
  const accepted = async (partner: Session, enterprise: Session, opportunity: Record<string, unknown> = {}): Promise<ApplicationJson> => {
    const opp = await o.open(partner, opportunity);
    const app = await o.apply(enterprise, opp.id);
    return expectStatus(await t.http().post(`/api/v1/applications/${app.id}/accept`).set(bearer(partner)).send({}), 200, 'accept');
  };

  const draft = async (opts: AgreementOptions): Promise<AgreementJson> => {
    const app = await accepted(opts.partner, opts.enterprise, opts.opportunity);
    return expectStatus(await post(opts.partner, '', agreementBody(app.id, opts.body)), 201, 'create agreement');
  };

  const submitted = async (opts: AgreementOptions): Promise<AgreementJson> => {
    const a = await draft(opts);
    return expectStatus(await post(opts.partner, `/${a.id}/submit`), 200, 'submit agreement');
  };

  /** Drives the real API to an ACTIVE agreement: opportunity, application, acceptance, draft, submission, both signatures. */
  const active = async (opts: AgreementOptions): Promise<AgreementJson> => {
    const a = await submitted(opts);
    expectStatus(await post(opts.enterprise, `/${a.id}/sign`), 201, 'enterprise signature');
    return expectStatus(await post(opts.partner, `/${a.id}/sign`), 201, 'partner signature');
  };

  return { accepted, draft, submitted, active };
}

/** An ACTIVE agreement between `partner` and `enterprise`, through the real API. */
export const activeAgreement = (t: TestApp, opts: AgreementOptions): Promise<AgreementJson> => agreements(t).active(opts);
