import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OUTBOX_ROUTES, type OutboxTopic, type QueueName } from '../queue/queues.js';

/** What a relayed job carries: the outbox row, whole. */
export interface OutboxJobData {
  outboxId: string;
  topic: OutboxTopic;
  payload: Record<string, unknown>;
}

export interface RelayOptions {
  /** Rows claimed per transaction. */
  batchSize: number;
  /** Upper bound on transactions per run (a run never holds the worker for long). */
  maxBatches: number;
  /** The relay's own timeout around each publish: BullMQ's `add` can hang while Redis is down. */
  publishTimeoutMs: number;
}

export interface RelayResult {
  published: number;
  failed: number;
  lastError?: string;
}

interface PendingRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

export class PublishTimeoutError extends Error {}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PublishTimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  // A publish that completes after its timeout is harmless: the job id is the outbox id, so the next run deduplicates.
  p.catch(() => undefined);
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Publishes pending outbox rows to their BullMQ queues with job id = outbox id, then marks them sent.
 * Rows are claimed with `FOR UPDATE SKIP LOCKED`, so any number of workers can relay side by side.
 * A crash between publish and mark-sent only causes a re-publish, which BullMQ deduplicates by id.
 * When Redis does not answer within the timeout, the rows stay pending (attempts and last error
 * recorded) and the next run retries them.
 */
export class OutboxRelay {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: (name: QueueName) => Queue,
    private readonly opts: RelayOptions,
  ) {}

  async runOnce(): Promise<RelayResult> {
    const result: RelayResult = { published: 0, failed: 0 };
    for (let i = 0; i < this.opts.maxBatches; i++) {
      const { claimed, published, failed, lastError } = await this.batch();
      result.published += published;
      result.failed += failed;
      if (lastError) result.lastError = lastError;
      if (failed > 0 || claimed < this.opts.batchSize) break;
    }
    return result;
  }

  private async batch(): Promise<{ claimed: number; published: number; failed: number; lastError?: string }> {
    return this.ds.transaction(async (m) => {
      const rows: PendingRow[] = await m.query(
        `SELECT id, topic, payload FROM outbox
          WHERE sent_at IS NULL AND available_at <= now()
          ORDER BY available_at, created_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.opts.batchSize],
      );
      if (!rows.length) return { claimed: 0, published: 0, failed: 0 };
      const byQueue = new Map<QueueName, { row: PendingRow; job: string }[]>();
      const unknown: PendingRow[] = [];
      for (const row of rows) {
        const route = OUTBOX_ROUTES[row.topic as OutboxTopic] as (typeof OUTBOX_ROUTES)[OutboxTopic] | undefined;
        if (!route) {
          unknown.push(row);
          continue;
        }
        byQueue.set(route.queue, [...(byQueue.get(route.queue) ?? []), { row, job: route.job }]);
      }
      const sent: string[] = [];
      let lastError: string | undefined;
      for (const [queueName, items] of byQueue) {
        try {
          await withTimeout(
            this.queue(queueName).addBulk(
              items.map(({ row, job }) => ({
                name: job,
                data: { outboxId: row.id, topic: row.topic as OutboxTopic, payload: row.payload } satisfies OutboxJobData,
                opts: { jobId: row.id },
              })),
            ),
            this.opts.publishTimeoutMs,
            `publishing ${items.length} job(s) to ${queueName}`,
          );
          sent.push(...items.map((x) => x.row.id));
        } catch (err) {
          lastError = (err as Error).message;
          break;
        }
      }
      if (sent.length) {
        await m.query(`UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [sent]);
      }
      const failedIds = rows.filter((r) => !sent.includes(r.id) && !unknown.includes(r)).map((r) => r.id);
      if (failedIds.length) {
        await m.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [failedIds, lastError ?? 'not published']);
      }
      if (unknown.length) {
        // Nobody can carry these out; keep them for inspection without blocking the queue behind them.
        await m.query(`UPDATE outbox SET attempts = attempts + 1, last_error = 'unknown topic', available_at = 'infinity' WHERE id = ANY($1::uuid[])`, [unknown.map((r) => r.id)]);
      }
      return { claimed: rows.length, published: sent.length, failed: failedIds.length, lastError };
    });
  }
}
