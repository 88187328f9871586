import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AuditService, decodeCursor, invalid, isoMicros, notFound, partyScopeSql, READ_CONNECTION, sqlParams, toPage } from '@jalin/core';
import { RISK_RULES, ruleByCode } from './catalog.js';
import type { FindingListQuery, FindingPageView, FindingRunView, FindingView, RuleListView, RuleView } from './dto/finding.dto.js';
import type { RiskRule } from './rule.js';
import { ON_DEMAND_RUN_STATEMENT_TIMEOUT_MS, runRiskRulesIn } from './run.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const toRuleView = (r: RiskRule): RuleView => ({
  code: r.code,
  title: { ...r.title },
  legalBasis: r.legalBasis,
  severity: r.severity,
  subjectType: r.subjectType,
  description: r.description,
});

/** Who may see a finding: the platform's one tenancy rule, on the finding's partner and small firm. */
export const findingScopeSql = (actor: Actor, p: (v: unknown) => string, f = 'f') =>
  partyScopeSql(actor, p, `${f}.partner_id`, `coalesce(${f}.enterprise_id, ${f}.partner_id)`);

const FINDING_COLUMNS = `f.id, f.rule_code AS "ruleCode", f.severity, f.status, f.subject_type AS "subjectType", f.subject_id AS "subjectId",
  f.partner_id AS "partnerId", pp.name AS "partnerName", pp.province_code AS "provinceCode",
  f.enterprise_id AS "enterpriseId", ep.name AS "enterpriseName", ep.province_code AS "enterpriseProvinceCode",
  f.agreement_id AS "agreementId", ag.number AS "agreementNumber", ag.pattern, f.details,
  f.first_seen_at AS "firstSeenAt", f.last_seen_at AS "lastSeenAt", f.resolved_at AS "resolvedAt", f.version,
  f.severity_rank AS "severityRank", ${isoMicros('f.first_seen_at')} AS "sortAt"`;

const FINDING_FROM = `finding f
  JOIN organization pp ON pp.id = f.partner_id
  LEFT JOIN organization ep ON ep.id = f.enterprise_id
  LEFT JOIN agreement ag ON ag.id = f.agreement_id`;

type FindingRow = Omit<FindingView, 'rule'> & { severityRank: number; sortAt: string };

function toFindingView({ severityRank: _r, sortAt: _s, ...row }: FindingRow): FindingView {
  const rule = ruleByCode(row.ruleCode);
  return {
    ...row,
    rule: rule
      ? toRuleView(rule)
      : { code: row.ruleCode, title: { id: row.ruleCode, en: row.ruleCode }, legalBasis: '', severity: row.severity, subjectType: row.subjectType, description: 'A rule no longer in the catalog' },
  };
}

/**
 * Risk findings for oversight: listed (worst and oldest first) and read through the read-only
 * connection; runs of the rules on demand, inline in one transaction with its audit record.
 * A province-limited officer sees the findings whose partner or small firm lies in a province of theirs.
 */
