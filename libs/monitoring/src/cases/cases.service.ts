import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  DomainError,
  ErrorCode,
  type FieldError,
  invalid,
  isoMicros,
  notFound,
  type Page,
  partyScopeSql,
  Role,
  sqlParams,
  staleVersion,
  timeCursor,
  toPage,
  zoneOfProvince,
} from '@jalin/core';
import { NotificationsService } from '@jalin/notifications';
import { cancelCaseRemedyObligation, EVIDENCE_STORAGE, type EvidenceStorage, fulfilCaseRemedyObligation, LEGAL_BASIS, openCaseRemedyObligation } from '@jalin/obligations';
import { ruleByCode } from '../rules/catalog.js';
import { type CaseAction, type CaseSide, type CaseStatus, allowedCaseActions, caseTransition, conclusionAction } from './case.lifecycle.js';
import { CaseNoticeKind, type CaseNoticeContext, caseNotice } from './case.notices.js';
import { type CaseUpload, type CheckedFile, checkFiles, MAX_TEXT } from './case-upload.js';
import type {
  CancelCaseDto,
  CaseConclusionOnlyView,
  CaseDetailView,
  CaseListQuery,
  CaseMessageView,
  CaseView,
  CompleteCaseDto,
  ConcludeCaseDto,
  CreateCaseDto,
  PartyCaseListQuery,
  VersionedCaseDto,
} from './dto/case.dto.js';

const CASE_COLUMNS = `c.id, c.number, c.status, c.subject_type AS "subjectType", c.partner_id AS "partnerId", pp.name AS "partnerName",
  pp.province_code AS "partnerProvince", c.agreement_id AS "agreementId", ag.number AS "agreementNumber",
  c.enterprise_id AS "enterpriseId", ep.name AS "enterpriseName", c.finding_id AS "findingId", fi.rule_code AS "findingRuleCode",
  c.reason, c.period_from::text AS "periodFrom", c.period_to::text AS "periodTo",
  c.violation, c.violation_type AS "violationType", c.required_remedy AS "requiredRemedy", c.remedy_due_date::text AS "remedyDueDate",
  c.conclusion_note AS "conclusionNote", c.concluded_at AS "concludedAt", c.remedy_reported_at AS "remedyReportedAt",
  c.opened_at AS "openedAt", c.completed_at AS "completedAt", c.completion_note AS "completionNote",
  c.cancelled_at AS "cancelledAt", c.cancel_reason AS "cancelReason", c.created_by AS "createdBy",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.version, ${isoMicros('c.created_at')} AS "sortAt"`;

const CASE_FROM = `monitoring_case c
  JOIN organization pp ON pp.id = c.partner_id
  LEFT JOIN agreement ag ON ag.id = c.agreement_id
  LEFT JOIN organization ep ON ep.id = c.enterprise_id
  LEFT JOIN finding fi ON fi.id = c.finding_id`;

interface CaseRow {
  id: string;
  number: string;
  status: CaseStatus;
  subjectType: string;
  partnerId: string;
  partnerName: string;
  partnerProvince: string;
  agreementId: string | null;
  agreementNumber: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  findingId: string | null;
  findingRuleCode: string | null;
  reason: string;
  periodFrom: string;
  periodTo: string;
  violation: boolean | null;
  violationType: string | null;
  requiredRemedy: string | null;
  remedyDueDate: string | null;
  conclusionNote: string | null;
  concludedAt: Date | null;
  remedyReportedAt: Date | null;
  openedAt: Date | null;
  completedAt: Date | null;
  completionNote: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  sortAt: string;
}

export interface CaseFileDownload {
  stream: Buffer | Readable;
  mediaType: string;
  fileName: string;
  sizeBytes: number;
}

/** Where each side downloads attachments: officers under /monitoring, the partner under /cases. */
const DOWNLOAD_BASE: Record<CaseSide, string> = { officer: '/api/v1/monitoring/cases', partner: '/api/v1/cases' };

const conclusionOf = (r: CaseRow) =>
  r.concludedAt && r.violation !== null
    ? {
        violation: r.violation,
        violationType: r.violationType,
        requiredRemedy: r.requiredRemedy,
        remedyDueDate: r.remedyDueDate,
        note: r.conclusionNote ?? '',
        concludedAt: r.concludedAt,
      }
    : null;

