import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox, per-user notification preferences and the delivery log.
 *
 * - `outbox`: a row per side effect that leaves the database, inserted in the same transaction as
 *   the change that causes it. The worker's relay publishes pending rows to BullMQ with
 *   job id = outbox id (a re-publish after a crash deduplicates) and then sets `sent_at`. The
 *   partial index holds only unsent rows, so the relay's scan stays small however long the table grows.
 * - `notification_preference`: e-mail on/off per user and notification kind; no row = on.
 * - `delivery`: one row per (source, channel, recipient) with its status, attempts and last error.
 *   The unique key on (outbox_id, channel, recipient_user_id) makes a retried job skip the
 *   recipients it already reached.
 */
export class Outbox1764900000000 implements MigrationInterface {
  name = 'Outbox1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      topic text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      available_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (available_at, created_at) WHERE sent_at IS NULL`);

    await q.query(`CREATE TABLE notification_preference (
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      kind text NOT NULL,
      email_enabled boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, kind)
    )`);

    await q.query(`CREATE TABLE delivery (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      outbox_id uuid REFERENCES outbox(id) ON DELETE CASCADE,
      notification_id uuid REFERENCES notification(id) ON DELETE CASCADE,
      channel text NOT NULL CHECK (channel IN ('EMAIL','IN_APP')),
      recipient_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
      recipient text NOT NULL,
      kind text NOT NULL,
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      message_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT delivery_source_ck CHECK (outbox_id IS NOT NULL OR notification_id IS NOT NULL)
    )`);
    await q.query(`CREATE UNIQUE INDEX delivery_outbox_recipient_key ON delivery (outbox_id, channel, recipient) WHERE outbox_id IS NOT NULL`);
    await q.query(`CREATE INDEX delivery_notification_idx ON delivery (notification_id)`);
    await q.query(`CREATE INDEX delivery_status_idx ON delivery (status, updated_at) WHERE status <> 'SENT'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE outbox`);
  }
}
