import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, AuditService, DomainError, ErrorCode, notFound, Role, staleVersion } from '@jalin/core';
import { fulfilCommitmentObligation } from '@jalin/obligations';
import { AgreementNoticeKind } from './agreement.notices.js';
import { AgreementStore } from './agreement.store.js';
import { type CommitmentAction, commitmentTransition } from './domain/commitment.lifecycle.js';
import type { CommitmentView } from './dto/agreement-view.dto.js';
import { ConfirmCommitmentDto, DisputeCommitmentDto } from './dto/commitment.dto.js';
import { Agreement } from './entities/agreement.entity.js';
import { Commitment } from './entities/commitment.entity.js';
import { toCommitmentView } from './views.js';

const commitmentAudit = (c: Commitment) => ({
  status: c.status,
  confirmedAt: c.confirmedAt,
  disputedAt: c.disputedAt,
  disputeKind: c.disputeKind,
  disputeReason: c.disputeReason,
});

/**
 * Counter-confirmation: the small firm a commitment is owed to confirms its delivery or disputes it
 * (KPPU's abuses: late payment, unfair price, inputs not supplied…). Only the live commitments of an
 * ACTIVE agreement; the partner is told either way, and disputes show to the ministry on the agreement.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: AgreementStore,
    private readonly audit: AuditService,
  ) {}

  /** PENDING | DISPUTED → CONFIRMED; fulfils the commitment's HONOUR_AGREEMENT obligation. */
  confirm(actor: Actor, id: string, dto: ConfirmCommitmentDto): Promise<CommitmentView> {
    return this.move(actor, id, 'confirm', dto, { confirmedAt: () => 'now()', confirmedBy: actor.userId });
  }

  /** PENDING → DISPUTED, with a reason and what kind of failure it was. */
  dispute(actor: Actor, id: string, dto: DisputeCommitmentDto): Promise<CommitmentView> {
    return this.move(actor, id, 'dispute', dto, { disputedAt: () => 'now()', disputeKind: dto.kind ?? 'OTHER', disputeReason: dto.reason });
  }

  private async move(actor: Actor, id: string, action: CommitmentAction, dto: { version?: number; reason?: string }, set: Record<string, unknown>): Promise<CommitmentView> {
    const enterpriseId = actor.role === Role.ENTERPRISE ? actor.organizationId : null;
    if (!enterpriseId) throw notFound('Commitment');
    return this.ds.transaction(async (m) => {
      const found = await m.findOne(Commitment, { where: { id }, select: { id: true, agreementId: true } });
      // Always agreement first, then commitment: the same order as every other agreement write.
      const a = found ? await m.findOne(Agreement, { where: { id: found.agreementId, enterpriseId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!found || !a) throw notFound('Commitment');
      const c = await m.findOneOrFail(Commitment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      this.assertLive(a, c);
      if (dto.version !== undefined && dto.version !== c.version) throw staleVersion(c.version);
      const before = commitmentAudit(c);
      const to = commitmentTransition(action, c.status);
      await this.write(m, c, { ...set, status: to });
      const after = await m.findOneByOrFail(Commitment, { id });
      if (action === 'confirm') {
        await fulfilCommitmentObligation(m, c.id, actor);
        await this.store.notify(m, a, a.partnerId, AgreementNoticeKind.COMMITMENT_CONFIRMED, enterpriseId, {
          commitmentId: c.id,
          commitmentDescription: c.description,
        });
      } else {
        await this.store.notify(m, a, a.partnerId, AgreementNoticeKind.COMMITMENT_DISPUTED, enterpriseId, {
          commitmentId: c.id,
          commitmentDescription: c.description,
          reason: dto.reason,
          disputeKind: after.disputeKind,
        });
      }
      await this.audit.record(m, {
        action: `commitment.${action}`,
        entityType: 'commitment',
        entityId: c.id,
        actor,
        before,
        after: { ...commitmentAudit(after), agreementId: a.id, termsVersion: c.termsVersion },
      });
      return toCommitmentView(after);
    });
  }

  /** Only the commitments in force on an ACTIVE agreement are confirmed or disputed (else 409). */
  private assertLive(a: Agreement, c: Commitment): void {
    if (a.status !== 'ACTIVE') {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `Commitments are confirmed or disputed while the agreement is ACTIVE; ${a.number} is ${a.status}`, {
        agreementStatus: a.status,
      });
    }
    if (c.termsVersion !== a.termsVersion) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        c.termsVersion < a.termsVersion
          ? `This commitment belongs to terms version ${c.termsVersion}, superseded by version ${a.termsVersion}`
          : `This commitment belongs to amendment version ${c.termsVersion}, not in force yet`,
        { termsVersion: c.termsVersion, termsVersionInForce: a.termsVersion },
      );
    }
  }

  private async write(m: EntityManager, c: Commitment, set: Record<string, unknown>): Promise<void> {
    const res = await m
      .createQueryBuilder()
      .update(Commitment)
      .set({ ...set, version: c.version + 1, updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id: c.id, version: c.version })
      .execute();
    if (!res.affected) throw staleVersion(c.version + 1);
  }
}
