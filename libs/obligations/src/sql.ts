import type { EntityManager } from 'typeorm';
import { type Actor, Role } from '@jalin/core';

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

/**
 * Tenancy as SQL: may `actor` see a row whose partner and small firm are `partnerCol` and
 * `enterpriseCol`? Each party sees its own; ADMIN all; a MINISTRY officer all, or — when limited to
 * provinces — those where the partner or the small firm lies in one of them.
 */
export function partyScopeSql(actor: Actor, p: (v: unknown) => string, partnerCol: string, enterpriseCol: string): string {
  switch (actor.role) {
    case Role.ENTERPRISE:
      return actor.organizationId ? `${enterpriseCol} = ${p(actor.organizationId)}::uuid` : 'FALSE';
    case Role.PARTNER:
      return actor.organizationId ? `${partnerCol} = ${p(actor.organizationId)}::uuid` : 'FALSE';
    case Role.ADMIN:
      return 'TRUE';
    case Role.MINISTRY:
      return actor.provinceCodes.length
        ? `EXISTS (SELECT 1 FROM organization z WHERE z.id IN (${partnerCol}, ${enterpriseCol}) AND z.province_code = ANY(${p(actor.provinceCodes)}::text[]))`
        : 'TRUE';
    default:
      return 'FALSE';
  }
}

/** The organisation an audit record concerns: the caller's, or (oversight acting) the partner's. */
export const auditOrg = (actor: Actor, partnerId: string) => actor.organizationId ?? partnerId;
