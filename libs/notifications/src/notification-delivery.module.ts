import { Module } from '@nestjs/common';
import { Mailer } from './channels/mailer.js';
import { NotificationEmailProcessor } from './jobs/notification-email.processor.js';

/** The worker's side of notifications: the e-mail channel and the delivery processor (no HTTP). */
@Module({
  providers: [Mailer, NotificationEmailProcessor],
  exports: [Mailer, NotificationEmailProcessor],
})
export class NotificationDeliveryModule {}
