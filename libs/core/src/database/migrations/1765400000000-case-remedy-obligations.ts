import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Remedies of monitoring cases as obligations: when an officer's conclusion puts a case in
 * ADDRESSED, the partner owes a remedy report by the remedy due date — an obligation of type
 * `CASE_REMEDY`, linked to the case by `obligation.case_id`. Being an ordinary OPEN obligation, the
 * reminder sweep chases it with the `reminder_policy` windows like any other duty, and the figures
 * and exports count it.
 *
 * - `obligation_type_check` (the inline CHECK of 1764700000000-agreements) gains `CASE_REMEDY`.
 * - `case_id` names the case; `obligation_case_ck`: a CASE_REMEDY obligation has a case and no other
 *   type does.
 * - `obligation_case_remedy_key`: at most one OPEN or FULFILLED remedy obligation per case.
 * - Backfill: every ADDRESSED case still waiting for its remedy report gets its OPEN obligation
 *   (title and legal basis as libs/monitoring writes them for a case without a finding).
 */
export class CaseRemedyObligations1765400000000 implements MigrationInterface {
  name = 'CaseRemedyObligations1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE obligation DROP CONSTRAINT obligation_type_check`);
    await q.query(`ALTER TABLE obligation ADD CONSTRAINT obligation_type_check
      CHECK (type IN ('PUBLISH_OPPORTUNITIES','PROGRESS_REPORT','APPOINT_PIC','HONOUR_AGREEMENT','COACHING','CASE_REMEDY'))`);
    await q.query(`ALTER TABLE obligation ADD COLUMN case_id uuid REFERENCES monitoring_case(id)`);
    await q.query(`ALTER TABLE obligation ADD CONSTRAINT obligation_case_ck CHECK ((type = 'CASE_REMEDY') = (case_id IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX obligation_case_remedy_key ON obligation (case_id) WHERE case_id IS NOT NULL AND state IN ('OPEN','FULFILLED')`);

    await q.query(`INSERT INTO obligation (agreement_id, partner_id, enterprise_id, owed_by, type, title, legal_basis, due_date, time_zone, case_id)
      SELECT c.agreement_id, c.partner_id, c.enterprise_id, 'PARTNER', 'CASE_REMEDY',
             'Laporan pemulihan kasus ' || c.number || ': ' ||
               CASE WHEN length(c.required_remedy) > 120 THEN left(c.required_remedy, 119) || '…' ELSE c.required_remedy END,
             CASE c.violation_type
               WHEN 'NO_OPPORTUNITY_INFORMATION' THEN 'PP 44/1997 Pasal 14 huruf a'
               WHEN 'REPORTING' THEN 'PP 44/1997 Pasal 14 huruf b'
               WHEN 'NO_PIC' THEN 'PP 44/1997 Pasal 14 huruf c'
               WHEN 'COACHING_NOT_DELIVERED' THEN 'PP 44/1997 Pasal 14 huruf e'
               WHEN 'UNFAIR_PRICE' THEN 'PP 44/1997 Pasal 4 dan Pasal 14 huruf d'
               WHEN 'INPUTS_NOT_SUPPLIED' THEN 'PP 44/1997 Pasal 3 dan Pasal 4, Pasal 14 huruf d'
               WHEN 'LATE_PAYMENT' THEN 'PP 44/1997 Pasal 14 huruf d'
               WHEN 'PRODUCE_REFUSED' THEN 'PP 44/1997 Pasal 14 huruf d'
               WHEN 'ONE_SIDED_CHANGE' THEN 'PP 44/1997 Pasal 14 huruf d'
               WHEN 'AGREEMENT_TERMS' THEN 'PP 44/1997 Pasal 14 huruf d'
               ELSE 'PP 7/2021 — pengawasan pelaksanaan kemitraan' END,
             c.remedy_due_date, coalesce(r.time_zone, 'Asia/Jakarta'), c.id
        FROM monitoring_case c
        JOIN organization p ON p.id = c.partner_id
        LEFT JOIN region r ON r.code = p.province_code
       WHERE c.status = 'ADDRESSED' AND c.remedy_reported_at IS NULL AND c.remedy_due_date IS NOT NULL AND c.required_remedy IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Remedy obligations cannot exist under the old CHECK: they go, with what hangs on them.
    await q.query(`DELETE FROM evidence WHERE obligation_id IN (SELECT id FROM obligation WHERE type = 'CASE_REMEDY')`);
    await q.query(`DELETE FROM reminders WHERE target_type = 'obligation' AND target_id IN (SELECT id FROM obligation WHERE type = 'CASE_REMEDY')`);
    await q.query(`DELETE FROM monitoring_obligation_fact WHERE type = 'CASE_REMEDY'`);
    await q.query(`DELETE FROM obligation WHERE type = 'CASE_REMEDY'`);
    await q.query(`DROP INDEX IF EXISTS obligation_case_remedy_key`);
    await q.query(`ALTER TABLE obligation DROP CONSTRAINT IF EXISTS obligation_case_ck`);
    await q.query(`ALTER TABLE obligation DROP COLUMN IF EXISTS case_id`);
    await q.query(`ALTER TABLE obligation DROP CONSTRAINT obligation_type_check`);
    await q.query(`ALTER TABLE obligation ADD CONSTRAINT obligation_type_check
      CHECK (type IN ('PUBLISH_OPPORTUNITIES','PROGRESS_REPORT','APPOINT_PIC','HONOUR_AGREEMENT','COACHING'))`);
  }
}
