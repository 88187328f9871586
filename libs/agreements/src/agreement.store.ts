import { Injectable } from '@nestjs/common';
import { type EntityManager, In, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { type Actor, conflict, notFound, Role, staleVersion, zoneOfProvince } from '@jalin/core';
import { NotificationsService } from '@jalin/notifications';
import { Organization } from '@jalin/organizations';
import { type AgreementNoticeKind, agreementNotice, type AgreementNoticeContext } from './agreement.notices.js';
import { type Party, TERMS_TRANSITIONS } from './domain/agreement.lifecycle.js';
import type { CoachingSnapshot, CoachingTerms, CommitmentSnapshot, CommitmentTerms, Terms } from './domain/terms.js';
import type { AgreementSummaryView, AgreementView, TermsVersionView } from './dto/agreement-view.dto.js';
import type { CoachingItemDto, CommitmentDto, TermsDto } from './dto/agreement.dto.js';
import { AgreementTerms } from './entities/agreement-terms.entity.js';
import { Agreement } from './entities/agreement.entity.js';
import { CoachingPlanItem } from './entities/coaching-plan-item.entity.js';
import { Commitment } from './entities/commitment.entity.js';
import { Signature } from './entities/signature.entity.js';
import { toCoachingPlanItemView, toCommitmentView, toSignatureView, toSummaryView, toTermsVersionView } from './views.js';

type AgreementChanges = Partial<Record<keyof Agreement, unknown>>;

/** The side `actor` stands on, by role: partner members act for the partner, enterprise members for the firm. */
export function partyOf(actor: Actor): Party | null {
  if (actor.role === Role.PARTNER && actor.organizationId) return 'partner';
  if (actor.role === Role.ENTERPRISE && actor.organizationId) return 'enterprise';
  return null;
}

export const otherParty = (a: Pick<Agreement, 'partnerId' | 'enterpriseId'>, party: Party) => (party === 'partner' ? a.enterpriseId : a.partnerId);

export const commitmentsFrom = (list: CommitmentDto[]): CommitmentTerms[] =>
  list.map((c) => ({
    type: c.type,
    description: c.description,
    quantity: c.quantity ?? null,
    unit: c.unit ?? null,
    valueIdr: c.valueIdr ?? null,
    dueDate: c.dueDate ?? null,
    schedule: c.schedule ?? null,
  }));

export const coachingFrom = (list: CoachingItemDto[]): CoachingTerms[] =>
  list.map((c) => ({
    aspect: c.aspect,
    activity: c.activity,
    description: c.description,
    sessions: (c.sessions ?? []).map((s) => ({ scheduledAt: new Date(s.scheduledAt).toISOString(), location: s.location })),
  }));

/** Body terms → stored terms: defaults filled, absent optionals null, session times normalised to UTC. */
export function termsFrom(dto: TermsDto): Terms {
  return {
    title: dto.title,
    startDate: dto.startDate,
    endDate: dto.endDate,
    reportingPeriod: dto.reportingPeriod ?? 'QUARTERLY',
    paymentTermDays: dto.paymentTermDays ?? null,
    commitments: commitmentsFrom(dto.commitments),
    coaching: coachingFrom(dto.coaching ?? []),
  };
}

/** What a terms row says, without the row ids (to merge an edit, or for the audit trail). */
export function termsOf(t: AgreementTerms): Terms {
  return {
    title: t.title,
    startDate: t.startDate,
    endDate: t.endDate,
    reportingPeriod: t.reportingPeriod,
    paymentTermDays: t.paymentTermDays,
    commitments: t.commitments.map(({ commitmentId: _id, position: _p, ...c }) => c),
    coaching: t.coaching.map(({ planItemId: _id, position: _p, ...c }) => c),
  };
}

/** The agreement fields the audit trail compares before and after a change. */
export function auditState(a: Agreement, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number: a.number,
    status: a.status,
    termsVersion: a.termsVersion,
    title: a.title,
    startDate: a.startDate,
    endDate: a.endDate,
    reportingPeriod: a.reportingPeriod,
    paymentTermDays: a.paymentTermDays,
    terminationReason: a.terminationReason,
    ...extra,
  };
}

/**
 * Persistence shared by the agreement services: locking the caller's agreement, version-guarded
 * writes, terms versions with their commitment and coaching rows, notices, and the read model.
 * Every method runs in the caller's transaction (`m`).
 */
@Injectable()
export class AgreementStore {
  constructor(private readonly notifications: NotificationsService) {}

