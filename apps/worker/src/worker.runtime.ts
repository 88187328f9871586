import { Injectable, Logger, type OnApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue, Worker } from 'bullmq';
import { createServer, Server } from 'node:http';
import { DataSource } from 'typeorm';
import { NotificationEmailProcessor } from '@jalin/notifications';
import { closeExpiredOpportunities } from '@jalin/opportunities';
import {
  bullConnection,
  DEFAULT_JOB_OPTIONS,
  failingDependencies,
  JobName,
  loadEnv,
  OutboxRelay,
  type OutboxJobData,
  type RelayResult,
  QUEUE_JOBS,
  QueueName,
  RedisService,
} from '@jalin/core';

type Handler = (job: Job) => Promise<unknown>;

/**
 * Owns the BullMQ workers and schedulers. Handlers are registered per job name; the process
 * refuses to start when a declared job has none (a job nobody handles would fail silently later).
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly env = loadEnv();
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];
  private health?: Server;
  private startupRelay?: Promise<unknown>;
  readonly relay: OutboxRelay;
  lastHeartbeat: Date | null = null;

  private readonly handlers: Partial<Record<JobName, Handler>> = {
    [JobName.HEARTBEAT]: async () => {
      await this.ds.query('SELECT 1');
      this.lastHeartbeat = new Date();
      return { at: this.lastHeartbeat.toISOString() };
    },
    [JobName.CLOSE_EXPIRED_OPPORTUNITIES]: async () => {
      const closed = await closeExpiredOpportunities(this.ds);
      if (closed) this.logger.log(`closed ${closed} expired opportunit${closed === 1 ? 'y' : 'ies'}`);
      return { closed };
    },
    [JobName.OUTBOX_RELAY]: () => this.relayOutbox(),
    [JobName.NOTIFICATION_CREATED]: (job) => this.notificationEmail.process(job as Job<OutboxJobData>),
  };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly redis: RedisService,
    private readonly notificationEmail: NotificationEmailProcessor,
  ) {
    this.relay = new OutboxRelay(this.ds, (name) => this.queue(name), {
      batchSize: 200,
      maxBatches: 10,
      publishTimeoutMs: this.env.OUTBOX_PUBLISH_TIMEOUT_MS,
    });
  }

  /** One relay run: publishes pending outbox rows (job id = outbox id) and marks them sent. */
  async relayOutbox(): Promise<RelayResult> {
    const res = await this.relay.runOnce();
    if (res.failed) this.logger.warn(`outbox relay: ${res.failed} row(s) left pending: ${res.lastError}`);
    return res;
  }

  private queue(name: QueueName): Queue {
    const q = this.queues.find((x) => x.name === name);
    if (!q) throw new Error(`Queue ${name} is not open`);
    return q;
  }

  async onApplicationBootstrap(): Promise<void> {
    const missing = Object.values(QUEUE_JOBS).flat().filter((n) => !this.handlers[n]);
    if (missing.length) throw new Error(`Worker refuses to start: no handler for job(s) ${missing.join(', ')}`);
    const connection = bullConnection(this.env);
    for (const [queueName, jobs] of Object.entries(QUEUE_JOBS) as [QueueName, JobName[]][]) {
      const queue = new Queue(queueName, { connection, prefix: this.env.REDIS_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      this.queues.push(queue);
      const worker = new Worker(
        queueName,
        async (job) => {
          const handler = this.handlers[job.name as JobName];
          if (!handler || !jobs.includes(job.name as JobName)) throw new Error(`No handler for ${queueName}/${job.name}`);
          return handler(job);
        },
        { connection, prefix: this.env.REDIS_PREFIX, concurrency: 4 },
      );
      worker.on('failed', (job, err) => this.logger.warn(`${queueName}/${job?.name} ${job?.id} failed: ${err.message}`));
      worker.on('error', (err) => this.logger.warn(`${queueName}: ${err.message}`));
      this.workers.push(worker);
    }
    const maintenance = this.queue(QueueName.MAINTENANCE);
    await maintenance.upsertJobScheduler('heartbeat', { every: 60_000 }, { name: JobName.HEARTBEAT, data: {} });
    await maintenance.upsertJobScheduler(
      'close-expired-opportunities',
      { every: this.env.SWEEP_INTERVAL_SECONDS * 1000 },
      { name: JobName.CLOSE_EXPIRED_OPPORTUNITIES, data: {} },
    );
    await maintenance.upsertJobScheduler('outbox-relay', { every: this.env.OUTBOX_RELAY_INTERVAL_MS }, { name: JobName.OUTBOX_RELAY, data: {} });
    // A run at start, so what piled up while no worker ran goes out now rather than at the first tick.
    this.startupRelay = this.relayOutbox().catch((err: unknown) => this.logger.warn(`outbox relay at start: ${(err as Error).message}`));
    if (this.env.WORKER_HEALTH_PORT > 0) await this.startHealthServer(this.env.WORKER_HEALTH_PORT);
    this.logger.log(`worker started: queues ${this.queues.map((q) => q.name).join(', ')}`);
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`worker stopping${signal ? ` on ${signal}` : ''}: finishing active jobs`);
    await this.startupRelay;
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.queues.map((q) => q.close()));
    await new Promise<void>((resolve) => (this.health ? this.health.close(() => resolve()) : resolve()));
  }

  private startHealthServer(port: number): Promise<void> {
    this.health = createServer((req, res) => {
      void (async () => {
        if (req.url === '/health') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
          return;
        }
        if (req.url === '/health/ready') {
          const failing = await failingDependencies(this.ds, this.redis);
          const ok = failing.length === 0;
          res
            .writeHead(ok ? 200 : 503, { 'content-type': ok ? 'application/json' : 'application/problem+json' })
            .end(JSON.stringify(ok
              ? { status: 'ok', checks: { postgresql: 'up', redis: 'up' }, lastHeartbeat: this.lastHeartbeat }
              : { type: 'https://jalin.go.id/problems/dependency-unavailable', title: 'Service Unavailable', status: 503, detail: `Not ready: ${failing.join(' and ')} did not answer`, instance: '/health/ready', failing }));
          return;
        }
        res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such route', instance: req.url }));
      })();
    });
    return new Promise((resolve, reject) => {
      this.health!.once('error', reject);
      this.health!.listen(port, '127.0.0.1', () => resolve());
    });
  }
}
