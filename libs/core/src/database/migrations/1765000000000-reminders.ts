import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (issue 5): the policy table, the ledger, English notification text and delivery-log rows for reminders.
 *
 * - `reminder_policy`: one row per reminder window: which targets (`obligation` or
 *   `coaching_session`), what kind (the kind fixes the condition: an OPEN obligation, a session
 *   still SCHEDULED, a session HELD but not confirmed), the window in days from the due day, the
 *   audience, the local time it goes out (08:00 in the recipient's zone) and the channels.
 *   Seeded with the defaults; the worker's sweep reads it on every run, so changing a row changes
 *   the next sweep.
 * - `reminders`: the ledger. One row per (target, kind, window, recipient, channel), unique —
 *   NULLS NOT DISTINCT, since the partner's penanggung jawab kemitraan without an account has no
 *   user id and gets the e-mail only. The sweep inserts with ON CONFLICT DO NOTHING, so any number
 *   of sweeps side by side create each row once; the delivery job (job id = ledger id) marks it SENT.
 * - `notification.title_en` / `body_en`: the English text of an in-app notification (NULL: the
 *   Indonesian text, or an English rendering from its kind and data).
 * - `delivery.reminder_id`: the delivery log also records reminder deliveries, in-app ones included.
 */
export class Reminders1765000000000 implements MigrationInterface {
  name = 'Reminders1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reminder_policy (
      id serial PRIMARY KEY,
      target_type text NOT NULL CHECK (target_type IN ('obligation','coaching_session')),
      kind text NOT NULL CHECK (kind IN ('OBLIGATION_DUE','OBLIGATION_OVERDUE','OBLIGATION_ESCALATION','SESSION_UPCOMING','SESSION_ATTENDANCE','SESSION_CONFIRMATION')),
      window_days integer NOT NULL CHECK (window_days BETWEEN -366 AND 366),
      audience text NOT NULL CHECK (audience IN ('OWING_PARTY','PARTNER','ENTERPRISE','MINISTRY')),
      send_time time NOT NULL DEFAULT '08:00' CHECK (send_time >= '06:00' AND send_time < '21:00'),
      channels text[] NOT NULL DEFAULT '{IN_APP,EMAIL}' CHECK (channels <@ ARRAY['IN_APP','EMAIL'] AND cardinality(channels) > 0),
      enabled boolean NOT NULL DEFAULT true,
      note text NOT NULL DEFAULT '',
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reminder_policy_kind_target_ck CHECK ((target_type = 'obligation') = (kind LIKE 'OBLIGATION\\_%')),
      CONSTRAINT reminder_policy_window_key UNIQUE (kind, window_days, audience)
    )`);
    await q.query(`INSERT INTO reminder_policy (target_type, kind, window_days, audience, note) VALUES
      ('obligation', 'OBLIGATION_DUE', -14, 'OWING_PARTY', 'D-14: the owing party (a partner: its members and PIC)'),
      ('obligation', 'OBLIGATION_DUE', -3, 'OWING_PARTY', 'D-3'),
      ('obligation', 'OBLIGATION_DUE', 0, 'OWING_PARTY', 'D0: the due day'),
      ('obligation', 'OBLIGATION_OVERDUE', 1, 'PARTNER', 'D+1 overdue: the partner'),
      ('obligation', 'OBLIGATION_OVERDUE', 7, 'PARTNER', 'D+7 overdue: the partner'),
      ('obligation', 'OBLIGATION_ESCALATION', 7, 'MINISTRY', 'D+7 overdue: ministry officers watching the province'),
      ('obligation', 'OBLIGATION_ESCALATION', 30, 'MINISTRY', 'D+30 overdue: ministry officers watching the province'),
      ('coaching_session', 'SESSION_UPCOMING', -7, 'PARTNER', 'D-7 before a scheduled session'),
      ('coaching_session', 'SESSION_UPCOMING', -7, 'ENTERPRISE', 'D-7 before a scheduled session'),
      ('coaching_session', 'SESSION_UPCOMING', -1, 'PARTNER', 'D-1 before a scheduled session'),
      ('coaching_session', 'SESSION_UPCOMING', -1, 'ENTERPRISE', 'D-1 before a scheduled session'),
      ('coaching_session', 'SESSION_ATTENDANCE', 2, 'PARTNER', 'D+2: attendance not recorded'),
      ('coaching_session', 'SESSION_CONFIRMATION', 5, 'ENTERPRISE', 'D+5: the small firm has not confirmed')`);

    await q.query(`CREATE TABLE reminders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      policy_id integer REFERENCES reminder_policy(id) ON DELETE SET NULL,
      target_type text NOT NULL CHECK (target_type IN ('obligation','coaching_session')),
      target_id uuid NOT NULL,
      kind text NOT NULL,
      window_days integer NOT NULL,
      recipient_user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
      recipient text NOT NULL,
      organization_id uuid REFERENCES organization(id),
      channel text NOT NULL CHECK (channel IN ('IN_APP','EMAIL')),
      locale text NOT NULL CHECK (locale IN ('id','en')),
      time_zone text NOT NULL,
      send_at timestamptz NOT NULL,
      params jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED','CANCELLED')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      enqueued_at timestamptz,
      sent_at timestamptz,
      notification_id uuid REFERENCES notification(id) ON DELETE SET NULL,
      message_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reminders_once_key UNIQUE NULLS NOT DISTINCT (target_type, target_id, kind, window_days, recipient_user_id, channel),
      CONSTRAINT reminders_recipient_ck CHECK (recipient_user_id IS NOT NULL OR channel = 'EMAIL')
    )`);
    await q.query(`CREATE INDEX reminders_pending_idx ON reminders (created_at, id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX reminders_target_idx ON reminders (target_id)`);
    await q.query(`CREATE INDEX reminders_recipient_idx ON reminders (recipient_user_id, created_at DESC) WHERE recipient_user_id IS NOT NULL`);

    await q.query(`ALTER TABLE notification ADD COLUMN title_en text, ADD COLUMN body_en text`);

    await q.query(`ALTER TABLE delivery ADD COLUMN reminder_id uuid REFERENCES reminders(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_source_ck`);
    await q.query(`ALTER TABLE delivery ADD CONSTRAINT delivery_source_ck CHECK (outbox_id IS NOT NULL OR notification_id IS NOT NULL OR reminder_id IS NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX delivery_reminder_key ON delivery (reminder_id) WHERE reminder_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM delivery WHERE reminder_id IS NOT NULL AND outbox_id IS NULL AND notification_id IS NULL`);
    await q.query(`DROP INDEX delivery_reminder_key`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_source_ck`);
    await q.query(`ALTER TABLE delivery ADD CONSTRAINT delivery_source_ck CHECK (outbox_id IS NOT NULL OR notification_id IS NOT NULL)`);
    await q.query(`ALTER TABLE delivery DROP COLUMN reminder_id`);
    await q.query(`ALTER TABLE notification DROP COLUMN title_en, DROP COLUMN body_en`);
    await q.query(`DROP TABLE reminders`);
    await q.query(`DROP TABLE reminder_policy`);
  }
}
