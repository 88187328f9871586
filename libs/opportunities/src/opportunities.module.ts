import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@jalin/notifications';
import { OrganizationsModule } from '@jalin/organizations';
import { ReferenceModule } from '@jalin/reference';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';
import { Application } from './entities/application.entity.js';
import { Opportunity } from './entities/opportunity.entity.js';
import { OpportunitiesController } from './opportunities.controller.js';
import { OpportunitiesService } from './opportunities.service.js';

/** Opportunities, applications and invitations. */
@Module({
  imports: [TypeOrmModule.forFeature([Opportunity, Application]), OrganizationsModule, ReferenceModule, NotificationsModule],
  controllers: [OpportunitiesController, ApplicationsController],
  providers: [OpportunitiesService, ApplicationsService],
  exports: [OpportunitiesService, ApplicationsService],
})
export class OpportunitiesModule {}
