import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type Actor, Role } from './actor.js';

export const POLICY_KEY = 'jalin:policy';

export type RoutePolicy = { public: true } | { public: false; roles: Role[] | 'any' };

/** A route anyone may call, without a token. */
export const Public = () => SetMetadata(POLICY_KEY, { public: true } satisfies RoutePolicy);

/**
 * A route that needs a signed-in user, optionally of given roles. Ownership ("its members",
 * "the two parties") is enforced in the service's queries, so what the caller may not see is 404.
 */
export function Authenticated(opts: { roles?: Role[] } = {}) {
  const roles = opts.roles?.length ? opts.roles : 'any';
  return applyDecorators(
    SetMetadata(POLICY_KEY, { public: false, roles } satisfies RoutePolicy),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({ description: 'Missing, expired or invalid access token (problem details)' }),
    ...(roles === 'any'
      ? []
      : [ApiForbiddenResponse({ description: `Only ${roles.join(', ')} may call this route (problem details)` })]),
  );
}

/** The authenticated caller. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ user?: Actor }>();
  if (!req.user) throw new Error('CurrentActor used on a route without an authenticated user');
  return req.user;
});
