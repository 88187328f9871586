export * from './rule.js';
export * from './catalog.js';
export * from './scale-sql.js';
export * from './run.js';
export * from './findings.service.js';
export * from './findings.controller.js';
export * from './rules.module.js';
export * from './dto/finding.dto.js';
