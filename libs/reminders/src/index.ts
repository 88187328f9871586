export * from './reminders.module.js';
