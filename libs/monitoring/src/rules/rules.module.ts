import { Module } from '@nestjs/common';
import { FindingsController } from './findings.controller.js';
import { FindingsService } from './findings.service.js';

/** Risk rules and their findings: the catalog, the on-demand run, the oversight listing. */
@Module({
  controllers: [FindingsController],
  providers: [FindingsService],
  exports: [FindingsService],
})
export class RiskRulesModule {}
