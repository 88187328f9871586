export * from './classification.js';
export * from './identifiers.js';
export * from './validators.js';
