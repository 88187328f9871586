export * from './notifications.module.js';
export * from './notifications.service.js';
export * from './notifications.controller.js';
export * from './entities/notification.entity.js';
export * from './dto/notification.dto.js';
