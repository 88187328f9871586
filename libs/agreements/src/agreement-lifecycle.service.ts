import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, AuditService, conflict, DomainError, ErrorCode, notFound } from '@jalin/core';
import { TransitionDto } from '@jalin/opportunities';
import {
  cancelOpenObligations,
  generateObligationsForActivation,
  recordTrackRecord,
  resyncObligationsForTerms,
} from '@jalin/obligations';
import { AgreementNoticeKind } from './agreement.notices.js';
import { AgreementStore, auditState, otherParty, termsFrom } from './agreement.store.js';
import { assertTerms } from './agreements.service.js';
import { type AgreementAction, agreementTransition, mayTake, type Party, TERMS_TRANSITIONS } from './domain/agreement.lifecycle.js';
import type { AgreementView, TermsVersionView } from './dto/agreement-view.dto.js';
import { CloseAmendmentDto, ProposeAmendmentDto, TerminateDto } from './dto/agreement.dto.js';
import type { Agreement } from './entities/agreement.entity.js';
import { AgreementTerms } from './entities/agreement-terms.entity.js';

/**
 * The agreement lifecycle (domain/agreement.lifecycle.ts): submission, signatures, activation,
 * amendments, completion and termination. Each request is one transaction that locks the agreement
 * row first, so moves on one agreement serialise; the state change, the obligations it implies, the
 * other party's notification and the audit record commit together.
 */
