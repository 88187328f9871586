import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { configureApp, type ConfigureOptions, loadEnv, runMigrations } from '@jalin/core';
import { AuthService } from '@jalin/identity';
import { AppModule } from './app.module.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { serveWebConsole } from './web-console.js';
import { assignRequestId } from '@jalin/core';

export interface CreateApiOptions extends ConfigureOptions {
  /** Apply pending migrations (under the advisory lock) before serving. */
  migrate?: boolean;
  /** Create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, and demo data on an empty database. */
  bootstrapData?: boolean;
  logger?: boolean;
  /** Registers more on the Fastify instance before it is ready (main.ts: the queue dashboard). */
  extend?: (app: NestFastifyApplication) => Promise<void>;
  /** The built web console to serve at `/` (default dist/web, when built); false: API only. */
  webConsole?: string | false;
}

/** Builds the API application; used by main.ts and by the end-to-end tests alike. */
export async function createApi(opts: CreateApiOptions = {}): Promise<NestFastifyApplication> {
  const env = loadEnv();
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: false,
    return503OnClosing: true,
    forceCloseConnections: false,
    genReqId: assignRequestId,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
    logger: opts.logger === false ? false : undefined,
  });
  if (opts.logger !== false) app.useLogger(app.get(PinoLogger));
  await configureApp(app, opts);
  if (opts.webConsole !== false) await serveWebConsole(app, opts.webConsole);
  if (opts.migrate) await runMigrations(app.get(DataSource));
  await app.init();
  await opts.extend?.(app);
  if (opts.bootstrapData) {
    await app.get(AuthService).ensureFirstAdmin();
    if (env.SEED_DEMO_ON_EMPTY) await seedDemoIfEmpty(app, new Logger('Seed'));
  }
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
