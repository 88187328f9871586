import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { type Actor, invalid, READ_CONNECTION, sqlParams } from '@jalin/core';
import { dateIn, statusSql, todaySql } from '@jalin/obligations';
import { AGREEMENT_COLUMNS, OBLIGATION_COLUMNS } from './columns.js';
import { type CsvColumn, csvHeader, csvRecord } from './csv.js';
import type { CsvDataset, MonitoringExportQuery } from './dto/export-query.dto.js';
import { dateWithinSql, type MonitoringFilter, toMonitoringFilter } from '../figures/filters.js';
import { AGREEMENT_JOINS, AGREEMENT_KBLI, agreementWhere, dueInWindow } from './filters.js';
import {
  buildRelease,
  OCDS_AGREEMENT_STATUSES,
  type OcdsAgreementRow,
  type OcdsAmendmentRow,
  type OcdsCommitmentRow,
  type OcdsObligationRow,
  PACKAGE_TAIL,
  packageHead,
} from './ocds.js';

/** Rows read per query: enough to keep round trips few, few enough to keep memory flat. */
export const BATCH = { agreements: 500, obligations: 2000, ocds: 100 } as const;

export interface ExportFile {
  stream: Readable;
  contentType: string;
  fileName: string;
  /** When the export's data was read (its first query ran). */
  asOf: Date;
}

type Row = Record<string, unknown>;

/**
 * Pages of a keyset walk: the first page is read before this returns (so a failing query is still
 * an ordinary error response), the others only as the consumer asks for them — a slow client holds
 * no database connection and no more than one page in memory.
 */
async function keysetPages<R>(fetch: (after: R | null) => Promise<R[]>, size: number): Promise<AsyncGenerator<R[]>> {
  const first = await fetch(null);
  return (async function* () {
    let rows = first;
    for (;;) {
      if (rows.length) yield rows;
      if (rows.length < size) return;
      rows = await fetch(rows[rows.length - 1]);
    }
  })();
}

async function* csvText(columns: readonly CsvColumn<Row>[], pages: AsyncGenerator<Row[]>): AsyncGenerator<string> {
  yield csvHeader(columns);
  for await (const rows of pages) for (const r of rows) yield csvRecord(columns, r);
}

/**
 * Exports for the ministry, read through the read-only connection (`DATABASE_READ_URL`): CSV files of
 * agreements (with their compliance figures) and of obligations, and an OCDS release package. Each
 * is streamed: rows are read in keyset batches and written as the client takes them (Node stream
 * backpressure), so memory stays flat whatever the size. Scope and filters as the figures read them
 * (`monitoringScopeSql`): a province-limited officer exports only partnerships whose small firm lies
 * in the provinces; firms and partners nothing.
 */
@Injectable()
export class ExportService {
  constructor(@InjectDataSource(READ_CONNECTION) private readonly ds: DataSource) {}

  async open(actor: Actor, q: MonitoringExportQuery, packageUri: string): Promise<ExportFile> {
    const filters = await this.checkFilters(q);
    const [{ now }] = (await this.ds.query(`SELECT now() AS now`)) as { now: Date }[];
    const day = dateIn('Asia/Jakarta', now);
    if ((q.format ?? 'csv') === 'ocds') {
      const pages = await keysetPages<Row>((after) => this.ocdsAgreements(actor, filters, after, BATCH.ocds), BATCH.ocds);
      return {
        stream: Readable.from(this.ocdsText(packageHead(packageUri, now), pages, now), { objectMode: false }),
        contentType: 'application/json; charset=utf-8',
        fileName: `jalin-ocds-${day}.json`,
        asOf: now,
      };
    }
    const dataset: CsvDataset = q.dataset ?? 'agreements';
    const pages =
      dataset === 'agreements'
        ? await keysetPages<Row>((after) => this.agreementRows(actor, filters, after, BATCH.agreements), BATCH.agreements)
        : await keysetPages<Row>((after) => this.obligationRows(actor, filters, after, BATCH.obligations), BATCH.obligations);
    return {
      stream: Readable.from(csvText(dataset === 'agreements' ? AGREEMENT_COLUMNS : OBLIGATION_COLUMNS, pages), { objectMode: false }),
      contentType: 'text/csv; charset=utf-8; header=present',
      fileName: `jalin-${dataset}-${day}.csv`,
      asOf: now,
    };
  }

