import type { INestApplicationContext, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, zoneOfProvince } from '@jalin/core';
import { AgreementLifecycleService, AgreementsService, CommitmentsService, CreateAgreementDto, DisputeCommitmentDto, ProposeAmendmentDto } from '@jalin/agreements';
import {
  dateIn,
  ObligationsService,
  ReportReviewDto,
  ReportsService,
  ReportSubmitDto,
  SessionAttendanceDto,
  SessionDisputeDto,
  SessionsService,
} from '@jalin/obligations';
import { ApplicationsService, DecisionDto } from '@jalin/opportunities';
import { DEMO_OFFICER, demoEmailOf } from './demo-data.js';
import { ACCEPTED_ONLY, PARTNERSHIP_PLANS, type PartnershipPlan, type ReportFiling, type SessionOutcome, termsBody } from './demo-partnerships.js';
import { actorByEmail, describe, validDto } from './support.js';

/** The services a partnership is driven through, and who acts. */
interface Stage {
  ds: DataSource;
  applications: ApplicationsService;
  agreements: AgreementsService;
  lifecycle: AgreementLifecycleService;
  commitments: CommitmentsService;
  sessions: SessionsService;
  reports: ReportsService;
  obligations: ObligationsService;
  officer: Actor | null;
  /** The seed's day in WIB: plans' dates are relative to it. */
  today: string;
}

interface FirstApplication {
  id: string;
  pattern: string;
  enterpriseEmail: string;
  enterpriseOwner: string;
}

/** Co-workers of the small firm's owner who attend coaching (invented names). */
const CO_ATTENDEES = ['Siti Aminah', 'Rudi Santoso', 'Wahyu Hidayat', 'Nur Aisyah', 'Dedi Kurniawan', 'Lestari Handayani'];

const SESSION_DISPUTE =
  'Sesi ini dicatat sebagai pelatihan sehari penuh, tetapi yang terjadi hanya kunjungan singkat sekitar 30 menit; tidak ada materi yang diberikan.';

/**
 * Running partnerships for the demo (demo-partnerships.ts): each partner of a plan accepts the first
 * application to its opportunity and, unless it is to stay at that, drafts the agreement; an ACTIVE
 * one is submitted and signed by both (generating its obligations), then its history is played —
 * coaching attendance, confirmations and a dispute, commitments confirmed, evidenced or disputed,
 * progress reports filed and reviewed by the ministry officer, an amendment signed by both.
 *
 * All through the services, as the parties and the officer, so every rule, audit record and
 * notification applies. A partner with an agreement or an accepted application already is left
 * alone, so a second run changes nothing and a run cut short resumes with the partners not yet
 * dealt with. Returns how many partners it dealt with.
 */
