export * from './reference.module.js';
export * from './reference.service.js';
export * from './reference.controller.js';
export * from './kbli-import.js';
export * from './reference.views.js';