function toCaseView(r: CaseRow, side: CaseSide): CaseView {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    subjectType: r.subjectType,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    agreementId: r.agreementId,
    agreementNumber: r.agreementNumber,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    findingId: r.findingId,
    findingRuleCode: r.findingRuleCode,
    reason: r.reason,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    conclusion: conclusionOf(r),
    remedyReportedAt: r.remedyReportedAt,
    openedAt: r.openedAt,
    completedAt: r.completedAt,
    completionNote: r.completionNote,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    allowedActions: allowedCaseActions(r.status, side),
  };
}

function toConclusionOnly(r: CaseRow): CaseConclusionOnlyView {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    agreementId: r.agreementId!,
    agreementNumber: r.agreementNumber!,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    conclusion: conclusionOf(r)!,
    completedAt: r.completedAt,
  };
}

/** The audit trail's picture of a case. */
const auditState = (r: CaseRow) => ({
  number: r.number,
  status: r.status,
  subjectType: r.subjectType,
  partnerId: r.partnerId,
  agreementId: r.agreementId,
  findingId: r.findingId,
  reason: r.reason,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  violation: r.violation,
  violationType: r.violationType,
  requiredRemedy: r.requiredRemedy,
  remedyDueDate: r.remedyDueDate,
  conclusionNote: r.conclusionNote,
  remedyReportedAt: r.remedyReportedAt,
  completionNote: r.completionNote,
  cancelReason: r.cancelReason,
});

/**
 * The legal basis of a case's remedy obligation: the basis of the risk rule whose finding the case
 * came from; else the Pasal the violation type breaks (as the rule catalog cites it); else the
 * ministry's supervision of partnerships (LEGAL_BASIS.CASE_REMEDY).
 */
const VIOLATION_LEGAL_BASIS: Partial<Record<string, string>> = {
  NO_OPPORTUNITY_INFORMATION: 'PP 44/1997 Pasal 14 huruf a',
  REPORTING: 'PP 44/1997 Pasal 14 huruf b',
  NO_PIC: 'PP 44/1997 Pasal 14 huruf c',
  COACHING_NOT_DELIVERED: 'PP 44/1997 Pasal 14 huruf e',
  UNFAIR_PRICE: 'PP 44/1997 Pasal 4 dan Pasal 14 huruf d',
  INPUTS_NOT_SUPPLIED: 'PP 44/1997 Pasal 3 dan Pasal 4, Pasal 14 huruf d',
  LATE_PAYMENT: 'PP 44/1997 Pasal 14 huruf d',
  PRODUCE_REFUSED: 'PP 44/1997 Pasal 14 huruf d',
  ONE_SIDED_CHANGE: 'PP 44/1997 Pasal 14 huruf d',
  AGREEMENT_TERMS: 'PP 44/1997 Pasal 14 huruf d',
};
export const remedyLegalBasis = (findingRuleCode: string | null, violationType: string | null): string =>
  (findingRuleCode ? ruleByCode(findingRuleCode)?.legalBasis : undefined) ?? (violationType ? VIOLATION_LEGAL_BASIS[violationType] : undefined) ?? LEGAL_BASIS.CASE_REMEDY;

const noticeContext = (r: CaseRow, extra: Partial<CaseNoticeContext> = {}): CaseNoticeContext => ({
  caseId: r.id,
  number: r.number,
  agreementNumber: r.agreementNumber,
  ...extra,
});

/**
 * Monitoring cases, after the public-procurement audit model: an officer (MINISTRY or ADMIN) opens
 * a case on a partner or an agreement, the partner answers in a dialogue with attachments, the
 * officer concludes (violation and remedy, or none), the partner reports its remedy, the officer
 * closes. Moves follow CASE_TRANSITIONS; each request is one transaction that locks the case row,
 * writes the change, its notification and exactly one audit record.
 *
 * Visibility: officers see cases whose partner or small firm lies in their provinces (all, when not
 * limited); the partner sees its own cases from ACTIVE on (a DRAFT is internal); the small firm
 * party to the agreement sees a concluded case's conclusion only; anyone else gets 404.
 */
