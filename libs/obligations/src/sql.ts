import type { EntityManager } from 'typeorm';
import type { Actor } from '@jalin/core';

/**
 * Runs a statement and returns its rows and row count. (TypeORM's `query` answers UPDATE and DELETE
 * with `[rows, count]` and everything else with `rows`; this evens that out.)
 */
export async function exec<T = Record<string, unknown>>(m: EntityManager, sql: string, params: unknown[] = []): Promise<{ rows: T[]; count: number }> {
  const r: unknown = await m.query(sql, params);
  if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return { rows: r[0] as T[], count: r[1] };
  const rows = (r ?? []) as T[];
  return { rows, count: rows.length };
}

/** The organisation an audit record concerns: the caller's, or (oversight acting) the partner's. */
export const auditOrg = (actor: Actor, partnerId: string) => actor.organizationId ?? partnerId;
