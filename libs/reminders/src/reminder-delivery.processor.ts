import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { loadEnv } from '@jalin/core';
import { type Locale, Mailer } from '@jalin/notifications';
import { reminderNotificationKind, type ReminderChannel, type ReminderKind, type ReminderTargetType } from './policy.js';
import type { ReminderJobData } from './reminder-sweep.js';
import { type ReminderParams, renderReminder, renderReminderEmail } from './templates.js';

interface LedgerRow {
  id: string;
  targetType: ReminderTargetType;
  targetId: string;
  kind: ReminderKind;
  windowDays: number;
  userId: string | null;
  recipient: string;
  channel: ReminderChannel;
  locale: Locale;
  params: ReminderParams;
  status: string;
  attempts: number;
}

export interface ReminderDeliveryOutcome {
  reminderId: string;
  /** SENT now; or the status it already had (SENT, CANCELLED, FAILED), in which case nothing was sent. */
  status: string;
  sentNow: boolean;
}

/**
 * Delivers one reminder ledger row (job id = ledger id). The row is locked (FOR UPDATE) from the
 * check to the SENT mark: a second run of the same job — a stalled job taken up again, a re-enqueue
 * after Redis lost it — waits, then finds it SENT and sends nothing. A worker killed while sending
 * releases the lock with its connection; the row stays PENDING and the job's retry sends it (so an
 * e-mail already handed to SMTP at the moment of the kill may go out twice: at most once per kill).
 * IN_APP: a notification row for the user (both languages kept; read in the reader's locale);
 * EMAIL: one e-mail through the pooled transport, in the recipient's locale, with a link to the app.
 * Each delivery is also written to the delivery log (`delivery.reminder_id`).
 */
const COLUMNS = `id, target_type AS "targetType", target_id AS "targetId", kind, window_days AS "windowDays", recipient_user_id AS "userId",
  recipient, channel, locale, params, status, attempts`;

/** The delivery-log upsert for the ledger row `u` just marked (a CTE named `u` precedes it). */
const LOG_FROM_U = `INSERT INTO delivery (reminder_id, channel, recipient_user_id, recipient, kind, status, attempts, message_id)
  SELECT u.id, u.channel, u.recipient_user_id, u.recipient, 'REMINDER_' || u.kind, 'SENT', u.attempts, $2 FROM u
  ON CONFLICT (reminder_id) WHERE reminder_id IS NOT NULL DO UPDATE
    SET status = 'SENT', attempts = EXCLUDED.attempts, last_error = NULL, message_id = EXCLUDED.message_id, updated_at = now()`;

