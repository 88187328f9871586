export * from './case.lifecycle.js';
export * from './case.notices.js';
export * from './case-upload.js';
export * from './cases.service.js';
export * from './cases.controller.js';
export * from './cases.module.js';
export * from './remedy-due.js';
export * from './dto/case.dto.js';
