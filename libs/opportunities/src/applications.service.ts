import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type Actor, AuditService, conflict, DomainError, ErrorCode, isoMicros, notFound, type Page, partyScopeSql, sqlParams, staleVersion, timeCursor, toPage } from '@jalin/core';
import { NotificationsService } from '@jalin/notifications';
import { Organization } from '@jalin/organizations';
import { type ApplicationEvent, applicationNotice } from './application.notices.js';
import {
  ACTIVE_APPLICATION_STATUSES,
  type ApplicationAction,
  APPLICATION_TRANSITIONS,
  applicationTransition,
  type ApplicationStatus,
} from './domain/application.lifecycle.js';
import { effectiveState, OPPORTUNITY_TRANSITIONS } from './domain/opportunity.lifecycle.js';
import { ApplicationListQuery, type ApplicationView, ApplyDto, DecisionDto, InviteDto } from './dto/application.dto.js';
import { TransitionDto } from './dto/opportunity.dto.js';
import { Application } from './entities/application.entity.js';
import { Opportunity } from './entities/opportunity.entity.js';
import { toApplicationView } from './views.js';

type Changes = Partial<Record<keyof Application, unknown>>;

const duplicate = (status: string, applicationId?: string) =>
  new DomainError(
    ErrorCode.DUPLICATE,
    `This firm already has an active application for this opportunity (status ${status}); withdraw it first`,
    applicationId ? { applicationId, applicationStatus: status } : { applicationStatus: status },
  );


