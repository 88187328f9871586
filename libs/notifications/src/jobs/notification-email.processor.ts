import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { OutboxJobData } from '@jalin/core';
import { Mailer } from '../channels/mailer.js';
import { localizeNotification } from '../channels/localize.js';
import { type Locale, renderNotificationEmail } from '../channels/templates.js';

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  titleEn: string | null;
  bodyEn: string | null;
  data: Record<string, unknown>;
  organization_id: string | null;
  user_id: string | null;
}

interface Recipient {
  id: string;
  email: string;
  full_name: string;
  locale: Locale;
}

export interface DeliveryOutcome {
  sent: number;
  alreadySent: number;
  failed: number;
}

/** Thrown when some recipients could not be reached: BullMQ retries the job (the others are not re-sent). */
export class DeliveryFailedError extends Error {}

/**
 * Carries out a `notification.created` outbox row: one e-mail per member of the addressed
 * organisation (or the addressed user) whose preferences allow this kind, rendered in their locale.
 * Each recipient has one `delivery` row, unique per (outbox id, channel, address): a retried or
 * repeated job skips the recipients already SENT. The row lock held while sending keeps two runs of
 * the same job (a stalled job picked up again) from sending to the same address at once.
 */
@Injectable()
export class NotificationEmailProcessor {
  private readonly logger = new Logger('NotificationEmail');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mailer: Mailer,
  ) {}

  async process(job: Pick<Job<OutboxJobData>, 'data' | 'attemptsMade' | 'opts'>): Promise<DeliveryOutcome> {
    const { outboxId, payload } = job.data;
    const notificationId = String(payload.notificationId ?? '');
    const [n]: NotificationRow[] = await this.ds.query(
      `SELECT id, kind, title, body, title_en AS "titleEn", body_en AS "bodyEn", data, organization_id, user_id FROM notification WHERE id = $1::uuid`,
      [notificationId],
    );
    if (!n) return { sent: 0, alreadySent: 0, failed: 0 };
    const recipients: Recipient[] = await this.ds.query(
      `SELECT u.id, u.email, u.full_name, u.locale
         FROM app_user u
         LEFT JOIN notification_preference p ON p.user_id = u.id AND p.kind = $3
        WHERE (u.organization_id = $1::uuid OR u.id = $2::uuid) AND coalesce(p.email_enabled, true)
        ORDER BY u.id`,
      [n.organization_id, n.user_id, n.kind],
    );
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome: DeliveryOutcome = { sent: 0, alreadySent: 0, failed: 0 };
    let lastError = '';
    for (const r of recipients) {
      await this.ds.query(
        `INSERT INTO delivery (outbox_id, notification_id, channel, recipient_user_id, recipient, kind)
         VALUES ($1, $2, 'EMAIL', $3, $4, $5)
         ON CONFLICT (outbox_id, channel, recipient) WHERE outbox_id IS NOT NULL DO NOTHING`,
        [outboxId, n.id, r.id, r.email, n.kind],
      );
      await this.ds.transaction(async (m) => {
        const [d]: { id: string; status: string }[] = await m.query(
          `SELECT id, status FROM delivery WHERE outbox_id = $1 AND channel = 'EMAIL' AND recipient = $2 FOR UPDATE`,
          [outboxId, r.email],
        );
        if (d.status === 'SENT') {
          outcome.alreadySent++;
          return;
        }
        try {
          const mail = renderNotificationEmail(r.locale, r.full_name, { kind: n.kind, ...localizeNotification(r.locale, n) });
          const messageId = await this.mailer.send({ to: r.email, ...mail, deliveryId: d.id });
          await m.query(
            `UPDATE delivery SET status = 'SENT', attempts = attempts + 1, last_error = NULL, message_id = $2, updated_at = now() WHERE id = $1`,
            [d.id, messageId],
          );
          outcome.sent++;
        } catch (err) {
          lastError = (err as Error).message;
          await m.query(
            `UPDATE delivery SET status = $2, attempts = attempts + 1, last_error = $3, updated_at = now() WHERE id = $1`,
            [d.id, lastAttempt ? 'FAILED' : 'PENDING', lastError],
          );
          outcome.failed++;
        }
      });
    }
    if (outcome.failed) {
      this.logger.warn(`notification ${n.id}: ${outcome.failed} e-mail(s) failed${lastAttempt ? ' for good' : ', will retry'}: ${lastError}`);
      throw new DeliveryFailedError(`${outcome.failed} of ${recipients.length} e-mail(s) failed: ${lastError}`);
    }
    return outcome;
  }
}
