import type { DataSource, EntityManager } from 'typeorm';

/**
 * One row of the `monitoring_case_remedy_due` view: an ADDRESSED case whose partner has not filed
 * a remedy report yet. `remedyDueDate` is a calendar day in the partner's zone (`timeZone`);
 * `daysUntilDue` counts from today there (0 on the due day, negative once past due).
 */
export interface RemedyDueCase {
  caseId: string;
  caseNumber: string;
  partnerId: string;
  agreementId: string | null;
  enterpriseId: string | null;
  violationType: string | null;
  requiredRemedy: string | null;
  remedyDueDate: string;
  timeZone: string;
  daysUntilDue: number;
  concludedAt: Date;
}

/**
 * The open remedies the reminder worker chases (it owns the policy: which days before or after the
 * due date to remind, and its ledger). Reads the `monitoring_case_remedy_due` view, oldest due date
 * first; `withinDays` keeps those due within that many days from today (overdue ones included).
 * The view itself is the contract for SQL readers (e.g. libs/reminders, which may not import this
 * library): columns case_id, case_number, partner_id, agreement_id, enterprise_id, violation_type,
 * required_remedy, remedy_due_date, concluded_at, time_zone, days_until_due.
 */
export async function remedyDueCases(db: DataSource | EntityManager, opts: { withinDays?: number } = {}): Promise<RemedyDueCase[]> {
  const rows: RemedyDueCase[] = await db.query(
    `SELECT case_id AS "caseId", case_number AS "caseNumber", partner_id AS "partnerId", agreement_id AS "agreementId", enterprise_id AS "enterpriseId",
            violation_type AS "violationType", required_remedy AS "requiredRemedy", remedy_due_date::text AS "remedyDueDate",
            time_zone AS "timeZone", days_until_due AS "daysUntilDue", concluded_at AS "concludedAt"
       FROM monitoring_case_remedy_due
      WHERE $1::int IS NULL OR days_until_due <= $1::int
      ORDER BY remedy_due_date, case_id`,
    [opts.withinDays ?? null],
  );
  return rows.map((r) => ({ ...r, daysUntilDue: Number(r.daysUntilDue) }));
}
