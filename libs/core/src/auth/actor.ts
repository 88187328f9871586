export enum Role {
  ENTERPRISE = 'ENTERPRISE',
  PARTNER = 'PARTNER',
  MINISTRY = 'MINISTRY',
  ADMIN = 'ADMIN',
}
export const ALL_ROLES = Object.values(Role);

/** Who is calling: every service method that reads or writes tenant data takes this first. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** The caller's organisation (ENTERPRISE and PARTNER members); null for MINISTRY and ADMIN. */
  organizationId: string | null;
  /** Provinces a ministry officer is limited to; empty = all. */
  provinceCodes: string[];
  locale: 'id' | 'en';
  /** The sign-in (refresh-token family) this access token belongs to. */
  sessionId?: string;
}

/** Claims carried by an access token (besides iss, aud, exp, iat). */
export interface AccessClaims {
  sub: string;
  email: string;
  role: Role;
  org: string | null;
  prov: string[];
  loc: 'id' | 'en';
  sid?: string;
}

export const isOversight = (a: Actor) => a.role === Role.MINISTRY || a.role === Role.ADMIN;
