import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/policy.js';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { RedisService } from '../redis/redis.js';

/** Checks each dependency with a timeout; returns the names of those that did not answer. */
export async function failingDependencies(ds: DataSource, redis: RedisService, timeoutMs = 1500): Promise<string[]> {
  const within = <T>(p: Promise<T>) =>
    Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), timeoutMs).unref())]);
  const [pg, rd] = await Promise.allSettled([within(ds.query('SELECT 1')), within(redis.ping())]);
  const failing: string[] = [];
  if (pg.status === 'rejected') failing.push('postgresql');
  if (rd.status === 'rejected' || rd.value !== true) failing.push('redis');
  return failing;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    private readonly redis: RedisService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer' })
  @ApiOkResponse({ schema: { example: { status: 'ok', checks: { postgresql: 'up', redis: 'up' } } } })
  @ApiServiceUnavailableResponse({ description: 'Problem details naming the failing dependency' })
  async ready(): Promise<{ status: 'ok'; checks: Record<string, 'up'> }> {
    const failing = await failingDependencies(this.ds, this.redis);
    if (failing.length) {
      throw new DomainError(ErrorCode.DEPENDENCY_DOWN, `Not ready: ${failing.join(' and ')} did not answer`, {
        failing,
      });
    }
    return { status: 'ok', checks: { postgresql: 'up', redis: 'up' } };
  }
}
