export * from './opportunities.module.js';
