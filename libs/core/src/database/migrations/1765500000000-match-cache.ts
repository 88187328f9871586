import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The match cache (libs/matching/src/match-cache.ts): per OPEN opportunity, its best-ranked small
 * firms with their score parts, kept exact as firms change.
 *
 * - `match_cache`: one row per cached opportunity. It holds every eligible firm ranking at or above
 *   (boundary_score, boundary_id); a NULL boundary means it holds every eligible firm. `day` is the
 *   Jakarta day certificate validity was judged for; `scoring` fingerprints the score's definition.
 * - `match_stale`: organisations whose matching inputs changed and whose entries are not yet
 *   re-scored. Written by the triggers below in the writer's own transaction, so no write path can
 *   forget it; a reader scores the stale firms sharing a cache's KBLI divisions afresh and merges
 *   them in (and ranks live while the cache's partner is stale).
 * - The triggers take a shared advisory lock; building a cache takes it exclusively, so a build
 *   never misses a change committed while it ran.
 */
export class MatchCache1765500000000 implements MigrationInterface {
  name = 'MatchCache1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE match_cache (
      opportunity_id uuid PRIMARY KEY REFERENCES opportunity(id) ON DELETE CASCADE,
      partner_id uuid NOT NULL,
      divisions text[] NOT NULL,
      day date NOT NULL,
      scoring text NOT NULL,
      boundary_score numeric(5,2),
      boundary_id uuid,
      built_size int NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((boundary_score IS NULL) = (boundary_id IS NULL)))`);
    await q.query(`CREATE TABLE match_cache_entry (
      opportunity_id uuid NOT NULL REFERENCES match_cache(opportunity_id) ON DELETE CASCADE,
      firm_id uuid NOT NULL,
      score numeric(5,2) NOT NULL,
      sector_digits smallint NOT NULL,
      loc_len smallint NOT NULL,
      sector numeric NOT NULL,
      location numeric NOT NULL,
      capacity numeric NOT NULL,
      certifications numeric NOT NULL,
      needs numeric NOT NULL,
      track_record numeric NOT NULL,
      PRIMARY KEY (opportunity_id, firm_id))`);
    await q.query(`CREATE INDEX match_cache_entry_rank_idx ON match_cache_entry (opportunity_id, score DESC, firm_id)`);
    await q.query(`CREATE INDEX match_cache_entry_firm_idx ON match_cache_entry (firm_id)`);
    await q.query(`CREATE TABLE match_stale (
      id bigserial PRIMARY KEY,
      org_id uuid NOT NULL,
      kind text NOT NULL,
      divisions text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE FUNCTION jalin_match_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(hashtext('jalin:match-cache'));
        IF NOT EXISTS (SELECT 1 FROM match_cache) THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          INSERT INTO match_stale (org_id, kind, divisions) SELECT n.id, n.kind, n.kbli_divisions FROM new_rows n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO match_stale (org_id, kind, divisions) SELECT o.id, o.kind, o.kbli_divisions FROM old_rows o;
        ELSE
          INSERT INTO match_stale (org_id, kind, divisions)
          SELECT n.id, n.kind, ARRAY(SELECT DISTINCT d FROM unnest(n.kbli_divisions || o.kbli_divisions) d)
          FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.kind, n.scale, n.kbli_codes, n.region_code, n.capacities, n.certifications, n.needs, n.track_record)
                IS DISTINCT FROM (o.kind, o.scale, o.kbli_codes, o.region_code, o.capacities, o.certifications, o.needs, o.track_record);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER organization_match_stale_insert AFTER INSERT ON organization
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_match_stale()`);
    await q.query(`CREATE TRIGGER organization_match_stale_update AFTER UPDATE ON organization
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_match_stale()`);
    await q.query(`CREATE TRIGGER organization_match_stale_delete AFTER DELETE ON organization
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_match_stale()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organization_match_stale_insert ON organization`);
    await q.query(`DROP TRIGGER organization_match_stale_update ON organization`);
    await q.query(`DROP TRIGGER organization_match_stale_delete ON organization`);
    await q.query(`DROP FUNCTION jalin_match_stale()`);
    await q.query(`DROP TABLE match_stale, match_cache_entry, match_cache`);
  }
}
