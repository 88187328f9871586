export * from './identity.module.js';
export * from './auth.service.js';
export * from './entities/user.entity.js';
export * from './dto/auth.dto.js';
export * from './password.js';
export * from './dto/auth.views.js';