  /**
   * The agreement `actor` is a party to, locked (FOR UPDATE) for the transaction, so moves on one
   * agreement serialise. Anyone else's — or a malformed caller — gets 404.
   */
  async lockAsParty(m: EntityManager, actor: Actor, id: string, version?: number): Promise<{ a: Agreement; party: Party }> {
    const party = partyOf(actor);
    const where = party === 'partner' ? { id, partnerId: actor.organizationId! } : party === 'enterprise' ? { id, enterpriseId: actor.organizationId! } : null;
    const a = where ? await m.findOne(Agreement, { where, lock: { mode: 'pessimistic_write' } }) : null;
    if (!a || !party) throw notFound('Agreement');
    if (version !== undefined && version !== a.version) throw staleVersion(a.version);
    return { a, party };
  }

  /**
   * A change on a locked agreement: `UPDATE … WHERE id AND version`, bumping the version; no row →
   * 409 (stale). Mutates `a` to the written state.
   */
  async write(m: EntityManager, a: Agreement, set: AgreementChanges): Promise<void> {
    const res = await m
      .createQueryBuilder()
      .update(Agreement)
      .set({ ...(set as object), version: a.version + 1, updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id: a.id, version: a.version })
      .execute();
    if (!res.affected) throw staleVersion(a.version + 1);
    Object.assign(a, await m.findOneByOrFail(Agreement, { id: a.id }));
  }

  /** Writes terms version `version`: its commitment and coaching-plan rows, then the terms row with their snapshots. */
  async insertTerms(
    m: EntityManager,
    agreementId: string,
    version: number,
    terms: Terms,
    status: AgreementTerms['status'],
    extra: { reason?: string | null; proposedBy?: string | null; proposedByUser?: string | null } = {},
  ): Promise<AgreementTerms> {
    const { commitments, coaching } = await this.insertTermsRows(m, agreementId, version, terms);
    await m.insert(AgreementTerms, {
      agreementId,
      termsVersion: version,
      status,
      title: terms.title,
      startDate: terms.startDate,
      endDate: terms.endDate,
      reportingPeriod: terms.reportingPeriod,
      paymentTermDays: terms.paymentTermDays,
      commitments: commitments as never,
      coaching: coaching as never,
      reason: extra.reason ?? null,
      proposedBy: extra.proposedBy ?? null,
      proposedByUser: extra.proposedByUser ?? null,
    });
    return m.findOneByOrFail(AgreementTerms, { agreementId, termsVersion: version });
  }

  /** Replaces the terms of a version nobody has signed yet (a DRAFT's version 1). */
  async replaceTerms(m: EntityManager, agreementId: string, version: number, terms: Terms): Promise<void> {
    await m.delete(Commitment, { agreementId, termsVersion: version });
    await m.delete(CoachingPlanItem, { agreementId, termsVersion: version });
    const { commitments, coaching } = await this.insertTermsRows(m, agreementId, version, terms);
    await m.update(
      AgreementTerms,
      { agreementId, termsVersion: version },
      {
        title: terms.title,
        startDate: terms.startDate,
        endDate: terms.endDate,
        reportingPeriod: terms.reportingPeriod,
        paymentTermDays: terms.paymentTermDays,
        commitments: commitments as never,
        coaching: coaching as never,
      },
    );
  }

  /** Moves terms version `version` along its lifecycle (TERMS_TRANSITIONS); a version not in a `from` state → 409. */
  async moveTerms(
    m: EntityManager,
    agreementId: string,
    version: number,
    move: keyof typeof TERMS_TRANSITIONS,
    also: Pick<QueryDeepPartialEntity<AgreementTerms>, 'closedAt' | 'closedBy' | 'closedByUser' | 'closeReason'> = {},
  ): Promise<void> {
    const t = TERMS_TRANSITIONS[move];
    const res = await m
      .createQueryBuilder()
      .update(AgreementTerms)
      .set(move === 'enterInForce' ? { status: t.to, inForceAt: () => 'now()' } : { ...also, status: t.to })
      .where('agreement_id = :agreementId AND terms_version = :version AND status IN (:...from)', { agreementId, version, from: t.from })
      .execute();
    if (!res.affected) throw conflict(`Terms version ${version} is not ${t.from.join(' or ')}`, { termsVersion: version });
  }

