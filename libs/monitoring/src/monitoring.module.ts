import { Module } from '@nestjs/common';
import { ExportModule } from './export/export.module.js';
import { FiguresModule } from './figures/figures.module.js';
import { MonitoringCasesModule } from './cases/cases.module.js';

/** Ministry monitoring: compliance figures, risk rules and findings, monitoring cases, open-data export. */
@Module({ imports: [FiguresModule, ExportModule, MonitoringCasesModule] })
export class MonitoringModule {}