@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  // ---- officers ----

  /** A DRAFT case on a partner or an agreement, by hand or from a finding. */
  async create(actor: Actor, dto: CreateCaseDto): Promise<CaseDetailView> {
    if (!dto.findingId && !dto.partnerId && !dto.agreementId) {
      throw invalid([{ field: 'partnerId', message: 'name the partner or the agreement the case is on, or the finding it comes from' }]);
    }
    if (dto.periodTo < dto.periodFrom) throw invalid([{ field: 'periodTo', message: 'periodTo must not be before periodFrom' }]);
    return this.ds.transaction(async (m) => {
      let partnerId = dto.partnerId ?? null;
      let agreementId = dto.agreementId ?? null;
      if (dto.findingId) {
        const { values, p } = sqlParams();
        const [f]: { partner_id: string; agreement_id: string | null }[] = await m.query(
          `SELECT f.partner_id, f.agreement_id FROM finding f
            WHERE f.id = ${p(dto.findingId)} AND ${partyScopeSql(actor, p, 'f.partner_id', 'coalesce(f.enterprise_id, f.partner_id)')}`,
          values,
        );
        if (!f) throw notFound('Finding');
        const errors: FieldError[] = [];
        if (partnerId && partnerId !== f.partner_id) errors.push({ field: 'partnerId', message: 'is not the partner of the finding' });
        if (agreementId && f.agreement_id && agreementId !== f.agreement_id) errors.push({ field: 'agreementId', message: 'is not the agreement of the finding' });
        if (errors.length) throw invalid(errors);
        partnerId ??= f.partner_id;
        agreementId ??= f.agreement_id;
      }
      let enterpriseId: string | null = null;
      if (agreementId) {
        const { values, p } = sqlParams();
        const [a]: { partner_id: string; enterprise_id: string }[] = await m.query(
          `SELECT a.partner_id, a.enterprise_id FROM agreement a WHERE a.id = ${p(agreementId)} AND ${partyScopeSql(actor, p, 'a.partner_id', 'a.enterprise_id')}`,
          values,
        );
        if (!a) throw notFound('Agreement');
        if (partnerId && partnerId !== a.partner_id) throw invalid([{ field: 'partnerId', message: 'is not the partner of the agreement' }]);
        partnerId = a.partner_id;
        enterpriseId = a.enterprise_id;
      } else {
        const { values, p } = sqlParams();
        const [o] = await m.query(
          `SELECT o.id FROM organization o WHERE o.id = ${p(partnerId)} AND o.kind = 'partner' AND ${partyScopeSql(actor, p, 'o.id', 'o.id')}`,
          values,
        );
        if (!o) throw notFound('Partner');
      }
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO monitoring_case (number, subject_type, partner_id, agreement_id, enterprise_id, finding_id, reason, period_from, period_to, created_by)
         VALUES ('MC/' || to_char(now() AT TIME ZONE 'Asia/Jakarta', 'YYYY') || '/' || lpad(nextval('monitoring_case_number_seq')::text, 6, '0'),
                 $1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING id`,
        [agreementId ? 'AGREEMENT' : 'PARTNER', partnerId, agreementId, enterpriseId, dto.findingId ?? null, dto.reason.trim(), dto.periodFrom, dto.periodTo, actor.userId],
      );
      const after = await this.row(m, row.id);
      await this.record(m, actor, 'monitoring_case.create', after, null);
      return this.detail(m, after, 'officer');
    });
  }

  async list(actor: Actor, q: CaseListQuery): Promise<Page<CaseView>> {
    const { values, p } = sqlParams();
    const where = [this.officerScope(actor, p)];
    if (q.status) where.push(`c.status = ${p(q.status)}`);
    if (q.partnerId) where.push(`c.partner_id = ${p(q.partnerId)}::uuid`);
    if (q.agreementId) where.push(`c.agreement_id = ${p(q.agreementId)}::uuid`);
    if (q.findingId) where.push(`c.finding_id = ${p(q.findingId)}::uuid`);
    return this.page(where, values, p, q, (r) => toCaseView(r, 'officer'));
  }

  async get(actor: Actor, id: string): Promise<CaseDetailView> {
    const { values, p } = sqlParams();
    const [r]: CaseRow[] = await this.ds.query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = ${p(id)} AND ${this.officerScope(actor, p)}`, values);
    if (!r) throw notFound('Monitoring case');
    return this.detail(this.ds.manager, r, 'officer');
  }

  /** DRAFT → ACTIVE; the partner is told in-app and can now see the case and answer. */
  open(actor: Actor, id: string, dto: VersionedCaseDto): Promise<CaseDetailView> {
    return this.officerMove(actor, id, dto.version, 'open', `opened_at = now(), opened_by = $3`, [actor.userId], async (m, after) => {
      await this.notifications.notifyOrganization(m, after.partnerId, caseNotice(CaseNoticeKind.CASE_OPENED, noticeContext(after, { reason: after.reason })));
    });
  }

  /**
   * The officer's conclusion on an ACTIVE case. violation = true: the partner must remedy it —
   * violationType, requiredRemedy and remedyDueDate (today or later in the partner's zone) are
   * required — and the case is ADDRESSED. violation = false: no violation, nothing to remedy (those
   * three fields are refused) — DECLINED. The partner and, for an agreement, the small firm are told.
   * ADDRESSED also opens the partner's CASE_REMEDY obligation (due on the remedy due date; the reminder
   * sweep chases it like any open obligation), named in the case's audit record.
   */
  async conclude(actor: Actor, id: string, dto: ConcludeCaseDto): Promise<CaseDetailView> {
    const errors: FieldError[] = [];
    if (dto.violation) {
      if (!dto.violationType) errors.push({ field: 'violationType', message: 'is required when a violation was found' });
      if (!dto.requiredRemedy?.trim()) errors.push({ field: 'requiredRemedy', message: 'is required when a violation was found' });
      if (!dto.remedyDueDate) errors.push({ field: 'remedyDueDate', message: 'is required when a violation was found' });
    } else {
      for (const f of ['violationType', 'requiredRemedy', 'remedyDueDate'] as const) {
        if (dto[f] !== undefined) errors.push({ field: f, message: 'is given only when a violation was found (violation: true)' });
      }
    }
    if (errors.length) throw invalid(errors);
    return this.ds.transaction(async (m) => {
      const before = await this.lockOfficer(m, actor, id, dto.version);
      const action = conclusionAction(dto.violation);
      const move = caseTransition(action, before.status);
      if (dto.violation) {
        const zone = zoneOfProvince(before.partnerProvince);
        const [{ today }]: { today: string }[] = await m.query(`SELECT (now() AT TIME ZONE $1)::date::text AS today`, [zone]);
        if (dto.remedyDueDate! < today) throw invalid([{ field: 'remedyDueDate', message: `must be today (${today} in ${zone}) or later` }]);
      }
      await this.write(
        m,
        before,
        `status = $3, violation = $4, violation_type = $5, required_remedy = $6, remedy_due_date = $7, conclusion_note = $8, concluded_at = now(), concluded_by = $9`,
        [move.to, dto.violation, dto.violationType ?? null, dto.requiredRemedy?.trim() ?? null, dto.remedyDueDate ?? null, dto.note.trim(), actor.userId],
      );
      const after = await this.row(m, id);
      // A violation's remedy is an obligation of the partner, due on the remedy due date: the reminder sweep chases it.
      const remedyObligationId =
        move.to === 'ADDRESSED'
          ? await openCaseRemedyObligation(m, {
              caseId: after.id,
              caseNumber: after.number,
              partnerId: after.partnerId,
              agreementId: after.agreementId,
              enterpriseId: after.agreementId ? after.enterpriseId : null,
              requiredRemedy: after.requiredRemedy!,
              dueDate: after.remedyDueDate!,
              timeZone: zoneOfProvince(after.partnerProvince),
              legalBasis: remedyLegalBasis(after.findingRuleCode, after.violationType),
            })
          : null;
      const ctx = noticeContext(after, { violation: dto.violation, requiredRemedy: after.requiredRemedy, remedyDueDate: after.remedyDueDate });
      await this.notifications.notifyOrganization(m, after.partnerId, caseNotice(CaseNoticeKind.CASE_CONCLUDED, ctx));
      if (after.enterpriseId) await this.notifications.notifyOrganization(m, after.enterpriseId, caseNotice(CaseNoticeKind.CASE_CONCLUDED, ctx));
      await this.record(m, actor, `monitoring_case.${action}`, after, before, remedyObligationId ? { remedyObligationId } : {});
      return this.detail(m, after, 'officer');
    });
  }

  /** ADDRESSED (once the partner filed a remedy report) or DECLINED → COMPLETED. */
  complete(actor: Actor, id: string, dto: CompleteCaseDto): Promise<CaseDetailView> {
    return this.officerMove(
      actor,
      id,
      dto.version,
      'complete',
      `completed_at = now(), completed_by = $3, completion_note = $4`,
      [actor.userId, dto.note?.trim() || null],
      async (m, after) => {
        await this.notifications.notifyOrganization(m, after.partnerId, caseNotice(CaseNoticeKind.CASE_COMPLETED, noticeContext(after)));
        if (after.enterpriseId) await this.notifications.notifyOrganization(m, after.enterpriseId, caseNotice(CaseNoticeKind.CASE_COMPLETED, noticeContext(after)));
        return this.closeRemedyObligation(m, after.id);
      },
      (before) => {
        if (before.status === 'ADDRESSED' && !before.remedyReportedAt) {
          throw new DomainError(ErrorCode.INVALID_TRANSITION, 'This case is ADDRESSED and the partner has not filed a remedy report yet; it can be completed once it has', {
            caseStatus: before.status,
            action: 'complete',
          });
        }
      },
    );
  }

  /** DRAFT or ACTIVE → CANCELLED, with a reason; the partner is told if it could see the case. */
  cancel(actor: Actor, id: string, dto: CancelCaseDto): Promise<CaseDetailView> {
    return this.officerMove(actor, id, dto.version, 'cancel', `cancelled_at = now(), cancelled_by = $3, cancel_reason = $4`, [actor.userId, dto.reason.trim()], async (m, after, before) => {
      if (before.status !== 'DRAFT') {
        await this.notifications.notifyOrganization(m, after.partnerId, caseNotice(CaseNoticeKind.CASE_CANCELLED, noticeContext(after, { reason: after.cancelReason })));
      }
      return this.closeRemedyObligation(m, after.id);
    });
  }

  officerMessage(actor: Actor, id: string, upload: CaseUpload): Promise<CaseMessageView> {
    return this.postMessage(actor, id, 'officer', upload);
  }

  officerFile(actor: Actor, caseId: string, attachmentId: string): Promise<CaseFileDownload> {
    const { values, p } = sqlParams();
    return this.openFile(`c.id = ${p(caseId)} AND ${this.officerScope(actor, p)}`, values, p, attachmentId);
  }

  // ---- the parties ----

  /** The partner: its cases from ACTIVE on; the small firm: concluded cases on its agreements (conclusion only). */
  async partyList(actor: Actor, q: PartyCaseListQuery): Promise<Page<CaseView | CaseConclusionOnlyView>> {
    const { values, p } = sqlParams();
    const where = [this.partyScope(actor, p)];
    if (q.status) where.push(`c.status = ${p(q.status)}`);
    return this.page(where, values, p, q, (r) => (actor.role === Role.PARTNER ? toCaseView(r, 'partner') : toConclusionOnly(r)));
  }

  async partyGet(actor: Actor, id: string): Promise<CaseDetailView | CaseConclusionOnlyView> {
    const { values, p } = sqlParams();
    const [r]: CaseRow[] = await this.ds.query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = ${p(id)} AND ${this.partyScope(actor, p)}`, values);
    if (!r) throw notFound('Monitoring case');
    return actor.role === Role.PARTNER ? this.detail(this.ds.manager, r, 'partner') : toConclusionOnly(r);
  }

  partnerMessage(actor: Actor, id: string, upload: CaseUpload): Promise<CaseMessageView> {
    return this.postMessage(actor, id, 'partner', upload);
  }

  /**
   * The partner's remedy report on an ADDRESSED case: a REMEDY_REPORT message (summary and
   * attachments) that stamps remedyReportedAt, after which the officer may complete the case. The
   * officer who created the case is told. A later report (if the officer asks for more) restamps it.
   */
  async remedyReport(actor: Actor, id: string, upload: CaseUpload): Promise<CaseDetailView> {
    const summary = upload.text?.trim() ?? '';
    if (summary.length < 3 || summary.length > MAX_TEXT) throw invalid([{ field: 'summary', message: `must be 3–${MAX_TEXT} characters` }]);
    const files = checkFiles(upload.files);
    return this.withStoredFiles(async (m, store) => {
      const before = await this.lockPartner(m, actor, id);
      caseTransition('reportRemedy', before.status);
      const messageId = await this.insertMessage(m, before, actor, 'partner', 'REMEDY_REPORT', summary, files, store);
      await this.write(m, before, `remedy_reported_at = now()`, []);
      const after = await this.row(m, id);
      // The report is what the case's CASE_REMEDY obligation asked for (a later report finds it fulfilled already).
      const fulfilledObligationIds = await fulfilCaseRemedyObligation(m, after.id);
      await this.notifications.notifyUser(m, after.createdBy, caseNotice(CaseNoticeKind.CASE_REMEDY_REPORTED, noticeContext(after)));
      await this.record(m, actor, 'monitoring_case.remedy_report', after, before, { messageId, attachments: files.map((f) => f.sha256), fulfilledObligationIds });
      return this.detail(m, after, 'partner');
    });
  }

  partnerFile(actor: Actor, caseId: string, attachmentId: string): Promise<CaseFileDownload> {
    if (actor.role !== Role.PARTNER || !actor.organizationId) throw notFound('Attachment');
    const { values, p } = sqlParams();
    return this.openFile(`c.id = ${p(caseId)} AND c.partner_id = ${p(actor.organizationId)}::uuid AND c.status <> 'DRAFT'`, values, p, attachmentId);
  }

  // ---- internals ----

  /** Officers: cases whose partner or small firm lies in their provinces (all when not limited). */
  private officerScope(actor: Actor, p: (v: unknown) => string): string {
    return partyScopeSql(actor, p, 'c.partner_id', 'coalesce(c.enterprise_id, c.partner_id)');
  }

  /** The partner: its own, from ACTIVE on. The small firm: concluded cases on its agreements. */
  private partyScope(actor: Actor, p: (v: unknown) => string): string {
    if (!actor.organizationId) return 'FALSE';
    if (actor.role === Role.PARTNER) return `(c.partner_id = ${p(actor.organizationId)}::uuid AND c.status <> 'DRAFT')`;
    if (actor.role === Role.ENTERPRISE) {
      return `(c.enterprise_id = ${p(actor.organizationId)}::uuid AND c.concluded_at IS NOT NULL AND c.status IN ('ADDRESSED', 'DECLINED', 'COMPLETED'))`;
    }
    return 'FALSE';
  }

  /** Newest first: (created_at, id) descending; keyset pages. */
  private async page<T>(where: string[], values: unknown[], p: (v: unknown) => string, q: { limit?: number; cursor?: string }, map: (r: CaseRow) => T): Promise<Page<T>> {
    const limit = q.limit ?? 20;
    const cur = timeCursor(q.cursor);
    if (cur) where.push(`(c.created_at, c.id) < (${p(cur.at)}::timestamptz, ${p(cur.id)}::uuid)`);
    const rows: CaseRow[] = await this.ds.query(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ${p(limit + 1)}`,
      values,
    );
    return toPage(rows, limit, (r) => [r.sortAt, r.id], map);
  }

  private async row(m: EntityManager, id: string): Promise<CaseRow> {
    const [r]: CaseRow[] = await m.query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = $1`, [id]);
    if (!r) throw notFound('Monitoring case');
    return r;
  }

  private async detail(m: EntityManager, r: CaseRow, side: CaseSide): Promise<CaseDetailView> {
    return { ...toCaseView(r, side), messages: await this.messages(m, r.id, side) };
  }

  private async messages(m: EntityManager, caseId: string, side: CaseSide): Promise<CaseMessageView[]> {
    const rows: (Omit<CaseMessageView, 'attachments'> & { attachments: Omit<CaseMessageView['attachments'][number], 'downloadUrl'>[] })[] = await m.query(
      `SELECT x.id, x.kind, x.author_side AS "authorSide", x.author_user_id AS "authorUserId", x.organization_id AS "organizationId", x.text,
              x.created_at AS "createdAt",
              coalesce((SELECT jsonb_agg(jsonb_build_object('id', t.id, 'fileName', t.file_name, 'mediaType', t.media_type,
                                                            'sizeBytes', t.size_bytes, 'sha256', t.sha256) ORDER BY t.created_at, t.id)
                          FROM monitoring_case_attachment t WHERE t.message_id = x.id), '[]'::jsonb) AS attachments
         FROM monitoring_case_message x WHERE x.case_id = $1 ORDER BY x.created_at, x.id`,
      [caseId],
    );
    return rows.map((r) => ({
      ...r,
      attachments: r.attachments.map((a) => ({ ...a, sizeBytes: Number(a.sizeBytes), downloadUrl: `${DOWNLOAD_BASE[side]}/${caseId}/attachments/${a.id}` })),
    }));
  }

  /** The case, locked, when the officer may see it (else 404); a stale `version` is 409. */
  private async lockOfficer(m: EntityManager, actor: Actor, id: string, version?: number): Promise<CaseRow> {
    const { values, p } = sqlParams();
    const [hit] = await m.query(`SELECT c.id FROM monitoring_case c WHERE c.id = ${p(id)} AND ${this.officerScope(actor, p)} FOR UPDATE OF c`, values);
    if (!hit) throw notFound('Monitoring case');
    const r = await this.row(m, id);
    if (version !== undefined && version !== r.version) throw staleVersion(r.version);
    return r;
  }

  /** The partner's own case (not a DRAFT), locked; anyone else's is 404. */
  private async lockPartner(m: EntityManager, actor: Actor, id: string): Promise<CaseRow> {
    if (actor.role !== Role.PARTNER || !actor.organizationId) throw notFound('Monitoring case');
    const [hit] = await m.query(`SELECT c.id FROM monitoring_case c WHERE c.id = $1 AND c.partner_id = $2 AND c.status <> 'DRAFT' FOR UPDATE OF c`, [
      id,
      actor.organizationId,
    ]);
    if (!hit) throw notFound('Monitoring case');
    return this.row(m, id);
  }

  /** An officer's move through the table: lock, check, write `set` and the new status, tell, audit. */
  private officerMove(
    actor: Actor,
    id: string,
    version: number | undefined,
    action: CaseAction,
    set: string,
    params: unknown[],
    tell: (m: EntityManager, after: CaseRow, before: CaseRow) => Promise<void | Record<string, unknown>>,
    guard?: (before: CaseRow) => void,
  ): Promise<CaseDetailView> {
    return this.ds.transaction(async (m) => {
      const before = await this.lockOfficer(m, actor, id, version);
      const move = caseTransition(action, before.status);
      guard?.(before);
      const n = params.length;
      await this.write(m, before, `${set}, status = $${n + 3}`, [...params, move.to]);
      const after = await this.row(m, id);
      const extra = await tell(m, after, before);
      await this.record(m, actor, `monitoring_case.${action}`, after, before, extra ?? {});
      return this.detail(m, after, 'officer');
    });
  }

  /**
   * A case that closes (COMPLETED, CANCELLED) leaves no remedy owed: a still-OPEN CASE_REMEDY
   * obligation → CANCELLED. Under the transition table this finds none — an obligation exists only
   * from ADDRESSED, cancel is refused there, and complete from ADDRESSED needs the remedy report,
   * which fulfilled it — so it guards the table's future, not today's moves. Returns audit fields.
   */
  private async closeRemedyObligation(m: EntityManager, caseId: string): Promise<Record<string, unknown>> {
    const cancelled = await cancelCaseRemedyObligation(m, caseId);
    return cancelled.length ? { cancelledObligationIds: cancelled } : {};
  }

  /** `UPDATE … SET <set>, version + 1 WHERE id AND version`; `$1`, `$2` are taken (id, version). */
  private async write(m: EntityManager, r: CaseRow, set: string, params: unknown[]): Promise<void> {
    const res: unknown = await m.query(
      `UPDATE monitoring_case SET ${set}, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
      [r.id, r.version, ...params],
    );
    const rows = Array.isArray(res) && Array.isArray(res[0]) ? (res[0] as unknown[]) : (res as unknown[]);
    if (!rows.length) throw staleVersion(r.version + 1);
  }

  /** A message from either side (table: ACTIVE, ADDRESSED or DECLINED), with attachments; the other side is told. */
  private async postMessage(actor: Actor, id: string, side: CaseSide, upload: CaseUpload): Promise<CaseMessageView> {
    const text = upload.text?.trim() ?? '';
    if (text.length > MAX_TEXT) throw invalid([{ field: 'text', message: `must be at most ${MAX_TEXT} characters` }]);
    if (!text && !upload.files.length) throw invalid([{ field: 'text', message: 'send a text, an attachment, or both' }], 'A message needs a text or an attachment');
    const files = checkFiles(upload.files);
    return this.withStoredFiles(async (m, store) => {
      const c = side === 'officer' ? await this.lockOfficer(m, actor, id) : await this.lockPartner(m, actor, id);
      caseTransition('message', c.status);
      const messageId = await this.insertMessage(m, c, actor, side, 'MESSAGE', text, files, store);
      if (side === 'officer') {
        await this.notifications.notifyOrganization(m, c.partnerId, caseNotice(CaseNoticeKind.CASE_MESSAGE, noticeContext(c)));
      } else {
        await this.notifications.notifyUser(m, c.createdBy, caseNotice(CaseNoticeKind.CASE_REPLY, noticeContext(c)));
      }
      await this.audit.record(m, {
        action: 'monitoring_case.message',
        entityType: 'monitoring_case',
        entityId: c.id,
        actor,
        organizationId: actor.organizationId ?? c.partnerId,
        before: null,
        after: { messageId, authorSide: side, text, attachments: files.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, sha256: f.sha256 })) },
      });
      const [view] = (await this.messages(m, c.id, side)).filter((x) => x.id === messageId);
      return view;
    });
  }

  private async insertMessage(
    m: EntityManager,
    c: CaseRow,
    actor: Actor,
    side: CaseSide,
    kind: 'MESSAGE' | 'REMEDY_REPORT',
    text: string,
    files: CheckedFile[],
    store: (key: string, bytes: Buffer) => Promise<void>,
  ): Promise<string> {
    const [msg]: { id: string }[] = await m.query(
      `INSERT INTO monitoring_case_message (case_id, kind, author_side, author_user_id, organization_id, text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.id, kind, side === 'officer' ? 'OFFICER' : 'PARTNER', actor.userId, side === 'partner' ? actor.organizationId : null, text],
    );
    for (const f of files) {
      const attachmentId = randomUUID();
      const key = `${c.id}/${attachmentId}`;
      await m.query(
        `INSERT INTO monitoring_case_attachment (id, message_id, case_id, file_name, media_type, size_bytes, sha256, storage_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [attachmentId, msg.id, c.id, f.fileName, f.mediaType, f.bytes.length, f.sha256, key],
      );
      await store(key, f.bytes);
    }
    return msg.id;
  }

  /**
   * Runs `work` in a transaction with a `store` that puts bytes into the evidence storage; if the
   * transaction does not commit, whatever was stored is removed again — a failed request leaves nothing.
   */
  private async withStoredFiles<T>(work: (m: EntityManager, store: (key: string, bytes: Buffer) => Promise<void>) => Promise<T>): Promise<T> {
    const stored: string[] = [];
    const store = async (key: string, bytes: Buffer) => {
      await this.storage.put(key, bytes);
      stored.push(key);
    };
    try {
      return await this.ds.transaction((m) => work(m, store));
    } catch (err) {
      for (const key of stored) {
        await this.storage.delete(key).catch((e: unknown) => this.logger.error({ err: e, key }, 'could not remove an attachment of a failed request'));
      }
      throw err;
    }
  }

  private async openFile(caseWhere: string, values: unknown[], p: (v: unknown) => string, attachmentId: string): Promise<CaseFileDownload> {
    const [row]: { storageKey: string; mediaType: string; fileName: string; sizeBytes: number }[] = await this.ds.query(
      `SELECT t.storage_key AS "storageKey", t.media_type AS "mediaType", t.file_name AS "fileName", t.size_bytes::float8 AS "sizeBytes"
         FROM monitoring_case_attachment t JOIN monitoring_case c ON c.id = t.case_id
        WHERE t.id = ${p(attachmentId)} AND ${caseWhere}`,
      values,
    );
    if (!row) throw notFound('Attachment');
    return { stream: await this.storage.get(row.storageKey), mediaType: row.mediaType, fileName: row.fileName, sizeBytes: row.sizeBytes };
  }

  private record(m: EntityManager, actor: Actor, action: string, after: CaseRow, before: CaseRow | null, extra: Record<string, unknown> = {}): Promise<void> {
    return this.audit.record(m, {
      action,
      entityType: 'monitoring_case',
      entityId: after.id,
      actor,
      organizationId: actor.organizationId ?? after.partnerId,
      before: before ? auditState(before) : null,
      after: { ...auditState(after), ...extra },
    });
  }
}
