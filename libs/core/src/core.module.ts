import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { GlobalAuthGuard } from './auth/auth.guard.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { loadEnv, validateEnv } from './config/env.js';
import { dataSourceOptions } from './database/data-source.js';
import { AuditService } from './audit/audit.service.js';
import { IdempotencyService } from './http/idempotency.js';
import { OutboxService } from './outbox/outbox.service.js';
import { RateLimiter } from './redis/rate-limiter.js';
import { RedisService } from './redis/redis.js';

export const READ_CONNECTION = 'read';

/**
 * Cross-cutting infrastructure every Jalin process needs: validated configuration, the database
 * (a read-write and a read-only connection), Redis for request-path features, logging, and the
 * closed-by-default authentication guard (HTTP processes only).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(opts: { http: boolean }): DynamicModule {
    // Configuration is read when the providers are built, not when this module is imported.
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: (raw) => ({ ...validateEnv(raw) }) }),
        LoggerModule.forRootAsync({
          useFactory: () => ({
            pinoHttp: {
              level: loadEnv().LOG_LEVEL,
              redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'], censor: '[redacted]' },
              genReqId: (req) => String(req.headers['x-request-id'] ?? randomUUID()),
              serializers: {
                req: (req: { id: string; method: string; url: string; headers: Record<string, unknown>; remoteAddress?: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                  headers: { 'user-agent': req.headers['user-agent'], authorization: req.headers.authorization },
                  remoteAddress: req.remoteAddress,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              autoLogging: { ignore: (req) => req.url === '/health' },
            },
          }),
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(loadEnv()), autoLoadEntities: true }),
        }),
        TypeOrmModule.forRootAsync({
          name: READ_CONNECTION,
          useFactory: () => {
            const env = loadEnv();
            return {
              ...dataSourceOptions(env, env.DATABASE_READ_URL ?? env.DATABASE_URL),
              extra: { max: 5, options: '-c default_transaction_read_only=on', application_name: 'jalin-read' },
            };
          },
        }),
        ...(opts.http ? [PassportModule] : []),
      ],
      providers: [
        RedisService,
        RateLimiter,
        IdempotencyService,
        AuditService,
        OutboxService,
        ...(opts.http ? [JwtStrategy, { provide: APP_GUARD, useClass: GlobalAuthGuard }] : []),
      ],
      exports: [RedisService, RateLimiter, IdempotencyService, AuditService, OutboxService],
    };
  }
}
