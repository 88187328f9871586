import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule } from '@jalin/core';
import { NotificationDeliveryModule } from '@jalin/notifications';
import { Opportunity } from '@jalin/opportunities';
import { RemindersModule } from '@jalin/reminders';
import { WorkerRuntime } from './worker.runtime.js';

/** The worker process: no HTTP; the libraries' processors and job schedulers. */
@Module({
  imports: [CoreModule.forRoot({ http: false }), TypeOrmModule.forFeature([Opportunity]), NotificationDeliveryModule, RemindersModule],
  providers: [WorkerRuntime],
})
export class WorkerModule {}
