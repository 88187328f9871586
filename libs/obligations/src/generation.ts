import type { EntityManager } from 'typeorm';
import { type Actor, zoneOfProvince } from '@jalin/core';
import { trackRecordPart } from '@jalin/matching';
import { addDays, type IsoDate, type ReportingPeriodKind, reportingPeriods } from './domain/calendar.js';
import { APPOINT_PIC_WITHIN_DAYS, canMoveObligation, LEGAL_BASIS, type ObligationState, type ObligationType } from './domain/obligation.js';
import type { CoachingAspect } from './domain/session.js';
import { TITLES } from './domain/titles.js';
import { exec } from './sql.js';

/*
 * Obligations of an agreement, generated and kept in step with its in-force terms. These run inside
 * the caller's transaction (the agreements library's activation, amendment, termination,
 * confirmation) and write no audit record of their own: the request that calls them records one.
 *
 * Dates are calendar dates in the partner's zone (WIB/WITA/WIT from its province), since the duties
 * are the partner's. Reporting periods are aligned to calendar quarters (semesters, years) as the
 * investment-activity report (LKPM) is — see `reportingPeriods`.
 */

/** The agreement, its in-force terms and the partner's zone. */
export interface AgreementContext {
  agreementId: string;
  partnerId: string;
  enterpriseId: string;
  termsVersion: number;
  startDate: IsoDate;
  endDate: IsoDate;
  reportingPeriod: ReportingPeriodKind;
  coaching: PlannedCoaching[];
  timeZone: string;
  picMissing: boolean;
  /** Today in the partner's zone (the transaction's clock). */
  today: IsoDate;
}

/** `agreement_terms.coaching` items, as the agreements library writes them. */
export interface PlannedCoaching {
  aspect: CoachingAspect;
  activity: string;
  description?: string;
  sessions?: { scheduledAt: string; location?: string }[];
}

export async function loadAgreementContext(m: EntityManager, agreementId: string): Promise<AgreementContext> {
  const [row] = await m.query(
    `SELECT a.partner_id AS "partnerId", a.enterprise_id AS "enterpriseId", a.terms_version AS "termsVersion",
            t.start_date::text AS "startDate", t.end_date::text AS "endDate", t.reporting_period AS "reportingPeriod", t.coaching,
            p.province_code AS "provinceCode", (p.pic IS NULL OR p.pic = 'null'::jsonb) AS "picMissing"
       FROM agreement a
       JOIN agreement_terms t ON t.agreement_id = a.id AND t.terms_version = a.terms_version
       JOIN organization p ON p.id = a.partner_id
      WHERE a.id = $1`,
    [agreementId],
  );
  if (!row) throw new Error(`agreement ${agreementId} or its in-force terms do not exist`);
  const timeZone = zoneOfProvince(row.provinceCode);
  const [{ today }] = await m.query(`SELECT (now() AT TIME ZONE $1)::date::text AS today`, [timeZone]);
  return {
    agreementId,
    partnerId: row.partnerId,
    enterpriseId: row.enterpriseId,
    termsVersion: row.termsVersion,
    startDate: row.startDate,
    endDate: row.endDate,
    reportingPeriod: row.reportingPeriod,
    coaching: Array.isArray(row.coaching) ? row.coaching : [],
    timeZone,
    picMissing: row.picMissing,
    today,
  };
}

export interface NewObligation {
  type: ObligationType;
  title: string;
  dueDate: IsoDate;
  periodStart?: IsoDate | null;
  periodEnd?: IsoDate | null;
  commitmentId?: string | null;
  sessionId?: string | null;
}

