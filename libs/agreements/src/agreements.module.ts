import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@jalin/notifications';
import { AgreementLifecycleService } from './agreement-lifecycle.service.js';
import { AgreementStore } from './agreement.store.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsService } from './agreements.service.js';
import { CommitmentsController } from './commitments.controller.js';
import { CommitmentsService } from './commitments.service.js';
import { AgreementTerms } from './entities/agreement-terms.entity.js';
import { Agreement } from './entities/agreement.entity.js';
import { CoachingPlanItem } from './entities/coaching-plan-item.entity.js';
import { Commitment } from './entities/commitment.entity.js';
import { Signature } from './entities/signature.entity.js';

/** Agreements with versioned terms, typed commitments, signatures, amendments and counter-confirmation. */
@Module({
  imports: [TypeOrmModule.forFeature([Agreement, AgreementTerms, Commitment, CoachingPlanItem, Signature]), NotificationsModule],
  controllers: [AgreementsController, CommitmentsController],
  providers: [AgreementStore, AgreementsService, AgreementLifecycleService, CommitmentsService],
  exports: [AgreementsService, AgreementLifecycleService, CommitmentsService],
})
export class AgreementsModule {}
