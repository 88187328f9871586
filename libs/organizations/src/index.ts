export * from './domain/index.js';
export * from './entities/organization.entity.js';
export * from './dto/organization.dto.js';
export * from './dto/search.dto.js';
export * from './organization.view.js';
export { FirmCapacityView, CertificationView, PicView, LocationView } from './dto/organization.views.js';
export * from './organizations.service.js';
export * from './organizations.module.js';
