export * from './reminders.module.js';
export * from './policy.js';
export * from './templates.js';
export * from './reminder-sweep.js';
export * from './reminder-delivery.processor.js';
