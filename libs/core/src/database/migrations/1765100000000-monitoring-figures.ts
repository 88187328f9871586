import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monitoring figures: a snapshot of every partnership, taken by the worker (and on demand), from
 * which the ministry's summary, breakdowns, partner list, overdue list and trend are read.
 *
 * - `monitoring_snapshot`: one row; `as_of` is the instant the snapshot shows (NULL until the first run).
 * - Facts, one row per agreement, per obligation of an agreement and per confirmed coaching session,
 *   each with the partnership's dimensions (the small firm's province, the agreement's KBLI code and
 *   division, the pattern) and, for obligations, the status derived at `as_of`.
 * - Cells: the facts counted per (province, KBLI division, pattern, month) as pivoted counters, so a
 *   national total over a window sums a few tens of thousands of rows, not a million; segments: the
 *   facts counted over all time per (province, KBLI code, pattern), also per partner (what a request
 *   without dates reads);
 *   reach: small firms reached, by province and the set of division:pattern keys they are reached in.
 *
 * A refresh rewrites them in one transaction (the facts by difference: only changed rows are written);
 * readers keep reading the previous snapshot until it commits. Nothing here is a source of truth: the
 * tables can be emptied at will.
 */
export class MonitoringFigures1765100000000 implements MigrationInterface {
  name = 'MonitoringFigures1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE monitoring_snapshot (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      as_of timestamptz,
      refreshed_in_ms integer,
      agreements integer NOT NULL DEFAULT 0,
      obligations integer NOT NULL DEFAULT 0,
      sessions integer NOT NULL DEFAULT 0
    )`);
    await q.query(`INSERT INTO monitoring_snapshot (id) VALUES (1)`);

    // Dimensions shared by every fact: the small firm's province, the agreement's KBLI code and division, the pattern.
    const dims = `partner_id uuid NOT NULL,
      enterprise_id uuid NOT NULL,
      province_code text NOT NULL,
      kbli_code text NOT NULL,
      division text NOT NULL,
      pattern text NOT NULL`;

    await q.query(`CREATE TABLE monitoring_agreement_fact (
      agreement_id uuid PRIMARY KEY,
      ${dims},
      status text NOT NULL,
      start_date date NOT NULL
    )`);
    // Facts are read by a date range (the partial months at a window's edges) or a KBLI prefix finer
    // than a division: covering indexes make both index-only scans (the refresh vacuums the tables).
    await q.query(`CREATE INDEX monitoring_agreement_fact_start_idx ON monitoring_agreement_fact (start_date)
      INCLUDE (province_code, division, pattern, kbli_code, partner_id, status)`);
    await q.query(`CREATE INDEX monitoring_agreement_fact_kbli_idx ON monitoring_agreement_fact (kbli_code text_pattern_ops)
      INCLUDE (start_date, province_code, division, pattern, partner_id, enterprise_id, status)`);
    // small firms reached in a window: an index-only scan of the window's ACTIVE / COMPLETED agreements
    await q.query(`CREATE INDEX monitoring_agreement_fact_reach_idx ON monitoring_agreement_fact (start_date)
      INCLUDE (enterprise_id, province_code, division, pattern, kbli_code) WHERE status IN ('ACTIVE', 'COMPLETED')`);

    await q.query(`CREATE TABLE monitoring_obligation_fact (
      obligation_id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL,
      ${dims},
      type text NOT NULL,
      status text NOT NULL,
      on_time boolean,
      due_date date NOT NULL
    )`);
    await q.query(`CREATE INDEX monitoring_obligation_fact_due_idx ON monitoring_obligation_fact (due_date)
      INCLUDE (province_code, division, pattern, kbli_code, partner_id, type, status, on_time)`);
    await q.query(`CREATE INDEX monitoring_obligation_fact_kbli_idx ON monitoring_obligation_fact (kbli_code text_pattern_ops)
      INCLUDE (due_date, province_code, division, pattern, partner_id, type, status, on_time)`);
    await q.query(`CREATE INDEX monitoring_obligation_fact_overdue_idx ON monitoring_obligation_fact (due_date, obligation_id) WHERE status = 'OVERDUE'`);
    await q.query(`CREATE INDEX monitoring_obligation_fact_overdue_prov_idx ON monitoring_obligation_fact (province_code, due_date, obligation_id)
      WHERE status = 'OVERDUE'`);

    await q.query(`CREATE TABLE monitoring_session_fact (
      session_id uuid PRIMARY KEY,
      agreement_id uuid NOT NULL,
      ${dims},
      session_date date NOT NULL
    )`);
    await q.query(`CREATE INDEX monitoring_session_fact_date_idx ON monitoring_session_fact (session_date)
      INCLUDE (province_code, division, pattern, kbli_code, partner_id)`);
    await q.query(`CREATE INDEX monitoring_session_fact_kbli_idx ON monitoring_session_fact (kbli_code text_pattern_ops)
      INCLUDE (session_date, province_code, division, pattern, partner_id)`);

    const counters = `ag_draft integer NOT NULL DEFAULT 0,
      ag_awaiting integer NOT NULL DEFAULT 0,
      ag_active integer NOT NULL DEFAULT 0,
      ag_completed integer NOT NULL DEFAULT 0,
      ag_terminated integer NOT NULL DEFAULT 0,
      ag_inti_plasma integer NOT NULL DEFAULT 0,
      ag_subcontract integer NOT NULL DEFAULT 0,
      ob_upcoming integer NOT NULL DEFAULT 0,
      ob_due integer NOT NULL DEFAULT 0,
      ob_overdue integer NOT NULL DEFAULT 0,
      ob_fulfilled integer NOT NULL DEFAULT 0,
      ob_waived integer NOT NULL DEFAULT 0,
      ob_cancelled integer NOT NULL DEFAULT 0,
      pr_on_time integer NOT NULL DEFAULT 0,
      pr_late integer NOT NULL DEFAULT 0,
      pr_overdue integer NOT NULL DEFAULT 0,
      sessions_confirmed integer NOT NULL DEFAULT 0`;
    await q.query(`CREATE TABLE monitoring_cell (
      province_code text NOT NULL,
      division text NOT NULL,
      pattern text NOT NULL,
      month date NOT NULL,
      ${counters},
      PRIMARY KEY (province_code, division, pattern, month)
    )`);
    await q.query(`CREATE INDEX monitoring_cell_month_idx ON monitoring_cell (month)`);
    // All-time totals per (province, KBLI code, pattern) — and per partner: what a request without
    // from/to reads (a few thousand rows), whatever its KBLI prefix.
    await q.query(`CREATE TABLE monitoring_segment (
      province_code text NOT NULL,
      kbli_code text NOT NULL,
      division text NOT NULL,
      pattern text NOT NULL,
      ${counters},
      PRIMARY KEY (province_code, kbli_code, pattern)
    )`);
    await q.query(`CREATE TABLE monitoring_partner_segment (
      partner_id uuid NOT NULL,
      province_code text NOT NULL,
      kbli_code text NOT NULL,
      division text NOT NULL,
      pattern text NOT NULL,
      ${counters},
      PRIMARY KEY (partner_id, province_code, kbli_code, pattern)
    )`);
    // Small firms reached, all time, exactly and summably: firms counted per (province, the set of
    // "division:pattern" keys of their ACTIVE / COMPLETED agreements). A filter selects the rows
    // with a matching key; a breakdown counts a row once in each group its keys reach.
    await q.query(`CREATE TABLE monitoring_reach (
      province_code text NOT NULL,
      keys text[] NOT NULL,
      firms integer NOT NULL,
      PRIMARY KEY (province_code, keys)
    )`);
    await q.query(`CREATE TABLE monitoring_partner (
      partner_id uuid PRIMARY KEY,
      pic_appointed boolean NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS monitoring_reach, monitoring_partner_segment, monitoring_segment, monitoring_partner, monitoring_cell, monitoring_session_fact,
      monitoring_obligation_fact, monitoring_agreement_fact, monitoring_snapshot`);
  }
}
