import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxTopic } from '../queue/queues.js';

export interface OutboxMessage {
  topic: OutboxTopic;
  payload: Record<string, unknown>;
}

/**
 * Writes side effects that leave the database (queue jobs, e-mail) as outbox rows in the caller's
 * transaction: the row exists exactly when the change that causes it commits. Never touches Redis;
 * the worker's relay publishes the rows (see `OutboxRelay`).
 */
@Injectable()
export class OutboxService {
  async enqueue(m: EntityManager, msg: OutboxMessage): Promise<string> {
    const [row]: { id: string }[] = await m.query(`INSERT INTO outbox (topic, payload) VALUES ($1, $2) RETURNING id`, [msg.topic, JSON.stringify(msg.payload)]);
    return row.id;
  }
}
