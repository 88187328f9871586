import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { requestContext } from './request-context.js';

/** Fixed key of the advisory lock under which the chain is extended, so it never forks. */
const AUDIT_LOCK_KEY = 7_140_203_3;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** e.g. `agreement.sign`, `organization.update` */
  action: string;
  entityType: string;
  entityId: string;
  /** the caller; null for the system (worker, bootstrap) */
  actor: Actor | null;
  /** the organisation the record concerns (defaults to the caller's) */
  organizationId?: string | null;
  before?: object | null;
  after?: object | null;
}

/** JSON with keys sorted at every depth: the same record always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null));

/** `{ field: { before, after } }` for the fields that changed; a creation lists every field's after. */
export function auditDiff(before: object | null | undefined, after: object | null | undefined): Record<string, { before: unknown; after: unknown }> {
  const b = (plain(before) ?? {}) as Record<string, unknown>;
  const a = (plain(after) ?? {}) as Record<string, unknown>;
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (k === 'updatedAt' || k === 'version') continue;
    if (canonicalJson(b[k]) !== canonicalJson(a[k])) out[k] = { before: b[k] ?? null, after: a[k] ?? null };
  }
  return out;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  diff: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export function hashRecord(prevHash: string, r: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const canonical = canonicalJson({
    at: new Date(r.at).toISOString(),
    actorUserId: r.actor_user_id,
    actorRole: r.actor_role,
    organizationId: r.organization_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    diff: r.diff,
    requestId: r.request_id,
  });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/**
 * The audit trail: one record per change, written in the same transaction as the change,
 * appended under an advisory lock to a hash chain (`hash = sha256(prev_hash ‖ canonical record)`).
 * The table refuses UPDATE, DELETE and TRUNCATE (trigger).
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(m: EntityManager, e: AuditEntry): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const [last] = await m.query(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
    const prev: string = last?.hash ?? GENESIS_HASH;
    // Millisecond precision, so the stored time hashes the same when read back.
    const at = new Date();
    const row = {
      at,
      actor_user_id: e.actor?.userId ?? null,
      actor_role: e.actor?.role ?? 'SYSTEM',
      organization_id: e.organizationId !== undefined ? e.organizationId : (e.actor?.organizationId ?? null),
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      diff: plain(auditDiff(e.before, e.after)),
      request_id: requestContext.getStore()?.requestId ?? null,
    };
    const hash = hashRecord(prev, row);
    await m.query(
      `INSERT INTO audit_log (at, actor_user_id, actor_role, organization_id, action, entity_type, entity_id, diff, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [at, row.actor_user_id, row.actor_role, row.organization_id, row.action, row.entity_type, row.entity_id, JSON.stringify(row.diff), row.request_id, prev, hash],
    );
  }

  /** Walks the chain in id order; the first row whose link or hash does not hold is reported. */
  async verify(): Promise<{ valid: boolean; checked: number; firstBrokenId: string | null }> {
    let prev = GENESIS_HASH;
    let after = '0';
    let checked = 0;
    for (;;) {
      const rows: AuditRow[] = await this.ds.query(`SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT 5000`, [after]);
      if (!rows.length) return { valid: true, checked, firstBrokenId: null };
      for (const r of rows) {
        checked++;
        if (r.prev_hash !== prev || hashRecord(prev, r) !== r.hash) return { valid: false, checked, firstBrokenId: String(r.id) };
        prev = r.hash;
        after = String(r.id);
      }
    }
  }
}
