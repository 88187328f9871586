export * from './figures.module.js';
export * from './figures.service.js';
export * from './figures.controller.js';
export * from './figures.dto.js';
export * from './filters.js';
export * from './refresh.js';
export * from './window.js';
