import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Precomputed, query-independent matching columns, so ranking a firm costs a few array look-ups
 * instead of parsing JSON per row: capacities as (unit, yearly quantity) arrays and certificates as
 * (type, latest valid-until) arrays. Generated from the JSON the application writes, so they can
 * never drift from it.
 */
export class MatchColumns1764800000000 implements MigrationInterface {
  name = 'MatchColumns1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION jalin_cap_units(caps jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(u ORDER BY u), '{}') FROM (
          SELECT DISTINCT lower(trim(c->>'unit')) AS u FROM jsonb_array_elements(coalesce(caps, '[]')) c) x $$`);
    await q.query(`CREATE OR REPLACE FUNCTION jalin_cap_yearly(caps jsonb) RETURNS numeric[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(y ORDER BY u), '{}') FROM (
          SELECT lower(trim(c->>'unit')) AS u,
                 max((c->>'quantity')::numeric * CASE c->>'period' WHEN 'WEEK' THEN 52 WHEN 'MONTH' THEN 12 ELSE 1 END) AS y
          FROM jsonb_array_elements(coalesce(caps, '[]')) c GROUP BY 1) x $$`);
    await q.query(`CREATE OR REPLACE FUNCTION jalin_cert_types(certs jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(t ORDER BY t), '{}') FROM (
          SELECT DISTINCT e->>'type' AS t FROM jsonb_array_elements(coalesce(certs, '[]')) e) x $$`);
    // 'infinity' stands for a certificate without an expiry date.
    await q.query(`CREATE OR REPLACE FUNCTION jalin_cert_valid_until(certs jsonb) RETURNS date[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(v ORDER BY t), '{}') FROM (
          SELECT e->>'type' AS t, max(coalesce((e->>'validUntil')::date, 'infinity'::date)) AS v
          FROM jsonb_array_elements(coalesce(certs, '[]')) e GROUP BY 1) x $$`);
    await q.query(`ALTER TABLE organization
      ADD COLUMN cap_units text[] GENERATED ALWAYS AS (jalin_cap_units(capacities)) STORED,
      ADD COLUMN cap_yearly numeric[] GENERATED ALWAYS AS (jalin_cap_yearly(capacities)) STORED,
      ADD COLUMN cert_types text[] GENERATED ALWAYS AS (jalin_cert_types(certifications)) STORED,
      ADD COLUMN cert_valid_until date[] GENERATED ALWAYS AS (jalin_cert_valid_until(certifications)) STORED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization DROP COLUMN cap_units, DROP COLUMN cap_yearly, DROP COLUMN cert_types, DROP COLUMN cert_valid_until`);
    await q.query(`DROP FUNCTION jalin_cap_units(jsonb); DROP FUNCTION jalin_cap_yearly(jsonb); DROP FUNCTION jalin_cert_types(jsonb); DROP FUNCTION jalin_cert_valid_until(jsonb)`);
  }
}
