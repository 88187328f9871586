import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import { requestContext } from '../audit/request-context.js';
import { loadEnv } from '../config/env.js';
import { ProblemDetailsFilter } from '../errors/problem.filter.js';
import { createValidationPipe } from '../http/validation.js';

export const API_PREFIX = 'api/v1';

/**
 * Fastify's request id: the caller's `X-Request-Id` when it is sane, else a UUID. Written back into
 * the raw headers so the pino request logger logs the same id; returned to the client on every reply.
 */
export function assignRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

export interface ConfigureOptions {
  /** Swagger UI needs CommonJS packages that break under jest's ESM mode; `/docs-json` works everywhere. */
  swaggerUi?: boolean;
}

export function buildOpenApiDocument(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setTitle('Jalin API')
    .setDescription(
      'Jalin — kemitraan (partnership) platform for Indonesian small industry. Errors are RFC 9457 problem details ' +
        '(application/problem+json). Money is integer rupiah. Lists use keyset pagination (`limit`, opaque `cursor`).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Everything an API process and an end-to-end test share: prefix, pipes, filters, headers, docs. */
export async function configureApp(app: NestFastifyApplication, opts: ConfigureOptions = {}): Promise<void> {
  const env = loadEnv();
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  const origins = env.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  await app.register(cors, {
    origin: origins.includes('*') ? true : origins.length ? origins : false,
    credentials: true,
    exposedHeaders: ['Retry-After', 'X-Request-Id', 'X-As-Of', 'Content-Disposition'],
  });
  await app.register(multipart, { limits: { fileSize: env.UPLOAD_LIMIT_BYTES, files: 5 } });
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    ui: opts.swaggerUi ?? true,
    raw: ['json'],
    jsonDocumentUrl: 'docs-json',
    useGlobalPrefix: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req, _reply, done) => requestContext.run({ requestId: String(req.id) }, done));
  fastify.addHook('onSend', async (req, reply) => {
      void reply.header('X-Request-Id', req.id);
    });
  app.enableShutdownHooks();
}