  /**
   * An amendment went into force: each of its commitments that the previous version already had —
   * same type and description (trimmed, case-insensitive; duplicates paired in order), the rule the
   * obligations resync follows too — keeps the small firm's confirmation or dispute. A dispute is
   * never cleared by an amendment; a confirmed delivery need not be confirmed again.
   */
  async carryOverConfirmations(m: EntityManager, agreementId: string, fromVersion: number, toVersion: number): Promise<void> {
    await m.query(
      `WITH o AS (
         SELECT *, row_number() OVER (PARTITION BY type, lower(btrim(description)) ORDER BY position) AS rn
           FROM commitment WHERE agreement_id = $1 AND terms_version = $2
       ), n AS (
         SELECT id, type, lower(btrim(description)) AS d, row_number() OVER (PARTITION BY type, lower(btrim(description)) ORDER BY position) AS rn
           FROM commitment WHERE agreement_id = $1 AND terms_version = $3
       )
       UPDATE commitment c
          SET status = o.status, confirmed_at = o.confirmed_at, confirmed_by = o.confirmed_by, disputed_at = o.disputed_at,
              dispute_kind = o.dispute_kind, dispute_reason = o.dispute_reason, updated_at = now(), version = c.version + 1
         FROM n JOIN o ON o.type = n.type AND lower(btrim(o.description)) = n.d AND o.rn = n.rn
        WHERE c.id = n.id AND o.status <> 'PENDING'`,
      [agreementId, fromVersion, toVersion],
    );
  }

  /** Every unsigned version (a draft, an original or amendment awaiting signatures) → WITHDRAWN. */
  async withdrawUnsigned(m: EntityManager, agreementId: string): Promise<number[]> {
    const rows: { terms_version: number }[] = await m.query(
      `UPDATE agreement_terms SET status = 'WITHDRAWN' WHERE agreement_id = $1 AND status = ANY($2) RETURNING terms_version`,
      [agreementId, TERMS_TRANSITIONS.withdraw.from],
    );
    return rows.map((r) => r.terms_version);
  }

  /** The amendment awaiting signatures on an ACTIVE agreement, if any. */
  pendingAmendment(m: EntityManager, a: Agreement): Promise<AgreementTerms | null> {
    return m.findOne(AgreementTerms, {
      where: { agreementId: a.id, termsVersion: MoreThan(a.termsVersion), status: 'AWAITING_SIGNATURES' },
    });
  }

  /** Today's date in the partner's zone (WIB/WITA/WIT from its province), and that zone. */
  async partnerToday(m: EntityManager, partnerId: string): Promise<{ today: string; zone: string; year: number }> {
    const partner = await m.findOneOrFail(Organization, { where: { id: partnerId }, select: { id: true, provinceCode: true } });
    const zone = zoneOfProvince(partner.provinceCode);
    const [row]: { today: string }[] = await m.query(`SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS today`, [zone]);
    return { today: row.today, zone, year: Number(row.today.slice(0, 4)) };
  }

  /** An in-app notification to `organizationId` about `a`, in the caller's transaction. */
  async notify(
    m: EntityManager,
    a: Agreement,
    organizationId: string,
    kind: AgreementNoticeKind,
    actingOrganizationId: string | null,
    extra: Partial<AgreementNoticeContext> = {},
  ): Promise<void> {
    const actor = actingOrganizationId ? await m.findOne(Organization, { where: { id: actingOrganizationId }, select: { id: true, name: true } }) : null;
    await this.notifications.notifyOrganization(
      m,
      organizationId,
      agreementNotice(kind, { agreementId: a.id, number: a.number, title: a.title, status: a.status, actorName: actor?.name ?? 'Jalin', ...extra }),
    );
  }

