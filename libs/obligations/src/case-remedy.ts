import type { EntityManager } from 'typeorm';
import { LEGAL_BASIS } from './domain/obligation.js';
import { TITLES } from './domain/titles.js';
import { exec } from './sql.js';

/** What a monitoring case concluded with a violation tells the obligations library. */
export interface CaseRemedyInput {
  caseId: string;
  caseNumber: string;
  partnerId: string;
  /** The case's agreement and its small firm, when the case is on an agreement; else null. */
  agreementId: string | null;
  enterpriseId: string | null;
  requiredRemedy: string;
  /** The remedy due date: a calendar day in `timeZone` (the partner's zone). */
  dueDate: string;
  timeZone: string;
  /** The case's legal basis; LEGAL_BASIS.CASE_REMEDY when null. */
  legalBasis: string | null;
}

/**
 * The partner's remedy report on a monitoring case as an OPEN `CASE_REMEDY` obligation, owed by the
 * partner, due on the remedy due date, linked by `case_id`. Runs inside the caller's transaction (the
 * case's); being an ordinary OPEN obligation, the reminder sweep chases it per `reminder_policy`.
 * Returns its id. At most one OPEN or FULFILLED one exists per case (a unique index).
 */
export async function openCaseRemedyObligation(m: EntityManager, c: CaseRemedyInput): Promise<string> {
  const [row]: { id: string }[] = await m.query(
    `INSERT INTO obligation (agreement_id, partner_id, enterprise_id, owed_by, type, title, legal_basis, due_date, time_zone, case_id)
     VALUES ($1, $2, $3, 'PARTNER', 'CASE_REMEDY', $4, $5, $6, $7, $8) RETURNING id`,
    [c.agreementId, c.partnerId, c.enterpriseId, TITLES.caseRemedy(c.caseNumber, c.requiredRemedy), c.legalBasis ?? LEGAL_BASIS.CASE_REMEDY, c.dueDate, c.timeZone, c.caseId],
  );
  return row.id;
}

/** The remedy report was filed: the case's OPEN remedy obligation → FULFILLED now. Returns the ids moved (none when already fulfilled or waived). */
export async function fulfilCaseRemedyObligation(m: EntityManager, caseId: string): Promise<string[]> {
  const { rows } = await exec<{ id: string }>(
    m,
    `UPDATE obligation SET state = 'FULFILLED', fulfilled_at = now(), updated_at = now(), version = version + 1
      WHERE case_id = $1 AND type = 'CASE_REMEDY' AND state = 'OPEN' RETURNING id`,
    [caseId],
  );
  return rows.map((r) => r.id);
}

/** The case closed without a remedy: its still-OPEN remedy obligation → CANCELLED. Returns the ids moved. */
export async function cancelCaseRemedyObligation(m: EntityManager, caseId: string): Promise<string[]> {
  const { rows } = await exec<{ id: string }>(
    m,
    `UPDATE obligation SET state = 'CANCELLED', cancelled_at = now(), updated_at = now(), version = version + 1
      WHERE case_id = $1 AND type = 'CASE_REMEDY' AND state = 'OPEN' RETURNING id`,
    [caseId],
  );
  return rows.map((r) => r.id);
}
