import type { DataSource, EntityManager } from 'typeorm';
import { OPPORTUNITY_TRANSITIONS } from './domain/opportunity.lifecycle.js';
import { Opportunity } from './entities/opportunity.entity.js';

/**
 * Writes down what readers already see: every OPEN opportunity whose deadline has passed becomes
 * CLOSED (reason DEADLINE), closed at its deadline. Idempotent; safe to run concurrently with
 * requests (each row is one atomic UPDATE). Returns how many it closed. Scheduled by the worker.
 */
export async function closeExpiredOpportunities(db: DataSource | EntityManager): Promise<number> {
  const move = OPPORTUNITY_TRANSITIONS.expire;
  const res = await db
    .createQueryBuilder()
    .update(Opportunity)
    .set({
      status: move.to,
      closedReason: move.closedReason,
      closedAt: () => 'closes_at',
      updatedAt: () => 'now()',
      version: () => 'version + 1',
    })
    .where('status IN (:...from) AND closes_at <= now()', { from: move.from })
    .execute();
  return res.affected ?? 0;
}
