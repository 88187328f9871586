import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from './redis.js';

export interface RateDecision {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Redis, so a limit holds across API processes. When Redis does not
 * answer, counting falls back to this process's memory rather than failing or hanging the request.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly redis: RedisService) {}

  /** Counts one hit against `key`; allowed while the count stays within `limit` in the window. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const k = `ratelimit:${key}`;
    try {
      const res = await this.redis.client.multi().incr(k).expire(k, windowSeconds, 'NX').ttl(k).exec();
      if (!res) throw new Error('transaction aborted');
      const count = Number(res[0][1]);
      const ttl = Math.max(1, Number(res[2][1]));
      return { allowed: count <= limit, count, retryAfterSeconds: ttl };
    } catch (err) {
      this.logger.warn(`rate limit falls back to process memory: ${(err as Error).message}`);
      return this.hitLocal(k, limit, windowSeconds);
    }
  }

  /** Reads without counting (e.g. before verifying a password). */
  async peek(key: string, limit: number): Promise<RateDecision> {
    const k = `ratelimit:${key}`;
    try {
      const [count, ttl] = await Promise.all([this.redis.client.get(k), this.redis.client.ttl(k)]);
      const n = Number(count ?? 0);
      return { allowed: n < limit, count: n, retryAfterSeconds: Math.max(1, ttl) };
    } catch {
      const e = this.local.get(k);
      const n = e && e.resetAt > Date.now() ? e.count : 0;
      return { allowed: n < limit, count: n, retryAfterSeconds: e ? Math.max(1, Math.ceil((e.resetAt - Date.now()) / 1000)) : 1 };
    }
  }

  async reset(key: string): Promise<void> {
    const k = `ratelimit:${key}`;
    this.local.delete(k);
    try {
      await this.redis.client.del(k);
    } catch {
      /* best effort */
    }
  }

  private hitLocal(k: string, limit: number, windowSeconds: number): RateDecision {
    const now = Date.now();
    let e = this.local.get(k);
    if (!e || e.resetAt <= now) {
      e = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.local.set(k, e);
    }
    e.count += 1;
    if (this.local.size > 100_000) for (const [key, v] of this.local) if (v.resetAt <= now) this.local.delete(key);
    return { allowed: e.count <= limit, count: e.count, retryAfterSeconds: Math.max(1, Math.ceil((e.resetAt - now) / 1000)) };
  }
}
