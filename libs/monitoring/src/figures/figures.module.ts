import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller.js';
import { FiguresService } from './figures.service.js';
import { FiguresRefresher } from './refresh.js';

/** Monitoring figures: summary, breakdowns, partner compliance, overdue list, trend; the snapshot refresh. */
@Module({
  controllers: [FiguresController],
  providers: [FiguresService, FiguresRefresher],
  exports: [FiguresService, FiguresRefresher],
})
export class FiguresModule {}
