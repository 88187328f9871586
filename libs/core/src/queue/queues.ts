import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';
import { Env } from '../config/env.js';

/** Queue names: one enum, so producers and the worker cannot drift apart. */
export enum QueueName {
  MAINTENANCE = 'maintenance',
  /** Side effects carried out of the outbox (e-mail); job id = outbox id. */
  DELIVERY = 'delivery',
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
}

/** Outbox topics, and the queue/job each is published as (job id = outbox id). */
export enum OutboxTopic {
  NOTIFICATION_CREATED = 'notification.created',
}

export const OUTBOX_ROUTES: Record<OutboxTopic, { queue: QueueName; job: JobName }> = {
  [OutboxTopic.NOTIFICATION_CREATED]: { queue: QueueName.DELIVERY, job: JobName.NOTIFICATION_CREATED },
};

export const QUEUE_JOBS: Record<QueueName, JobName[]> = {
  [QueueName.MAINTENANCE]: [JobName.HEARTBEAT, JobName.CLOSE_EXPIRED_OPPORTUNITIES, JobName.OUTBOX_RELAY],
  [QueueName.DELIVERY]: [JobName.NOTIFICATION_CREATED],
};

/** Defaults for every job: retries with exponential backoff, bounded history, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 1_000, age: 7 * 24 * 3600 },
  removeOnFail: false,
};

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