/** Inserts one OPEN obligation the partner owes under agreement `ctx`. */
export async function insertObligation(
  m: EntityManager,
  ctx: Pick<AgreementContext, 'agreementId' | 'partnerId' | 'enterpriseId' | 'timeZone'>,
  o: NewObligation,
): Promise<string> {
  const [row] = await m.query(
    `INSERT INTO obligation (agreement_id, partner_id, enterprise_id, owed_by, type, title, legal_basis, due_date, period_start, period_end,
                             commitment_id, session_id, time_zone)
     VALUES ($1, $2, $3, 'PARTNER', $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      ctx.agreementId, ctx.partnerId, ctx.enterpriseId, o.type, o.title, LEGAL_BASIS[o.type], o.dueDate,
      o.periodStart ?? null, o.periodEnd ?? null, o.commitmentId ?? null, o.sessionId ?? null, ctx.timeZone,
    ],
  );
  return row.id;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `scheduledAt` as SQL: an instant with a zone is taken as is; a local time without one is read in
 * the partner's zone; a bare date means 09:00 that day in the partner's zone.
 */
function scheduledAtSql(scheduledAt: string, value: string, zone: string): { sql: string; value: string } {
  if (DATE_ONLY.test(scheduledAt)) return { sql: `(${value}::timestamp AT TIME ZONE ${zone})`, value: `${scheduledAt}T09:00:00` };
  if (WITH_ZONE.test(scheduledAt)) return { sql: `${value}::timestamptz`, value: scheduledAt };
  return { sql: `(${value}::timestamp AT TIME ZONE ${zone})`, value: scheduledAt };
}

export interface NewSession {
  planItemId: string | null;
  aspect: CoachingAspect;
  activity: string;
  topic: string;
  scheduledAt: string;
  location: string;
}

/** A SCHEDULED coaching session and its COACHING obligation, due on the session's day in the partner's zone. */
export async function insertSessionWithObligation(
  m: EntityManager,
  ctx: Pick<AgreementContext, 'agreementId' | 'partnerId' | 'enterpriseId' | 'timeZone'>,
  s: NewSession,
): Promise<{ sessionId: string; obligationId: string; day: IsoDate }> {
  const at = scheduledAtSql(s.scheduledAt, '$6', '$8');
  const [row] = await m.query(
    `INSERT INTO coaching_session (agreement_id, plan_item_id, aspect, activity, topic, scheduled_at, location)
     VALUES ($1, $2, $3, $4, $5, ${at.sql}, $7)
     RETURNING id, (scheduled_at AT TIME ZONE $8)::date::text AS day`,
    [ctx.agreementId, s.planItemId, s.aspect, s.activity, s.topic, at.value, s.location, ctx.timeZone],
  );
  const obligationId = await insertObligation(m, ctx, {
    type: 'COACHING',
    title: TITLES.coaching(s.aspect, s.activity, s.topic, row.day),
    dueDate: row.day,
    sessionId: row.id,
  });
  return { sessionId: row.id, obligationId, day: row.day };
}

interface DatedCommitment {
  id: string;
  type: string;
  description: string;
  dueDate: IsoDate;
}

const datedCommitments = (m: EntityManager, ctx: AgreementContext): Promise<DatedCommitment[]> =>
  m.query(
    `SELECT id, type, description, due_date::text AS "dueDate" FROM commitment
      WHERE agreement_id = $1 AND terms_version = $2 AND due_date IS NOT NULL ORDER BY position, id`,
    [ctx.agreementId, ctx.termsVersion],
  );

/**
 * Called in the transaction that makes an agreement ACTIVE. Creates, from its in-force terms:
 * - PROGRESS_REPORT per reporting period from start to end date (calendar-aligned; past periods too,
 *   which read OVERDUE until reported), due 10 days after each period ends;
 * - HONOUR_AGREEMENT per commitment with a due date;
 * - a SCHEDULED coaching session per planned session, with a COACHING obligation due on its day;
 * - APPOINT_PIC when the partner has no penanggung jawab kemitraan, due 30 days after activation.
 * Runs once per agreement: when the agreement already has obligations it does nothing.
 */
export async function generateObligationsForActivation(m: EntityManager, agreementId: string): Promise<void> {
  const ctx = await loadAgreementContext(m, agreementId);
  const [existing] = await m.query(`SELECT 1 FROM obligation WHERE agreement_id = $1 LIMIT 1`, [agreementId]);
  if (existing) return;

  for (const p of reportingPeriods(ctx.startDate, ctx.endDate, ctx.reportingPeriod)) {
    await insertObligation(m, ctx, {
      type: 'PROGRESS_REPORT',
      title: TITLES.progressReport(p.label, p.start, p.end),
      dueDate: p.due,
      periodStart: p.start,
      periodEnd: p.end,
    });
  }

  for (const c of await datedCommitments(m, ctx)) {
    await insertObligation(m, ctx, { type: 'HONOUR_AGREEMENT', title: TITLES.honourAgreement(c.type, c.description), dueDate: c.dueDate, commitmentId: c.id });
  }

  // Plan items are the rows of the in-force terms, in the order of the terms' coaching array.
  const items: { id: string }[] = await m.query(
    `SELECT id FROM coaching_plan_item WHERE agreement_id = $1 AND terms_version = $2 ORDER BY position, id`,
    [agreementId, ctx.termsVersion],
  );
  for (const [i, plan] of ctx.coaching.entries()) {
    for (const s of plan.sessions ?? []) {
      await insertSessionWithObligation(m, ctx, {
        planItemId: items[i]?.id ?? null,
        aspect: plan.aspect,
        activity: plan.activity,
        topic: plan.description?.trim() || plan.activity,
        scheduledAt: s.scheduledAt,
        location: s.location ?? '',
      });
    }
  }

  if (ctx.picMissing) {
    await insertObligation(m, ctx, { type: 'APPOINT_PIC', title: TITLES.appointPic(), dueDate: addDays(ctx.today, APPOINT_PIC_WITHIN_DAYS) });
  }
}

/**
 * Termination: every OPEN obligation of the agreement → CANCELLED (and its still-SCHEDULED coaching
 * sessions → CANCELLED; held ones stay, for the small firm to confirm or dispute). Returns how many
 * obligations were cancelled. A CASE_REMEDY obligation stays: a violation's remedy is owed to the
 * ministry on its monitoring case whether or not the agreement goes on (the case closes it).
 */
export async function cancelOpenObligations(m: EntityManager, agreementId: string): Promise<number> {
  const { count } = await exec(
    m,
    `UPDATE obligation SET state = 'CANCELLED', cancelled_at = now(), updated_at = now(), version = version + 1
      WHERE agreement_id = $1 AND state = 'OPEN' AND type <> 'CASE_REMEDY'`,
    [agreementId],
  );
  await exec(
    m,
    `UPDATE coaching_session SET status = 'CANCELLED', updated_at = now(), version = version + 1 WHERE agreement_id = $1 AND status = 'SCHEDULED'`,
    [agreementId],
  );
  return count;
}

interface HonourRow {
  id: string;
  state: string;
  commitmentId: string;
  dueDate: IsoDate;
  type: string;
  description: string;
}

/**
 * An amendment came into force (agreement.terms_version now names it). Brings the obligations in
 * line with the new terms, leaving the settled past alone:
 * - HONOUR_AGREEMENT: an obligation follows its commitment into the new terms — the same commitment
 *   row, or a row of the new version with the same type and description (an amendment copies
 *   commitments) — and an OPEN one takes the new due date; OPEN ones whose commitment is gone (or no
 *   longer dated) are CANCELLED; new dated commitments get one.
 * - PROGRESS_REPORT: periods ending today or later are recomputed from the new dates and period kind;
 *   OPEN ones no longer wanted are CANCELLED, missing ones created (a cancelled one for the same
 *   period end is reopened, the period end being unique per agreement). Reported periods stay.
 * Coaching sessions are not touched: they are rescheduled through the sessions API.
 */
export async function resyncObligationsForTerms(m: EntityManager, agreementId: string): Promise<void> {
  const ctx = await loadAgreementContext(m, agreementId);
  await resyncCommitments(m, ctx);
  await resyncReportPeriods(m, ctx);
}

async function resyncCommitments(m: EntityManager, ctx: AgreementContext): Promise<void> {
  const wanted = await datedCommitments(m, ctx);
  const existing: HonourRow[] = await m.query(
    `SELECT o.id, o.state, o.commitment_id AS "commitmentId", o.due_date::text AS "dueDate", c.type, c.description
       FROM obligation o JOIN commitment c ON c.id = o.commitment_id
      WHERE o.agreement_id = $1 AND o.type = 'HONOUR_AGREEMENT' AND o.state <> 'CANCELLED'
      ORDER BY o.created_at, o.id FOR UPDATE OF o`,
    [ctx.agreementId],
  );
  const unmatched = new Set(existing);
  const key = (type: string, description: string) => `${type}\u0000${description.trim().toLowerCase()}`;
  for (const c of wanted) {
    let o = [...unmatched].find((x) => x.commitmentId === c.id);
    o ??= [...unmatched].find((x) => key(x.type, x.description) === key(c.type, c.description));
    if (!o) {
      await insertObligation(m, ctx, { type: 'HONOUR_AGREEMENT', title: TITLES.honourAgreement(c.type, c.description), dueDate: c.dueDate, commitmentId: c.id });
      continue;
    }
    unmatched.delete(o);
    const open = o.state === 'OPEN';
    if (o.commitmentId !== c.id || (open && o.dueDate !== c.dueDate)) {
      await m.query(
        `UPDATE obligation SET commitment_id = $2, due_date = CASE WHEN state = 'OPEN' THEN $3::date ELSE due_date END,
                title = CASE WHEN state = 'OPEN' THEN $4 ELSE title END, updated_at = now(), version = version + 1
          WHERE id = $1`,
        [o.id, c.id, c.dueDate, TITLES.honourAgreement(c.type, c.description)],
      );
    }
  }
  const gone = [...unmatched].filter((o) => o.state === 'OPEN').map((o) => o.id);
  if (gone.length) {
    await m.query(
      `UPDATE obligation SET state = 'CANCELLED', cancelled_at = now(), updated_at = now(), version = version + 1 WHERE id = ANY($1::uuid[])`,
      [gone],
    );
  }
}

async function resyncReportPeriods(m: EntityManager, ctx: AgreementContext): Promise<void> {
  const wanted = reportingPeriods(ctx.startDate, ctx.endDate, ctx.reportingPeriod).filter((p) => p.end >= ctx.today);
  const existing: { id: string; state: ObligationState; periodStart: IsoDate; periodEnd: IsoDate }[] = await m.query(
    `SELECT id, state, period_start::text AS "periodStart", period_end::text AS "periodEnd" FROM obligation
      WHERE agreement_id = $1 AND type = 'PROGRESS_REPORT' FOR UPDATE`,
    [ctx.agreementId],
  );
  const byEnd = new Map(existing.map((o) => [o.periodEnd, o]));
  const wantedEnds = new Set(wanted.map((p) => p.end));
  for (const p of wanted) {
    const o = byEnd.get(p.end);
    const title = TITLES.progressReport(p.label, p.start, p.end);
    if (!o) {
      await insertObligation(m, ctx, { type: 'PROGRESS_REPORT', title, dueDate: p.due, periodStart: p.start, periodEnd: p.end });
    } else if (canMoveObligation('reinstate', o.state) || (o.state === 'OPEN' && o.periodStart !== p.start)) {
      await m.query(
        `UPDATE obligation SET state = 'OPEN', cancelled_at = NULL, period_start = $2, due_date = $3, title = $4, updated_at = now(), version = version + 1
          WHERE id = $1`,
        [o.id, p.start, p.due, title],
      );
    }
  }
  const dropped = existing.filter((o) => o.state === 'OPEN' && o.periodEnd >= ctx.today && !wantedEnds.has(o.periodEnd)).map((o) => o.id);
  if (dropped.length) {
    await m.query(
      `UPDATE obligation SET state = 'CANCELLED', cancelled_at = now(), updated_at = now(), version = version + 1 WHERE id = ANY($1::uuid[])`,
      [dropped],
    );
  }
}

/**
 * The small firm confirmed a commitment's delivery: its OPEN HONOUR_AGREEMENT obligation →
 * FULFILLED, with a note naming the confirmation as its evidence.
 */
export async function fulfilCommitmentObligation(m: EntityManager, commitmentId: string, actor: Actor): Promise<void> {
  const { rows } = await exec<{ id: string }>(
    m,
    `UPDATE obligation SET state = 'FULFILLED', fulfilled_at = now(), updated_at = now(), version = version + 1
      WHERE commitment_id = $1 AND type = 'HONOUR_AGREEMENT' AND state = 'OPEN' RETURNING id`,
    [commitmentId],
  );
  for (const { id } of rows) {
    await m.query(
      `INSERT INTO evidence (obligation_id, kind, note, uploaded_by, organization_id) VALUES ($1, 'NOTE', $2, $3, $4)`,
      [id, 'Pemenuhan komitmen dikonfirmasi oleh usaha kecil mitra melalui platform.', actor.userId, actor.organizationId],
    );
  }
}

/**
 * Adds to a small firm's track record (agreements completed and terminated, coaching sessions
 * confirmed) and recomputes `organization.track_record` — the matching score's part — from the totals.
 */
export async function recordTrackRecord(
  m: EntityManager,
  enterpriseId: string,
  delta: { completed?: number; terminated?: number; sessionsConfirmed?: number },
): Promise<void> {
  const n = (v: number | undefined) => (Number.isInteger(v) ? (v as number) : 0);
  const { rows } = await exec<{ completed: number; terminated: number; sessions: number }>(
    m,
    `UPDATE organization SET agreements_completed = GREATEST(0, agreements_completed + $2),
            agreements_terminated = GREATEST(0, agreements_terminated + $3),
            sessions_confirmed = GREATEST(0, sessions_confirmed + $4)
      WHERE id = $1
      RETURNING agreements_completed AS completed, agreements_terminated AS terminated, sessions_confirmed AS sessions`,
    [enterpriseId, n(delta.completed), n(delta.terminated), n(delta.sessionsConfirmed)],
  );
  const [r] = rows;
  if (!r) return;
  await m.query(`UPDATE organization SET track_record = $2 WHERE id = $1`, [enterpriseId, trackRecordPart(r.completed, r.terminated, r.sessions)]);
}
