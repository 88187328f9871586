import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements with versioned terms (typed commitments, coaching plan), signatures, coaching
 * sessions, Pasal 14 obligations with evidence, progress reports with every version kept, and the
 * append-only, hash-chained audit log.
 */
export class Agreements1764700000000 implements MigrationInterface {
  name = 'Agreements1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE agreement_number_seq`);
    await q.query(`CREATE TABLE agreement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      application_id uuid NOT NULL REFERENCES application(id),
      opportunity_id uuid NOT NULL REFERENCES opportunity(id),
      partner_id uuid NOT NULL REFERENCES organization(id),
      enterprise_id uuid NOT NULL REFERENCES organization(id),
      pattern text NOT NULL CHECK (pattern IN ('INTI_PLASMA','SUBCONTRACT')),
      status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','AWAITING_SIGNATURES','ACTIVE','COMPLETED','TERMINATED')),
      terms_version integer NOT NULL DEFAULT 1,
      title text NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL,
      reporting_period text NOT NULL DEFAULT 'QUARTERLY' CHECK (reporting_period IN ('QUARTERLY','SEMESTER','YEARLY')),
      payment_term_days integer CHECK (payment_term_days BETWEEN 0 AND 365),
      submitted_at timestamptz,
      activated_at timestamptz,
      completed_at timestamptz,
      terminated_at timestamptz,
      terminated_by uuid REFERENCES organization(id),
      termination_reason text,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT agreement_dates_ck CHECK (end_date > start_date)
    )`);
    // One live agreement per accepted application.
    await q.query(`CREATE UNIQUE INDEX agreement_application_key ON agreement (application_id) WHERE status <> 'TERMINATED'`);
    await q.query(`CREATE INDEX agreement_partner_idx ON agreement (partner_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX agreement_enterprise_idx ON agreement (enterprise_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX agreement_status_idx ON agreement (status, pattern)`);

    // Terms by version: version 1 is the original; an amendment proposes version n+1, in force once both sign.
    await q.query(`CREATE TABLE agreement_terms (
      agreement_id uuid NOT NULL REFERENCES agreement(id),
      terms_version integer NOT NULL,
      status text NOT NULL CHECK (status IN ('DRAFT','AWAITING_SIGNATURES','IN_FORCE','SUPERSEDED','WITHDRAWN')),
      title text NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL,
      reporting_period text NOT NULL,
      payment_term_days integer,
      commitments jsonb NOT NULL DEFAULT '[]',
      coaching jsonb NOT NULL DEFAULT '[]',
      reason text,
      proposed_by uuid REFERENCES organization(id),
      proposed_by_user uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      in_force_at timestamptz,
      PRIMARY KEY (agreement_id, terms_version)
    )`);

    await q.query(`CREATE TABLE commitment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES agreement(id),
      terms_version integer NOT NULL,
      position integer NOT NULL,
      type text NOT NULL CHECK (type IN ('LAND','PRODUCTION_INPUTS','TECHNICAL_GUIDANCE','TECHNOLOGY','FINANCING','OTHER_ASSISTANCE','PRODUCTION_WORK','RAW_MATERIAL_SUPPLY')),
      description text NOT NULL,
      quantity numeric,
      unit text,
      value_idr bigint CHECK (value_idr >= 0),
      due_date date,
      schedule text,
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','CONFIRMED','DISPUTED')),
      confirmed_at timestamptz,
      confirmed_by uuid REFERENCES app_user(id),
      disputed_at timestamptz,
      dispute_kind text CHECK (dispute_kind IN ('LATE_PAYMENT','PRICE','NOT_SUPPLIED','NOT_DELIVERED','OTHER')),
      dispute_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX commitment_agreement_idx ON commitment (agreement_id, terms_version, position)`);

    await q.query(`CREATE TABLE coaching_plan_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES agreement(id),
      terms_version integer NOT NULL,
      position integer NOT NULL,
      aspect text NOT NULL CHECK (aspect IN ('MARKETING','HUMAN_RESOURCES','CAPITAL','MANAGEMENT','TECHNOLOGY')),
      activity text NOT NULL,
      description text NOT NULL DEFAULT ''
    )`);
    await q.query(`CREATE INDEX coaching_plan_item_agreement_idx ON coaching_plan_item (agreement_id, terms_version, position)`);

    await q.query(`CREATE TABLE signature (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES agreement(id),
      terms_version integer NOT NULL,
      organization_id uuid NOT NULL REFERENCES organization(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      signed_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT signature_once_key UNIQUE (agreement_id, terms_version, organization_id)
    )`);

