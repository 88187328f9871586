export * from './matching.module.js';
export * from './matching.service.js';
export * from './scoring.js';
export * from './reasons.js';
