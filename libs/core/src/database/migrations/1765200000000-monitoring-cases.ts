import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ministry monitoring: risk-rule findings and their runs, monitoring cases with their dialogue
 * (messages and attachments), and the view the reminder worker reads for remedy due dates.
 *
 * - `finding`: what a risk rule found on a subject (a partner, an agreement or an obligation). At
 *   most one OPEN finding per (rule, subject) — the partial unique index — so a re-run updates it;
 *   a run that no longer finds it marks it RESOLVED (resolved_at), and if the condition comes back
 *   a new OPEN finding is inserted beside the resolved one (history is kept, ids never reused).
 * - `finding_run`: one row per run of all rules (daily by the worker, or on demand), with counts.
 * - `monitoring_case`: an officer's case on a partner or an agreement, DRAFT → ACTIVE →
 *   ADDRESSED | DECLINED → COMPLETED, or CANCELLED (the transition table lives in libs/monitoring).
 * - `monitoring_case_message` / `monitoring_case_attachment`: the dialogue between the officer and
 *   the partner; attachment bytes live in the evidence storage under `<caseId>/<attachmentId>`.
 * - `monitoring_case_remedy_due` (view): ADDRESSED cases still waiting for the partner's remedy
 *   report, with the remedy due date, the partner's zone and the days left there.
 */
