import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  conflict,
  decodeCursor,
  DomainError,
  ErrorCode,
  invalid,
  notFound,
  type Page,
  sqlParams,
  staleVersion,
  toPage,
} from '@jalin/core';
import { NotificationsService } from '@jalin/notifications';
import { isIsoDate } from './domain/calendar.js';
import { sniffMediaType } from './domain/media-type.js';
import { obligationTransition, statusFilterSql, statusSql } from './domain/obligation.js';
import type { EvidenceView, ObligationListQuery, ObligationView, ObligationWaiveDto } from './dto/obligation.dto.js';
import { NOTICES } from './notices.js';
import { auditOrg, exec } from './sql.js';
import { partyScopeSql } from '@jalin/core';
import { EVIDENCE_STORAGE, type EvidenceStorage } from './storage/evidence-storage.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const OBLIGATION_COLUMNS = `o.id, o.agreement_id AS "agreementId", o.partner_id AS "partnerId", o.enterprise_id AS "enterpriseId",
  o.owed_by AS "owedBy", o.type, o.title, o.legal_basis AS "legalBasis", o.due_date::text AS "dueDate", ${statusSql('o')} AS status,
  o.period_start::text AS "periodStart", o.period_end::text AS "periodEnd", o.commitment_id AS "commitmentId", o.session_id AS "sessionId", o.case_id AS "caseId",
  o.time_zone AS "timeZone", o.fulfilled_at AS "fulfilledAt", o.waived_at AS "waivedAt", o.waive_reason AS "waiveReason",
  o.cancelled_at AS "cancelledAt", o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.version`;

type ObligationRow = Omit<ObligationView, 'evidence'>;

/** An uploaded file, read whole (and so within the size cap) before anything is written. */
export interface UploadedFile {
  bytes: Buffer;
  fileName: string;
}

export interface EvidenceInput {
  note?: string;
  url?: string;
  file?: UploadedFile;
  version?: number;
}

export interface EvidenceDownload {
  stream: Buffer | Readable;
  mediaType: string;
  fileName: string;
  sizeBytes: number;
}

/**
 * Where evidence suffices to fulfil an OPEN obligation (a report fulfils PROGRESS_REPORT; a confirmed
 * session, COACHING; the remedy report on its monitoring case, CASE_REMEDY — evidence on those is kept
 * but fulfils nothing).
 */
const EVIDENCE_FULFILS = new Set(['APPOINT_PIC', 'HONOUR_AGREEMENT']);

/** The obligations' views, evidence included, in the order of `ids`. */
export async function loadObligationViews(m: EntityManager | DataSource, ids: string[]): Promise<ObligationView[]> {
  if (!ids.length) return [];
  const rows: ObligationRow[] = await m.query(`SELECT ${OBLIGATION_COLUMNS} FROM obligation o WHERE o.id = ANY($1::uuid[])`, [ids]);
  const evidence = await loadEvidence(m, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.filter((id) => byId.has(id)).map((id) => ({ ...byId.get(id)!, evidence: evidence.get(id) ?? [] }));
}

async function loadEvidence(m: EntityManager | DataSource, obligationIds: string[]): Promise<Map<string, EvidenceView[]>> {
  const rows: (EvidenceView & { obligationId: string })[] = await m.query(
    `SELECT e.id, e.obligation_id AS "obligationId", e.kind, e.note, e.url, e.file_name AS "fileName", e.media_type AS "mediaType",
            e.size_bytes::float8 AS "sizeBytes", e.sha256, e.uploaded_by AS "uploadedBy", e.organization_id AS "organizationId",
            e.created_at AS "createdAt"
       FROM evidence e WHERE e.obligation_id = ANY($1::uuid[]) ORDER BY e.created_at, e.id`,
    [obligationIds],
  );
  const out = new Map<string, EvidenceView[]>();
  for (const { obligationId, ...e } of rows) {
    const list = out.get(obligationId) ?? [];
    list.push({ ...e, downloadUrl: e.kind === 'FILE' ? `/api/v1/evidence/${e.id}/download` : null });
    out.set(obligationId, list);
  }
  return out;
}

/** The audit trail's picture of an obligation: its fields without the evidence list. */
const auditable = (v: ObligationView | undefined) => {
  if (!v) return null;
  const { evidence, ...rest } = v;
  return { ...rest, evidenceCount: evidence.length };
};

/**
 * Obligations: read by the two parties and oversight (a province-limited officer sees those whose
 * partner or small firm lies in the provinces), evidenced by the party that owes them, waived by the
 * ministry. Status is derived in SQL from the due date in the obligation's zone, so it is never stale.
 */
@Injectable()
export class ObligationsService {
  private readonly logger = new Logger(ObligationsService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  /** Ordered by due date, then id; keyset pages. */
  async list(actor: Actor, q: ObligationListQuery): Promise<Page<ObligationView>> {
    const limit = q.limit ?? 20;
    const { values, p } = sqlParams();
    const where = [partyScopeSql(actor, p, 'o.partner_id', 'o.enterprise_id')];
    if (q.agreementId) where.push(`o.agreement_id = ${p(q.agreementId)}::uuid`);
    if (q.type) where.push(`o.type = ${p(q.type)}`);
    if (q.status) where.push(statusFilterSql(q.status, 'o'));
    if (q.dueFrom) where.push(`o.due_date >= ${p(q.dueFrom)}::date`);
    if (q.dueTo) where.push(`o.due_date <= ${p(q.dueTo)}::date`);
    const cur = decodeCursor(q.cursor, 2);
    if (cur) {
      const [due, id] = cur;
      if (!isIsoDate(due) || typeof id !== 'string' || !UUID.test(id)) throw invalid([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
      where.push(`(o.due_date, o.id) > (${p(due)}::date, ${p(id)}::uuid)`);
    }
    const rows: ObligationRow[] = await this.ds.query(
      `SELECT ${OBLIGATION_COLUMNS} FROM obligation o WHERE ${where.join(' AND ')} ORDER BY o.due_date, o.id LIMIT ${p(limit + 1)}`,
      values,
    );
    const evidence = await loadEvidence(this.ds, rows.slice(0, limit).map((r) => r.id));
    return toPage(rows, limit, (r) => [r.dueDate, r.id], (r) => ({ ...r, evidence: evidence.get(r.id) ?? [] }));
  }

  async findOne(actor: Actor, id: string): Promise<ObligationView> {
    const { values, p } = sqlParams();
    const [row] = await this.ds.query(`SELECT o.id FROM obligation o WHERE o.id = ${p(id)} AND ${partyScopeSql(actor, p, 'o.partner_id', 'o.enterprise_id')}`, values);
    if (!row) throw notFound('Obligation');
    const [view] = await loadObligationViews(this.ds, [id]);
    return view;
  }

  /** MINISTRY: OPEN → WAIVED with a reason; the partner is told. */
  async waive(actor: Actor, id: string, dto: ObligationWaiveDto): Promise<ObligationView> {
    return this.ds.transaction(async (m) => {
      const o = await this.lockVisible(m, actor, id);
      if (dto.version !== undefined && dto.version !== o.version) throw staleVersion(o.version);
      obligationTransition('waive', o.state);
      const [before] = await loadObligationViews(m, [id]);
      await this.write(
        m,
        o,
        `state = 'WAIVED', waived_at = now(), waived_by = $3, waive_reason = $4`,
        [actor.userId, dto.reason.trim()],
      );
      const [after] = await loadObligationViews(m, [id]);
      await this.audit.record(m, {
        action: 'obligation.waive',
        entityType: 'obligation',
        entityId: id,
        actor,
        organizationId: auditOrg(actor, o.partnerId),
        before: auditable(before),
        after: auditable(after),
      });
      await this.notifications.notifyOrganization(m, o.partnerId, NOTICES.obligationWaived({ id, title: o.title, reason: dto.reason.trim() }));
      return after;
    });
  }

  /**
   * Evidence from the party that owes the obligation (others: 404). A file's type is judged from its
   * bytes (PDF, PNG, JPEG; else 415) and its sha256 kept; the bytes are stored last, inside the
   * transaction, and removed again if it does not commit — a failed request leaves nothing behind.
   * APPOINT_PIC and HONOUR_AGREEMENT are fulfilled by evidence; COACHING only once its session is
   * confirmed; PROGRESS_REPORT only by a report; CASE_REMEDY only by the remedy report filed on its case
   * (`POST /api/v1/cases/:caseId/remedy-report`). Closed (waived, cancelled) obligations take none (409).
   */
  async addEvidence(actor: Actor, id: string, input: EvidenceInput): Promise<ObligationView> {
    const note = input.note?.trim() || null;
    const url = input.url?.trim() || null;
    if (!note && !url && !input.file) {
      throw invalid([{ field: 'file', message: 'send a file, a url or a note' }], 'Evidence needs a file, a url or a note');
    }
    let file: { bytes: Buffer; fileName: string; mediaType: string; sha256: string } | null = null;
    if (input.file) {
      const mediaType = sniffMediaType(input.file.bytes);
      if (!mediaType) {
        throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Evidence files must be PDF, JPEG or PNG; this file’s content is none of them (judged from its bytes, not its name)', {
          accepted: ['application/pdf', 'image/jpeg', 'image/png'],
        });
      }
      file = { bytes: input.file.bytes, fileName: cleanFileName(input.file.fileName), mediaType, sha256: createHash('sha256').update(input.file.bytes).digest('hex') };
    }
    const evidenceId = randomUUID();
    const storageKey = file ? `${id}/${evidenceId}` : null;
    let stored = false;
    try {
      return await this.ds.transaction(async (m) => {
        const o = await this.lockOwed(m, actor, id);
        if (input.version !== undefined && input.version !== o.version) throw staleVersion(o.version);
        if (o.state === 'WAIVED' || o.state === 'CANCELLED') {
          throw conflict(`This obligation is ${o.state}; it takes no more evidence`, { obligationState: o.state });
        }
        const [before] = await loadObligationViews(m, [id]);
        await m.query(
          `INSERT INTO evidence (id, obligation_id, kind, note, url, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, organization_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            evidenceId, id, file ? 'FILE' : url ? 'LINK' : 'NOTE', note, url, file?.fileName ?? null, file?.mediaType ?? null,
            file?.bytes.length ?? null, file?.sha256 ?? null, storageKey, actor.userId, actor.organizationId,
          ],
        );
        const fulfils = o.state === 'OPEN' && (EVIDENCE_FULFILS.has(o.type) || (o.type === 'COACHING' && (await this.sessionConfirmed(m, o))));
        if (fulfils) obligationTransition('fulfil', o.state);
        await this.write(m, o, fulfils ? `state = 'FULFILLED', fulfilled_at = now()` : '', []);
        const [after] = await loadObligationViews(m, [id]);
        await this.audit.record(m, {
          action: 'obligation.evidence',
          entityType: 'obligation',
          entityId: id,
          actor,
          organizationId: auditOrg(actor, o.partnerId),
          before: auditable(before),
          after: { ...auditable(after), evidenceId, evidenceKind: file ? 'FILE' : url ? 'LINK' : 'NOTE', sha256: file?.sha256 ?? null },
        });
        if (file && storageKey) {
          await this.storage.put(storageKey, file.bytes);
          stored = true;
        }
        return after;
      });
    } catch (err) {
      if (stored && storageKey) {
        await this.storage.delete(storageKey).catch((e: unknown) => this.logger.error({ err: e, storageKey }, 'could not remove evidence of a failed request'));
      }
      throw err;
    }
  }

  /** A file to those who may see its obligation (others: 404). */
  async openEvidence(actor: Actor, evidenceId: string): Promise<EvidenceDownload> {
    const { values, p } = sqlParams();
    const [row]: { storageKey: string | null; mediaType: string | null; fileName: string | null; sizeBytes: number | null }[] = await this.ds.query(
      `SELECT e.storage_key AS "storageKey", e.media_type AS "mediaType", e.file_name AS "fileName", e.size_bytes::float8 AS "sizeBytes"
         FROM evidence e JOIN obligation o ON o.id = e.obligation_id
        WHERE e.id = ${p(evidenceId)} AND ${partyScopeSql(actor, p, 'o.partner_id', 'o.enterprise_id')}`,
      values,
    );
    if (!row || !row.storageKey || !row.mediaType) throw notFound('Evidence file');
    return {
      stream: await this.storage.get(row.storageKey),
      mediaType: row.mediaType,
      fileName: row.fileName ?? 'bukti',
      sizeBytes: row.sizeBytes ?? 0,
    };
  }

  private async sessionConfirmed(m: EntityManager, o: LockedObligation): Promise<boolean> {
    if (!o.sessionId) return false;
    const [s] = await m.query(`SELECT status FROM coaching_session WHERE id = $1`, [o.sessionId]);
    return s?.status === 'CONFIRMED';
  }

  private async lockVisible(m: EntityManager, actor: Actor, id: string): Promise<LockedObligation> {
    const { values, p } = sqlParams();
    const [o] = await m.query(
      `SELECT ${LOCK_COLUMNS} FROM obligation o WHERE o.id = ${p(id)} AND ${partyScopeSql(actor, p, 'o.partner_id', 'o.enterprise_id')} FOR UPDATE OF o`,
      values,
    );
    if (!o) throw notFound('Obligation');
    return o;
  }

  /** The obligation, when the caller's organisation is the one that owes it. */
  private async lockOwed(m: EntityManager, actor: Actor, id: string): Promise<LockedObligation> {
    if (!actor.organizationId) throw notFound('Obligation');
    const [o] = await m.query(
      `SELECT ${LOCK_COLUMNS} FROM obligation o
        WHERE o.id = $1 AND ((o.owed_by = 'PARTNER' AND o.partner_id = $2) OR (o.owed_by = 'ENTERPRISE' AND o.enterprise_id = $2))
        FOR UPDATE OF o`,
      [id, actor.organizationId],
    );
    if (!o) throw notFound('Obligation');
    return o;
  }

  /** `UPDATE … SET <set>, version + 1 WHERE id AND version`; no row → 409 stale. `$1`, `$2` are taken (id, version). */
  private async write(m: EntityManager, o: LockedObligation, set: string, params: unknown[]): Promise<void> {
    const { count } = await exec(
      m,
      `UPDATE obligation SET ${set ? `${set}, ` : ''}updated_at = now(), version = version + 1 WHERE id = $1 AND version = $2`,
      [o.id, o.version, ...params],
    );
    if (!count) throw staleVersion(o.version + 1);
  }
}

const LOCK_COLUMNS = `o.id, o.partner_id AS "partnerId", o.type, o.title, o.state, o.session_id AS "sessionId", o.version`;

interface LockedObligation {
  id: string;
  partnerId: string;
  type: string;
  title: string;
  state: 'OPEN' | 'FULFILLED' | 'WAIVED' | 'CANCELLED';
  sessionId: string | null;
  version: number;
}

/** A display name: the last path segment, without control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return clean || 'bukti';
}