  /** What the DTO cannot check alone: the window runs forwards, the province exists, dataset is for CSV only. */
  private async checkFilters(q: MonitoringExportQuery): Promise<MonitoringFilter> {
    if (q.format === 'ocds' && q.dataset) throw invalid([{ field: 'dataset', message: 'dataset applies to format=csv only' }]);
    if (!q.province) return toMonitoringFilter(q);
    const rows: { code: string }[] = await this.ds.query(`SELECT code FROM region WHERE level = 'province'`);
    return toMonitoringFilter(q, new Set(rows.map((r) => r.code)));
  }

  /** One page of the agreements CSV: each agreement with its compliance figures, by id. */
  private agreementRows(actor: Actor, f: MonitoringFilter, after: Row | null, limit: number): Promise<Row[]> {
    const { values, p } = sqlParams();
    const today = todaySql('o');
    const dueWindow = dueInWindow(p, f, 'o');
    const sessionWindow = dateWithinSql(`(s.scheduled_at AT TIME ZONE coalesce(pr.time_zone, 'Asia/Jakarta'))::date`, f.from, f.to, p);
    const where = agreementWhere(actor, p, f, true);
    if (after) where.push(`a.id > ${p(after.agreement_id)}::uuid`);
    return this.ds.query(
      `SELECT a.id AS agreement_id, a.number AS agreement_number, a.title, a.pattern, a.status, a.terms_version,
              a.start_date::text AS start_date, a.end_date::text AS end_date, a.reporting_period, a.payment_term_days,
              a.activated_at, a.completed_at, a.terminated_at,
              pe.id AS partner_id, pe.name AS partner_name, pe.nib AS partner_nib, pe.scale AS partner_scale,
              pe.province_code AS partner_province_code, pr.name AS partner_province, (jsonb_typeof(pe.pic) = 'object') AS partner_pic_appointed,
              en.id AS enterprise_id, en.name AS enterprise_name, en.nib AS enterprise_nib, en.scale AS enterprise_scale,
              en.province_code AS enterprise_province_code, er.name AS enterprise_province,
              ${AGREEMENT_KBLI} AS kbli_code, array_to_string(op.kbli_codes, ' ') AS opportunity_kbli_codes,
              ob.obligations_total, ob.obligations_due, ob.obligations_fulfilled, ob.obligations_overdue, ob.obligations_waived,
              ob.obligations_cancelled, ob.reports_due, ob.reports_on_time,
              CASE WHEN ob.reports_due > 0 THEN round(ob.reports_on_time::numeric / ob.reports_due, 4)::text END AS on_time_report_rate,
              ss.coaching_sessions_planned, ss.coaching_sessions_confirmed, ss.coaching_sessions_disputed,
              cm.commitments, cm.commitments_confirmed, cm.commitments_disputed, cm.commitments_value_idr, am.amendments
         FROM agreement a
         ${AGREEMENT_JOINS}
         LEFT JOIN region pr ON pr.code = pe.province_code
         LEFT JOIN region er ON er.code = en.province_code
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE o.state <> 'CANCELLED') AS obligations_total,
                  count(*) FILTER (WHERE o.state <> 'CANCELLED' AND o.due_date <= ${today}) AS obligations_due,
                  count(*) FILTER (WHERE o.state = 'FULFILLED') AS obligations_fulfilled,
                  count(*) FILTER (WHERE o.state = 'OPEN' AND o.due_date < ${today}) AS obligations_overdue,
                  count(*) FILTER (WHERE o.state = 'WAIVED') AS obligations_waived,
                  count(*) FILTER (WHERE o.state = 'CANCELLED') AS obligations_cancelled,
                  count(*) FILTER (WHERE o.type = 'PROGRESS_REPORT' AND o.state IN ('OPEN', 'FULFILLED') AND o.due_date <= ${today}) AS reports_due,
                  count(*) FILTER (WHERE o.type = 'PROGRESS_REPORT' AND o.state = 'FULFILLED' AND o.due_date <= ${today}
                                     AND (o.fulfilled_at AT TIME ZONE o.time_zone)::date <= o.due_date) AS reports_on_time
             FROM obligation o WHERE o.agreement_id = a.id AND ${dueWindow}
         ) ob
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE s.status <> 'CANCELLED') AS coaching_sessions_planned,
                  count(*) FILTER (WHERE s.status = 'CONFIRMED') AS coaching_sessions_confirmed,
                  count(*) FILTER (WHERE s.status = 'DISPUTED') AS coaching_sessions_disputed
             FROM coaching_session s WHERE s.agreement_id = a.id AND ${sessionWindow}
         ) ss
         CROSS JOIN LATERAL (
           SELECT count(*) AS commitments, count(*) FILTER (WHERE c.status = 'CONFIRMED') AS commitments_confirmed,
                  count(*) FILTER (WHERE c.status = 'DISPUTED') AS commitments_disputed, sum(c.value_idr)::text AS commitments_value_idr
             FROM commitment c WHERE c.agreement_id = a.id AND c.terms_version = a.terms_version
         ) cm
         CROSS JOIN LATERAL (
           SELECT count(*) AS amendments FROM agreement_terms t
            WHERE t.agreement_id = a.id AND t.terms_version > 1 AND t.status IN ('IN_FORCE', 'SUPERSEDED')
         ) am
        WHERE ${where.join(' AND ')}
        ORDER BY a.id
        LIMIT ${p(limit)}`,
      values,
    );
  }