export class MonitoringCases1765200000000 implements MigrationInterface {
  name = 'MonitoringCases1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE finding_run (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      trigger text NOT NULL CHECK (trigger IN ('SCHEDULE','MANUAL')),
      triggered_by uuid REFERENCES app_user(id),
      started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      finished_at timestamptz,
      results jsonb NOT NULL DEFAULT '[]'
    )`);
    await q.query(`CREATE INDEX finding_run_started_idx ON finding_run (started_at DESC)`);

    await q.query(`CREATE TABLE finding (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rule_code text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('LOW','MEDIUM','HIGH')),
      severity_rank smallint GENERATED ALWAYS AS (CASE severity WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END) STORED,
      subject_type text NOT NULL CHECK (subject_type IN ('PARTNER','AGREEMENT','OBLIGATION')),
      subject_id uuid NOT NULL,
      partner_id uuid NOT NULL REFERENCES organization(id),
      enterprise_id uuid REFERENCES organization(id),
      agreement_id uuid REFERENCES agreement(id),
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RESOLVED')),
      details jsonb NOT NULL DEFAULT '{}',
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      first_run_id uuid REFERENCES finding_run(id),
      last_run_id uuid REFERENCES finding_run(id),
      resolved_run_id uuid REFERENCES finding_run(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT finding_resolved_ck CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX finding_open_key ON finding (rule_code, subject_type, subject_id) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX finding_list_idx ON finding (status, severity_rank DESC, first_seen_at, id)`);
    await q.query(`CREATE INDEX finding_partner_idx ON finding (partner_id, status)`);
    await q.query(`CREATE INDEX finding_agreement_idx ON finding (agreement_id) WHERE agreement_id IS NOT NULL`);

    // What the dispute and amendment rules scan, kept small at national scale.
    await q.query(`CREATE INDEX commitment_disputed_idx ON commitment (agreement_id) WHERE status = 'DISPUTED'`);
    await q.query(`CREATE INDEX agreement_terms_amendment_idx ON agreement_terms (in_force_at) WHERE terms_version > 1`);

    await q.query(`CREATE SEQUENCE monitoring_case_number_seq`);
    await q.query(`CREATE TABLE monitoring_case (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      subject_type text NOT NULL CHECK (subject_type IN ('PARTNER','AGREEMENT')),
      partner_id uuid NOT NULL REFERENCES organization(id),
      agreement_id uuid REFERENCES agreement(id),
      enterprise_id uuid REFERENCES organization(id),
      finding_id uuid REFERENCES finding(id),
      status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','ACTIVE','ADDRESSED','DECLINED','COMPLETED','CANCELLED')),
      reason text NOT NULL,
      period_from date NOT NULL,
      period_to date NOT NULL,
      violation boolean,
      violation_type text,
      required_remedy text,
      remedy_due_date date,
      conclusion_note text,
      concluded_at timestamptz,
      concluded_by uuid REFERENCES app_user(id),
      remedy_reported_at timestamptz,
      opened_at timestamptz,
      opened_by uuid REFERENCES app_user(id),
      completed_at timestamptz,
      completed_by uuid REFERENCES app_user(id),
      completion_note text,
      cancelled_at timestamptz,
      cancelled_by uuid REFERENCES app_user(id),
      cancel_reason text,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT monitoring_case_period_ck CHECK (period_to >= period_from),
      CONSTRAINT monitoring_case_subject_ck CHECK ((subject_type = 'AGREEMENT') = (agreement_id IS NOT NULL)),
      CONSTRAINT monitoring_case_remedy_ck CHECK (violation IS DISTINCT FROM true OR (required_remedy IS NOT NULL AND remedy_due_date IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX monitoring_case_list_idx ON monitoring_case (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX monitoring_case_partner_idx ON monitoring_case (partner_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX monitoring_case_enterprise_idx ON monitoring_case (enterprise_id, created_at DESC, id DESC) WHERE enterprise_id IS NOT NULL`);
    await q.query(`CREATE INDEX monitoring_case_finding_idx ON monitoring_case (finding_id) WHERE finding_id IS NOT NULL`);
    await q.query(`CREATE INDEX monitoring_case_remedy_idx ON monitoring_case (remedy_due_date) WHERE status = 'ADDRESSED' AND remedy_reported_at IS NULL`);

    await q.query(`CREATE TABLE monitoring_case_message (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES monitoring_case(id),
      kind text NOT NULL CHECK (kind IN ('MESSAGE','REMEDY_REPORT')),
      author_side text NOT NULL CHECK (author_side IN ('OFFICER','PARTNER')),
      author_user_id uuid NOT NULL REFERENCES app_user(id),
      organization_id uuid REFERENCES organization(id),
      text text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX monitoring_case_message_case_idx ON monitoring_case_message (case_id, created_at, id)`);
    await q.query(`CREATE TABLE monitoring_case_attachment (
      id uuid PRIMARY KEY,
      message_id uuid NOT NULL REFERENCES monitoring_case_message(id),
      case_id uuid NOT NULL REFERENCES monitoring_case(id),
      file_name text NOT NULL,
      media_type text NOT NULL CHECK (media_type IN ('application/pdf','image/png','image/jpeg')),
      size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
      sha256 char(64) NOT NULL,
      storage_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX monitoring_case_attachment_message_idx ON monitoring_case_attachment (message_id, created_at, id)`);

    // What the reminder worker reads: ADDRESSED cases whose partner has not filed a remedy report
    // yet, with the due date as a calendar date in the partner's zone and the days left there
    // (negative once past due).
    await q.query(`CREATE VIEW monitoring_case_remedy_due AS
      SELECT c.id AS case_id, c.number AS case_number, c.partner_id, c.agreement_id, c.enterprise_id,
             c.violation_type, c.required_remedy, c.remedy_due_date, c.concluded_at,
             coalesce(r.time_zone, 'Asia/Jakarta') AS time_zone,
             (c.remedy_due_date - (now() AT TIME ZONE coalesce(r.time_zone, 'Asia/Jakarta'))::date) AS days_until_due
        FROM monitoring_case c
        JOIN organization p ON p.id = c.partner_id
        LEFT JOIN region r ON r.code = p.province_code
       WHERE c.status = 'ADDRESSED' AND c.remedy_reported_at IS NULL AND c.remedy_due_date IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS monitoring_case_remedy_due`);
    await q.query(`DROP TABLE IF EXISTS monitoring_case_attachment, monitoring_case_message, monitoring_case, finding, finding_run CASCADE`);
    await q.query(`DROP SEQUENCE IF EXISTS monitoring_case_number_seq`);
    await q.query(`DROP INDEX IF EXISTS commitment_disputed_idx, agreement_terms_amendment_idx`);
  }
}
