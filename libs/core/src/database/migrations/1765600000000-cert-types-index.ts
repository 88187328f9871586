import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GIN index on the generated `cert_types` (certificate types read from the JSON itself), so the
 * matching tier walk splits and filters on the column that can never drift from what the score
 * reads, instead of the application-maintained `certification_types`.
 */
export class CertTypesIndex1765600000000 implements MigrationInterface {
  name = 'CertTypesIndex1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX organization_cert_types_gen_idx ON organization USING gin (cert_types)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organization_cert_types_gen_idx`);
  }
}