  /** One page of the obligations CSV: obligations of the visible, filtered agreements, by agreement, due date and id. */
  private obligationRows(actor: Actor, f: MonitoringFilter, after: Row | null, limit: number): Promise<Row[]> {
    const { values, p } = sqlParams();
    const where = [...agreementWhere(actor, p, f, false), dueInWindow(p, f, 'o')];
    if (after) {
      const agreementId = p(after.agreement_id);
      // `a.id >=` lets the walk over agreements start at the key instead of probing every earlier agreement's obligations
      where.push(`a.id >= ${agreementId}::uuid`, `(o.agreement_id, o.due_date, o.id) > (${agreementId}::uuid, ${p(after.due_date)}::date, ${p(after.obligation_id)}::uuid)`);
    }
    return this.ds.query(
      `SELECT o.id AS obligation_id, o.agreement_id, a.number AS agreement_number, a.pattern,
              pe.id AS partner_id, pe.name AS partner_name, pe.nib AS partner_nib,
              en.id AS enterprise_id, en.name AS enterprise_name, en.nib AS enterprise_nib,
              o.type, o.title, o.legal_basis, o.owed_by, o.due_date::text AS due_date, o.period_start::text AS period_start,
              o.period_end::text AS period_end, ${statusSql('o')} AS status, o.fulfilled_at, o.waived_at, o.cancelled_at,
              CASE WHEN o.state = 'FULFILLED' THEN greatest(0, (o.fulfilled_at AT TIME ZONE o.time_zone)::date - o.due_date)
                   WHEN o.state = 'OPEN' THEN greatest(0, ${todaySql('o')} - o.due_date) END AS days_late,
              o.time_zone, c.type AS commitment_type, c.value_idr::text AS commitment_value_idr, s.status AS coaching_session_status
         FROM obligation o
         JOIN agreement a ON a.id = o.agreement_id
         ${AGREEMENT_JOINS}
         LEFT JOIN commitment c ON c.id = o.commitment_id
         LEFT JOIN coaching_session s ON s.id = o.session_id
        WHERE ${where.join(' AND ')}
        ORDER BY o.agreement_id, o.due_date, o.id
        LIMIT ${p(limit)}`,
      values,
    );
  }

  /** One page of concluded agreements for the OCDS package, with both parties, by id. */
  private ocdsAgreements(actor: Actor, f: MonitoringFilter, after: Row | null, limit: number): Promise<Row[]> {
    const { values, p } = sqlParams();
    const where = [`a.status = ANY(${p([...OCDS_AGREEMENT_STATUSES])}::text[])`, ...agreementWhere(actor, p, f, true)];
    if (after) where.push(`a.id > ${p(after.id)}::uuid`);
    return this.ds.query(
      `SELECT a.id, a.number, a.title, a.status, a.start_date::text AS "startDate", a.end_date::text AS "endDate",
              a.activated_at AS "activatedAt", a.completed_at AS "completedAt", a.terminated_at AS "terminatedAt",
              a.application_id AS "applicationId", ap.decided_at AS "awardDate", coalesce(pr.time_zone, 'Asia/Jakarta') AS "timeZone",
              pe.id AS "pId", pe.name AS "pName", pe.nib AS "pNib", pe.scale AS "pScale", pe.kbli_codes AS "pKbli", pr.name AS "pProvince", pg.name AS "pRegency",
              en.id AS "eId", en.name AS "eName", en.nib AS "eNib", en.scale AS "eScale", en.kbli_codes AS "eKbli", er.name AS "eProvince", eg.name AS "eRegency"
         FROM agreement a
         ${AGREEMENT_JOINS}
         JOIN application ap ON ap.id = a.application_id
         LEFT JOIN region pr ON pr.code = pe.province_code
         LEFT JOIN region pg ON pg.code = left(pe.region_code, 5) AND pg.level = 'regency'
         LEFT JOIN region er ON er.code = en.province_code
         LEFT JOIN region eg ON eg.code = left(en.region_code, 5) AND eg.level = 'regency'
        WHERE ${where.join(' AND ')}
        ORDER BY a.id
        LIMIT ${p(limit)}`,
      values,
    );
  }

