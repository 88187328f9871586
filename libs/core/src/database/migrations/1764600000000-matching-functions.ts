import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SQL helpers for matching: every KBLI prefix of a code list, and a region code's ancestry. */
export class MatchingFunctions1764600000000 implements MigrationInterface {
  name = 'MatchingFunctions1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION jalin_kbli_prefixes(codes text[]) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT left(c, n) ORDER BY left(c, n)), '{}')
        FROM unnest(codes) c, generate_series(2, length(c)) n $$`);
    await q.query(`CREATE OR REPLACE FUNCTION jalin_region_path(code text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_remove(ARRAY[left(code, 2),
          CASE WHEN length(code) >= 5 THEN left(code, 5) END,
          CASE WHEN length(code) >= 8 THEN left(code, 8) END,
          CASE WHEN length(code) >= 13 THEN left(code, 13) END], NULL) $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS jalin_kbli_prefixes(text[]); DROP FUNCTION IF EXISTS jalin_region_path(text)`);
  }
}
