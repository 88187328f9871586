import { type ApplicationView } from './dto/application.dto.js';
import { type OpportunityView } from './dto/opportunity.dto.js';
import { effectiveState } from './domain/opportunity.lifecycle.js';
import { type Application } from './entities/application.entity.js';
import { type Opportunity } from './entities/opportunity.entity.js';

/** The JSON shape of an opportunity; status is the effective one (never stale). */
export function toOpportunityView(o: Opportunity, now: Date = new Date()): OpportunityView {
  const state = effectiveState(o, now);
  return {
    id: o.id,
    partnerId: o.partnerId,
    pattern: o.pattern,
    title: o.title,
    description: o.description,
    kbliCodes: o.kbliCodes,
    regionCodes: o.regionCodes,
    siteRegionCode: o.siteRegionCode,
    siteLocation: o.siteLat === null || o.siteLng === null ? null : { lat: o.siteLat, lng: o.siteLng },
    requiredCapacity:
      o.requiredQuantity === null ? null : { quantity: o.requiredQuantity, unit: o.requiredUnit ?? '', period: o.requiredPeriod ?? 'MONTH' },
    requiredCertifications: o.requiredCertifications,
    preferredCertifications: o.preferredCertifications,
    supportOffered: o.supportOffered,
    slots: o.slots,
    acceptedCount: o.acceptedCount,
    closesAt: o.closesAt,
    status: state.status,
    closedReason: state.closedReason,
    publishedAt: o.publishedAt,
    closedAt: state.closedAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    version: o.version,
  };
}

export function toApplicationView(a: Application): ApplicationView {
  return {
    id: a.id,
    opportunityId: a.opportunityId,
    enterpriseId: a.enterpriseId,
    partnerId: a.partnerId,
    status: a.status,
    message: a.message,
    offeredCapacity:
      a.offeredQuantity === null ? null : { quantity: a.offeredQuantity, unit: a.offeredUnit ?? '', period: a.offeredPeriod ?? 'MONTH' },
    invitationMessage: a.invitationMessage,
    decisionNote: a.decisionNote,
    invited: a.invitedBy !== null,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}
