import type { ConnectionOptions, DefaultJobOptions, Queue } from 'bullmq';
import { Env } from '../config/env.js';

/** Queue names: one enum, so producers and the worker cannot drift apart. */
export enum QueueName {
  MAINTENANCE = 'maintenance',
  /** Side effects carried out of the outbox (e-mail); job id = outbox id. */
  DELIVERY = 'delivery',
  /** Reminder deliveries: one job per pending `reminders` ledger row; job id = ledger id. */
  REMINDERS = 'reminders',
}

/** Job names per queue; the worker refuses to start if one has no handler. */
export enum JobName {
  HEARTBEAT = 'heartbeat',
  /** Writes down what readers already see: OPEN opportunities past closesAt become CLOSED. */
  CLOSE_EXPIRED_OPPORTUNITIES = 'close-expired-opportunities',
  /** Publishes pending outbox rows to their queues, then marks them sent. */
  OUTBOX_RELAY = 'outbox-relay',
  /** Delivery of one `notification.created` outbox row: e-mail to each recipient. */
  NOTIFICATION_CREATED = 'notification.created',
  /** The reminder sweep: finds due reminders, writes them to the ledger and enqueues their deliveries. */
  REMINDER_SWEEP = 'reminder-sweep',
  /** Delivery of one reminder ledger row (in-app or e-mail). */
  REMINDER_DELIVERY = 'reminder.delivery',
  /** Rewrites the monitoring figures' snapshot (facts and cells) from the live tables. */
  REFRESH_MONITORING_FIGURES = 'refresh-monitoring-figures',
  /** Runs every monitoring risk rule: findings opened, refreshed or resolved (daily, 02:00 WIB). */
  RUN_RISK_RULES = 'run-risk-rules',
  /** Keeps the match cache exact and complete: re-scores changed firms, rolls the day, builds missing caches. */
  MATCH_CACHE_SWEEP = 'match-cache-sweep',
}

/** Outbox topics, and the queue/job each is published as (job id = outbox id). */
export enum OutboxTopic {
  NOTIFICATION_CREATED = 'notification.created',
}

export const OUTBOX_ROUTES: Record<OutboxTopic, { queue: QueueName; job: JobName }> = {
  [OutboxTopic.NOTIFICATION_CREATED]: { queue: QueueName.DELIVERY, job: JobName.NOTIFICATION_CREATED },
};

export const QUEUE_JOBS: Record<QueueName, JobName[]> = {
  [QueueName.MAINTENANCE]: [JobName.HEARTBEAT, JobName.CLOSE_EXPIRED_OPPORTUNITIES, JobName.OUTBOX_RELAY, JobName.REMINDER_SWEEP, JobName.REFRESH_MONITORING_FIGURES, JobName.RUN_RISK_RULES, JobName.MATCH_CACHE_SWEEP],
  [QueueName.DELIVERY]: [JobName.NOTIFICATION_CREATED],
  [QueueName.REMINDERS]: [JobName.REMINDER_DELIVERY],
};

/**
 * Per-queue tuning the worker applies on top of its defaults. Reminders: a short lock so a job held
 * by a killed worker is taken up again within seconds (its ledger row is locked while sending, so a
 * second run never sends twice), and a short event stream so Redis memory returns to its baseline.
 */
export const QUEUE_TUNING: Partial<Record<QueueName, { lockDurationMs?: number; stalledIntervalMs?: number; eventsMaxLen?: number }>> = {
  [QueueName.REMINDERS]: { lockDurationMs: 10_000, stalledIntervalMs: 5_000, eventsMaxLen: 100 },
  // Scheduler runs every few seconds (outbox relay): a short event stream, so Redis memory stays flat.
  [QueueName.MAINTENANCE]: { eventsMaxLen: 100 },
};

/**
 * Defaults for every job: retries with exponential backoff, and a history bounded by age and count
 * so Redis memory stays flat. A job enters the failed set only after its last attempt and stays
 * there for inspection (bull-board) for 14 days, at most the newest 10,000 per queue.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 10_000 },
};

/**
 * For the jobs of frequent schedulers (heartbeat, outbox relay, sweeps, risk rules): their runs are
 * routine, so only the newest few completed ones stay (10, at most an hour old), and a bounded
 * number of failed ones (100, a week). `DEFAULT_JOB_OPTIONS`' 1,000 per queue kept the maintenance
 * queue's memory growing for days after a start. Pass as the template `opts` of upsertJobScheduler.
 */
export const SCHEDULER_JOB_OPTIONS = {
  removeOnComplete: { age: 3600, count: 10 },
  removeOnFail: { age: 7 * 24 * 3600, count: 100 },
} as const satisfies DefaultJobOptions;

export function bullConnection(env: Env): ConnectionOptions {
  const u = new URL(env.REDIS_URL);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * For producers (Queue instances that add jobs or read counts, never workers): while Redis is
 * unreachable, commands fail at once instead of waiting in ioredis' offline queue. It only helps once
 * the connection had been made: a Queue whose Redis was down from the start waits for it, so every
 * caller still puts its own timeout around a publish (the outbox relay does).
 */
export function producerConnection(env: Env): ConnectionOptions {
  return { ...(bullConnection(env) as Record<string, unknown>), enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 };
}

/**
 * Closes a queue within `timeoutMs`. While Redis is away a producer connection refuses even QUIT (no
 * offline queue) and would go on reconnecting: then the connection is dropped instead (again within
 * the time), so a shutdown never hangs on Redis.
 */
export async function closeQueue(queue: Queue, timeoutMs = 2_000): Promise<void> {
  const within = async <T>(p: Promise<T>, fallback: T): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([p, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), timeoutMs)))]);
    } finally {
      clearTimeout(timer);
    }
  };
  const closed = await within(queue.close().then(() => true, () => false), false);
  if (!closed) await within(queue.disconnect().catch(() => undefined), undefined);
}
