import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { loadEnv } from '../config/env.js';
import { type AccessClaims, type Actor } from './actor.js';

export const JWT_ALGORITHM = 'HS256' as const;

/** Verifies access tokens: algorithm pinned, issuer and audience checked, expiry enforced. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor() {
    const env = loadEnv();
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: env.JWT_SECRET,
      algorithms: [JWT_ALGORITHM],
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessClaims & { typ?: string }): Actor | false {
    if (claims.typ !== 'access') return false;
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
}
