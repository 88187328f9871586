export * from './obligations.module.js';