export async function seedPartnerships(app: INestApplicationContext, logger: Logger): Promise<number> {
  const ds = app.get(DataSource);
  const s: Stage = {
    ds,
    applications: app.get(ApplicationsService),
    agreements: app.get(AgreementsService),
    lifecycle: app.get(AgreementLifecycleService),
    commitments: app.get(CommitmentsService),
    sessions: app.get(SessionsService),
    reports: app.get(ReportsService),
    obligations: app.get(ObligationsService),
    officer: await actorByEmail(ds, DEMO_OFFICER.email),
    today: dateIn('Asia/Jakarta'),
  };
  const started = Date.now();
  const done: string[] = [];
  const plans: (PartnershipPlan | string)[] = [...PARTNERSHIP_PLANS, ...ACCEPTED_ONLY];
  for (const plan of plans) {
    const name = typeof plan === 'string' ? plan : plan.partner;
    const partner = await actorByEmail(ds, demoEmailOf(name));
    if (!partner?.organizationId || (await dealtWith(ds, partner.organizationId))) continue;
    const first = await firstApplication(ds, partner.organizationId);
    if (!first) {
      logger.warn(`Demo seed: ${name} has no submitted application to accept; no partnership made.`);
      continue;
    }
    try {
      if (typeof plan === 'string') {
        await accept(s, partner, first, 'Selamat, lamaran Bapak/Ibu kami terima. Draf perjanjian kemitraan segera kami kirimkan.');
      } else if (plan.pattern !== first.pattern) {
        logger.warn(`Demo seed: ${name}'s opportunity is ${first.pattern}, the demo plan ${plan.pattern}; no partnership made.`);
        continue;
      } else {
        await playPartnership(s, plan, partner, first);
      }
    } catch (err) {
      throw new Error(`Demo seed: the partnership of ${name} failed: ${describe(err)}`, { cause: err });
    }
    done.push(name);
  }
  if (done.length) {
    const [row]: { active: number; draft: number; provinces: number }[] = await ds.query(
      `SELECT count(*) FILTER (WHERE a.status = 'ACTIVE')::int AS active, count(*) FILTER (WHERE a.status = 'DRAFT')::int AS draft,
              count(DISTINCT e.province_code) FILTER (WHERE a.status = 'ACTIVE')::int AS provinces
         FROM agreement a JOIN organization e ON e.id = a.enterprise_id`,
    );
    logger.log(
      `Demo seed: partnerships for ${done.length} partners in ${((Date.now() - started) / 1000).toFixed(1)} s — ` +
        `${row.active} ACTIVE agreements in ${row.provinces} provinces, ${row.draft} DRAFT, accepted applications awaiting an agreement.`,
    );
  }
  return done.length;
}

/** A partner that has an agreement or an accepted application has been dealt with (by the seed or by a person). */
async function dealtWith(ds: DataSource, partnerId: string): Promise<boolean> {
  const [row]: { done: boolean }[] = await ds.query(
    `SELECT EXISTS (SELECT 1 FROM agreement WHERE partner_id = $1) OR EXISTS (SELECT 1 FROM application WHERE partner_id = $1 AND status = 'ACCEPTED') AS done`,
    [partnerId],
  );
  return row?.done === true;
}

/** The oldest SUBMITTED application to the partner's opportunities, with the firm's first user. */
async function firstApplication(ds: DataSource, partnerId: string): Promise<FirstApplication | null> {
  const [row]: FirstApplication[] = await ds.query(
    `SELECT ap.id, o.pattern, u.email AS "enterpriseEmail", u.full_name AS "enterpriseOwner"
       FROM application ap
       JOIN opportunity o ON o.id = ap.opportunity_id
       CROSS JOIN LATERAL (SELECT email, full_name FROM app_user WHERE organization_id = ap.enterprise_id ORDER BY created_at, id LIMIT 1) u
      WHERE ap.partner_id = $1 AND ap.status = 'SUBMITTED'
      ORDER BY ap.created_at, ap.id
      LIMIT 1`,
    [partnerId],
  );
  return row ?? null;
}

async function accept(s: Stage, partner: Actor, first: FirstApplication, note: string): Promise<void> {
  await s.applications.accept(partner, first.id, await validDto(DecisionDto, { note }, 'acceptance'));
}

async function playPartnership(s: Stage, plan: PartnershipPlan, partner: Actor, first: FirstApplication): Promise<void> {
  const label = plan.partner;
  await accept(s, partner, first, 'Lamaran Bapak/Ibu kami terima; mari kita tuangkan kemitraan ini dalam perjanjian.');
  const enterprise = await actorByEmail(s.ds, first.enterpriseEmail);
  if (!enterprise) throw new Error(`the account ${first.enterpriseEmail} is missing`);
  const [{ provinceCode }]: { provinceCode: string }[] = await s.ds.query(`SELECT province_code AS "provinceCode" FROM organization WHERE id = $1`, [
    partner.organizationId,
  ]);
  const timeZone = zoneOfProvince(provinceCode);
  const body = termsBody(plan, s.today, timeZone);
  const draft = await s.agreements.create(partner, await validDto(CreateAgreementDto, { applicationId: first.id, ...body }, label));
  if (plan.stage === 'DRAFT') return;

  await s.lifecycle.submit(partner, draft.id, {});
  await s.lifecycle.sign(enterprise, draft.id, {});
  const active = await s.lifecycle.sign(partner, draft.id, {});

  await playSessions(s, plan, active.id, partner, enterprise, first.enterpriseOwner);
  await playCommitments(s, plan, active.commitments, partner, enterprise);
  await playReports(s, plan, active.id, partner);

  if (plan.amendment) {
    const terms = termsBody(plan, s.today, timeZone, true);
    await s.lifecycle.amend(partner, active.id, await validDto(ProposeAmendmentDto, { ...terms, reason: plan.amendment.reason }, `${label} (amendment)`));
    await s.lifecycle.sign(enterprise, active.id, {});
    await s.lifecycle.sign(partner, active.id, {});
  }
}

