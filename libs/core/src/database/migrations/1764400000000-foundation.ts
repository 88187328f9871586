import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { KBLI_DIVISIONS } from '../../reference-data/kbli-divisions.js';
import { KBLI_SECTIONS, sectionOfDivision } from '../../reference-data/kbli-sections.js';
import { loadKemendagriRegions } from '../../reference-data/regions.js';
import { zoneOfProvince } from '../../reference-data/time-zones.js';

/**
 * Foundation: reference data (regions, KBLI), identity (users, refresh tokens), organisations,
 * idempotency keys. Regions are loaded from the npm package idn-area-data; KBLI starts with the
 * 21 sections and 87 divisions until a full import (`npm run kbli:import`).
 */
export class Foundation1764400000000 implements MigrationInterface {
  name = 'Foundation1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is STABLE; an IMMUTABLE wrapper lets it feed generated columns and indexes.
    await q.query(`CREATE OR REPLACE FUNCTION jalin_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    // ---- reference: regions ----
    await q.query(`CREATE TABLE region (
      code text PRIMARY KEY,
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('province','regency','district','village')),
      parent_code text REFERENCES region(code),
      province_code text NOT NULL,
      time_zone text NOT NULL
    )`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_code, code)`);
    await q.query(`CREATE INDEX region_name_trgm_idx ON region USING gin (lower(name) gin_trgm_ops)`);
    const regions = await loadKemendagriRegions();
    for (let i = 0; i < regions.length; i += 10_000) {
      const batch = regions.slice(i, i + 10_000);
      await q.query(
        `INSERT INTO region (code, name, level, parent_code, province_code, time_zone)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        [
          batch.map((r) => r.code),
          batch.map((r) => r.name),
          batch.map((r) => r.level),
          batch.map((r) => r.parentCode),
          batch.map((r) => r.code.slice(0, 2)),
          batch.map((r) => zoneOfProvince(r.code.slice(0, 2))),
        ],
      );
    }

    // ---- reference: KBLI 2020 ----
    await q.query(`CREATE TABLE kbli (
      code text PRIMARY KEY,
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
      section text NOT NULL,
      parent_code text,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', jalin_unaccent(coalesce(title, ''))), 'A') ||
        setweight(to_tsvector('simple', jalin_unaccent(coalesce(description, ''))), 'B')
      ) STORED
    )`);
    await q.query(`CREATE INDEX kbli_search_idx ON kbli USING gin (search)`);
    await q.query(`CREATE INDEX kbli_title_trgm_idx ON kbli USING gin (lower(title) gin_trgm_ops)`);
    await q.query(`CREATE INDEX kbli_parent_idx ON kbli (parent_code)`);
    await q.query(
      `INSERT INTO kbli (code, level, section, parent_code, title)
       SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[], $5::text[])`,
      [
        [...KBLI_SECTIONS.map((s) => s.code), ...KBLI_DIVISIONS.map(([c]) => c)],
        [...KBLI_SECTIONS.map(() => 1), ...KBLI_DIVISIONS.map(() => 2)],
        [...KBLI_SECTIONS.map((s) => s.code), ...KBLI_DIVISIONS.map(([c]) => sectionOfDivision(c) ?? '?')],
        [...KBLI_SECTIONS.map(() => null), ...KBLI_DIVISIONS.map(([c]) => sectionOfDivision(c))],
        [...KBLI_SECTIONS.map((s) => s.title), ...KBLI_DIVISIONS.map(([, t]) => t)],
      ],
    );

    // ---- organisations ----
    await q.query(`CREATE TABLE organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('enterprise','partner')),
      name text NOT NULL,
      nib char(13) NOT NULL,
      npwp text,
      legal_form text,
      address text,
      region_code text NOT NULL REFERENCES region(code),
      province_code text NOT NULL,
      region_path text[] NOT NULL,
      lat double precision,
      lng double precision,
      kbli_codes text[] NOT NULL DEFAULT '{}',
      kbli_prefixes text[] NOT NULL DEFAULT '{}',
      net_assets_idr bigint CHECK (net_assets_idr >= 0),
      annual_sales_idr bigint CHECK (annual_sales_idr >= 0),
      workforce integer CHECK (workforce >= 0),
      founded_year integer,
      contact_email text,
      contact_phone text,
      scale text NOT NULL CHECK (scale IN ('MIKRO','KECIL','MENENGAH','BESAR')),
      scale_regime text NOT NULL,
      scale_basis text NOT NULL,
      scale_computed_at timestamptz NOT NULL DEFAULT now(),
      products text NOT NULL DEFAULT '',
      capacities jsonb NOT NULL DEFAULT '[]',
      certifications jsonb NOT NULL DEFAULT '[]',
      certification_types text[] NOT NULL DEFAULT '{}',
      needs text[] NOT NULL DEFAULT '{}',
      pic jsonb,
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', jalin_unaccent(coalesce(name, ''))), 'A') ||
        setweight(to_tsvector('simple', jalin_unaccent(coalesce(products, ''))), 'B')
      ) STORED,
      search_text text GENERATED ALWAYS AS (lower(jalin_unaccent(name || ' ' || coalesce(products, '')))) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT organization_nib_key UNIQUE (nib),
      CONSTRAINT organization_location_ck CHECK ((lat IS NULL) = (lng IS NULL))
    )`);
    await q.query(`CREATE INDEX organization_kind_name_idx ON organization (kind, name, id)`);
    await q.query(`CREATE INDEX organization_search_idx ON organization USING gin (search)`);
    await q.query(`CREATE INDEX organization_search_trgm_idx ON organization USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX organization_kbli_prefixes_idx ON organization USING gin (kbli_prefixes)`);
    await q.query(`CREATE INDEX organization_region_path_idx ON organization USING gin (region_path)`);
    await q.query(`CREATE INDEX organization_cert_types_idx ON organization USING gin (certification_types)`);
    await q.query(`CREATE INDEX organization_needs_idx ON organization USING gin (needs)`);
    await q.query(`CREATE INDEX organization_kind_scale_idx ON organization (kind, scale, name, id)`);

    // ---- identity ----
    await q.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      password_hash text NOT NULL,
      full_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('ENTERPRISE','PARTNER','MINISTRY','ADMIN')),
      organization_id uuid REFERENCES organization(id),
      province_codes text[] NOT NULL DEFAULT '{}',
      locale text NOT NULL DEFAULT 'id' CHECK (locale IN ('id','en')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT app_user_org_ck CHECK ((role IN ('ENTERPRISE','PARTNER')) = (organization_id IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_org_idx ON app_user (organization_id)`);
    await q.query(`CREATE TABLE refresh_token (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);

    // ---- HTTP idempotency (POST with Idempotency-Key) ----
    await q.query(`CREATE TABLE idempotency_key (
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS idempotency_key, refresh_token, app_user, organization, kbli, region CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS jalin_unaccent(text)`);
  }
}