  /** List items for `ids`, in the order given. */
  async summaries(m: EntityManager, ids: string[]): Promise<AgreementSummaryView[]> {
    if (!ids.length) return [];
    const rows = await m.findBy(Agreement, { id: In(ids) });
    const orgIds = [...new Set(rows.flatMap((a) => [a.partnerId, a.enterpriseId]))];
    const orgs = await m.find(Organization, { where: { id: In(orgIds) }, select: { id: true, name: true } });
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const pending: { agreement_id: string; v: number }[] = await m.query(
      `SELECT t.agreement_id, t.terms_version AS v FROM agreement_terms t JOIN agreement a ON a.id = t.agreement_id
        WHERE t.agreement_id = ANY($1) AND t.status = 'AWAITING_SIGNATURES' AND t.terms_version > a.terms_version`,
      [ids],
    );
    const disputed: { agreement_id: string; n: string }[] = await m.query(
      `SELECT c.agreement_id, count(*) AS n FROM commitment c JOIN agreement a ON a.id = c.agreement_id AND c.terms_version = a.terms_version
        WHERE c.agreement_id = ANY($1) AND c.status = 'DISPUTED' GROUP BY c.agreement_id`,
      [ids],
    );
    const byId = new Map(rows.map((a) => [a.id, a]));
    const pendingOf = new Map(pending.map((p) => [p.agreement_id, Number(p.v)]));
    const disputedOf = new Map(disputed.map((d) => [d.agreement_id, Number(d.n)]));
    return ids
      .filter((id) => byId.has(id))
      .map((id) => toSummaryView(byId.get(id)!, names, pendingOf.get(id) ?? null, disputedOf.get(id) ?? 0));
  }

  /** The full agreement: terms in force, live commitments and coaching plan, signatures, pending amendment, every version. */
  async view(m: EntityManager, id: string): Promise<AgreementView> {
    const [summary] = await this.summaries(m, [id]);
    if (!summary) throw notFound('Agreement');
    const a = await m.findOneByOrFail(Agreement, { id });
    // One after another: inside a transaction they share one connection anyway.
    const versions = await m.find(AgreementTerms, { where: { agreementId: id }, order: { termsVersion: 'ASC' } });
    const commitments = await m.find(Commitment, { where: { agreementId: id, termsVersion: a.termsVersion }, order: { position: 'ASC' } });
    const plan = await m.find(CoachingPlanItem, { where: { agreementId: id, termsVersion: a.termsVersion }, order: { position: 'ASC' } });
    const signatures = await m.find(Signature, { where: { agreementId: id }, order: { signedAt: 'ASC', id: 'ASC' } });
    const versionViews = versions.map((t) => toTermsVersionView(a, t, signatures));
    const current = versionViews.find((v) => v.termsVersion === a.termsVersion)!;
    const sessionsOf = new Map(versions.find((t) => t.termsVersion === a.termsVersion)?.coaching.map((c) => [c.planItemId, c.sessions]) ?? []);
    return {
      ...summary,
      terms: current,
      commitments: commitments.map(toCommitmentView),
      coaching: plan.map((p) => toCoachingPlanItemView(p, sessionsOf.get(p.id) ?? [])),
      signatures: signatures.filter((s) => s.termsVersion === a.termsVersion).map((s) => toSignatureView(a, s)),
      pendingAmendment: summary.pendingAmendmentVersion === null ? null : (versionViews.find((v) => v.termsVersion === summary.pendingAmendmentVersion) ?? null),
      versions: versionViews,
    };
  }

  /** One terms version with its signatures. */
  async termsVersionView(m: EntityManager, a: Agreement, version: number): Promise<TermsVersionView> {
    const t = await m.findOneByOrFail(AgreementTerms, { agreementId: a.id, termsVersion: version });
    const signatures = await m.find(Signature, { where: { agreementId: a.id, termsVersion: version }, order: { signedAt: 'ASC', id: 'ASC' } });
    return toTermsVersionView(a, t, signatures);
  }

  private async insertTermsRows(
    m: EntityManager,
    agreementId: string,
    version: number,
    terms: Terms,
  ): Promise<{ commitments: CommitmentSnapshot[]; coaching: CoachingSnapshot[] }> {
    if (terms.commitments.length) {
      await m.insert(
        Commitment,
        terms.commitments.map((c, position) => ({ ...c, type: c.type as Commitment['type'], agreementId, termsVersion: version, position, status: 'PENDING' as const, version: 1 })),
      );
    }
    if (terms.coaching.length) {
      await m.insert(
        CoachingPlanItem,
        terms.coaching.map((c, position) => ({ agreementId, termsVersion: version, position, aspect: c.aspect, activity: c.activity, description: c.description })),
      );
    }
    const rows = await m.find(Commitment, { where: { agreementId, termsVersion: version }, order: { position: 'ASC' }, select: { id: true, position: true } });
    const items = await m.find(CoachingPlanItem, { where: { agreementId, termsVersion: version }, order: { position: 'ASC' }, select: { id: true, position: true } });
    return {
      commitments: terms.commitments.map((c, i) => ({ commitmentId: rows[i].id, position: i, ...c })),
      coaching: terms.coaching.map((c, i) => ({ planItemId: items[i].id, position: i, ...c })),
    };
  }
}
