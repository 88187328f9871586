import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { type Actor, Role } from '../auth/actor.js';
import { verifyAccessToken } from '../auth/jwt.strategy.js';
import { Authenticated, CurrentActor } from '../auth/policy.js';
import { AuditService } from '../audit/audit.service.js';
import { loadEnv } from '../config/env.js';
import { DomainError, ErrorCode } from '../errors/domain-error.js';

/** Where the API serves the queue dashboard (bull-board), outside `/api/v1`. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** The HttpOnly cookie a browser shows the dashboard instead of a bearer header. */
export const QUEUE_DASHBOARD_COOKIE = 'jalin_queues';

/** The access token a request carries: `Authorization: Bearer …`, else the dashboard cookie. */
export function dashboardToken(headers: { authorization?: string; cookie?: string }): { token: string; via: 'bearer' | 'cookie' } | null {
  const auth = headers.authorization;
  if (auth && /^Bearer\s+\S+$/i.test(auth)) return { token: auth.replace(/^Bearer\s+/i, ''), via: 'bearer' };
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === QUEUE_DASHBOARD_COOKIE) {
      const value = part.slice(eq + 1).trim();
      if (value) return { token: decodeURIComponent(value), via: 'cookie' };
    }
  }
  return null;
}

export class QueueDashboardSessionDto {
  @ApiProperty({ example: '/admin/queues', description: 'Open this address in the same browser' })
  url!: string;

  @ApiProperty({ description: 'When the cookie (and the access token it carries) expires' })
  expiresAt!: string;
}

@ApiTags('admin')
@Controller('admin/queues')
export class QueueDashboardController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Post('session')
  @HttpCode(200)
  @Authenticated({ roles: [Role.ADMIN] })
  @ApiOperation({
    summary: 'Open the queue dashboard in a browser',
    description:
      'A browser cannot send a bearer header when it navigates, so this sets an HttpOnly, SameSite=Strict cookie ' +
      `scoped to ${QUEUE_DASHBOARD_PATH} that carries the caller's access token and expires with it. ` +
      `The dashboard (bull-board at ${QUEUE_DASHBOARD_PATH}) accepts that cookie or an ADMIN bearer token.`,
  })
  @ApiOkResponse({ type: QueueDashboardSessionDto })
  async open(
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QueueDashboardSessionDto> {
    const given = dashboardToken({ authorization: req.headers.authorization });
    if (!given) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'A valid bearer access token is required');
    const { expiresAt } = verifyAccessToken(given.token);
    const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    await this.ds.transaction((m) =>
      this.audit.record(m, { action: 'admin.queues.session', entityType: 'user', entityId: actor.userId, actor, after: { expiresAt } }),
    );
    const secure = loadEnv().NODE_ENV === 'production' ? '; Secure' : '';
    void reply.header(
      'Set-Cookie',
      `${QUEUE_DASHBOARD_COOKIE}=${encodeURIComponent(given.token)}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`,
    );
    return { url: QUEUE_DASHBOARD_PATH, expiresAt: expiresAt.toISOString() };
  }
}
