/**
 * bull-board at /admin/queues, ADMIN only. Loaded by main.ts alone: these CommonJS packages do not
 * load under jest's ESM mode, so the test application never imports this file (the built API is
 * tested as a process instead).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import {
  closeQueue,
  dashboardToken,
  DomainError,
  ErrorCode,
  loadEnv,
  PROBLEM_CONTENT_TYPE,
  producerConnection,
  QUEUE_DASHBOARD_PATH,
  QueueName,
  Role,
  toProblem,
  verifyAccessToken,
} from '@jalin/core';

/** A dashboard API call that Redis does not answer in this time gets a 503 instead of hanging. */
const DASHBOARD_API_TIMEOUT_MS = 5_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sendProblem(req: FastifyRequest, reply: FastifyReply, err: DomainError): FastifyReply {
  const { problem, headers } = toProblem(err, req.url);
  return reply.code(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * ADMIN only, with the API's own access-token verification: `Authorization: Bearer <token>`, or the
 * HttpOnly cookie from `POST /api/v1/admin/queues/session` (a browser cannot send a header when it
 * navigates). No token or an invalid one → 401; another role → 403. A state-changing call
 * authenticated by the cookie must come from this origin (SameSite=Strict already keeps other
 * sites' requests from carrying it; this is a second lock).
 */
async function authorize(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const given = dashboardToken(req.headers);
  if (!given) {
    return sendProblem(req, reply, new DomainError(ErrorCode.UNAUTHENTICATED, 'An ADMIN bearer access token, or the cookie from POST /api/v1/admin/queues/session, is required'));
  }
  try {
    const { actor } = verifyAccessToken(given.token);
    if (actor.role !== Role.ADMIN) return sendProblem(req, reply, new DomainError(ErrorCode.FORBIDDEN, 'The queue dashboard is reserved for ADMIN'));
  } catch (err) {
    return sendProblem(req, reply, err as DomainError);
  }
  const origin = req.headers.origin;
  if (given.via === 'cookie' && !SAFE_METHODS.has(req.method) && origin && new URL(origin).host !== req.headers.host) {
    return sendProblem(req, reply, new DomainError(ErrorCode.FORBIDDEN, 'Cross-origin requests may not change queues'));
  }
  return undefined;
}

/** Wraps a dashboard API handler so that a Redis that does not answer yields a 503 problem, not a hung request. */
function withTimeout(handler: RouteHandlerMethod): RouteHandlerMethod {
  return async function (this: unknown, req: FastifyRequest, reply: FastifyReply) {
    let timer: NodeJS.Timeout | undefined;
    const late = Symbol('late');
    const running = Promise.resolve((handler as (this: unknown, q: FastifyRequest, r: FastifyReply) => unknown).call(this, req, reply));
    running.catch(() => undefined);
    const result = await Promise.race([running, new Promise<symbol>((resolve) => (timer = setTimeout(() => resolve(late), DASHBOARD_API_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (result !== late) return result;
    return sendProblem(req, reply, new DomainError(ErrorCode.DEPENDENCY_DOWN, `Redis did not answer within ${DASHBOARD_API_TIMEOUT_MS} ms`));
  };
}

/**
 * Mounts bull-board on the API's Fastify instance (before it is ready) with every queue in
 * `QueueName` under the configured REDIS_PREFIX. Never waits for Redis: the queues connect in the
 * background, so the API starts (and serves everything else) while Redis is down.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const env = loadEnv();
  const logger = new Logger('QueueDashboard');
  const queues = Object.values(QueueName).map((name) => {
    const queue = new Queue(name, { connection: producerConnection(env), prefix: env.REDIS_PREFIX });
    queue.on('error', (err) => logger.debug(`${name}: ${err.message}`));
    return queue;
  });
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Jalin queues' } },
  });
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', authorize);
    scope.addHook('onRoute', (route) => {
      if (route.url.startsWith(`${QUEUE_DASHBOARD_PATH}/api/`)) route.handler = withTimeout(route.handler);
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((q) => closeQueue(q)));
  });
}
