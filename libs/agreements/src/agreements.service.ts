import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import {
  type Actor,
  AuditService,
  conflict,
  DomainError,
  ErrorCode,
  invalid,
  isoMicros,
  notFound,
  type Page,
  Role,
  partyScopeSql,
  sqlParams,
  timeCursor,
  toPage,
} from '@jalin/core';
import { Application, Opportunity } from '@jalin/opportunities';
import { AgreementStore, auditState, coachingFrom, commitmentsFrom, termsFrom, termsOf } from './agreement.store.js';
import { agreementTransition } from './domain/agreement.lifecycle.js';
import { agreementNumber, type Terms, termsErrors } from './domain/terms.js';
import type { AgreementSummaryView, AgreementView } from './dto/agreement-view.dto.js';
import { AgreementListQuery, CreateAgreementDto, UpdateAgreementDto } from './dto/agreement.dto.js';
import { AgreementTerms } from './entities/agreement-terms.entity.js';
import { Agreement } from './entities/agreement.entity.js';

/** 400 listing every rule the terms break (a wrong commitment type is named: `commitments.2.type`). */
export function assertTerms(pattern: Agreement['pattern'], terms: Terms): void {
  const errors = termsErrors(pattern, terms);
  if (errors.length) throw invalid(errors, `The terms are invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
}

/**
 * Agreements: drafting from an accepted application, editing a draft, and reading. The caller's
 * organisation is in every query: the two parties see their own, oversight all (a ministry officer
 * limited to provinces, those whose partner or small firm lies in them); anything else is 404.
 * Every change writes its audit record in the same transaction.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: AgreementStore,
    private readonly audit: AuditService,
  ) {}

  /**
   * A DRAFT from an ACCEPTED application to one of the caller's opportunities (another partner's or
   * an unknown one → 404; not accepted → 409; a live agreement already → 409). Terms version 1.
   */
  async create(actor: Actor, dto: CreateAgreementDto): Promise<AgreementView> {
    const partnerId = actor.role === Role.PARTNER ? actor.organizationId : null;
    if (!partnerId) throw notFound('Application');
    return this.ds.transaction(async (m) => {
      // The application row lock serialises two drafts from one application.
      const app = await m.findOne(Application, { where: { id: dto.applicationId, partnerId }, lock: { mode: 'pessimistic_write' } });
      if (!app) throw notFound('Application');
      if (app.status !== 'ACCEPTED') {
        throw conflict(`An agreement is made from an ACCEPTED application; this one is ${app.status}`, { applicationStatus: app.status });
      }
      const live = await m.findOne(Agreement, { where: { applicationId: app.id, status: Not('TERMINATED') }, select: { id: true, number: true, status: true } });
      if (live) throw duplicate(live);
      const o = await m.findOneByOrFail(Opportunity, { id: app.opportunityId });
      const terms = termsFrom(dto);
      assertTerms(o.pattern, terms);
      const { year } = await this.store.partnerToday(m, partnerId);
      const [{ n }]: { n: string }[] = await m.query(`SELECT nextval('agreement_number_seq') AS n`);
      const res = await m
        .createQueryBuilder()
        .insert()
        .into(Agreement)
        .values({
          number: agreementNumber(year, n),
          applicationId: app.id,
          opportunityId: o.id,
          partnerId,
          enterpriseId: app.enterpriseId,
          pattern: o.pattern,
          status: 'DRAFT',
          termsVersion: 1,
          title: terms.title,
          startDate: terms.startDate,
          endDate: terms.endDate,
          reportingPeriod: terms.reportingPeriod,
          paymentTermDays: terms.paymentTermDays,
          createdBy: actor.userId,
          version: 1,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const [inserted] = res.raw as { id: string }[];
      if (!inserted) throw duplicate(null);
      await this.store.insertTerms(m, inserted.id, 1, terms, 'DRAFT', { proposedBy: partnerId, proposedByUser: actor.userId });
      const a = await m.findOneByOrFail(Agreement, { id: inserted.id });
      await this.audit.record(m, {
        action: 'agreement.create',
        entityType: 'agreement',
        entityId: a.id,
        actor,
        after: auditState(a, { applicationId: a.applicationId, enterpriseId: a.enterpriseId, pattern: a.pattern, commitments: terms.commitments, coaching: terms.coaching }),
      });
      return this.store.view(m, a.id);
    });
  }

  /**
   * Edits a DRAFT (owning partner). From submission on the terms are frozen (409): they change only
   * through an amendment. `commitments` and `coaching` replace the lists whole; the result is checked
   * against the pattern like a new agreement.
   */
  async update(actor: Actor, id: string, dto: UpdateAgreementDto): Promise<AgreementView> {
    return this.ds.transaction(async (m) => {
      const { a, party } = await this.store.lockAsParty(m, actor, id, dto.version);
      if (party !== 'partner') throw notFound('Agreement');
      agreementTransition('edit', a.status);
      const current = termsOf(await m.findOneByOrFail(AgreementTerms, { agreementId: a.id, termsVersion: a.termsVersion }));
      const next: Terms = {
        title: dto.title ?? current.title,
        startDate: dto.startDate ?? current.startDate,
        endDate: dto.endDate ?? current.endDate,
        reportingPeriod: dto.reportingPeriod ?? current.reportingPeriod,
        paymentTermDays: dto.paymentTermDays === undefined ? current.paymentTermDays : dto.paymentTermDays,
        commitments: dto.commitments ? commitmentsFrom(dto.commitments) : current.commitments,
        coaching: dto.coaching ? coachingFrom(dto.coaching) : current.coaching,
      };
      const sent = (['title', 'startDate', 'endDate', 'reportingPeriod', 'paymentTermDays', 'commitments', 'coaching'] as const).some((k) => dto[k] !== undefined);
      if (!sent) return this.store.view(m, a.id);
      assertTerms(a.pattern, next);
      const before = auditState(a, { commitments: current.commitments, coaching: current.coaching });
      await this.store.write(m, a, {
        title: next.title,
        startDate: next.startDate,
        endDate: next.endDate,
        reportingPeriod: next.reportingPeriod,
        paymentTermDays: next.paymentTermDays,
      });
      await this.store.replaceTerms(m, a.id, a.termsVersion, next);
      await this.audit.record(m, {
        action: 'agreement.update',
        entityType: 'agreement',
        entityId: a.id,
        actor,
        before,
        after: auditState(a, { commitments: next.commitments, coaching: next.coaching }),
      });
      return this.store.view(m, a.id);
    });
  }

  /** The caller's agreements (oversight: all in its provinces), newest first; keyset pages. */
  async list(actor: Actor, query: AgreementListQuery): Promise<Page<AgreementSummaryView>> {
    const limit = query.limit ?? 20;
    const { values, p } = sqlParams();
    const where = [this.scopeSql(actor, p)];
    if (query.status) where.push(`a.status = ${p(query.status)}`);
    if (query.pattern) where.push(`a.pattern = ${p(query.pattern)}`);
    if (query.partnerId) where.push(`a.partner_id = ${p(query.partnerId)}`);
    if (query.enterpriseId) where.push(`a.enterprise_id = ${p(query.enterpriseId)}`);
    const cur = timeCursor(query.cursor);
    if (cur) {
      const at = p(cur.at);
      where.push(`(a.created_at < ${at}::timestamptz OR (a.created_at = ${at}::timestamptz AND a.id > ${p(cur.id)}::uuid))`);
    }
    const keys: { id: string; sortKey: string }[] = await this.ds.query(
      `SELECT a.id, ${isoMicros('a.created_at')} AS "sortKey" FROM agreement a
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id ASC
        LIMIT ${p(limit + 1)}`,
      values,
    );
    const page = toPage(keys, limit, (k) => [k.sortKey, k.id], (k) => k.id);
    return { items: await this.store.summaries(this.ds.manager, page.items), nextCursor: page.nextCursor };
  }

  /** One agreement with its terms, commitments, coaching plan, signatures and version history (parties, oversight; else 404). */
  async findOne(actor: Actor, id: string): Promise<AgreementView> {
    const { values, p } = sqlParams();
    const [row]: { id: string }[] = await this.ds.query(`SELECT a.id FROM agreement a WHERE a.id = ${p(id)} AND ${this.scopeSql(actor, p)}`, values);
    if (!row) throw notFound('Agreement');
    return this.store.view(this.ds.manager, id);
  }

  /** Tenancy as SQL (core's one definition): what `actor` may see of `agreement a`. */
  private scopeSql(actor: Actor, p: (v: unknown) => string): string {
    return partyScopeSql(actor, p, 'a.partner_id', 'a.enterprise_id');
  }
}

function duplicate(live: Pick<Agreement, 'id' | 'number' | 'status'> | null): DomainError {
  return new DomainError(
    ErrorCode.DUPLICATE,
    live
      ? `This application already has a live agreement (${live.number}, ${live.status}); terminate it before drafting another`
      : 'This application already has a live agreement',
    live ? { agreementId: live.id, agreementNumber: live.number, agreementStatus: live.status } : {},
  );
}
