import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  decodeCursor,
  AuditService,
  DomainError,
  ErrorCode,
  type FieldError,
  invalid,
  kbliPrefixes,
  regionPath,
  isOversight,
  loadEnv,
  notFound,
  type Page,
  staleVersion,
  toPage,
} from '@jalin/core';
import { ReferenceService } from '@jalin/reference';
import { classify, isPartnerScale, isSmallScale } from './domain/classification.js';
import { normalizeNib, normalizeNpwp } from './domain/identifiers.js';
import { ProfileFieldsDto, RegisterOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto.js';
import { EnterpriseSearchQuery } from './dto/search.dto.js';
import { Organization, type OrganizationKind } from './entities/organization.entity.js';
import { toOrganizationView, type OrganizationView } from './organization.view.js';

const ENTERPRISE_ONLY = ['products', 'capacities', 'certifications', 'needs'] as const;
const PARTNER_ONLY = ['pic'] as const;

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
  ) {}

  /** Creates an organisation inside the caller's transaction (registration). */
  async create(m: EntityManager, dto: RegisterOrganizationDto): Promise<Organization> {
    this.rejectFieldsOfOtherKind(dto.kind, dto);
    const row = m.create(Organization, {
      kind: dto.kind,
      name: dto.name.trim(),
      nib: normalizeNib(dto.nib),
      npwp: dto.npwp ? normalizeNpwp(dto.npwp) : null,
      legalForm: dto.legalForm ?? null,
      address: dto.address ?? null,
      regionCode: dto.regionCode,
      kbliCodes: dto.kbliCodes ?? [],
      netAssetsIdr: dto.netAssetsIdr ?? null,
      annualSalesIdr: dto.annualSalesIdr ?? null,
      workforce: dto.workforce ?? null,
      foundedYear: dto.foundedYear ?? null,
      contactEmail: dto.contactEmail ?? null,
      contactPhone: dto.contactPhone ?? null,
      lat: dto.location?.lat ?? null,
      lng: dto.location?.lng ?? null,
      products: dto.products ?? '',
      capacities: dto.capacities ?? [],
      certifications: (dto.certifications ?? []).map((c) => ({ ...c, validUntil: c.validUntil ?? null })),
      needs: dto.needs ?? [],
      pic: dto.pic ?? null,
      version: 1,
    });
    await this.derive(m, row, 'organization');
    if (await m.exists(Organization, { where: { nib: row.nib } })) {
      throw new DomainError(ErrorCode.DUPLICATE, `An organisation with NIB ${row.nib} is already registered`, {
        errors: [{ field: 'organization.nib', message: 'is already registered' }],
      });
    }
    return m.save(Organization, row);
  }

  async findOne(actor: Actor, kind: OrganizationKind, id: string): Promise<OrganizationView> {
    const org = await this.ds.getRepository(Organization).findOne({ where: { id, kind } });
    if (!org) throw notFound(kind === 'enterprise' ? 'Enterprise' : 'Partner');
    return toOrganizationView(org, this.canSeePrivate(actor, org));
  }

  async findById(id: string, m: EntityManager = this.ds.manager): Promise<Organization | null> {
    return m.findOne(Organization, { where: { id } });
  }

  /** Updates the caller's own organisation. Another organisation is 404, whatever the caller's role. */
  async update(actor: Actor, kind: OrganizationKind, id: string, dto: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.ds.transaction(async (m) => {
      const org = await m.findOne(Organization, { where: { id, kind }, lock: { mode: 'pessimistic_write' } });
      if (!org || actor.organizationId !== org.id) throw notFound(kind === 'enterprise' ? 'Enterprise' : 'Partner');
      const before = { ...org };
      if (dto.version !== undefined && dto.version !== org.version) throw staleVersion(org.version);
      this.rejectFieldsOfOtherKind(kind, dto, '');
      if (dto.nib !== undefined && normalizeNib(dto.nib) !== org.nib) {
        const nib = normalizeNib(dto.nib);
        if (await m.exists(Organization, { where: { nib } })) {
          throw new DomainError(ErrorCode.DUPLICATE, `An organisation with NIB ${nib} is already registered`, {
            errors: [{ field: 'nib', message: 'is already registered' }],
          });
        }
        org.nib = nib;
      }
      const simple = ['name', 'legalForm', 'address', 'regionCode', 'kbliCodes', 'netAssetsIdr', 'annualSalesIdr', 'workforce', 'foundedYear', 'contactEmail', 'contactPhone', 'products', 'capacities', 'needs', 'pic'] as const;
      for (const k of simple) if (dto[k] !== undefined) (org as unknown as Record<string, unknown>)[k] = dto[k];
      if (dto.npwp !== undefined) org.npwp = dto.npwp ? normalizeNpwp(dto.npwp) : null;
      if (dto.certifications !== undefined) org.certifications = dto.certifications.map((c) => ({ ...c, validUntil: c.validUntil ?? null }));
      if (dto.location !== undefined) {
        org.lat = dto.location?.lat ?? null;
        org.lng = dto.location?.lng ?? null;
      }
      await this.derive(m, org, '');
      const res = await m
        .createQueryBuilder()
        .update(Organization)
        .set({ ...org, id: undefined, createdAt: undefined, version: org.version + 1, updatedAt: () => 'now()' } as never)
        .where('id = :id AND version = :version', { id: org.id, version: org.version })
        .execute();
      if (!res.affected) throw staleVersion(org.version + 1);
      const saved = await m.findOneOrFail(Organization, { where: { id } });
      if (saved.kind === 'partner' && saved.pic && !before.pic) {
        // Pasal 14 huruf c: appointing a PIC fulfils the partner's open APPOINT_PIC obligations.
        await m.query(
          `UPDATE obligation SET state = 'FULFILLED', fulfilled_at = now(), updated_at = now(), version = version + 1
           WHERE partner_id = $1 AND type = 'APPOINT_PIC' AND state = 'OPEN'`,
          [id],
        );
      }
      const view = toOrganizationView(saved, true);
      await this.audit.record(m, { action: `${kind}.update`, entityType: 'organization', entityId: id, actor, before: toOrganizationView(before, true), after: view });
      return view;
    });
  }

  /** Search small firms: full text with typo tolerance, prefixes, filters; keyset pagination. */
  async searchEnterprises(query: EnterpriseSearchQuery): Promise<Page<OrganizationView>> {
    const limit = query.limit ?? 20;
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`o.kind = 'enterprise'`];
    if (query.kbli) where.push(`o.kbli_prefixes @> ARRAY[${p(query.kbli)}]::text[]`);
    if (query.region) where.push(`o.region_path @> ARRAY[${p(query.region)}]::text[]`);
    if (query.scale) where.push(`o.scale = ${p(query.scale)}`);
    if (query.need) where.push(`o.needs @> ARRAY[${p(query.need)}]::text[]`);
    if (query.certification) {
      const c = p(query.certification);
      where.push(`o.certification_types @> ARRAY[${c}]::text[]`);
      where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(o.certifications) e WHERE e->>'type' = ${c}
                    AND (e->>'validUntil' IS NULL OR (e->>'validUntil')::date >= (now() AT TIME ZONE 'Asia/Jakarta')::date))`);
    }
    let sortKey: string;
    let order: string;
    let arity: number;
    const q = query.q?.trim().toLowerCase();
    if (q) {
      const words = q.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
      const tsq = p(words.map((w) => `${w}:*`).join(' & ') || q);
      const text = p(words.join(' '));
      where.push(`(o.search @@ to_tsquery('simple', ${tsq}) OR o.search_text % ${text})`);
      // Rank rounded so the cursor compares exactly what was sorted.
      sortKey = `round((ts_rank(o.search, to_tsquery('simple', ${tsq})) + similarity(o.search_text, ${text}))::numeric, 6)`;
      order = `${sortKey} DESC, o.id ASC`;
      arity = 2;
      const cur = decodeCursor(query.cursor, arity);
      if (cur) where.push(`(${sortKey} < ${p(cur[0])}::numeric OR (${sortKey} = ${p(cur[0])}::numeric AND o.id > ${p(cur[1])}::uuid))`);
    } else {
      sortKey = 'o.name';
      order = 'o.name ASC, o.id ASC';
      arity = 2;
      const cur = decodeCursor(query.cursor, arity);
      if (cur) where.push(`(o.name, o.id) > (${p(cur[0])}, ${p(cur[1])}::uuid)`);
    }
    const rows: (Record<string, unknown> & { sort_key: unknown; id: string })[] = await this.ds.query(
      `SELECT o.id, ${sortKey} AS sort_key FROM organization o WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit + 1);
    const orgs = page.length ? await this.ds.getRepository(Organization).createQueryBuilder('o').where('o.id IN (:...ids)', { ids: page.map((r) => r.id) }).getMany() : [];
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return toPage(page, limit, (r) => [r.sort_key, r.id], (r) =>
      toOrganizationView(byId.get(r.id)!, false),
    );
  }

  /** Partners by name; `q` keeps those whose name holds every word (trigram index on search_text). */
  async listPartners(query: { limit?: number; cursor?: string; q?: string }): Promise<Page<OrganizationView>> {
    const limit = query.limit ?? 20;
    const cur = decodeCursor(query.cursor, 2);
    const qb = this.ds.getRepository(Organization).createQueryBuilder('o').where(`o.kind = 'partner'`);
    const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
    words.forEach((w, i) => {
      qb.andWhere(`o.search_text LIKE '%' || lower(jalin_unaccent(:w${i})) || '%'`, { [`w${i}`]: w.replace(/[\\%_]/g, (c) => `\\${c}`) });
    });
    if (cur) qb.andWhere('(o.name, o.id) > (:n, :i::uuid)', { n: cur[0], i: cur[1] });
    const rows = await qb.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').limit(limit + 1).getMany();
    return toPage(rows, limit, (o) => [o.name, o.id], (o) => toOrganizationView(o, false));
  }

  private canSeePrivate(actor: Actor, org: Organization): boolean {
    return actor.organizationId === org.id || isOversight(actor);
  }

  private rejectFieldsOfOtherKind(kind: OrganizationKind, dto: ProfileFieldsDto, prefix = 'organization.'): void {
    const foreign = kind === 'enterprise' ? PARTNER_ONLY : ENTERPRISE_ONLY;
    const errors: FieldError[] = foreign
      .filter((f) => dto[f] !== undefined)
      .map((f) => ({ field: `${prefix}${f}`, message: `${f} applies to ${kind === 'enterprise' ? 'partner' : 'enterprise'} organisations only` }));
    if (errors.length) throw invalid(errors);
  }

  /** Region, KBLI and size class: checked against reference data and the configured regime. */
  private async derive(m: EntityManager, org: Organization, prefix: string): Promise<void> {
    const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
    const errors: FieldError[] = [];
    const region = await this.reference.region(org.regionCode, m);
    if (!region) errors.push({ field: f('regionCode'), message: `${org.regionCode} is not a Kemendagri region code` });
    const unknown = await this.reference.unknownKbliCodes(org.kbliCodes, m);
    for (const c of unknown) errors.push({ field: f('kbliCodes'), message: `${c} is not a KBLI 2020 code known to the platform` });
    if (org.netAssetsIdr == null && org.annualSalesIdr == null) {
      errors.push({ field: f('annualSalesIdr'), message: 'annualSalesIdr or netAssetsIdr is needed to classify the organisation' });
    }
    if (errors.length) throw invalid(errors);
    org.provinceCode = region!.provinceCode;
    org.regionPath = regionPath(org.regionCode);
    org.kbliCodes = [...org.kbliCodes];
    org.kbliPrefixes = kbliPrefixes(org.kbliCodes);
    org.certificationTypes = [...new Set(org.certifications.map((c) => c.type))];

    const regime = loadEnv().SIZE_REGIME;
    const cls = classify(regime, { netAssetsIdr: org.netAssetsIdr, annualSalesIdr: org.annualSalesIdr })!;
    const ok = org.kind === 'enterprise' ? isSmallScale(cls.scale) : isPartnerScale(cls.scale);
    if (!ok) {
      const wanted = org.kind === 'enterprise' ? 'MIKRO or KECIL' : 'MENENGAH or BESAR';
      throw new DomainError(
        ErrorCode.SCALE_MISMATCH,
        `A${org.kind === 'enterprise' ? 'n enterprise (small firm)' : ' partner'} must classify ${wanted}; this one classifies ${cls.scale} under ${regime}: ${cls.reason}`,
        { scale: cls.scale, regime, decidedBy: cls.decidedBy, reason: cls.reason },
      );
    }
    org.scale = cls.scale;
    org.scaleRegime = regime;
    org.scaleBasis = cls.decidedBy;
    org.scaleComputedAt = new Date();
  }
}

