import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  conflict,
  invalid,
  isoMicros,
  notFound,
  type Page,
  sqlParams,
  staleVersion,
  timeCursor,
  toPage,
} from '@jalin/core';
import { NotificationsService } from '@jalin/notifications';
import { periodLabel, type ReportingPeriodKind } from './domain/calendar.js';
import { canMoveObligation, type ObligationState, obligationTransition, REVISION_DUE_DAYS } from './domain/obligation.js';
import { reportTransition, reviewAction, type ReportStatus } from './domain/report.js';
import type {
  DraftCommitmentView,
  PartyIdentityView,
  ProgressReportView,
  ReportDraftView,
  ReportListQuery,
  ReportReviewDto,
  ReportSubmitDto,
  ReportVersionView,
} from './dto/report.dto.js';
import { NOTICES } from './notices.js';
import { auditOrg, exec } from './sql.js';
import { partyScopeSql } from '@jalin/core';

const REPORT_COLUMNS = `r.id, r.agreement_id AS "agreementId", r.obligation_id AS "obligationId", r.partner_id AS "partnerId",
  r.enterprise_id AS "enterpriseId", r.period_start::text AS "periodStart", r.period_end::text AS "periodEnd", r.status,
  r.report_version AS "reportVersion", v.summary, v.volumes, v.coaching_delivered AS "coachingDelivered",
  v.payments_on_time AS "paymentsOnTime", v.issues, r.submitted_at AS "submittedAt", r.reviewed_at AS "reviewedAt",
  r.review_note AS "reviewNote", r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.version`;
const REPORT_FROM = `progress_report r JOIN progress_report_version v ON v.report_id = r.id AND v.report_version = r.report_version`;

interface LockedReport {
  id: string;
  agreementId: string;
  obligationId: string | null;
  partnerId: string;
  periodStart: string;
  periodEnd: string;
  status: ReportStatus;
  reportVersion: number;
  version: number;
}

