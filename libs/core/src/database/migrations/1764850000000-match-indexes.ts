import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets the matching tier walk split large tiers by whether a firm states capacity in the required unit. */
export class MatchIndexes1764850000000 implements MigrationInterface {
  name = 'MatchIndexes1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX organization_cap_units_idx ON organization USING gin (cap_units)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organization_cap_units_idx`);
  }
}
