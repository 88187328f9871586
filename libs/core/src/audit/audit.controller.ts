import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { type Actor, isOversight, Role } from '../auth/actor.js';
import { partyScopeSql } from '../auth/tenancy.js';
import { Authenticated, CurrentActor } from '../auth/policy.js';
import { invalid, notFound } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, type Page, PageQuery } from '../pagination/cursor.js';
import { AuditService } from './audit.service.js';
import { PageView } from '../pagination/page.view.js';
import { AuditRecordView, AuditVerifyView } from './audit.views.js';

export const AUDITED_ENTITY_TYPES = [
  'organization', 'user', 'opportunity', 'application', 'agreement', 'commitment', 'coaching_session', 'obligation', 'evidence', 'progress_report', 'notification', 'monitoring_case', 'finding_run',
] as const;

/** Which organisations are party to an entity: they may read its audit trail. */
const PARTIES_SQL: Record<string, string> = {
  organization: `SELECT id AS org FROM organization WHERE id::text = $1`,
  opportunity: `SELECT partner_id AS org FROM opportunity WHERE id::text = $1`,
  application: `SELECT unnest(ARRAY[partner_id, enterprise_id]) AS org FROM application WHERE id::text = $1`,
  agreement: `SELECT unnest(ARRAY[partner_id, enterprise_id]) AS org FROM agreement WHERE id::text = $1`,
  commitment: `SELECT unnest(ARRAY[a.partner_id, a.enterprise_id]) AS org FROM commitment c JOIN agreement a ON a.id = c.agreement_id WHERE c.id::text = $1`,
  coaching_session: `SELECT unnest(ARRAY[a.partner_id, a.enterprise_id]) AS org FROM coaching_session s JOIN agreement a ON a.id = s.agreement_id WHERE s.id::text = $1`,
  obligation: `SELECT unnest(ARRAY[partner_id, enterprise_id]) AS org FROM obligation WHERE id::text = $1`,
  progress_report: `SELECT unnest(ARRAY[partner_id, enterprise_id]) AS org FROM progress_report WHERE id::text = $1`,
};

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDITED_ENTITY_TYPES }) @IsOptional() @IsIn(AUDITED_ENTITY_TYPES) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entityId?: string;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Who did what, when, with the before/after difference',
    description:
      'ADMIN and a nationwide MINISTRY officer read every record; an officer limited to provinces reads the records concerning '
      + 'organisations there, and the whole trail of an entity one of whose parties lies there (another entity is 404); the '
      + 'parties to an entity read its trail (entityType and entityId required).',
  })
  @ApiOkResponse({ type: PageView(AuditRecordView), description: 'Newest first' })
  async list(@CurrentActor() actor: Actor, @Query() q: AuditQuery): Promise<Page<AuditRecordView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (!isOversight(actor) && (!q.entityType || !q.entityId)) {
      throw invalid([{ field: 'entityId', message: 'entityType and entityId are required unless you are MINISTRY or ADMIN' }]);
    }
    // The parties and a province-limited officer see through the one tenancy definition (tenancy.ts):
    // an entity's trail when it concerns them, else 404; the officer's log, the records about
    // organisations in their provinces.
    if (!isOversight(actor) || (actor.role === Role.MINISTRY && actor.provinceCodes.length)) {
      const parties = q.entityType && q.entityId ? PARTIES_SQL[q.entityType] : undefined;
      if (parties || !isOversight(actor)) {
        const scopeParams: unknown[] = [q.entityId];
        const sp = (v: unknown) => `$${scopeParams.push(v)}`;
        const visible: boolean = parties
          ? (await this.ds.query(`SELECT EXISTS (SELECT 1 FROM (${parties}) x WHERE ${partyScopeSql(actor, sp, 'x.org', 'x.org')}) AS ok`, scopeParams))[0].ok
          : false;
        if (!visible) throw notFound(q.entityType!);
      } else {
        where.push(partyScopeSql(actor, (v) => `$${params.push(v)}`, 'organization_id', 'organization_id'));
      }
    }
    if (q.entityType) where.push(`entity_type = $${params.push(q.entityType)}`);
    if (q.entityId) where.push(`entity_id = $${params.push(q.entityId)}`);
    const cur = decodeCursor(q.cursor, 1);
    if (cur) {
      if (typeof cur[0] !== 'string' || !/^\d+$/.test(cur[0])) throw invalid([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
      where.push(`id < $${params.push(cur[0])}::bigint`);
    }
    const limit = q.limit ?? 20;
    const rows = await this.ds.query(
      `SELECT id::text, at, actor_user_id AS "actorUserId", actor_role AS "actorRole", organization_id AS "organizationId", action,
              entity_type AS "entityType", entity_id AS "entityId", diff, request_id AS "requestId", hash
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit + 1}`,
      params,
    );
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    return { items, nextCursor: more ? encodeCursor([items[items.length - 1].id]) : null };
  }

  @Get('verify')
  @Authenticated({ roles: [Role.ADMIN] })
  @ApiOperation({ summary: 'Checks the hash chain: an edited, deleted or reordered record breaks it' })
  @ApiOkResponse({ type: AuditVerifyView })
  verify(): Promise<AuditVerifyView> {
    return this.audit.verify();
  }
}
