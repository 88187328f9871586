import { Module } from '@nestjs/common';
import { NotificationsModule } from '@jalin/notifications';
import { ObligationsModule } from '@jalin/obligations';
import { RiskRulesModule } from '../rules/rules.module.js';
import { MonitoringCasesController, PartyCasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

/**
 * Risk rules with their findings, and monitoring cases (officer side under /monitoring/cases, the
 * parties' side under /cases). Attachments reuse the obligations library's evidence storage.
 */
@Module({
  imports: [RiskRulesModule, NotificationsModule, ObligationsModule],
  controllers: [MonitoringCasesController, PartyCasesController],
  providers: [CasesService],
  exports: [CasesService, RiskRulesModule],
})
export class MonitoringCasesModule {}
