import type { Queue } from 'bullmq';
import { createServer, type Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { checkDependencies, type DependencyCheck, RedisService } from '@jalin/core';

/** What the worker's readiness is computed from. */
export interface ReadinessSource {
  ds: DataSource;
  redis: RedisService;
  queues: () => Queue[];
  lastHeartbeat: () => Date | null;
  /** True once shutdown began: the process finishes its jobs but takes no new ones. */
  stopping: () => boolean;
  concurrency: number;
  startedAt: Date;
}

type QueueCounts = Record<'waiting' | 'active' | 'delayed' | 'failed' | 'completed', number>;

export interface Readiness {
  ready: boolean;
  body: Record<string, unknown>;
}

const COUNT_TIMEOUT_MS = 500;

/** Job counts per queue: one round trip each, only asked when Redis answered; null when they do not come in time. */
async function queueCounts(queues: Queue[]): Promise<Record<string, QueueCounts> | null> {
  let timer: NodeJS.Timeout | undefined;
  const all = Promise.all(
    queues.map(async (q) => [q.name, (await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')) as QueueCounts] as const),
  );
  all.catch(() => undefined);
  try {
    const counts = await Promise.race([all, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), COUNT_TIMEOUT_MS)))]);
    return counts && Object.fromEntries(counts);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The worker's readiness: PostgreSQL and Redis (status and latency each), the last heartbeat job,
 * and job counts per queue. Not ready when a dependency is down or the process is shutting down.
 */
export async function workerReadiness(src: ReadinessSource): Promise<Readiness> {
  const dependencies: Record<string, DependencyCheck> = await checkDependencies(src.ds, src.redis);
  const failing = Object.keys(dependencies).filter((k) => dependencies[k].status === 'down');
  const stopping = src.stopping();
  const details = {
    checks: Object.fromEntries(Object.entries(dependencies).map(([k, v]) => [k, v.status])),
    dependencies,
    lastHeartbeat: src.lastHeartbeat()?.toISOString() ?? null,
    startedAt: src.startedAt.toISOString(),
    concurrency: src.concurrency,
    queues: dependencies.redis.status === 'up' ? await queueCounts(src.queues()) : null,
  };
  if (!failing.length && !stopping) return { ready: true, body: { status: 'ok', ...details } };
  return {
    ready: false,
    body: {
      type: 'https://jalin.go.id/problems/dependency-unavailable',
      title: 'Service Unavailable',
      status: 503,
      detail: failing.length ? `Not ready: ${failing.join(' and ')} did not answer` : 'Not ready: the worker is shutting down',
      instance: '/health/ready',
      failing,
      ...details,
    },
  };
}

/** `GET /health` (liveness) and `GET /health/ready` on 127.0.0.1:`port`; resolves with the listening server. */
export function startHealthServer(port: number, src: ReadinessSource): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
        return;
      }
      if (req.url === '/health/ready') {
        const { ready, body } = await workerReadiness(src);
        res.writeHead(ready ? 200 : 503, { 'content-type': ready ? 'application/json' : 'application/problem+json' }).end(JSON.stringify(body));
        return;
      }
      res
        .writeHead(404, { 'content-type': 'application/problem+json' })
        .end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such route', instance: req.url }));
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: (err as Error).message, instance: req.url }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
