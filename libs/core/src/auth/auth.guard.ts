import { type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { type Actor } from './actor.js';
import { POLICY_KEY, type RoutePolicy } from './policy.js';

/**
 * The one global guard. Closed by default: a route without a declared policy is refused
 * (and the route-policy test fails), a route is public only by `@Public()`.
 */
@Injectable()
export class GlobalAuthGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(GlobalAuthGuard.name);
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!policy) {
      this.logger.error(`Route ${ctx.getClass().name}.${ctx.getHandler().name} declares no policy; refusing`);
      throw new DomainError(ErrorCode.FORBIDDEN, 'This route declares no access policy');
    }
    if (policy.public) return true;
    await super.canActivate(ctx);
    const actor = ctx.switchToHttp().getRequest<{ user: Actor }>().user;
    if (policy.roles !== 'any' && !policy.roles.includes(actor.role)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `This action is reserved for ${policy.roles.join(', ')}`);
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err || !user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        expired ? 'The access token has expired' : 'A valid bearer access token is required',
      );
    }
    return user;
  }
}