@Injectable()
export class FindingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectDataSource(READ_CONNECTION) private readonly read: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** When the last completed run finished: the freshness of every finding. */
  private async asOf(db: DataSource = this.read): Promise<Date | null> {
    const [row]: { at: Date | null }[] = await db.query(`SELECT max(finished_at) AS at FROM finding_run WHERE finished_at IS NOT NULL`);
    return row?.at ?? null;
  }

  async rules(actor: Actor): Promise<RuleListView> {
    const { values, p } = sqlParams();
    const rows: { code: string; n: string }[] = await this.read.query(
      `SELECT f.rule_code AS code, count(*) AS n FROM finding f WHERE f.status = 'OPEN' AND ${findingScopeSql(actor, p)} GROUP BY f.rule_code`,
      values,
    );
    const open = new Map(rows.map((r) => [r.code, Number(r.n)]));
    return { items: RISK_RULES.map((r) => ({ ...toRuleView(r), openFindings: open.get(r.code) ?? 0 })), nextCursor: null, asOf: await this.asOf() };
  }

  /** Ordered by severity (HIGH first), then first seen (oldest first), then id; keyset pages. */
  async list(actor: Actor, q: FindingListQuery): Promise<FindingPageView> {
    const limit = q.limit ?? 20;
    const partnerId = q.partnerId ?? q.partner;
    if (q.partnerId && q.partner && q.partnerId !== q.partner) {
      throw invalid([{ field: 'partner', message: 'partner and partnerId name the same filter; send one, or the same value' }]);
    }
    if (q.from && q.to && q.from > q.to) throw invalid([{ field: 'to', message: 'to must not be before from' }]);
    const { values, p } = sqlParams();
    const where = [findingScopeSql(actor, p)];
    const status = q.status ?? 'OPEN';
    if (status !== 'ALL') where.push(`f.status = ${p(status)}`);
    if (q.rule) where.push(`f.rule_code = ${p(q.rule)}`);
    if (q.severity) where.push(`f.severity = ${p(q.severity)}`);
    if (q.province) where.push(`(pp.province_code = ${p(q.province)} OR ep.province_code = ${p(q.province)})`);
    if (partnerId) where.push(`f.partner_id = ${p(partnerId)}::uuid`);
    if (q.agreementId) where.push(`f.agreement_id = ${p(q.agreementId)}::uuid`);
    if (q.kbli) where.push(`(pp.kbli_prefixes @> ARRAY[${p(q.kbli)}]::text[] OR ep.kbli_prefixes @> ARRAY[${p(q.kbli)}]::text[])`);
    if (q.pattern) where.push(`ag.pattern = ${p(q.pattern)}`);
    if (q.from) where.push(`(f.resolved_at IS NULL OR f.resolved_at >= (${p(q.from)}::date)::timestamp AT TIME ZONE 'Asia/Jakarta')`);
    if (q.to) where.push(`f.first_seen_at < (${p(q.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'`);
    const cur = decodeCursor(q.cursor, 3);
    if (cur) {
      const [rank, at, id] = cur;
      if (typeof rank !== 'number' || ![1, 2, 3].includes(rank) || typeof at !== 'string' || !CURSOR_TS.test(at) || typeof id !== 'string' || !UUID.test(id)) {
        throw invalid([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
      }
      where.push(`(f.severity_rank < ${p(rank)} OR (f.severity_rank = ${p(rank)} AND (f.first_seen_at, f.id) > (${p(at)}::timestamptz, ${p(id)}::uuid)))`);
    }
    const rows: FindingRow[] = await this.read.query(
      `SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} WHERE ${where.join(' AND ')}
        ORDER BY f.severity_rank DESC, f.first_seen_at, f.id LIMIT ${p(limit + 1)}`,
      values,
    );
    const page = toPage(rows, limit, (r) => [r.severityRank, r.sortAt, r.id], toFindingView);
    return { ...page, asOf: await this.asOf() };
  }

  async findOne(actor: Actor, id: string): Promise<FindingView> {
    const { values, p } = sqlParams();
    const [row]: FindingRow[] = await this.read.query(`SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} WHERE f.id = ${p(id)} AND ${findingScopeSql(actor, p)}`, values);
    if (!row) throw notFound('Finding');
    return toFindingView(row);
  }

  /**
   * Runs every rule now, inline (no queue in the request path), under a statement timeout, in one
   * transaction with its audit record; 409 while another run holds the lock. Counts of what changed
   * are nationwide, so only callers who see the whole country get them; everyone gets the open
   * findings of each rule they may see.
   */
  async run(actor: Actor): Promise<FindingRunView> {
    return this.ds.transaction(async (m) => {
      const run = await runRiskRulesIn(m, {
        trigger: 'MANUAL',
        triggeredBy: actor.userId,
        statementTimeoutMs: ON_DEMAND_RUN_STATEMENT_TIMEOUT_MS,
        whenBusy: 'conflict',
      });
      if (!run) throw new Error('a run that may not be skipped returned none');
      await this.audit.record(m, {
        action: 'finding.run',
        entityType: 'finding_run',
        entityId: run.id,
        actor,
        organizationId: null,
        before: null,
        after: { trigger: run.trigger, startedAt: run.startedAt, finishedAt: run.finishedAt, rules: run.rules },
      });
      const { values, p } = sqlParams();
      const open: { code: string; n: string }[] = await m.query(
        `SELECT f.rule_code AS code, count(*) AS n FROM finding f WHERE f.status = 'OPEN' AND ${findingScopeSql(actor, p)} GROUP BY f.rule_code`,
        values,
      );
      const openOf = new Map(open.map((r) => [r.code, Number(r.n)]));
      const national = actor.provinceCodes.length === 0;
      return {
        id: run.id,
        trigger: run.trigger,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        rules: run.rules.map((r) => ({ code: r.code, open: openOf.get(r.code) ?? 0, ...(national ? { opened: r.opened, kept: r.kept, resolved: r.resolved } : {}) })),
      };
    });
  }
}
