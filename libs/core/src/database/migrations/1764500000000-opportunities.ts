import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opportunities, applications and invitations, in-app notifications, the Pasal 14 activity record
 * (what a partner did that satisfies a duty, e.g. publishing an opportunity), and the matching
 * columns kept on each organisation (division codes, track-record counters).
 */
export class Opportunities1764500000000 implements MigrationInterface {
  name = 'Opportunities1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Matching support on organisations: the 2-digit divisions (hard filter), and track record.
    await q.query(`CREATE OR REPLACE FUNCTION jalin_kbli_divisions(codes text[]) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_agg(DISTINCT left(c, 2) ORDER BY left(c, 2)), '{}') FROM unnest(codes) c $$`);
    await q.query(`ALTER TABLE organization
      ADD COLUMN kbli_divisions text[] GENERATED ALWAYS AS (jalin_kbli_divisions(kbli_codes)) STORED,
      ADD COLUMN agreements_completed integer NOT NULL DEFAULT 0,
      ADD COLUMN agreements_terminated integer NOT NULL DEFAULT 0,
      ADD COLUMN sessions_confirmed integer NOT NULL DEFAULT 0,
      ADD COLUMN track_record real NOT NULL DEFAULT 0.5 CHECK (track_record BETWEEN 0 AND 1)`);
    await q.query(`CREATE INDEX organization_kbli_divisions_idx ON organization USING gin (kbli_divisions)`);

    await q.query(`CREATE TABLE opportunity (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES organization(id),
      pattern text NOT NULL CHECK (pattern IN ('INTI_PLASMA','SUBCONTRACT')),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      kbli_codes text[] NOT NULL,
      kbli_divisions text[] GENERATED ALWAYS AS (jalin_kbli_divisions(kbli_codes)) STORED,
      region_codes text[] NOT NULL DEFAULT '{}',
      site_region_code text REFERENCES region(code),
      site_lat double precision,
      site_lng double precision,
      required_quantity numeric,
      required_unit text,
      required_period text CHECK (required_period IN ('WEEK','MONTH','YEAR')),
      required_certifications text[] NOT NULL DEFAULT '{}',
      preferred_certifications text[] NOT NULL DEFAULT '{}',
      support_offered text[] NOT NULL DEFAULT '{}',
      slots integer NOT NULL CHECK (slots >= 1),
      accepted_count integer NOT NULL DEFAULT 0,
      closes_at timestamptz,
      status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','OPEN','CLOSED')),
      closed_reason text CHECK (closed_reason IN ('MANUAL','DEADLINE','SLOTS_FILLED')),
      published_at timestamptz,
      closed_at timestamptz,
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', jalin_unaccent(coalesce(title, ''))), 'A') ||
        setweight(to_tsvector('simple', jalin_unaccent(coalesce(description, ''))), 'B')) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX opportunity_partner_idx ON opportunity (partner_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX opportunity_open_idx ON opportunity (published_at DESC, id) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX opportunity_divisions_idx ON opportunity USING gin (kbli_divisions) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX opportunity_closes_idx ON opportunity (closes_at) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX opportunity_search_idx ON opportunity USING gin (search)`);

    await q.query(`CREATE TABLE application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      opportunity_id uuid NOT NULL REFERENCES opportunity(id),
      enterprise_id uuid NOT NULL REFERENCES organization(id),
      partner_id uuid NOT NULL REFERENCES organization(id),
      status text NOT NULL CHECK (status IN ('INVITED','DECLINED','SUBMITTED','SHORTLISTED','ACCEPTED','REJECTED','WITHDRAWN')),
      message text NOT NULL DEFAULT '',
      offered_quantity numeric,
      offered_unit text,
      offered_period text CHECK (offered_period IN ('WEEK','MONTH','YEAR')),
      invitation_message text,
      invited_by uuid REFERENCES app_user(id),
      submitted_by uuid REFERENCES app_user(id),
      decided_by uuid REFERENCES app_user(id),
      decision_note text,
      submitted_at timestamptz,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    // One active application (or open invitation) per firm and opportunity.
    await q.query(`CREATE UNIQUE INDEX application_active_key ON application (opportunity_id, enterprise_id)
      WHERE status IN ('INVITED','SUBMITTED','SHORTLISTED','ACCEPTED')`);
    await q.query(`CREATE INDEX application_enterprise_idx ON application (enterprise_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX application_partner_idx ON application (partner_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX application_opportunity_idx ON application (opportunity_id, status)`);

    await q.query(`CREATE TABLE notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid REFERENCES organization(id),
      user_id uuid REFERENCES app_user(id),
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      entity_type text,
      entity_id uuid,
      data jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT notification_target_ck CHECK (organization_id IS NOT NULL OR user_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX notification_org_idx ON notification (organization_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC, id)`);
    // Read state is per user (an organisation's notification is read by each member separately).
    await q.query(`CREATE TABLE notification_read (
      notification_id uuid NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, notification_id)
    )`);

    await q.query(`CREATE TABLE partner_duty_record (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES organization(id),
      duty text NOT NULL CHECK (duty IN ('PUBLISH_OPPORTUNITIES','APPOINT_PIC')),
      legal_basis text NOT NULL,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX partner_duty_record_idx ON partner_duty_record (partner_id, duty, recorded_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS partner_duty_record, notification_read, notification, application, opportunity CASCADE`);
    await q.query(`ALTER TABLE organization DROP COLUMN IF EXISTS kbli_divisions, DROP COLUMN IF EXISTS agreements_completed,
      DROP COLUMN IF EXISTS agreements_terminated, DROP COLUMN IF EXISTS sessions_confirmed, DROP COLUMN IF EXISTS track_record`);
    await q.query(`DROP FUNCTION IF EXISTS jalin_kbli_divisions(text[])`);
  }
}