@Injectable()
export class ReminderDeliveryProcessor {
  private readonly logger = new Logger('ReminderDelivery');
  private readonly appUrl = loadEnv().APP_URL.replace(/\/+$/, '');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mailer: Mailer,
  ) {}

  /**
   * A job carries one ledger row (`reminderId`) or a batch of e-mail rows (`reminderIds`), sent one
   * after another, each under its own row lock. A batch whose rows all went out (or were already
   * out) completes; one with a failed row throws after the others, so the job's retry takes up only
   * what is still PENDING.
   */
  async process(job: Pick<Job<ReminderJobData>, 'data' | 'attemptsMade' | 'opts'>): Promise<ReminderDeliveryOutcome | { sentNow: number; skipped: number }> {
    const ids = job.data.reminderIds;
    if (!ids) return this.processOne(job.data.reminderId!, job.data.channel, job);
    let sentNow = 0;
    const failures: string[] = [];
    for (const id of ids) {
      try {
        if ((await this.processOne(id, 'EMAIL', job)).sentNow) sentNow++;
      } catch (err) {
        failures.push(`${id}: ${(err as Error).message}`);
      }
    }
    if (failures.length) throw new Error(`${failures.length} of ${ids.length} reminder e-mail(s) failed: ${failures.slice(0, 3).join('; ')}`);
    // A small return value: it is kept in the queue's (capped) event stream.
    return { sentNow, skipped: ids.length - sentNow };
  }

  private async processOne(id: string, channel: ReminderChannel | undefined, job: Pick<Job<ReminderJobData>, 'attemptsMade' | 'opts'>): Promise<ReminderDeliveryOutcome> {
    let row: LedgerRow | undefined;
    try {
      if (channel !== 'EMAIL') {
        // The row's content never changes after the sweep wrote it; only its status does (checked under the lock).
        [row] = (await this.ds.query(`SELECT ${COLUMNS} FROM reminders WHERE id = $1::uuid`, [id])) as LedgerRow[];
        if (!row) return { reminderId: id, status: 'MISSING', sentNow: false };
        if (row.status !== 'PENDING') return { reminderId: id, status: row.status, sentNow: false };
        if (row.channel === 'IN_APP') return await this.deliverInApp(row);
      }
      return await this.deliverEmail(id, (r) => (row = r));
    } catch (err) {
      const failure = err as Error;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const status = lastAttempt ? 'FAILED' : 'PENDING';
      await this.ds.transaction(async (m) => {
        const [r] = (await m.query(
          `UPDATE reminders SET status = $2, attempts = attempts + 1, last_error = $3, updated_at = now()
            WHERE id = $1 AND status = 'PENDING' RETURNING attempts`,
          [id, status, failure.message.slice(0, 2_000)],
        )) as [{ attempts: number }[], number];
        if (r[0] && row) await this.log(m, row, status, r[0].attempts, failure.message.slice(0, 2_000), null, null);
      });
      this.logger.warn(`reminder ${id} (${row?.channel ?? 'EMAIL'}) failed${lastAttempt ? ' for good' : ', will retry'}: ${failure.message}`);
      throw failure;
    }
  }

  /** EMAIL: the row stays locked from the status check through the send to the SENT mark. */
  private deliverEmail(id: string, seen: (row: LedgerRow) => void): Promise<ReminderDeliveryOutcome> {
    return this.ds.transaction(async (m) => {
      const [row] = (await m.query(`SELECT ${COLUMNS} FROM reminders WHERE id = $1::uuid FOR UPDATE`, [id])) as LedgerRow[];
      if (!row) return { reminderId: id, status: 'MISSING', sentNow: false };
      seen(row);
      if (row.status !== 'PENDING') return { reminderId: id, status: row.status, sentNow: false };
      const messageId = await this.sendEmail(row);
      await m.query(
        `WITH u AS (
           UPDATE reminders SET status = 'SENT', attempts = attempts + 1, last_error = NULL, sent_at = now(), updated_at = now(), message_id = $2
            WHERE id = $1 RETURNING id, channel, recipient_user_id, recipient, kind, attempts)
         ${LOG_FROM_U}`,
        [row.id, messageId],
      );
      return { reminderId: row.id, status: 'SENT', sentNow: true };
    });
  }

  /**
   * IN_APP in one statement (atomic on its own): lock the row if still PENDING, write the notification
   * (both languages; no e-mail of its own), mark the row SENT and write its delivery log.
   */
  private async deliverInApp(r: LedgerRow): Promise<ReminderDeliveryOutcome> {
    const id = r.id;
    const text = renderReminder(r.kind, r.params);
    const data = { reminderId: r.id, reminderKind: r.kind, window: r.windowDays, day: r.params.day, agreementId: r.params.agreementId, path: r.params.path };
    const res = (await this.ds.query(
      `WITH r AS (SELECT id, recipient_user_id, target_type, target_id FROM reminders WHERE id = $1 AND status = 'PENDING' FOR UPDATE),
       n AS (
         INSERT INTO notification (user_id, kind, title, body, title_en, body_en, entity_type, entity_id, data)
         SELECT r.recipient_user_id, $2, $3, $4, $5, $6, r.target_type, r.target_id, $7::jsonb FROM r RETURNING id),
       u AS (
         UPDATE reminders x SET status = 'SENT', attempts = x.attempts + 1, last_error = NULL, sent_at = now(), updated_at = now(), notification_id = n.id
           FROM n WHERE x.id = $1 RETURNING x.id, x.channel, x.recipient_user_id, x.recipient, x.kind, x.attempts, x.notification_id)
       INSERT INTO delivery (reminder_id, notification_id, channel, recipient_user_id, recipient, kind, status, attempts)
       SELECT u.id, u.notification_id, u.channel, u.recipient_user_id, u.recipient, 'REMINDER_' || u.kind, 'SENT', u.attempts FROM u
       ON CONFLICT (reminder_id) WHERE reminder_id IS NOT NULL DO UPDATE
         SET status = 'SENT', attempts = EXCLUDED.attempts, last_error = NULL, notification_id = EXCLUDED.notification_id, updated_at = now()
       RETURNING reminder_id`,
      [id, reminderNotificationKind(r.kind), text.id.title, text.id.body, text.en.title, text.en.body, JSON.stringify(data)],
    )) as unknown[];
    // Nothing returned: another run marked it meanwhile (the lock made this one wait, then skip).
    return res.length ? { reminderId: id, status: 'SENT', sentNow: true } : { reminderId: id, status: 'SENT', sentNow: false };
  }

  private async sendEmail(r: LedgerRow): Promise<string> {
    const text = renderReminder(r.kind, r.params);
    const locale: Locale = r.locale === 'en' ? 'en' : 'id';
    const mail = renderReminderEmail(locale, r.params.recipientName, text[locale], `${this.appUrl}${r.params.path}`);
    return this.mailer.send({ to: r.recipient, ...mail, deliveryId: r.id });
  }

  /** The delivery log row of this reminder (one per ledger row; updated on every attempt). */
  private async log(m: EntityManager, r: LedgerRow, status: string, attempts: number, lastError: string | null, notificationId: string | null, messageId: string | null): Promise<void> {
    await m.query(
      `INSERT INTO delivery (reminder_id, notification_id, channel, recipient_user_id, recipient, kind, status, attempts, last_error, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (reminder_id) WHERE reminder_id IS NOT NULL DO UPDATE
         SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,
             notification_id = coalesce(EXCLUDED.notification_id, delivery.notification_id), message_id = EXCLUDED.message_id, updated_at = now()`,
      [r.id, notificationId, r.channel, r.userId, r.recipient, reminderNotificationKind(r.kind), status, attempts, lastError, messageId],
    );
  }
}