    await q.query(`CREATE TABLE coaching_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES agreement(id),
      plan_item_id uuid REFERENCES coaching_plan_item(id),
      aspect text NOT NULL CHECK (aspect IN ('MARKETING','HUMAN_RESOURCES','CAPITAL','MANAGEMENT','TECHNOLOGY')),
      activity text NOT NULL,
      topic text NOT NULL,
      scheduled_at timestamptz NOT NULL,
      location text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED','HELD','CONFIRMED','DISPUTED','CANCELLED')),
      attendees jsonb NOT NULL DEFAULT '[]',
      attendance_note text,
      attendance_recorded_at timestamptz,
      confirmed_at timestamptz,
      disputed_at timestamptz,
      dispute_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX coaching_session_agreement_idx ON coaching_session (agreement_id, scheduled_at)`);
    await q.query(`CREATE INDEX coaching_session_status_idx ON coaching_session (status, scheduled_at)`);

    await q.query(`CREATE TABLE obligation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid REFERENCES agreement(id),
      partner_id uuid NOT NULL REFERENCES organization(id),
      enterprise_id uuid REFERENCES organization(id),
      owed_by text NOT NULL DEFAULT 'PARTNER' CHECK (owed_by IN ('PARTNER','ENTERPRISE')),
      type text NOT NULL CHECK (type IN ('PUBLISH_OPPORTUNITIES','PROGRESS_REPORT','APPOINT_PIC','HONOUR_AGREEMENT','COACHING')),
      title text NOT NULL,
      legal_basis text NOT NULL,
      due_date date NOT NULL,
      period_start date,
      period_end date,
      commitment_id uuid REFERENCES commitment(id),
      session_id uuid REFERENCES coaching_session(id),
      time_zone text NOT NULL DEFAULT 'Asia/Jakarta',
      state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN','FULFILLED','WAIVED','CANCELLED')),
      fulfilled_at timestamptz,
      waived_at timestamptz,
      waived_by uuid REFERENCES app_user(id),
      waive_reason text,
      cancelled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX obligation_agreement_idx ON obligation (agreement_id, due_date, id)`);
    await q.query(`CREATE INDEX obligation_partner_idx ON obligation (partner_id, due_date, id)`);
    await q.query(`CREATE INDEX obligation_enterprise_idx ON obligation (enterprise_id, due_date, id)`);
    await q.query(`CREATE INDEX obligation_open_due_idx ON obligation (due_date, id) WHERE state = 'OPEN'`);
    await q.query(`CREATE UNIQUE INDEX obligation_report_period_key ON obligation (agreement_id, period_end) WHERE type = 'PROGRESS_REPORT'`);

    await q.query(`CREATE TABLE evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      obligation_id uuid NOT NULL REFERENCES obligation(id),
      kind text NOT NULL CHECK (kind IN ('FILE','LINK','NOTE')),
      note text,
      url text,
      file_name text,
      media_type text,
      size_bytes bigint,
      sha256 char(64),
      storage_key text,
      uploaded_by uuid REFERENCES app_user(id),
      organization_id uuid REFERENCES organization(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX evidence_obligation_idx ON evidence (obligation_id, created_at)`);

    await q.query(`CREATE TABLE progress_report (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES agreement(id),
      obligation_id uuid REFERENCES obligation(id),
      partner_id uuid NOT NULL REFERENCES organization(id),
      enterprise_id uuid NOT NULL REFERENCES organization(id),
      period_start date NOT NULL,
      period_end date NOT NULL,
      status text NOT NULL CHECK (status IN ('SUBMITTED','ACCEPTED','REVISION_REQUESTED','RESUBMITTED')),
      report_version integer NOT NULL DEFAULT 1,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      reviewed_at timestamptz,
      reviewed_by uuid REFERENCES app_user(id),
      review_note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT progress_report_period_key UNIQUE (agreement_id, period_end)
    )`);
    await q.query(`CREATE INDEX progress_report_partner_idx ON progress_report (partner_id, submitted_at DESC, id)`);
    await q.query(`CREATE TABLE progress_report_version (
      report_id uuid NOT NULL REFERENCES progress_report(id),
      report_version integer NOT NULL,
      summary text NOT NULL,
      volumes jsonb NOT NULL DEFAULT '[]',
      coaching_delivered jsonb NOT NULL DEFAULT '[]',
      payments_on_time boolean,
      issues text NOT NULL DEFAULT '',
      submitted_by uuid REFERENCES app_user(id),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      review_decision text,
      review_note text,
      PRIMARY KEY (report_id, report_version)
    )`);

    // ---- audit: append-only and hash-chained ----
    await q.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid,
      actor_role text,
      organization_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      diff jsonb NOT NULL DEFAULT '{}',
      request_id text,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL UNIQUE
    )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_log_org_idx ON audit_log (organization_id, id)`);
    await q.query(`CREATE OR REPLACE FUNCTION jalin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP; END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION jalin_audit_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION jalin_audit_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_log, progress_report_version, progress_report, evidence, obligation, coaching_session,
      signature, coaching_plan_item, commitment, agreement_terms, agreement CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS jalin_audit_append_only(); DROP SEQUENCE IF EXISTS agreement_number_seq`);
  }
}