@Injectable()
export class AgreementLifecycleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: AgreementStore,
    private readonly audit: AuditService,
  ) {}

  /** DRAFT → AWAITING_SIGNATURES (owning partner): the terms freeze and the small firm is asked to sign. */
  async submit(actor: Actor, id: string, dto: TransitionDto): Promise<AgreementView> {
    return this.ds.transaction(async (m) => {
      const { a, party } = await this.lock(m, actor, id, dto.version, 'submit');
      const before = auditState(a);
      const move = agreementTransition('submit', a.status);
      await this.store.write(m, a, { status: move.to, submittedAt: () => 'now()' });
      await this.store.moveTerms(m, a.id, a.termsVersion, 'submit');
      await this.store.notify(m, a, otherParty(a, party), AgreementNoticeKind.AGREEMENT_SIGNATURE_REQUESTED, actor.organizationId);
      await this.record(m, actor, 'agreement.submit', a, before, auditState(a));
      return this.store.view(m, a.id);
    });
  }

  /**
   * A member of a party signs — the pending amendment when one awaits signatures, else the original
   * terms. Once per party and version (409 on a second). The signature completing the pair makes the
   * agreement ACTIVE and generates its obligations (or puts the amendment in force and resyncs them),
   * in this same transaction. A commitment the amendment carries over (same type and description)
   * keeps the small firm's confirmation or dispute: an amendment cannot quietly clear a dispute.
   */
  async sign(actor: Actor, id: string, dto: TransitionDto): Promise<AgreementView> {
    return this.ds.transaction(async (m) => {
      const { a, party } = await this.lock(m, actor, id, dto.version, 'sign');
      const before = auditState(a, { signatures: await this.signedBy(m, a) });
      let action: AgreementAction;
      let version: number;
      if (a.status === 'ACTIVE') {
        const pending = await this.store.pendingAmendment(m, a);
        if (!pending) {
          throw new DomainError(ErrorCode.INVALID_TRANSITION, 'This agreement is ACTIVE and no amendment awaits signatures: there is nothing to sign', {
            agreementStatus: a.status,
            action: 'sign',
          });
        }
        agreementTransition('signAmendment', a.status);
        action = 'signAmendment';
        version = pending.termsVersion;
      } else {
        agreementTransition('sign', a.status);
        action = 'sign';
        version = a.termsVersion;
      }
      const inserted: unknown[] = await m.query(
        `INSERT INTO signature (agreement_id, terms_version, organization_id, user_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT signature_once_key DO NOTHING RETURNING id`,
        [a.id, version, actor.organizationId, actor.userId],
      );
      if (!inserted.length) {
        throw new DomainError(ErrorCode.DUPLICATE, `Your organisation has already signed terms version ${version} of ${a.number}; each party signs once`, {
          termsVersion: version,
        });
      }
      const signed = await this.signedBy(m, a, version);
      const complete = signed.includes(a.partnerId) && signed.includes(a.enterpriseId);
      const other = otherParty(a, party);
      await this.store.notify(m, a, other, AgreementNoticeKind.AGREEMENT_SIGNED, actor.organizationId, { termsVersion: version });
      if (complete && action === 'sign') {
        const move = agreementTransition('activate', a.status);
        await this.store.write(m, a, { status: move.to, activatedAt: () => 'now()' });
        await this.store.moveTerms(m, a.id, version, 'enterInForce');
        await generateObligationsForActivation(m, a.id);
        await this.store.notify(m, a, other, AgreementNoticeKind.AGREEMENT_ACTIVATED, actor.organizationId);
      } else if (complete) {
        const amendment = await this.store.termsVersionView(m, a, version);
        await this.store.carryOverConfirmations(m, a.id, a.termsVersion, version);
        await this.store.moveTerms(m, a.id, a.termsVersion, 'supersede');
        await this.store.moveTerms(m, a.id, version, 'enterInForce');
        await this.store.write(m, a, {
          termsVersion: version,
          title: amendment.title,
          startDate: amendment.startDate,
          endDate: amendment.endDate,
          reportingPeriod: amendment.reportingPeriod,
          paymentTermDays: amendment.paymentTermDays,
        });
        await resyncObligationsForTerms(m, a.id);
        await this.store.notify(m, a, other, AgreementNoticeKind.AMENDMENT_IN_FORCE, actor.organizationId, { termsVersion: version });
      } else {
        await this.store.write(m, a, {});
      }
      await this.record(m, actor, 'agreement.sign', a, before, auditState(a, { signatures: await this.signedBy(m, a) }));
      return this.store.view(m, a.id);
    });
  }

  /**
   * Either party proposes terms version n+1 on an ACTIVE agreement (one pending amendment at a
   * time, 409). It is in force once both parties sign it (`sign`).
   */
  async amend(actor: Actor, id: string, dto: ProposeAmendmentDto): Promise<TermsVersionView> {
    return this.ds.transaction(async (m) => {
      const { a, party } = await this.lock(m, actor, id, dto.version, 'amend');
      agreementTransition('amend', a.status);
      const pending = await this.store.pendingAmendment(m, a);
      if (pending) {
        throw conflict(`Amendment version ${pending.termsVersion} is already awaiting signatures; one amendment at a time`, {
          pendingAmendmentVersion: pending.termsVersion,
        });
      }
      const terms = termsFrom(dto);
      assertTerms(a.pattern, terms);
      const [{ max }]: { max: number }[] = await m.query(`SELECT max(terms_version) AS max FROM agreement_terms WHERE agreement_id = $1`, [a.id]);
      const version = Number(max) + 1;
      const before = auditState(a, { pendingAmendment: null });
      await this.store.insertTerms(m, a.id, version, terms, 'AWAITING_SIGNATURES', {
        reason: dto.reason,
        proposedBy: actor.organizationId,
        proposedByUser: actor.userId,
      });
      await this.store.write(m, a, {});
      await this.store.notify(m, a, otherParty(a, party), AgreementNoticeKind.AMENDMENT_PROPOSED, actor.organizationId, {
        termsVersion: version,
        reason: dto.reason,
      });
      await this.record(m, actor, 'agreement.amend', a, before, auditState(a, { pendingAmendment: { termsVersion: version, reason: dto.reason, ...terms } }));
      return this.store.termsVersionView(m, a, version);
    });
  }

  /**
   * A pending amendment ends unsigned: the party that proposed it withdraws it (WITHDRAWN), the other
   * party declines it (DECLINED). The terms in force stay as they were; its signatures stay on
   * record; the other party is told, with the reason. Either party may then propose another.
   */
  async closeAmendment(actor: Actor, id: string, termsVersion: number, how: 'withdraw' | 'decline', dto: CloseAmendmentDto): Promise<AgreementView> {
    const action: AgreementAction = how === 'withdraw' ? 'withdrawAmendment' : 'declineAmendment';
    return this.ds.transaction(async (m) => {
      const { a, party } = await this.lock(m, actor, id, dto.version, action);
      const t = termsVersion > 1 ? await m.findOne(AgreementTerms, { where: { agreementId: a.id, termsVersion } }) : null;
      if (!t) throw notFound('Amendment');
      agreementTransition(action, a.status);
      if (t.status !== 'AWAITING_SIGNATURES') {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Amendment version ${termsVersion} is ${t.status}; only one awaiting signatures can be ${how === 'withdraw' ? 'withdrawn' : 'declined'}`, {
          termsVersion,
          termsStatus: t.status,
          action,
        });
      }
      const proposedByUs = t.proposedBy === actor.organizationId;
      if (how === 'withdraw' && !proposedByUs) {
        throw conflict('Only the party that proposed an amendment withdraws it; the other party declines it (POST …/decline)', { termsVersion, action });
      }
      if (how === 'decline' && proposedByUs) {
        throw conflict('Your organisation proposed this amendment: withdraw it instead (POST …/withdraw)', { termsVersion, action });
      }
      const before = auditState(a, { pendingAmendment: { termsVersion, status: t.status } });
      const to = TERMS_TRANSITIONS[how].to;
      await this.store.moveTerms(m, a.id, termsVersion, how, {
        closedAt: () => 'now()', closedBy: actor.organizationId, closedByUser: actor.userId, closeReason: dto.reason,
      });
      await this.store.write(m, a, {});
      await this.store.notify(
        m, a, otherParty(a, party),
        how === 'withdraw' ? AgreementNoticeKind.AMENDMENT_WITHDRAWN : AgreementNoticeKind.AMENDMENT_DECLINED,
        actor.organizationId,
        { termsVersion, reason: dto.reason },
      );
      await this.record(m, actor, `agreement.amendment-${how}`, a, before, auditState(a, { pendingAmendment: null, closedAmendment: { termsVersion, status: to, reason: dto.reason } }));
      return this.store.view(m, a.id);
    });
  }

  /**
   * ACTIVE → COMPLETED (owning partner), only once the end date has passed in the partner's zone.
   * Open obligations stay open (the last period's report is still owed); the firm's track record
   * counts a completed partnership.
   */
  async complete(actor: Actor, id: string, dto: TransitionDto): Promise<AgreementView> {
    return this.ds.transaction(async (m) => {
      const { a, party } = await this.lock(m, actor, id, dto.version, 'complete');
      const before = auditState(a);
      const move = agreementTransition('complete', a.status);
      const { today, zone } = await this.store.partnerToday(m, a.partnerId);
      if (today <= a.endDate) {
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          `The agreement runs until ${a.endDate}; it can be completed only after that date (today is ${today} in ${zone})`,
          { agreementStatus: a.status, action: 'complete', endDate: a.endDate, today },
        );
      }
      const withdrawn = await this.store.withdrawUnsigned(m, a.id);
      await this.store.write(m, a, { status: move.to, completedAt: () => 'now()' });
      await recordTrackRecord(m, a.enterpriseId, { completed: 1 });
      await this.store.notify(m, a, otherParty(a, party), AgreementNoticeKind.AGREEMENT_COMPLETED, actor.organizationId);
      await this.record(m, actor, 'agreement.complete', a, before, auditState(a, withdrawn.length ? { withdrawnTermsVersions: withdrawn } : {}));
      return this.store.view(m, a.id);
    });
  }

  /**
   * Either party ends the agreement with a reason. From ACTIVE: open obligations are CANCELLED and
   * the firm's track record counts a termination. A DRAFT or an agreement awaiting signatures may be
   * terminated too (abandoned before it bound anyone: no obligations, no track record), which frees
   * the application for a new agreement. Unsigned terms versions are WITHDRAWN.
   */
  async terminate(actor: Actor, id: string, dto: TerminateDto): Promise<AgreementView> {
    return this.ds.transaction(async (m) => {
      const { a, party } = await this.lock(m, actor, id, dto.version, 'terminate');
      const before = auditState(a);
      const wasActive = a.status === 'ACTIVE';
      const move = agreementTransition('terminate', a.status);
      const withdrawn = await this.store.withdrawUnsigned(m, a.id);
      await this.store.write(m, a, {
        status: move.to,
        terminatedAt: () => 'now()',
        terminatedBy: actor.organizationId,
        terminationReason: dto.reason,
      });
      let cancelled = 0;
      if (wasActive) {
        cancelled = await cancelOpenObligations(m, a.id);
        await recordTrackRecord(m, a.enterpriseId, { terminated: 1 });
      }
      await this.store.notify(m, a, otherParty(a, party), AgreementNoticeKind.AGREEMENT_TERMINATED, actor.organizationId, { reason: dto.reason });
      await this.record(
        m,
        actor,
        'agreement.terminate',
        a,
        before,
        auditState(a, { terminatedByParty: party, cancelledObligations: cancelled, ...(withdrawn.length ? { withdrawnTermsVersions: withdrawn } : {}) }),
      );
      return this.store.view(m, a.id);
    });
  }

  /** The caller's agreement, locked; a party the action is not for gets 404 (as for a stranger). */
  private async lock(m: EntityManager, actor: Actor, id: string, version: number | undefined, action: AgreementAction): Promise<{ a: Agreement; party: Party }> {
    const found = await this.store.lockAsParty(m, actor, id, version);
    if (!mayTake(action, found.party)) throw notFound('Agreement');
    return found;
  }

  /** Organisations that signed `version` (default: every version, as `{ version: [orgs] }` for the audit trail). */
  private async signedBy(m: EntityManager, a: Agreement): Promise<Record<string, string[]>>;
  private async signedBy(m: EntityManager, a: Agreement, version: number): Promise<string[]>;
  private async signedBy(m: EntityManager, a: Agreement, version?: number): Promise<string[] | Record<string, string[]>> {
    const rows: { v: number; org: string }[] = await m.query(
      `SELECT terms_version AS v, organization_id AS org FROM signature WHERE agreement_id = $1 ${version === undefined ? '' : 'AND terms_version = $2'} ORDER BY terms_version, signed_at, id`,
      version === undefined ? [a.id] : [a.id, version],
    );
    if (version !== undefined) return rows.map((r) => r.org);
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[String(r.v)] ??= []).push(r.org === a.partnerId ? 'partner' : 'enterprise');
    return out;
  }

  private record(m: EntityManager, actor: Actor, action: string, a: Agreement, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void> {
    return this.audit.record(m, { action, entityType: 'agreement', entityId: a.id, actor, before, after });
  }
}