/**
 * Progress reports (Pasal 14): drafted from what the platform knows, submitted by the owning partner
 * against a PROGRESS_REPORT period (fulfilling it), reviewed by the ministry — a revision request
 * reopens the obligation, due 14 days after the review. Every submitted version is kept.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A draft for the period ending `periodEnd`, pre-filled from the platform (days are the partner's):
   * - coachingDelivered: sessions held in the period that the small firm confirmed, by aspect and activity;
   * - commitments: those confirmed or disputed (with kind and reason) that were due in the period or
   *   were confirmed or disputed in it;
   * - volumes: in-force commitments due in the period with a quantity, unit or value (disputed ones
   *   left out — not realised);
   * - paymentsOnTime: false when such a commitment carries a LATE_PAYMENT dispute;
   * - issues: the period's disputes (commitments, and sessions held in it), one per line;
   * - both parties' identity (NIB, KBLI, class, region), the pattern and the agreement number.
   */
  async draft(actor: Actor, agreementId: string, periodEnd: string): Promise<ReportDraftView> {
    const a = await this.ownAgreement(this.ds, actor, agreementId);
    const [o]: { id: string; periodStart: string; periodEnd: string; dueDate: string; timeZone: string }[] = await this.ds.query(
      `SELECT id, period_start::text AS "periodStart", period_end::text AS "periodEnd", due_date::text AS "dueDate", time_zone AS "timeZone"
         FROM obligation WHERE agreement_id = $1 AND type = 'PROGRESS_REPORT' AND period_end = $2::date AND state <> 'CANCELLED'`,
      [agreementId, periodEnd],
    );
    if (!o) throw notFound(`Reporting period ending ${periodEnd} of this agreement`);
    const period = [agreementId, o.periodStart, o.periodEnd, o.timeZone];
    const inPeriod = (col: string) => `(${col} AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date`;

    const [parties, coaching, commitments, disputedSessions, volumes, late, report] = await Promise.all([
      this.ds.query(
        `SELECT g.id, g.name, g.nib, g.kbli_codes AS "kbliCodes", g.scale, g.region_code AS "regionCode", rg.name AS "regionName", g.province_code AS "provinceCode"
           FROM organization g LEFT JOIN region rg ON rg.code = g.region_code WHERE g.id = ANY($1::uuid[])`,
        [[a.partnerId, a.enterpriseId]],
      ) as Promise<PartyIdentityView[]>,
      this.ds.query(
        `SELECT aspect, activity, count(*)::int AS sessions FROM coaching_session
          WHERE agreement_id = $1 AND status = 'CONFIRMED' AND ${inPeriod('scheduled_at')}
          GROUP BY aspect, activity ORDER BY aspect, activity`,
        period,
      ) as Promise<{ aspect: string; activity: string; sessions: number }[]>,
      this.ds.query(
        // Every terms version's rows (a commitment an amendment dropped keeps its dispute), an
        // amendment's carried-over copy of a confirmation or dispute counted once (the newest row).
        `SELECT id, type, description, status, "confirmedAt", "disputedAt", "disputeKind", "disputeReason" FROM (
           SELECT DISTINCT ON (type, lower(btrim(description)), status, confirmed_at, disputed_at)
                  id, type, description, status, confirmed_at AS "confirmedAt", disputed_at AS "disputedAt", dispute_kind AS "disputeKind",
                  dispute_reason AS "disputeReason", position
             FROM commitment
            WHERE agreement_id = $1 AND status IN ('CONFIRMED', 'DISPUTED')
              AND (due_date BETWEEN $2::date AND $3::date OR ${inPeriod('confirmed_at')} OR ${inPeriod('disputed_at')})
            ORDER BY type, lower(btrim(description)), status, confirmed_at, disputed_at, terms_version DESC
         ) c ORDER BY position, id`,
        period,
      ) as Promise<DraftCommitmentView[]>,
      this.ds.query(
        `SELECT topic, (scheduled_at AT TIME ZONE $4)::date::text AS day, dispute_reason AS reason FROM coaching_session
          WHERE agreement_id = $1 AND status = 'DISPUTED' AND ${inPeriod('scheduled_at')} ORDER BY scheduled_at, id`,
        period,
      ) as Promise<{ topic: string; day: string; reason: string }[]>,
      this.ds.query(
        `SELECT description AS product, coalesce(quantity, 0)::float8 AS quantity, coalesce(unit, '') AS unit, coalesce(value_idr, 0)::float8 AS "valueIdr"
           FROM commitment
          WHERE agreement_id = $1 AND terms_version = $4 AND due_date BETWEEN $2::date AND $3::date AND status <> 'DISPUTED'
            AND (quantity IS NOT NULL OR unit IS NOT NULL OR value_idr IS NOT NULL)
          ORDER BY position, id`,
        [agreementId, o.periodStart, o.periodEnd, a.termsVersion],
      ) as Promise<{ product: string; quantity: number; unit: string; valueIdr: number }[]>,
      this.ds.query(
        `SELECT count(*)::int AS n FROM commitment
          WHERE agreement_id = $1 AND dispute_kind = 'LATE_PAYMENT' AND (due_date BETWEEN $2::date AND $3::date OR ${inPeriod('disputed_at')})`,
        period,
      ) as Promise<{ n: number }[]>,
      this.ds.query(`SELECT id, status FROM progress_report WHERE agreement_id = $1 AND period_end = $2::date`, [agreementId, o.periodEnd]) as Promise<
        { id: string; status: string }[]
      >,
    ]);
    const party = (id: string) => parties.find((x) => x.id === id)!;
    const label = periodLabel(o.periodEnd, a.reportingPeriod);
    const confirmed = commitments.filter((c) => c.status === 'CONFIRMED').length;
    const disputed = commitments.filter((c) => c.status === 'DISPUTED');
    const delivered = coaching.reduce((s, c) => s + c.sessions, 0);
    const issues = [
      ...disputed.map((c) => `Komitmen ${c.type} “${c.description}” disanggah${c.disputeKind ? ` (${c.disputeKind})` : ''}: ${c.disputeReason ?? ''}`.trim()),
      ...disputedSessions.map((s) => `Sesi pembinaan “${s.topic}” (${s.day}) disanggah: ${s.reason ?? ''}`.trim()),
    ];
    return {
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      summary:
        `Laporan perkembangan kemitraan ${a.number} (${a.pattern}) ${label}, ${o.periodStart} s.d. ${o.periodEnd}: ` +
        `${delivered} sesi pembinaan terkonfirmasi, ${confirmed} komitmen terkonfirmasi, ${disputed.length + disputedSessions.length} sanggahan.`,
      volumes,
      coachingDelivered: coaching,
      paymentsOnTime: late[0].n === 0,
      issues: issues.join('\n'),
      periodLabel: label,
      dueDate: o.dueDate,
      obligationId: o.id,
      agreementId,
      agreementNumber: a.number,
      agreementTitle: a.title,
      pattern: a.pattern,
      reportingPeriod: a.reportingPeriod,
      partner: party(a.partnerId),
      enterprise: party(a.enterpriseId),
      commitments,
      sessionsDisputed: disputedSessions.length,
      reportId: report[0]?.id ?? null,
      reportStatus: report[0]?.status ?? null,
    };
  }

  /**
   * The owning partner files the report for the period ending `periodEnd` (409 when the agreement has
   * no open such period). The first filing creates it SUBMITTED; after a revision request it is
   * RESUBMITTED as the next version; the period's PROGRESS_REPORT obligation is FULFILLED.
   */
  async submit(actor: Actor, agreementId: string, dto: ReportSubmitDto): Promise<ProgressReportView> {
    return this.ds.transaction(async (m) => {
      const a = await this.ownAgreement(m, actor, agreementId, true);
      const [o]: { id: string; state: ObligationState; periodStart: string; version: number }[] = await m.query(
        `SELECT id, state, period_start::text AS "periodStart", version FROM obligation
          WHERE agreement_id = $1 AND type = 'PROGRESS_REPORT' AND period_end = $2::date FOR UPDATE`,
        [agreementId, dto.periodEnd],
      );
      if (!o || o.state === 'CANCELLED') {
        throw conflict(`This agreement has no open reporting period ending ${dto.periodEnd}`, { periodEnd: dto.periodEnd });
      }
      if (o.periodStart !== dto.periodStart) {
        throw invalid([{ field: 'periodStart', message: `the reporting period ending ${dto.periodEnd} starts on ${o.periodStart}` }]);
      }
      const [existing]: LockedReport[] = await m.query(`SELECT ${LOCK_COLUMNS} FROM progress_report r WHERE r.agreement_id = $1 AND r.period_end = $2::date FOR UPDATE`, [
        agreementId,
        dto.periodEnd,
      ]);
      let reportId: string;
      let reportVersion: number;
      let before: ProgressReportView | null = null;
      if (!existing) {
        const [row] = await m.query(
          `INSERT INTO progress_report (agreement_id, obligation_id, partner_id, enterprise_id, period_start, period_end, status, report_version)
           VALUES ($1, $2, $3, $4, $5, $6, 'SUBMITTED', 1) RETURNING id`,
          [agreementId, o.id, a.partnerId, a.enterpriseId, dto.periodStart, dto.periodEnd],
        );
        reportId = row.id;
        reportVersion = 1;
      } else {
        if (dto.version !== undefined && dto.version !== existing.version) throw staleVersion(existing.version);
        const to = reportTransition('resubmit', existing.status);
        before = await this.view(m, existing.id);
        reportId = existing.id;
        reportVersion = existing.reportVersion + 1;
        await this.write(m, existing, `status = $3, report_version = $4, submitted_at = now()`, [to, reportVersion]);
      }
      await m.query(
        `INSERT INTO progress_report_version (report_id, report_version, summary, volumes, coaching_delivered, payments_on_time, issues, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          reportId, reportVersion, dto.summary.trim(), JSON.stringify(dto.volumes.map(plainVolume)),
          JSON.stringify(dto.coachingDelivered.map((c) => ({ aspect: c.aspect, activity: c.activity, sessions: c.sessions }))),
          dto.paymentsOnTime, dto.issues.trim(), actor.userId,
        ],
      );
      let obligationState: ObligationState = o.state;
      if (canMoveObligation('fulfil', o.state)) {
        await m.query(`UPDATE obligation SET state = 'FULFILLED', fulfilled_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`, [o.id]);
        obligationState = obligationTransition('fulfil', o.state);
      }
      const after = await this.view(m, reportId, true);
      await this.audit.record(m, {
        action: existing ? 'progress_report.resubmit' : 'progress_report.submit',
        entityType: 'progress_report',
        entityId: reportId,
        actor,
        organizationId: a.partnerId,
        before: before ? auditable(before) : null,
        after: { ...auditable(after), obligationId: o.id, obligationState },
      });
      return after;
    });
  }

  /**
   * MINISTRY review of the latest version: ACCEPTED, or REVISION_REQUESTED with a note — which
   * reopens the period's obligation, due 14 days after the review day in the obligation's zone. The
   * partner is told either way.
   */
  async review(actor: Actor, id: string, dto: ReportReviewDto): Promise<ProgressReportView> {
    const note = dto.note?.trim() || null;
    if (dto.decision === 'REVISION_REQUESTED' && !note) {
      throw invalid([{ field: 'note', message: 'say what to revise when asking for a revision' }]);
    }
    return this.ds.transaction(async (m) => {
      const { values, p } = sqlParams();
      const [r]: LockedReport[] = await m.query(
        `SELECT ${LOCK_COLUMNS} FROM progress_report r WHERE r.id = ${p(id)} AND ${partyScopeSql(actor, p, 'r.partner_id', 'r.enterprise_id')} FOR UPDATE OF r`,
        values,
      );
      if (!r) throw notFound('Progress report');
      if (dto.version !== undefined && dto.version !== r.version) throw staleVersion(r.version);
      const to = reportTransition(reviewAction(dto.decision), r.status);
      const before = await this.view(m, id);
      await this.write(m, r, `status = $3, reviewed_at = now(), reviewed_by = $4, review_note = $5`, [to, actor.userId, note]);
      await m.query(`UPDATE progress_report_version SET review_decision = $3, review_note = $4 WHERE report_id = $1 AND report_version = $2`, [
        id,
        r.reportVersion,
        dto.decision,
        note,
      ]);
      let dueDate: string | null = null;
      if (to === 'REVISION_REQUESTED' && r.obligationId) {
        const { rows } = await exec<{ dueDate: string }>(
          m,
          `UPDATE obligation SET state = 'OPEN', fulfilled_at = NULL, due_date = (now() AT TIME ZONE time_zone)::date + ${REVISION_DUE_DAYS},
                  updated_at = now(), version = version + 1
            WHERE id = $1 AND state IN ('FULFILLED', 'OPEN') RETURNING due_date::text AS "dueDate"`,
          [r.obligationId],
        );
        dueDate = rows[0]?.dueDate ?? null;
      }
      const after = await this.view(m, id, true);
      await this.audit.record(m, {
        action: 'progress_report.review',
        entityType: 'progress_report',
        entityId: id,
        actor,
        organizationId: auditOrg(actor, r.partnerId),
        before: auditable(before),
        after: { ...auditable(after), decision: dto.decision, obligationDueDate: dueDate },
      });
      await this.notifications.notifyOrganization(
        m,
        r.partnerId,
        NOTICES.reportReviewed({ id, agreementId: r.agreementId, periodStart: r.periodStart, periodEnd: r.periodEnd, decision: dto.decision, note, dueDate }),
      );
      return after;
    });
  }

  /** Newest first; parties see their own, oversight all (province-limited officers: theirs). */
  async list(actor: Actor, q: ReportListQuery): Promise<Page<ProgressReportView>> {
    const limit = q.limit ?? 20;
    const { values, p } = sqlParams();
    const where = [partyScopeSql(actor, p, 'r.partner_id', 'r.enterprise_id')];
    if (q.agreementId) where.push(`r.agreement_id = ${p(q.agreementId)}::uuid`);
    if (q.status) where.push(`r.status = ${p(q.status)}`);
    const cur = timeCursor(q.cursor);
    if (cur) {
      const at = p(cur.at);
      where.push(`(r.created_at < ${at}::timestamptz OR (r.created_at = ${at}::timestamptz AND r.id > ${p(cur.id)}::uuid))`);
    }
    const rows: (ProgressReportView & { sortKey: string })[] = await this.ds.query(
      `SELECT ${REPORT_COLUMNS}, ${isoMicros('r.created_at')} AS "sortKey" FROM ${REPORT_FROM}
        WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id ASC LIMIT ${p(limit + 1)}`,
      values,
    );
    return toPage(rows, limit, (r) => [r.sortKey, r.id], ({ sortKey: _s, ...r }) => r);
  }

  /** One report with every version, oldest first. */
  async findOne(actor: Actor, id: string): Promise<ProgressReportView> {
    const { values, p } = sqlParams();
    const [row] = await this.ds.query(`SELECT r.id FROM progress_report r WHERE r.id = ${p(id)} AND ${partyScopeSql(actor, p, 'r.partner_id', 'r.enterprise_id')}`, values);
    if (!row) throw notFound('Progress report');
    return this.view(this.ds, id, true);
  }

  private async view(m: EntityManager | DataSource, id: string, withVersions = false): Promise<ProgressReportView> {
    const [r]: ProgressReportView[] = await m.query(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.id = $1`, [id]);
    if (withVersions) {
      r.versions = (await m.query(
        `SELECT report_version AS "reportVersion", summary, volumes, coaching_delivered AS "coachingDelivered", payments_on_time AS "paymentsOnTime",
                issues, submitted_by AS "submittedBy", submitted_at AS "submittedAt", review_decision AS "reviewDecision", review_note AS "reviewNote"
           FROM progress_report_version WHERE report_id = $1 ORDER BY report_version`,
        [id],
      )) as ReportVersionView[];
    }
    return r;
  }

  private async ownAgreement(m: EntityManager | DataSource, actor: Actor, agreementId: string, lock = false): Promise<OwnAgreement> {
    if (!actor.organizationId) throw notFound('Agreement');
    const [a] = await m.query(
      `SELECT a.id, a.number, a.title, a.pattern, a.status, a.reporting_period AS "reportingPeriod", a.terms_version AS "termsVersion",
              a.partner_id AS "partnerId", a.enterprise_id AS "enterpriseId"
         FROM agreement a WHERE a.id = $1 AND a.partner_id = $2 ${lock ? 'FOR SHARE' : ''}`,
      [agreementId, actor.organizationId],
    );
    if (!a) throw notFound('Agreement');
    return a;
  }

  private async write(m: EntityManager, r: LockedReport, set: string, params: unknown[]): Promise<void> {
    const { count } = await exec(m, `UPDATE progress_report SET ${set}, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $2`, [
      r.id,
      r.version,
      ...params,
    ]);
    if (!count) throw staleVersion(r.version + 1);
  }
}

interface OwnAgreement {
  id: string;
  number: string;
  title: string;
  pattern: string;
  status: string;
  reportingPeriod: ReportingPeriodKind;
  termsVersion: number;
  partnerId: string;
  enterpriseId: string;
}

const LOCK_COLUMNS = `r.id, r.agreement_id AS "agreementId", r.obligation_id AS "obligationId", r.partner_id AS "partnerId",
  r.period_start::text AS "periodStart", r.period_end::text AS "periodEnd", r.status, r.report_version AS "reportVersion", r.version`;

const plainVolume = (v: { product: string; quantity: number; unit: string; valueIdr: number }) => ({
  product: v.product,
  quantity: v.quantity,
  unit: v.unit,
  valueIdr: v.valueIdr,
});

/** The audit trail's picture of a report: its state, not its versions' text. */
const auditable = (r: ProgressReportView) => ({
  status: r.status,
  reportVersion: r.reportVersion,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  reviewNote: r.reviewNote,
  paymentsOnTime: r.paymentsOnTime,
});

