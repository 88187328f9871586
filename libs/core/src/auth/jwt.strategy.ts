import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { type Env, loadEnv } from '../config/env.js';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { type AccessClaims, type Actor } from './actor.js';

export const JWT_ALGORITHM = 'HS256' as const;

/** How every access token is checked: algorithm pinned, issuer and audience checked, expiry enforced. */
export function accessTokenVerification(env: Env) {
  return { secret: env.JWT_SECRET, algorithms: [JWT_ALGORITHM], issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, ignoreExpiration: false };
}

/** The caller an access token's claims describe; null for any other kind of token (e.g. a refresh token). */
export function actorFromAccessClaims(claims: AccessClaims & { typ?: string }): Actor | null {
  if (claims.typ !== 'access') return null;
  return {
    userId: claims.sub,
    email: claims.email,
    role: claims.role,
    organizationId: claims.org,
    provinceCodes: claims.prov ?? [],
    locale: claims.loc ?? 'id',
    sessionId: claims.sid,
  };
}

/**
 * Verifies an access token outside the guard (routes Nest does not own, e.g. the queue dashboard),
 * exactly as `JwtStrategy` does. Throws a 401 DomainError when it is not a valid access token.
 */
export function verifyAccessToken(token: string, env: Env = loadEnv()): { actor: Actor; expiresAt: Date } {
  let claims: AccessClaims & { typ?: string; exp?: number };
  try {
    claims = new JwtService().verify(token, accessTokenVerification(env));
  } catch (err) {
    const expired = err instanceof Error && err.name === 'TokenExpiredError';
    throw new DomainError(ErrorCode.UNAUTHENTICATED, expired ? 'The access token has expired' : 'A valid access token is required');
  }
  const actor = actorFromAccessClaims(claims);
  if (!actor || !claims.exp) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'A valid access token is required');
  return { actor, expiresAt: new Date(claims.exp * 1000) };
}

/** Verifies access tokens from the `Authorization: Bearer` header (see `accessTokenVerification`). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor() {
    const { secret, ...verification } = accessTokenVerification(loadEnv());
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: secret, ...verification });
  }

  validate(claims: AccessClaims & { typ?: string }): Actor | false {
    return actorFromAccessClaims(claims) ?? false;
  }
}
