export * from './monitoring.module.js';
export * from './figures/index.js';
export * from './rules/index.js';
export * from './cases/index.js';
