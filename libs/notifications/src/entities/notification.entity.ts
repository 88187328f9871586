import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An in-app notification, addressed to an organisation (every member sees it) or to one user.
 * Read state is per user (`notification_read`), so one member reading it does not hide it from another.
 */
@Entity({ name: 'notification' })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @Column('uuid', { nullable: true }) userId: string | null;
  /** A stable code (e.g. `APPLICATION_SUBMITTED`); clients localise or route on it. */
  @Column('text') kind: string;
  @Column('text') title: string;
  @Column('text') body: string;
  /** English text, when the writer supplied it; NULL → rendered from kind and data (see `localizeNotification`). */
  @Column('text', { nullable: true }) titleEn: string | null;
  @Column('text', { nullable: true }) bodyEn: string | null;
  @Column('text', { nullable: true }) entityType: string | null;
  @Column('uuid', { nullable: true }) entityId: string | null;
  @Column('jsonb') data: Record<string, unknown>;
  @Column({ type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}

@Entity({ name: 'notification_read' })
export class NotificationRead {
  @PrimaryColumn('uuid') userId: string;
  @PrimaryColumn('uuid') notificationId: string;
  @Column({ type: 'timestamptz', insert: false, update: false }) readAt: Date;
}
