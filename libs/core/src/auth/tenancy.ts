import { type Actor, Role } from './actor.js';

/**
 * Tenancy as SQL, one definition for every record between a partner and a small firm: may `actor`
 * see a row whose partner and small firm are `partnerCol` and `enterpriseCol`? Each party sees its
 * own; ADMIN all; a MINISTRY officer all, or — when limited to provinces — those where the partner
 * or the small firm lies in one of them. What it excludes is simply not found (404).
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
