import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { loadEnv } from '../config/env.js';

/**
 * One ioredis client for request-path features (rate limits). It never queues commands while
 * disconnected and times out fast, so a Redis outage degrades those features instead of hanging.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis;
  readonly prefix: string;

  constructor() {
    const env = loadEnv();
    this.prefix = `${env.REDIS_PREFIX}:`;
    this.client = new Redis(env.REDIS_URL, {
      keyPrefix: this.prefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 5000),
      lazyConnect: false,
    });
    this.client.on('error', (err: Error) => this.logger.debug(`redis: ${err.message}`));
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
