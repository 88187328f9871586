import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue, Worker } from 'bullmq';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { NotificationEmailProcessor } from '@jalin/notifications';
import { FIGURES_REFRESH_EVERY_MS, refreshMonitoringFigures, RISK_RULES_SCHEDULE, runRiskRules } from '@jalin/monitoring';
import { MatchCache } from '@jalin/matching';
import { closeExpiredOpportunities } from '@jalin/opportunities';
import { ReminderDeliveryProcessor, type ReminderJobData, ReminderSweep, type SweepResult } from '@jalin/reminders';
import { startHealthServer } from './worker.health.js';
import {
  bullConnection,
  closeQueue,
  DEFAULT_JOB_OPTIONS,
  JobName,
  loadEnv,
  OutboxRelay,
  producerConnection,
  type OutboxJobData,
  type RelayResult,
  QUEUE_JOBS,
  QUEUE_TUNING,
  QueueName,
  RedisService,
  SCHEDULER_JOB_OPTIONS,
} from '@jalin/core';

type Handler = (job: Job) => Promise<unknown>;

/**
 * Owns the BullMQ workers and schedulers. Handlers are registered per job name; the process
 * refuses to start when a declared job has none (a job nobody handles would fail silently later).
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly env = loadEnv();
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];
  private health?: Server;
  private startupRelay?: Promise<unknown>;
  readonly relay: OutboxRelay;
  readonly reminders: ReminderSweep;
  lastHeartbeat: Date | null = null;
  private stopping = false;
  private readonly startedAt = new Date();

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
    [JobName.REMINDER_SWEEP]: () => this.sweepReminders(),
    [JobName.REMINDER_DELIVERY]: (job) => this.reminderDelivery.process(job as Job<ReminderJobData>),
    [JobName.REFRESH_MONITORING_FIGURES]: () => refreshMonitoringFigures(this.ds),
    [JobName.MATCH_CACHE_SWEEP]: async () => {
      const res = await new MatchCache(this.ds).sweep();
      if (res.built || res.dropped || res.rolled) this.logger.log(`match cache: ${res.built} built, ${res.dropped} dropped, ${res.rolled} rolled to today, ${res.refreshed} firm change(s) re-scored`);
      return res;
    },
    [JobName.RUN_RISK_RULES]: async () => {
      const run = await runRiskRules(this.ds);
      if (run) this.logger.log(`risk rules: ${run.rules.map((r) => `${r.code} +${r.opened}/-${r.resolved}`).join(', ')}`);
      return run ?? { skipped: 'another run held the lock' };
    },
  };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly redis: RedisService,
    private readonly notificationEmail: NotificationEmailProcessor,
    private readonly reminderDelivery: ReminderDeliveryProcessor,
  ) {
    this.reminders = new ReminderSweep(this.ds, () => this.queue(QueueName.REMINDERS), {
      targetBatchSize: 2_000,
      enqueueBatchSize: 1_000,
      requeueAfterMs: 10 * 60_000,
      publishTimeoutMs: this.env.OUTBOX_PUBLISH_TIMEOUT_MS,
      emailsPerJob: 20,
    });
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

  /** One reminder sweep at `now` (REMINDER_NOW when set: tests and benchmarks move the clock). */
  async sweepReminders(now: Date = this.env.REMINDER_NOW ? new Date(this.env.REMINDER_NOW) : new Date()): Promise<SweepResult> {
    const res = await this.reminders.run(now);
    if (res.created || res.enqueued || res.deliveredInApp || res.enqueueFailed) {
      this.logger.log(`reminder sweep: ${res.created} new, ${res.deliveredInApp} delivered in-app, ${res.enqueued} e-mail(s) enqueued, ${res.cancelled + res.superseded} cancelled${res.enqueueFailed ? `, ${res.enqueueFailed} left pending: ${res.lastError}` : ''}`);
    }
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
      // Producer side (relay, schedulers, counts): fails fast while Redis is away; workers keep blocking connections.
      const tuning = QUEUE_TUNING[queueName] ?? {};
      const queue = new Queue(queueName, {
        connection: producerConnection(this.env),
        prefix: this.env.REDIS_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
        ...(tuning.eventsMaxLen ? { streams: { events: { maxLen: tuning.eventsMaxLen } } } : {}),
      });
      queue.on('error', (err) => this.logger.warn(`${queueName} (producer): ${err.message}`));
      this.queues.push(queue);
      const worker = new Worker(
        queueName,
        async (job) => {
          const handler = this.handlers[job.name as JobName];
          if (!handler || !jobs.includes(job.name as JobName)) throw new Error(`No handler for ${queueName}/${job.name}`);
          return handler(job);
        },
        {
          connection,
          prefix: this.env.REDIS_PREFIX,
          concurrency: this.env.WORKER_CONCURRENCY,
          ...(tuning.lockDurationMs ? { lockDuration: tuning.lockDurationMs } : {}),
          ...(tuning.stalledIntervalMs ? { stalledInterval: tuning.stalledIntervalMs } : {}),
        },
      );
      worker.on('failed', (job, err) => this.logger.warn(`${queueName}/${job?.name} ${job?.id} failed: ${err.message}`));
      worker.on('error', (err) => this.logger.warn(`${queueName}: ${err.message}`));
      this.workers.push(worker);
    }
    const maintenance = this.queue(QueueName.MAINTENANCE);
    await maintenance.upsertJobScheduler('heartbeat', { every: 60_000 }, { name: JobName.HEARTBEAT, data: {}, opts: SCHEDULER_JOB_OPTIONS });
    await maintenance.upsertJobScheduler(
      'close-expired-opportunities',
      { every: this.env.SWEEP_INTERVAL_SECONDS * 1000 },
      { name: JobName.CLOSE_EXPIRED_OPPORTUNITIES, data: {}, opts: SCHEDULER_JOB_OPTIONS },
    );
    await maintenance.upsertJobScheduler('outbox-relay', { every: this.env.OUTBOX_RELAY_INTERVAL_MS }, { name: JobName.OUTBOX_RELAY, data: {}, opts: SCHEDULER_JOB_OPTIONS });
    await maintenance.upsertJobScheduler('reminder-sweep', { every: this.env.REMINDER_SWEEP_INTERVAL_SECONDS * 1000 }, { name: JobName.REMINDER_SWEEP, data: {}, opts: SCHEDULER_JOB_OPTIONS });
    // Match cache: changed firms re-scored within seconds; until then readers rank live, so answers never lag.
    await maintenance.upsertJobScheduler(
      'match-cache-sweep',
      { every: this.env.MATCH_CACHE_SWEEP_SECONDS * 1000 },
      { name: JobName.MATCH_CACHE_SWEEP, data: {}, opts: { ...SCHEDULER_JOB_OPTIONS, attempts: 1 } },
    );
    // Monitoring figures: a fresh snapshot every 5 minutes (a failed run waits for the next tick).
    await maintenance.upsertJobScheduler(
      'refresh-monitoring-figures',
      { every: FIGURES_REFRESH_EVERY_MS },
      { name: JobName.REFRESH_MONITORING_FIGURES, data: {}, opts: { ...SCHEDULER_JOB_OPTIONS, attempts: 1 } },
    );
    // Risk rules: every rule daily at 02:00 WIB; findings open, refresh and resolve in one transaction.
    await maintenance.upsertJobScheduler(
      RISK_RULES_SCHEDULE.id,
      { pattern: RISK_RULES_SCHEDULE.pattern, tz: RISK_RULES_SCHEDULE.tz },
      { name: JobName.RUN_RISK_RULES, data: {}, opts: { ...SCHEDULER_JOB_OPTIONS, attempts: 3 } },
    );
    // A run at start, so what piled up while no worker ran goes out now rather than at the first tick.
    this.startupRelay = this.relayOutbox().catch((err: unknown) => this.logger.warn(`outbox relay at start: ${(err as Error).message}`));
    if (this.env.WORKER_HEALTH_PORT > 0) {
      this.health = await startHealthServer(this.env.WORKER_HEALTH_PORT, {
        ds: this.ds,
        redis: this.redis,
        queues: () => this.queues,
        lastHeartbeat: () => this.lastHeartbeat,
        stopping: () => this.stopping,
        concurrency: this.env.WORKER_CONCURRENCY,
        startedAt: this.startedAt,
      });
    }
    this.logger.log(`worker started: queues ${this.queues.map((q) => q.name).join(', ')}`);
  }

  /**
   * Before the database and Redis clients close (Nest closes deeper modules first): stop taking
   * jobs, let the jobs in hand finish, then close the queues. A job still running after
   * SHUTDOWN_TIMEOUT_MS is left to BullMQ's stalled-job check, which hands it to another worker.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    this.logger.log(`worker stopping${signal ? ` on ${signal}` : ''}: finishing active jobs`);
    let timer: NodeJS.Timeout | undefined;
    const drained = Promise.all([this.startupRelay, ...this.workers.map((w) => w.close())]).then(() => true);
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.env.SHUTDOWN_TIMEOUT_MS)));
    const finished = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    if (!finished) this.logger.warn(`jobs still running after ${this.env.SHUTDOWN_TIMEOUT_MS} ms; leaving them to be retried`);
    await Promise.all(this.queues.map((q) => closeQueue(q)));
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.health ? this.health.close(() => resolve()) : resolve()));
    this.logger.log('worker stopped');
  }
}
