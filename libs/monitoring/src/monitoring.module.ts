import { Module } from '@nestjs/common';

/** Ministry monitoring: compliance figures, risk rules and findings, monitoring cases, open-data export. */
@Module({})
export class MonitoringModule {}
