export * from './matching.module.js';
export * from './matching.service.js';
export * from './scoring.js';
export * from './reasons.js';
export * from './match-cache.js';
export { jakartaToday, rankFirms, loadOpportunities, scoreFirmsForOpportunities, type OppRow, type ScoredRow, type RankedRow, type Cursor } from './firm-ranking.js';
