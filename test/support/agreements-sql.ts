import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { generateObligationsForActivation, resyncObligationsForTerms } from '../../libs/obligations/src/index.js';
import type { TestApp } from './app.js';
import { bearer, type Session } from './factory.js';
import { opportunities } from './opportunities.js';

export interface CommitmentSpec {
  type: string;
  description: string;
  quantity?: number;
  unit?: string;
  valueIdr?: number;
  dueDate?: string;
}

export interface CoachingSpec {
  aspect: string;
  activity: string;
  description: string;
  sessions?: { scheduledAt: string; location: string }[];
}

export interface AgreementSpec {
  startDate: string;
  endDate: string;
  reportingPeriod?: 'QUARTERLY' | 'SEMESTER' | 'YEARLY';
  pattern?: 'SUBCONTRACT' | 'INTI_PLASMA';
  title?: string;
  commitments?: CommitmentSpec[];
  coaching?: CoachingSpec[];
  paymentTermDays?: number;
  /** Runs in the activation transaction just before the obligations are generated. */
  beforeActivation?: (m: EntityManager) => Promise<unknown>;
}

export interface SqlAgreement {
  id: string;
  number: string;
  commitmentIds: string[];
  planItemIds: string[];
}

function expect2xx(res: { status: number; body: unknown }, what: string) {
  if (res.status >= 300) throw new Error(`${what} failed ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

/**
 * An ACTIVE agreement between `partner` and `firm`, written straight into the tables the agreements
 * library owns (agreement, agreement_terms v1 IN_FORCE, commitment, coaching_plan_item) on top of an
 * application accepted through the API; then activated as that library does: the obligations are
 * generated in a transaction.
 */
export async function activeAgreement(t: TestApp, partner: Session, firm: Session, spec: AgreementSpec): Promise<SqlAgreement> {
  const o = opportunities(t);
  const pattern = spec.pattern ?? 'SUBCONTRACT';
  const opp = await o.open(partner, {
    pattern,
    regionCodes: [],
    requiredCertifications: [],
    supportOffered: pattern === 'SUBCONTRACT' ? ['PRODUCTION_WORK'] : ['FINANCING'],
  });
  const application = await o.apply(firm, opp.id);
  expect2xx(await t.http().post(`/api/v1/applications/${application.id}/accept`).set(bearer(partner)).send({}), 'accept');

  const number = `KMT/T/${Date.now().toString(36)}${randomInt(1e9).toString(36)}`;
  const title = spec.title ?? 'Kemitraan pasokan keripik singkong';
  const reportingPeriod = spec.reportingPeriod ?? 'QUARTERLY';
  const commitments = spec.commitments ?? [];
  const coaching = spec.coaching ?? [];
  return t.ds.transaction(async (m) => {
    const [a] = await m.query(
      `INSERT INTO agreement (number, application_id, opportunity_id, partner_id, enterprise_id, pattern, status, terms_version, title,
                              start_date, end_date, reporting_period, payment_term_days, submitted_at, activated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', 1, $7, $8, $9, $10, $11, now(), now()) RETURNING id`,
      [number, application.id, opp.id, partner.organization!.id, firm.organization!.id, pattern, title, spec.startDate, spec.endDate, reportingPeriod, spec.paymentTermDays ?? 30],
    );
    await m.query(
      `INSERT INTO agreement_terms (agreement_id, terms_version, status, title, start_date, end_date, reporting_period, payment_term_days, commitments, coaching, in_force_at)
       VALUES ($1, 1, 'IN_FORCE', $2, $3, $4, $5, $6, $7, $8, now())`,
      [a.id, title, spec.startDate, spec.endDate, reportingPeriod, spec.paymentTermDays ?? 30, JSON.stringify(commitments), JSON.stringify(coaching)],
    );
    const commitmentIds = await insertCommitments(m, a.id, 1, commitments);
    const planItemIds: string[] = [];
    for (const [i, c] of coaching.entries()) {
      const [row] = await m.query(
        `INSERT INTO coaching_plan_item (agreement_id, terms_version, position, aspect, activity, description) VALUES ($1, 1, $2, $3, $4, $5) RETURNING id`,
        [a.id, i + 1, c.aspect, c.activity, c.description],
      );
      planItemIds.push(row.id);
    }
    await spec.beforeActivation?.(m);
    await generateObligationsForActivation(m, a.id);
    return { id: a.id, number, commitmentIds, planItemIds };
  });
}

async function insertCommitments(m: { query: (sql: string, p: unknown[]) => Promise<{ id: string }[]> }, agreementId: string, version: number, list: CommitmentSpec[]) {
  const ids: string[] = [];
  for (const [i, c] of list.entries()) {
    const [row] = await m.query(
      `INSERT INTO commitment (agreement_id, terms_version, position, type, description, quantity, unit, value_idr, due_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [agreementId, version, i + 1, c.type, c.description, c.quantity ?? null, c.unit ?? null, c.valueIdr ?? null, c.dueDate ?? null],
    );
    ids.push(row.id);
  }
  return ids;
}

/**
 * An amendment in force, as the agreements library would write it: terms version n+1 (commitments
 * copied into new rows), the old terms SUPERSEDED, the agreement pointing at the new version — then
 * the obligations resynchronised in the same transaction.
 */
export async function amendAgreement(
  t: TestApp,
  agreementId: string,
  spec: Pick<AgreementSpec, 'startDate' | 'endDate' | 'reportingPeriod' | 'commitments'>,
): Promise<{ termsVersion: number; commitmentIds: string[] }> {
  return t.ds.transaction(async (m) => {
    const [a] = await m.query(`SELECT terms_version AS v, title FROM agreement WHERE id = $1 FOR UPDATE`, [agreementId]);
    const next = a.v + 1;
    const reportingPeriod = spec.reportingPeriod ?? 'QUARTERLY';
    await m.query(`UPDATE agreement_terms SET status = 'SUPERSEDED' WHERE agreement_id = $1 AND terms_version = $2`, [agreementId, a.v]);
    await m.query(
      `INSERT INTO agreement_terms (agreement_id, terms_version, status, title, start_date, end_date, reporting_period, commitments, coaching, in_force_at)
       VALUES ($1, $2, 'IN_FORCE', $3, $4, $5, $6, $7, '[]', now())`,
      [agreementId, next, a.title, spec.startDate, spec.endDate, reportingPeriod, JSON.stringify(spec.commitments ?? [])],
    );
    const commitmentIds = await insertCommitments(m, agreementId, next, spec.commitments ?? []);
    await m.query(
      `UPDATE agreement SET terms_version = $2, start_date = $3, end_date = $4, reporting_period = $5, version = version + 1, updated_at = now() WHERE id = $1`,
      [agreementId, next, spec.startDate, spec.endDate, reportingPeriod],
    );
    await resyncObligationsForTerms(m, agreementId);
    return { termsVersion: next, commitmentIds };
  });
}

/** Today's date in an IANA zone, by the database's clock (the one the API derives statuses with). */
export async function todayIn(t: TestApp, zone: string): Promise<string> {
  const [{ d }] = await t.ds.query(`SELECT (now() AT TIME ZONE $1)::date::text AS d`, [zone]);
  return d;
}

/** `d` + `n` days. */
export function plusDays(d: string, n: number): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
}
