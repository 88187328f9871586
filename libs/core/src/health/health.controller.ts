import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/policy.js';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { RedisService } from '../redis/redis.js';

export interface DependencyCheck {
  status: 'up' | 'down';
  /** How long the check took (ms), up to the timeout. */
  latencyMs: number;
  error?: string;
}

/** PostgreSQL and Redis, each checked at once with its own timeout: status, latency and, when down, why. */
export async function checkDependencies(ds: DataSource, redis: RedisService, timeoutMs = 1500): Promise<Record<'postgresql' | 'redis', DependencyCheck>> {
  const check = async (probe: () => Promise<unknown>): Promise<DependencyCheck> => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        probe(),
        new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
      ]);
      if (answer === false) throw new Error('no answer');
      return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (err) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (err as Error).message };
    } finally {
      clearTimeout(timer);
    }
  };
  const [postgresql, redisCheck] = await Promise.all([check(() => ds.query('SELECT 1')), check(() => redis.ping())]);
  return { postgresql, redis: redisCheck };
}

/** Checks each dependency with a timeout; returns the names of those that did not answer. */
export async function failingDependencies(ds: DataSource, redis: RedisService, timeoutMs = 1500): Promise<string[]> {
  const checks = await checkDependencies(ds, redis, timeoutMs);
  return (Object.keys(checks) as (keyof typeof checks)[]).filter((k) => checks[k].status === 'down');
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
