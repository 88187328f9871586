import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Actor, AuditService, isoMicros, notFound, OutboxService, OutboxTopic, type Page, timeCursor, toPage } from '@jalin/core';
import { localizeNotification } from './channels/localize.js';
import type { Locale } from './channels/templates.js';
import type { NotificationPreferenceItem } from './dto/notification.dto.js';
import { type NotificationView } from './dto/notification.dto.js';

export interface NotificationInput {
  /** Stable code of what happened, e.g. `APPLICATION_SUBMITTED`. */
  kind: string;
  /** Shown to people: Indonesian first. */
  title: string;
  body?: string;
  /** The same in English, for readers whose locale is `en` (when absent: rendered from kind and data, else the Indonesian). */
  en?: { title: string; body?: string };
  entityType?: string | null;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

export interface NotifyOptions {
  /** Also e-mail it (an outbox row of the same transaction); default true. Reminders send their own e-mail. */
  email?: boolean;
}

type Row = NotificationView & { sortKey: string; titleEn: string | null; bodyEn: string | null };

const COLUMNS = `n.id, n.kind, n.title, n.body, n.title_en AS "titleEn", n.body_en AS "bodyEn", n.entity_type AS "entityType", n.entity_id AS "entityId", n.data,
  n.created_at AS "createdAt", r.read_at AS "readAt", ${isoMicros('n.created_at')} AS "sortKey"`;

/**
 * Inserts one in-app notification in the caller's transaction (`m`) and, unless `email: false`, its
 * `notification.created` outbox row. Returns its id.
 */
export async function insertNotification(
  m: EntityManager,
  outbox: OutboxService | null,
  to: { organizationId: string | null; userId: string | null },
  n: NotificationInput,
  opts: NotifyOptions = {},
): Promise<string> {
  const [row]: { id: string }[] = await m.query(
    `INSERT INTO notification (organization_id, user_id, kind, title, body, title_en, body_en, entity_type, entity_id, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      to.organizationId, to.userId, n.kind, n.title, n.body ?? '', n.en?.title ?? null, n.en ? (n.en.body ?? '') : null,
      n.entityType ?? null, n.entityId ?? null, JSON.stringify(n.data ?? {}),
    ],
  );
  if (opts.email !== false) {
    if (!outbox) throw new Error('insertNotification: an e-mailed notification needs the OutboxService');
    await outbox.enqueue(m, { topic: OutboxTopic.NOTIFICATION_CREATED, payload: { notificationId: row.id } });
  }
  return row.id;
}

/**
 * In-app notifications. Writers call `notifyOrganization` inside their own transaction, so the
 * notification exists exactly when the change it reports does. Readers see what is addressed to
 * their organisation or to themselves; anything else is not found.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Every member of `organizationId` will see it, and each gets an e-mail unless they turned that
   * kind off. Runs in the caller's transaction (`m`): the e-mail is an outbox row of that transaction.
   */
  async notifyOrganization(m: EntityManager, organizationId: string, n: NotificationInput, opts: NotifyOptions = {}): Promise<string> {
    return insertNotification(m, this.outbox, { organizationId, userId: null }, n, opts);
  }

  /** Only `userId` will see it (e.g. a ministry officer). Runs in the caller's transaction (`m`). */
  async notifyUser(m: EntityManager, userId: string, n: NotificationInput, opts: NotifyOptions = {}): Promise<string> {
    return insertNotification(m, this.outbox, { organizationId: null, userId }, n, opts);
  }

  /** The caller's e-mail preferences: the kinds they set; every other kind is e-mailed. */
  async preferences(actor: Actor): Promise<{ items: NotificationPreferenceItem[] }> {
    const items: NotificationPreferenceItem[] = await this.ds.query(
      `SELECT kind, email_enabled AS email FROM notification_preference WHERE user_id = $1 ORDER BY kind`,
      [actor.userId],
    );
    return { items };
  }

  /** Sets e-mail on or off per kind for the caller (upsert; kinds not listed keep their setting). */
  async setPreferences(actor: Actor, items: NotificationPreferenceItem[]): Promise<{ items: NotificationPreferenceItem[] }> {
    await this.ds.transaction(async (m) => {
      for (const it of items) {
        await m.query(
          `INSERT INTO notification_preference (user_id, kind, email_enabled) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, kind) DO UPDATE SET email_enabled = EXCLUDED.email_enabled, updated_at = now()`,
          [actor.userId, it.kind, it.email],
        );
      }
      if (items.length) {
        await this.audit.record(m, { action: 'notification.preferences', entityType: 'user', entityId: actor.userId, actor, after: { items } });
      }
    });
    return this.preferences(actor);
  }

  /** The caller's notifications, newest first, each with the caller's own read time. */
  async list(actor: Actor, query: { unread?: boolean; limit?: number; cursor?: string }): Promise<Page<NotificationView>> {
    const limit = query.limit ?? 20;
    const cur = timeCursor(query.cursor);
    const params: unknown[] = [actor.userId, actor.organizationId];
    const where = [`(n.user_id = $1 OR n.organization_id = $2::uuid)`];
    if (query.unread) where.push('r.notification_id IS NULL');
    if (cur) {
      params.push(cur.at, cur.id);
      where.push(`(n.created_at < $3::timestamptz OR (n.created_at = $3::timestamptz AND n.id > $4::uuid))`);
    }
    params.push(limit + 1);
    const rows: Row[] = await this.ds.query(
      `SELECT ${COLUMNS}
         FROM notification n
         LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $1
        WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id ASC
        LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, (r) => [r.sortKey, r.id], (r) => toView(r, actor.locale));
  }

  /** Marks it read for the caller (idempotent: the first read time stays). Not the caller's → 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    return this.ds.transaction(async (m) => {
      const [visible]: { id: string }[] = await m.query(
        `SELECT id FROM notification WHERE id = $1 AND (user_id = $2 OR organization_id = $3::uuid)`,
        [id, actor.userId, actor.organizationId],
      );
      if (!visible) throw notFound('Notification');
      const inserted: unknown[] = await m.query(
        `INSERT INTO notification_read (user_id, notification_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING read_at`,
        [actor.userId, id],
      );
      if (inserted.length) {
        await this.audit.record(m, { action: 'notification.read', entityType: 'notification', entityId: id, actor, after: { read: true } });
      }
      const [row]: Row[] = await m.query(
        `SELECT ${COLUMNS} FROM notification n
           LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $2
          WHERE n.id = $1`,
        [id, actor.userId],
      );
      return toView(row, actor.locale);
    });
  }
}

/** The reader's view: title and body in the reader's locale. */
function toView(r: Row, locale: Locale): NotificationView {
  const text = localizeNotification(locale, r);
  return {
    id: r.id,
    kind: r.kind,
    title: text.title,
    body: text.body,
    entityType: r.entityType,
    entityId: r.entityId,
    data: r.data,
    createdAt: r.createdAt,
    readAt: r.readAt,
  };
}