/** Coaching sessions whose time has come, in order: attendance, then the small firm's confirmation or dispute. */
async function playSessions(s: Stage, plan: PartnershipPlan, agreementId: string, partner: Actor, enterprise: Actor, owner: string): Promise<void> {
  const due: { id: string }[] = await s.ds.query(
    `SELECT id FROM coaching_session WHERE agreement_id = $1 AND status = 'SCHEDULED' AND scheduled_at <= now() ORDER BY scheduled_at, id`,
    [agreementId],
  );
  for (const [i, session] of due.entries()) {
    const outcome: SessionOutcome = plan.sessions?.[i] ?? plan.laterSessions ?? 'HELD';
    if (outcome === 'MISSED') continue;
    const attendees = [owner, CO_ATTENDEES[i % CO_ATTENDEES.length]!, CO_ATTENDEES[(i + 3) % CO_ATTENDEES.length]!].map((name) => ({ name }));
    await s.sessions.recordAttendance(
      partner,
      session.id,
      await validDto(SessionAttendanceDto, { attendees, note: 'Sesi berlangsung sesuai jadwal; materi dan daftar hadir diarsipkan.' }, plan.partner),
    );
    if (outcome === 'CONFIRMED') await s.sessions.confirm(enterprise, session.id, {});
    if (outcome === 'DISPUTED') await s.sessions.dispute(enterprise, session.id, await validDto(SessionDisputeDto, { reason: SESSION_DISPUTE }, plan.partner));
  }
}

/**
 * What each commitment's outcome says — a dated one only once its due date has passed: the small
 * firm confirms or disputes it, or the partner evidences its HONOUR_AGREEMENT obligation.
 */
async function playCommitments(
  s: Stage,
  plan: PartnershipPlan,
  live: { id: string; description: string; dueDate: string | null }[],
  partner: Actor,
  enterprise: Actor,
): Promise<void> {
  for (const planned of plan.commitments) {
    const outcome = planned.outcome;
    const c = live.find((x) => x.description === planned.description);
    if (!outcome || !c || (c.dueDate !== null && c.dueDate >= s.today)) continue;
    if ('confirm' in outcome) {
      await s.commitments.confirm(enterprise, c.id, {});
    } else if ('dispute' in outcome) {
      await s.commitments.dispute(enterprise, c.id, await validDto(DisputeCommitmentDto, { kind: outcome.dispute, reason: outcome.reason }, plan.partner));
    } else {
      const [o]: { id: string }[] = await s.ds.query(`SELECT id FROM obligation WHERE commitment_id = $1 AND type = 'HONOUR_AGREEMENT' AND state = 'OPEN'`, [c.id]);
      if (o) await s.obligations.addEvidence(partner, o.id, { note: outcome.evidence });
    }
  }
}

/**
 * Reporting periods whose due date has passed, oldest first: filed as the plan says (the draft the
 * platform pre-fills, with the period's realised volume) and reviewed by the ministry officer; the
 * rest stay OVERDUE.
 */
