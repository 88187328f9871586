import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type Actor, AuditService, conflict, type FieldError, invalid, isoMicros, notFound, type Page, prefixTsQuery, Role, sqlParams, staleVersion, timeCursor, toPage } from '@jalin/core';
import { Organization } from '@jalin/organizations';
import { ReferenceService } from '@jalin/reference';
import { effectiveState, openSql, opportunityTransition } from './domain/opportunity.lifecycle.js';
import { supportTypeErrors } from './domain/support-types.js';
import { CreateOpportunityDto, OpportunityListQuery, type OpportunityView, TransitionDto, UpdateOpportunityDto } from './dto/opportunity.dto.js';
import { Opportunity } from './entities/opportunity.entity.js';
import { toOpportunityView } from './views.js';

/** Pasal 14 huruf a: give information on partnership opportunities. */
export const PUBLISH_DUTY = { duty: 'PUBLISH_OPPORTUNITIES', legalBasis: 'PP 44/1997 Pasal 14 huruf a' } as const;

type Columns = Partial<
  Pick<
    Opportunity,
    | 'pattern' | 'title' | 'description' | 'kbliCodes' | 'regionCodes' | 'siteRegionCode' | 'siteLat' | 'siteLng'
    | 'requiredQuantity' | 'requiredUnit' | 'requiredPeriod' | 'requiredCertifications' | 'preferredCertifications'
    | 'supportOffered' | 'slots' | 'closesAt'
  >
>;

/** What is checked against reference data and the pattern table. */
type Checked = Pick<Opportunity, 'pattern' | 'kbliCodes' | 'regionCodes' | 'siteRegionCode' | 'supportOffered'>;

/** The columns a create/update body sets; only what was sent. `null` clears, and siteRegionCode falls back to the partner's region. */
function columnsFrom(dto: Partial<CreateOpportunityDto> | UpdateOpportunityDto, partnerRegion: string): Columns {
  const c: Columns = {};
  const copy = ['pattern', 'title', 'description', 'kbliCodes', 'regionCodes', 'requiredCertifications', 'preferredCertifications', 'supportOffered', 'slots'] as const;
  for (const k of copy) if (dto[k] !== undefined && dto[k] !== null) (c as Record<string, unknown>)[k] = dto[k];
  if (dto.siteRegionCode !== undefined) c.siteRegionCode = dto.siteRegionCode ?? partnerRegion;
  if (dto.siteLocation !== undefined) {
    c.siteLat = dto.siteLocation?.lat ?? null;
    c.siteLng = dto.siteLocation?.lng ?? null;
  }
  if (dto.requiredCapacity !== undefined) {
    c.requiredQuantity = dto.requiredCapacity?.quantity ?? null;
    c.requiredUnit = dto.requiredCapacity?.unit ?? null;
    c.requiredPeriod = dto.requiredCapacity?.period ?? null;
  }
  if (dto.closesAt !== undefined) c.closesAt = dto.closesAt === null ? null : new Date(dto.closesAt);
  return c;
}