/**
 * Applications and invitations. The caller's organisation is in every query: a firm sees its own
 * applications, a partner those to its opportunities, oversight all; anything else is 404.
 * Every move writes a notification for the other side in the same transaction.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A firm applies (→ SUBMITTED). Drafts are invisible to firms (404); a closed or expired
   * opportunity takes no applications (409); one active application per firm (409). An open
   * invitation becomes the application (same row).
   */
  async apply(actor: Actor, opportunityId: string, dto: ApplyDto): Promise<ApplicationView> {
    const enterpriseId = this.org(actor);
    return this.ds.transaction(async (m) => {
      // FOR SHARE: a concurrent close or accept (FOR UPDATE) waits for us, and we for it.
      const o = await m.findOne(Opportunity, { where: { id: opportunityId }, lock: { mode: 'pessimistic_read' } });
      if (!o || o.status === 'DRAFT') throw notFound('Opportunity');
      this.assertTakesApplications(o);
      const existing = await this.activeOf(m, opportunityId, enterpriseId);
      if (existing && existing.status !== 'INVITED') throw duplicate(existing.status, existing.id);
      const fields: Changes = {
        message: dto.message ?? '',
        offeredQuantity: dto.offeredCapacity?.quantity ?? null,
        offeredUnit: dto.offeredCapacity?.unit ?? null,
        offeredPeriod: dto.offeredCapacity?.period ?? null,
        submittedBy: actor.userId,
        submittedAt: () => 'now()',
      };
      let id: string;
      if (existing) {
        await this.write(m, existing, { ...fields, status: applicationTransition('apply', existing.status) });
        id = existing.id;
      } else {
        id = await this.insertActive(m, {
          ...(fields as Partial<Application>),
          opportunityId,
          enterpriseId,
          partnerId: o.partnerId,
          status: 'SUBMITTED',
          version: 1,
        });
      }
      return this.finish(m, actor, id, 'apply', o, { viaInvitation: Boolean(existing) }, existing);
    });
  }

  /** The owning partner invites a firm (→ INVITED) to an OPEN opportunity. */
  async invite(actor: Actor, opportunityId: string, dto: InviteDto): Promise<ApplicationView> {
    const partnerId = this.org(actor);
    return this.ds.transaction(async (m) => {
      const o = await m.findOne(Opportunity, { where: { id: opportunityId, partnerId }, lock: { mode: 'pessimistic_read' } });
      if (!o) throw notFound('Opportunity');
      const state = effectiveState(o);
      if (state.status !== 'OPEN') {
        throw conflict(
          state.status === 'DRAFT'
            ? 'Publish the opportunity before inviting firms to it'
            : `The opportunity is closed (${state.closedReason}); it takes no more invitations`,
          { opportunityStatus: state.status, closedReason: state.closedReason },
        );
      }
      if (!(await m.existsBy(Organization, { id: dto.enterpriseId, kind: 'enterprise' }))) throw notFound('Enterprise');
      const existing = await this.activeOf(m, opportunityId, dto.enterpriseId);
      if (existing) throw duplicate(existing.status, existing.id);
      const id = await this.insertActive(m, {
        opportunityId,
        enterpriseId: dto.enterpriseId,
        partnerId,
        status: 'INVITED',
        message: '',
        invitationMessage: dto.message ?? '',
        invitedBy: actor.userId,
        version: 1,
      });
      return this.finish(m, actor, id, 'invite', o);
    });
  }

  /** The invited firm declines (INVITED → DECLINED). */
  decline(actor: Actor, id: string, dto: TransitionDto): Promise<ApplicationView> {
    return this.move(actor, id, 'decline', dto, {});
  }

  /** The applying firm withdraws, before a decision (SUBMITTED | SHORTLISTED → WITHDRAWN). */
  withdraw(actor: Actor, id: string, dto: TransitionDto): Promise<ApplicationView> {
    return this.move(actor, id, 'withdraw', dto, {});
  }

  shortlist(actor: Actor, id: string, dto: DecisionDto): Promise<ApplicationView> {
    return this.move(actor, id, 'shortlist', dto, { decisionNote: dto.note ?? null });
  }

  reject(actor: Actor, id: string, dto: DecisionDto): Promise<ApplicationView> {
    return this.move(actor, id, 'reject', dto, { decisionNote: dto.note ?? null, decidedBy: actor.userId, decidedAt: () => 'now()' });
  }

  /**
   * Accept, within the opportunity's slots. The opportunity row is locked first (always opportunity,
   * then application), so two acceptances of the last slot serialise: one wins, the other gets 409.
   * The acceptance that fills the last slot closes an open opportunity (SLOTS_FILLED). A deadline
   * closes applications, not decisions: a partner may still accept into free slots afterwards.
   */
  async accept(actor: Actor, id: string, dto: DecisionDto): Promise<ApplicationView> {
    const partnerId = this.org(actor);
    return this.ds.transaction(async (m) => {
      const found = await m.findOne(Application, { where: { id, partnerId }, select: { id: true, opportunityId: true } });
      if (!found) throw notFound('Application');
      const o = await m.findOneOrFail(Opportunity, { where: { id: found.opportunityId }, lock: { mode: 'pessimistic_write' } });
      const a = await m.findOneOrFail(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (dto.version !== undefined && dto.version !== a.version) throw staleVersion(a.version);
      const to = applicationTransition('accept', a.status);
      if (o.acceptedCount >= o.slots) {
      throw conflict(`All ${o.slots} slot(s) of this opportunity are filled`, { slots: o.slots, acceptedCount: o.acceptedCount });
      }
      await this.write(m, a, { status: to, decisionNote: dto.note ?? null, decidedBy: actor.userId, decidedAt: () => 'now()' });
      const accepted = o.acceptedCount + 1;
      const set: Record<string, unknown> = { acceptedCount: accepted };
      const state = effectiveState(o);
      if (o.status === 'OPEN' && state.status === 'CLOSED') {
      // Past its deadline but not yet swept: write the closure it already had.
      Object.assign(set, { status: 'CLOSED', closedReason: state.closedReason, closedAt: () => 'closes_at' });
      } else if (o.status === 'OPEN' && accepted >= o.slots) {
      const fill = OPPORTUNITY_TRANSITIONS.fill;
      Object.assign(set, { status: fill.to, closedReason: fill.closedReason, closedAt: () => 'now()' });
      }
      await m
      .createQueryBuilder()
      .update(Opportunity)
      .set({ ...set, version: o.version + 1, updatedAt: () => 'now()' })
      .where('id = :id', { id: o.id })
      .execute();
      return this.finish(m, actor, id, 'accept', o, { note: dto.note }, a);
    });
  }

  async list(actor: Actor, query: ApplicationListQuery): Promise<Page<ApplicationView>> {
    const limit = query.limit ?? 20;
    const { values, p } = sqlParams();
    const where = [this.scopeSql(actor, p)];
    if (query.opportunityId) where.push(`a.opportunity_id = ${p(query.opportunityId)}`);
    if (query.status) where.push(`a.status = ${p(query.status)}`);
    const cur = timeCursor(query.cursor);
    if (cur) {
      const at = p(cur.at);
      where.push(`(a.created_at < ${at}::timestamptz OR (a.created_at = ${at}::timestamptz AND a.id > ${p(cur.id)}::uuid))`);
    }
    const keys: { id: string; sortKey: string }[] = await this.ds.query(
      `SELECT a.id, ${isoMicros('a.created_at')} AS "sortKey" FROM application a
      WHERE ${where.join(' AND ')}
      ORDER BY a.created_at DESC, a.id ASC
      LIMIT ${p(limit + 1)}`,
      values,
    );
    const rows = keys.length ? await this.ds.getRepository(Application).findBy({ id: In(keys.map((k) => k.id)) }) : [];
    const byId = new Map(rows.map((a) => [a.id, a]));
    return toPage(keys, limit, (k) => [k.sortKey, k.id], (k) => toApplicationView(byId.get(k.id)!));
  }

  async findOne(actor: Actor, id: string): Promise<ApplicationView> {
    const { values, p } = sqlParams();
    const [row]: { id: string }[] = await this.ds.query(`SELECT a.id FROM application a WHERE a.id = ${p(id)} AND ${this.scopeSql(actor, p)}`, values);
    if (!row) throw notFound('Application');
    return toApplicationView(await this.ds.getRepository(Application).findOneByOrFail({ id }));
  }

  /** A move by one side on an application it can see (else 404), guarded by the lifecycle table. */
  private async move(actor: Actor, id: string, action: ApplicationAction, dto: TransitionDto & { note?: string }, set: Changes): Promise<ApplicationView> {
    const org = this.org(actor);
    const side = APPLICATION_TRANSITIONS[action].by === 'enterprise' ? { enterpriseId: org } : { partnerId: org };
    return this.ds.transaction(async (m) => {
      const a = await m.findOne(Application, { where: { id, ...side }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw notFound('Application');
      if (dto.version !== undefined && dto.version !== a.version) throw staleVersion(a.version);
      await this.write(m, a, { ...set, status: applicationTransition(action, a.status) });
      const o = await m.findOneByOrFail(Opportunity, { id: a.opportunityId });
      return this.finish(m, actor, id, action, o, { note: dto.note }, a);
    });
  }

  /** Reloads the application, notifies the other side and audits (same transaction), returns the view. */
  private async finish(
    m: EntityManager,
    actor: Actor,
    id: string,
    event: ApplicationEvent,
    o: Opportunity,
    extra: { note?: string; viaInvitation?: boolean } = {},
    before: Application | null = null,
  ): Promise<ApplicationView> {
    const a = await m.findOneByOrFail(Application, { id });
    await this.audit.record(m, {
      action: `application.${event}`,
      entityType: 'application',
      entityId: id,
      actor,
      before: before ? toApplicationView(before) : null,
      after: toApplicationView(a),
    });
    const orgs = await m.find(Organization, { where: { id: In([a.enterpriseId, a.partnerId]) }, select: { id: true, name: true } });
    const name = (orgId: string) => orgs.find((x) => x.id === orgId)?.name ?? '';
    const { organizationId, notification } = applicationNotice(event, {
      applicationId: a.id,
      opportunityId: o.id,
      opportunityTitle: o.title,
      enterpriseId: a.enterpriseId,
      enterpriseName: name(a.enterpriseId),
      partnerId: a.partnerId,
      partnerName: name(a.partnerId),
      status: a.status,
      note: extra.note ?? null,
      viaInvitation: extra.viaInvitation,
    });
    await this.notifications.notifyOrganization(m, organizationId, notification);
    return toApplicationView(a);
  }

  private assertTakesApplications(o: Opportunity): void {
    const state = effectiveState(o);
    if (state.status !== 'OPEN') {
      throw conflict(`The opportunity is closed (${state.closedReason}); it takes no more applications`, {
      opportunityStatus: state.status,
      closedReason: state.closedReason,
    });
    }
  }

  private activeOf(m: EntityManager, opportunityId: string, enterpriseId: string): Promise<Application | null> {
    return m.findOne(Application, {
      where: { opportunityId, enterpriseId, status: In([...ACTIVE_APPLICATION_STATUSES]) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async write(m: EntityManager, a: Application, set: Changes & { status: ApplicationStatus }): Promise<void> {
    const res = await m
      .createQueryBuilder()
      .update(Application)
      .set({ ...(set as object), version: a.version + 1, updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id: a.id, version: a.version })
      .execute();
    if (!res.affected) throw staleVersion(a.version + 1);
  }

  /** Tenancy as SQL (core's one definition): what `actor` may see of `application a`. */
  private scopeSql(actor: Actor, p: (v: unknown) => string): string {
    return partyScopeSql(actor, p, 'a.partner_id', 'a.enterprise_id');
  }

  private org(actor: Actor): string {
    if (!actor.organizationId) throw notFound('Organisation');
    return actor.organizationId;
  }

  /**
   * Inserts an active row. Two requests that both passed the check race on the one-active-application
   * index; `ON CONFLICT DO NOTHING` makes the loser insert nothing (without aborting), and it gets
   * the same 409 the check gives.
   */
  private async insertActive(m: EntityManager, row: Partial<Application>): Promise<string> {
    const res = await m.createQueryBuilder().insert().into(Application).values(row as never).orIgnore().returning(['id']).execute();
    const [inserted] = res.raw as { id: string }[];
    if (!inserted) throw duplicate('active');
    return inserted.id;
  }
}
