import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pending amendment can be withdrawn by the party that proposed it or declined by the other
 * party: terms gain the DECLINED status and who closed an unsigned version, when and why.
 */
export class AmendmentWithdrawal1765700000000 implements MigrationInterface {
  name = 'AmendmentWithdrawal1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreement_terms DROP CONSTRAINT agreement_terms_status_check`);
    await q.query(`ALTER TABLE agreement_terms ADD CONSTRAINT agreement_terms_status_check
      CHECK (status IN ('DRAFT','AWAITING_SIGNATURES','IN_FORCE','SUPERSEDED','WITHDRAWN','DECLINED'))`);
    await q.query(`ALTER TABLE agreement_terms
      ADD COLUMN closed_at timestamptz,
      ADD COLUMN closed_by uuid REFERENCES organization(id),
      ADD COLUMN closed_by_user uuid REFERENCES app_user(id),
      ADD COLUMN close_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE agreement_terms SET status = 'WITHDRAWN' WHERE status = 'DECLINED'`);
    await q.query(`ALTER TABLE agreement_terms DROP COLUMN closed_at, DROP COLUMN closed_by, DROP COLUMN closed_by_user, DROP COLUMN close_reason`);
    await q.query(`ALTER TABLE agreement_terms DROP CONSTRAINT agreement_terms_status_check`);
    await q.query(`ALTER TABLE agreement_terms ADD CONSTRAINT agreement_terms_status_check
      CHECK (status IN ('DRAFT','AWAITING_SIGNATURES','IN_FORCE','SUPERSEDED','WITHDRAWN'))`);
  }
}
