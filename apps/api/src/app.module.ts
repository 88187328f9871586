import { Module } from '@nestjs/common';
import { AuditController, CoreModule, HealthController, QueueDashboardController } from '@jalin/core';
import { AgreementsModule } from '@jalin/agreements';
import { IdentityModule } from '@jalin/identity';
import { MatchingModule } from '@jalin/matching';
import { MonitoringModule } from '@jalin/monitoring';
import { NotificationsModule } from '@jalin/notifications';
import { ObligationsModule } from '@jalin/obligations';
import { OpportunitiesModule } from '@jalin/opportunities';
import { OrganizationsModule } from '@jalin/organizations';
import { ReferenceModule } from '@jalin/reference';

/** HTTP composition only: the feature modules' controllers behind the core's guard, pipes and filters. */
@Module({
  imports: [
    CoreModule.forRoot({ http: true }),
    ReferenceModule,
    OrganizationsModule,
    IdentityModule,
    NotificationsModule,
    OpportunitiesModule,
    MatchingModule,
    ObligationsModule,
    AgreementsModule,
    MonitoringModule,
  ],
  controllers: [HealthController, AuditController, QueueDashboardController],
})
export class AppModule {}
