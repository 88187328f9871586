export * from './agreements.module.js';
