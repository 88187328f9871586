import { Module } from '@nestjs/common';

/** Pasal 14 reporting and coaching reminders: the policy table, the sweep and the ledger (worker side). */
@Module({})
export class RemindersModule {}