async function playReports(s: Stage, plan: PartnershipPlan, agreementId: string, partner: Actor): Promise<void> {
  const periods: { id: string; periodEnd: string; dueDate: string; timeZone: string }[] = await s.ds.query(
    `SELECT id, period_end::text AS "periodEnd", due_date::text AS "dueDate", time_zone AS "timeZone" FROM obligation
      WHERE agreement_id = $1 AND type = 'PROGRESS_REPORT' AND state = 'OPEN' AND due_date < (now() AT TIME ZONE time_zone)::date
      ORDER BY period_end`,
    [agreementId],
  );
  for (const [i, period] of periods.entries()) {
    const filing = plan.reports?.[i];
    if (!filing) continue;
    const draft = await s.reports.draft(partner, agreementId, period.periodEnd);
    const volumes = draft.volumes.map((v) => ({ ...v, valueIdr: Math.round(v.valueIdr) }));
    let summary = draft.summary;
    if (plan.monthlyVolume) {
      const v = plan.monthlyVolume;
      const factor = [0.92, 0.97, 1, 0.88][i % 4]!;
      const months = monthsCovered(draft.periodStart, draft.periodEnd);
      const realised = { product: v.product, quantity: Math.round(v.quantity * months * factor), unit: v.unit, valueIdr: Math.round(v.valueIdr * months * factor) };
      volumes.push(realised);
      summary += ` Realisasi ${v.product.toLowerCase()}: ${realised.quantity.toLocaleString('id-ID')} ${v.unit} senilai Rp${realised.valueIdr.toLocaleString('id-ID')}.`;
    }
    const report = await s.reports.submit(
      partner,
      agreementId,
      await validDto(
        ReportSubmitDto,
        {
          periodStart: draft.periodStart,
          periodEnd: draft.periodEnd,
          summary,
          volumes,
          coachingDelivered: draft.coachingDelivered,
          paymentsOnTime: draft.paymentsOnTime,
          issues: draft.issues,
        },
        `${plan.partner} (report ${draft.periodLabel})`,
      ),
    );
    await backdateFiling(s.ds, report.id, period, filing);
    if (filing.review && s.officer) {
      await s.reports.review(
        s.officer,
        report.id,
        await validDto(ReportReviewDto, { decision: filing.review.decision, ...(filing.review.note ? { note: filing.review.note } : {}) }, plan.partner),
      );
    }
  }
}

/**
 * Moves a report's filing to when the demo's history has it filed: a few days before the due date
 * (ON_TIME) or some days after it (LATE; never later than now). Direct SQL on purpose: no service
 * back-dates a filing — the platform stamps its own clock — but the demo replays months of history
 * in a moment, and without this every report would read as filed today, i.e. late, and the
 * ministry's on-time figure would say nothing. Only these timestamps move; the report, its version,
 * the obligation's state and the audit record are the service's.
 */
async function backdateFiling(ds: DataSource, reportId: string, period: { id: string; dueDate: string; timeZone: string }, filing: ReportFiling): Promise<void> {
  const days = filing.filed === 'ON_TIME' ? -3 : 12;
  await ds.transaction(async (m) => {
    const [{ at }]: { at: Date }[] = await m.query(`SELECT LEAST(now(), (($1::date + $2::int)::timestamp + time '10:00') AT TIME ZONE $3) AS at`, [
      period.dueDate,
      days,
      period.timeZone,
    ]);
    await m.query(`UPDATE progress_report SET submitted_at = $2 WHERE id = $1`, [reportId, at]);
    await m.query(`UPDATE progress_report_version SET submitted_at = $2 WHERE report_id = $1`, [reportId, at]);
    await m.query(`UPDATE obligation SET fulfilled_at = $2 WHERE id = $1 AND state = 'FULFILLED'`, [period.id, at]);
  });
}

/** Calendar months a period touches (a quarter: 3; a first, partial quarter: 1 or 2). */
function monthsCovered(start: string, end: string): number {
  const idx = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return idx(end) - idx(start) + 1;
}
