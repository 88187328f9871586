import { Module } from '@nestjs/common';
import { NotificationDeliveryModule } from '@jalin/notifications';
import { ReminderDeliveryProcessor } from './reminder-delivery.processor.js';

/**
 * Pasal 14 reporting and coaching reminders (worker side): the policy table, the sweep and the
 * ledger. The worker runs `ReminderSweep` on a job scheduler and hands each ledger row to
 * `ReminderDeliveryProcessor`. No HTTP.
 */
@Module({
  imports: [NotificationDeliveryModule],
  providers: [ReminderDeliveryProcessor],
  exports: [ReminderDeliveryProcessor],
})
export class RemindersModule {}
