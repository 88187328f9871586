export * from './obligations.module.js';
export * from './obligations.service.js';
export * from './reports.service.js';
export * from './sessions.service.js';
export * from './obligations.controller.js';
export * from './reports.controller.js';
export * from './sessions.controller.js';
export * from './entities/obligation.entity.js';
export * from './entities/evidence.entity.js';
export * from './entities/progress-report.entity.js';
export * from './entities/coaching-session.entity.js';
export * from './dto/obligation.dto.js';
export * from './dto/report.dto.js';
export * from './dto/session.dto.js';
export * from './domain/calendar.js';
export * from './domain/obligation.js';
export * from './domain/report.js';
export * from './domain/session.js';
export * from './domain/media-type.js';
export * from './storage/evidence-storage.js';
export * from './notices.js';
export {
  generateObligationsForActivation,
  cancelOpenObligations,
  resyncObligationsForTerms,
  fulfilCommitmentObligation,
  recordTrackRecord,
} from './generation.js';
export { type CaseRemedyInput, openCaseRemedyObligation, fulfilCaseRemedyObligation, cancelCaseRemedyObligation } from './case-remedy.js';