  private async *ocdsText(head: string, pages: AsyncGenerator<Row[]>, asOf: Date): AsyncGenerator<string> {
    yield head;
    let first = true;
    for await (const rows of pages) {
      const ids = rows.map((r) => r.id as string);
      const [commitments, amendments, obligations] = await Promise.all([this.ocdsCommitments(ids), this.ocdsAmendments(ids), this.ocdsObligations(ids)]);
      for (const r of rows) {
        const id = r.id as string;
        const release = buildRelease(toOcdsAgreement(r), commitments.get(id) ?? [], amendments.get(id) ?? [], obligations.get(id) ?? [], asOf);
        yield `${first ? '\n' : ',\n'}${JSON.stringify(release)}`;
        first = false;
      }
    }
    yield `\n${PACKAGE_TAIL}`;
  }

  private async ocdsCommitments(ids: string[]): Promise<Map<string, OcdsCommitmentRow[]>> {
    const rows: (OcdsCommitmentRow & { agreementId: string })[] = await this.ds.query(
      `SELECT c.agreement_id AS "agreementId", c.id, c.type, c.description, c.quantity::text AS quantity, c.unit, c.value_idr::text AS "valueIdr"
         FROM commitment c JOIN agreement a ON a.id = c.agreement_id AND c.terms_version = a.terms_version
        WHERE c.agreement_id = ANY($1::uuid[]) ORDER BY c.agreement_id, c.position, c.id`,
      [ids],
    );
    return groupBy(rows);
  }

  private async ocdsAmendments(ids: string[]): Promise<Map<string, OcdsAmendmentRow[]>> {
    const rows: (OcdsAmendmentRow & { agreementId: string })[] = await this.ds.query(
      `SELECT t.agreement_id AS "agreementId", t.terms_version AS "termsVersion", t.reason, t.in_force_at AS "inForceAt"
         FROM agreement_terms t
        WHERE t.agreement_id = ANY($1::uuid[]) AND t.terms_version > 1 AND t.status IN ('IN_FORCE', 'SUPERSEDED')
        ORDER BY t.agreement_id, t.terms_version`,
      [ids],
    );
    return groupBy(rows);
  }

  private async ocdsObligations(ids: string[]): Promise<Map<string, OcdsObligationRow[]>> {
    const rows: (OcdsObligationRow & { agreementId: string })[] = await this.ds.query(
      `SELECT o.agreement_id AS "agreementId", o.id, o.type, o.title, o.legal_basis AS "legalBasis", o.due_date::text AS "dueDate",
              ${statusSql('o')} AS status, o.fulfilled_at AS "fulfilledAt", o.waived_at AS "waivedAt", o.cancelled_at AS "cancelledAt",
              o.updated_at AS "updatedAt", o.time_zone AS "timeZone", c.type AS "commitmentType", c.value_idr::text AS "commitmentValueIdr"
         FROM obligation o LEFT JOIN commitment c ON c.id = o.commitment_id
        WHERE o.agreement_id = ANY($1::uuid[]) ORDER BY o.agreement_id, o.due_date, o.id`,
      [ids],
    );
    return groupBy(rows);
  }
}

function groupBy<T extends { agreementId: string }>(rows: T[]): Map<string, Omit<T, 'agreementId'>[]> {
  const out = new Map<string, Omit<T, 'agreementId'>[]>();
  for (const { agreementId, ...rest } of rows) {
    const list = out.get(agreementId) ?? [];
    list.push(rest);
    out.set(agreementId, list);
  }
  return out;
}

function toOcdsAgreement(r: Row): OcdsAgreementRow {
  const s = (k: string) => r[k] as string;
  const d = (k: string) => (r[k] ?? null) as Date | null;
  return {
    id: s('id'),
    number: s('number'),
    title: s('title'),
    status: s('status'),
    startDate: s('startDate'),
    endDate: s('endDate'),
    activatedAt: d('activatedAt'),
    completedAt: d('completedAt'),
    terminatedAt: d('terminatedAt'),
    applicationId: s('applicationId'),
    awardDate: d('awardDate'),
    timeZone: s('timeZone'),
    partner: { id: s('pId'), name: s('pName'), nib: s('pNib'), scale: s('pScale'), kbliCodes: (r.pKbli as string[]) ?? [], province: s('pProvince'), regency: s('pRegency') },
    enterprise: { id: s('eId'), name: s('eName'), nib: s('eNib'), scale: s('eScale'), kbliCodes: (r.eKbli as string[]) ?? [], province: s('eProvince'), regency: s('eRegency') },
  };
}