@Injectable()
export class OpportunitiesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
  ) {}

  private async recorded(m: EntityManager, actor: Actor, action: string, id: string, before: Opportunity | null): Promise<OpportunityView> {
    const after = await m.findOneByOrFail(Opportunity, { id });
    const view = toOpportunityView(after);
    await this.audit.record(m, { action: `opportunity.${action}`, entityType: 'opportunity', entityId: id, actor, before: before ? toOpportunityView(before) : null, after: view });
    return view;
  }

  /** A DRAFT of the caller's partner organisation. */
  async create(actor: Actor, dto: CreateOpportunityDto): Promise<OpportunityView> {
    return this.ds.transaction(async (m) => {
      const partner = await this.ownPartner(m, actor);
      const row = {
        pattern: dto.pattern,
        kbliCodes: dto.kbliCodes,
        description: '',
        regionCodes: [],
        siteRegionCode: partner.regionCode,
        requiredCertifications: [],
        preferredCertifications: [],
        supportOffered: [],
        closesAt: null,
        ...columnsFrom(dto, partner.regionCode),
      };
      await this.checkAgainstReferenceData(m, row);
      const res = await m.insert(Opportunity, { ...row, partnerId: partner.id, status: 'DRAFT', acceptedCount: 0, version: 1 });
      const id = (res.identifiers[0] as { id: string }).id;
      return this.recorded(m, actor, 'create', id, null);
    });
  }

  /** Edit the caller's own DRAFT. Another partner's is 404; a published one is 409. */
  async update(actor: Actor, id: string, dto: UpdateOpportunityDto): Promise<OpportunityView> {
    return this.ds.transaction(async (m) => {
      const o = await this.lockOwn(m, actor, id);
      if (dto.version !== undefined && dto.version !== o.version) throw staleVersion(o.version);
      const status = effectiveState(o).status;
      if (status !== 'DRAFT') {
        throw conflict(`Only a DRAFT opportunity can be edited; this one is ${status}`, { opportunityStatus: status });
      }
      const partner = await this.ownPartner(m, actor);
      const changes = columnsFrom(dto, partner.regionCode);
      if (!Object.keys(changes).length) return toOpportunityView(o);
      await this.checkAgainstReferenceData(m, { ...o, ...changes });
      const res = await m
        .createQueryBuilder()
        .update(Opportunity)
        .set({ ...changes, version: o.version + 1, updatedAt: () => 'now()' })
        .where('id = :id AND version = :version AND status = :status', { id, version: o.version, status: 'DRAFT' })
        .execute();
      if (!res.affected) throw staleVersion(o.version + 1);
      return this.recorded(m, actor, 'update', id, o);
    });
  }

  /**
   * DRAFT → OPEN. Needs the partner's PIC (Pasal 14 huruf c) and a deadline still ahead. Records that
   * the partner met its duty to publish opportunities (Pasal 14 huruf a), in the same transaction.
   */
  async publish(actor: Actor, id: string, dto: TransitionDto): Promise<OpportunityView> {
    return this.ds.transaction(async (m) => {
      const o = await this.lockOwn(m, actor, id);
      if (dto.version !== undefined && dto.version !== o.version) throw staleVersion(o.version);
      const move = opportunityTransition('publish', effectiveState(o).status);
      const partner = await this.ownPartner(m, actor);
      if (!partner.pic) {
        throw conflict(
          'Publishing needs the partner’s penanggung jawab kemitraan (PIC): set `pic` on your partner profile first ' +
            '(PP 44/1997 Pasal 14 huruf c obliges the partner to appoint one)',
          { missing: ['pic'], legalBasis: 'PP 44/1997 Pasal 14 huruf c' },
        );
      }
      if (o.closesAt && o.closesAt.getTime() <= Date.now()) {
        throw conflict(`closesAt (${o.closesAt.toISOString()}) has passed; set a future deadline before publishing`, {
          closesAt: o.closesAt.toISOString(),
        });
      }
      await this.write(m, o, { status: move.to, publishedAt: () => 'now()' });
      await m.query(
        `INSERT INTO partner_duty_record (partner_id, duty, legal_basis, entity_type, entity_id) VALUES ($1, $2, $3, 'opportunity', $4)`,
        [o.partnerId, PUBLISH_DUTY.duty, PUBLISH_DUTY.legalBasis, o.id],
      );
      return this.recorded(m, actor, 'publish', id, o);
    });
  }

  /** OPEN → CLOSED by hand. Already closed (also by a passed deadline) or still a draft → 409. */
  async close(actor: Actor, id: string, dto: TransitionDto): Promise<OpportunityView> {
    return this.ds.transaction(async (m) => {
      const o = await this.lockOwn(m, actor, id);
      if (dto.version !== undefined && dto.version !== o.version) throw staleVersion(o.version);
      const move = opportunityTransition('close', effectiveState(o).status);
      await this.write(m, o, { status: move.to, closedReason: move.closedReason, closedAt: () => 'now()' });
      return this.recorded(m, actor, 'close', id, o);
    });
  }

  /** One opportunity: drafts only to their own partner (anyone else: 404). */
  async findOne(actor: Actor, id: string): Promise<OpportunityView> {
    const o = await this.ds.getRepository(Opportunity).findOneBy({ id });
    if (!o || (o.status === 'DRAFT' && o.partnerId !== actor.organizationId)) throw notFound('Opportunity');
    return toOpportunityView(o);
  }

  /**
   * Effectively OPEN opportunities, newest published first; or with `mine` a partner's own of every
   * status, newest created first. Filters: pattern, KBLI prefix, region (see OpportunityListQuery), q.
   */
  async list(actor: Actor, query: OpportunityListQuery): Promise<Page<OpportunityView>> {
    const limit = query.limit ?? 20;
    const { values, p } = sqlParams();
    const where: string[] = [];
    let sortCol: string;
    if (query.mine) {
      if (actor.role !== Role.PARTNER || !actor.organizationId) {
        throw invalid([{ field: 'mine', message: 'only partner members have opportunities of their own' }]);
      }
      where.push(`o.partner_id = ${p(actor.organizationId)}`);
      sortCol = 'o.created_at';
    } else {
      where.push(openSql('o'));
      sortCol = 'o.published_at';
    }
    if (query.pattern) where.push(`o.pattern = ${p(query.pattern)}`);
    if (query.kbli) {
      const k = p(query.kbli);
      // The division test lets the GIN index on kbli_divisions narrow the rows first.
      where.push(`o.kbli_divisions @> ARRAY[left(${k}, 2)]`, `EXISTS (SELECT 1 FROM unnest(o.kbli_codes) c WHERE starts_with(c, ${k}))`);
    }
    if (query.region) {
      const r = p(query.region);
      where.push(`(cardinality(o.region_codes) = 0 OR EXISTS (SELECT 1 FROM unnest(o.region_codes) rc
        WHERE rc = ${r} OR starts_with(${r}, rc || '.') OR starts_with(rc, ${r} || '.')))`);
    }
    const tsq = prefixTsQuery(query.q);
    if (tsq) where.push(`o.search @@ to_tsquery('simple', ${p(tsq)})`);
    const cur = timeCursor(query.cursor);
    if (cur) {
      const at = p(cur.at);
      where.push(`(${sortCol} < ${at}::timestamptz OR (${sortCol} = ${at}::timestamptz AND o.id > ${p(cur.id)}::uuid))`);
    }
    const keys: { id: string; sortKey: string }[] = await this.ds.query(
      `SELECT o.id, ${isoMicros(sortCol)} AS "sortKey" FROM opportunity o
        WHERE ${where.join(' AND ')}
        ORDER BY ${sortCol} DESC, o.id ASC
        LIMIT ${p(limit + 1)}`,
      values,
    );
    const rows = keys.length ? await this.ds.getRepository(Opportunity).findBy({ id: In(keys.map((k) => k.id)) }) : [];
    const byId = new Map(rows.map((o) => [o.id, o]));
    const now = new Date();
    return toPage(keys, limit, (k) => [k.sortKey, k.id], (k) => toOpportunityView(byId.get(k.id)!, now));
  }

  /** The caller's own opportunity, locked for the transaction; anyone else's is not found. */
  private async lockOwn(m: EntityManager, actor: Actor, id: string): Promise<Opportunity> {
    const o = actor.organizationId
      ? await m.findOne(Opportunity, { where: { id, partnerId: actor.organizationId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!o) throw notFound('Opportunity');
    return o;
  }

  private async ownPartner(m: EntityManager, actor: Actor): Promise<Organization> {
    const partner = actor.organizationId ? await m.findOneBy(Organization, { id: actor.organizationId, kind: 'partner' }) : null;
    if (!partner) throw notFound('Partner');
    return partner;
  }

  /** A state change on a locked row: bumps the version, guarded by it. */
  private async write(m: EntityManager, o: Opportunity, set: Record<string, unknown>): Promise<void> {
    const res = await m
      .createQueryBuilder()
      .update(Opportunity)
      .set({ ...set, version: o.version + 1, updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id: o.id, version: o.version })
      .execute();
    if (!res.affected) throw staleVersion(o.version + 1);
  }

  /** KBLI codes and regions must exist; the offered support must suit the pattern. All problems at once (400). */
  private async checkAgainstReferenceData(m: EntityManager, o: Checked): Promise<void> {
    const errors: FieldError[] = [];
    for (const c of await this.reference.unknownKbliCodes(o.kbliCodes, m)) {
      errors.push({ field: 'kbliCodes', message: `${c} is not a KBLI 2020 code known to the platform` });
    }
    const regions = [...new Set([...o.regionCodes, ...(o.siteRegionCode ? [o.siteRegionCode] : [])])];
    const unknown = new Set(
      regions.length
        ? ((await m.query(`SELECT c FROM unnest($1::text[]) c WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.code = c)`, [regions])) as { c: string }[]).map((r) => r.c)
        : [],
    );
    for (const c of o.regionCodes) if (unknown.has(c)) errors.push({ field: 'regionCodes', message: `${c} is not a Kemendagri region code` });
    if (o.siteRegionCode && unknown.has(o.siteRegionCode)) {
      errors.push({ field: 'siteRegionCode', message: `${o.siteRegionCode} is not a Kemendagri region code` });
    }
    errors.push(...supportTypeErrors(o.pattern, o.supportOffered));
    if (errors.length) {
      throw invalid(errors, `The opportunity is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    }
  }
}
