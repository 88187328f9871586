import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@jalin/notifications';
import { CoachingSession } from './entities/coaching-session.entity.js';
import { Evidence } from './entities/evidence.entity.js';
import { Obligation } from './entities/obligation.entity.js';
import { ProgressReport, ProgressReportVersion } from './entities/progress-report.entity.js';
import { EvidenceController, ObligationsController } from './obligations.controller.js';
import { ObligationsService } from './obligations.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';
import { EVIDENCE_STORAGE, LocalEvidenceStorage } from './storage/evidence-storage.js';

/** Pasal 14 obligations with evidence, progress reports and coaching sessions. */
@Module({
  imports: [TypeOrmModule.forFeature([Obligation, Evidence, ProgressReport, ProgressReportVersion, CoachingSession]), NotificationsModule],
  controllers: [ObligationsController, EvidenceController, ReportsController, SessionsController],
  providers: [ObligationsService, ReportsService, SessionsService, { provide: EVIDENCE_STORAGE, useClass: LocalEvidenceStorage }],
  exports: [ObligationsService, ReportsService, SessionsService, EVIDENCE_STORAGE],
})
export class ObligationsModule {}
