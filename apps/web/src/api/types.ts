/**
 * Response shapes. Where the OpenAPI document has a schema, the type comes from the generated
 * `schema.d.ts` (so a contract change breaks the build). The types written by hand below are for
 * routes whose OpenAPI response has only a description today (auth, reference, organisations,
 * and the `{ items, nextCursor }` page wrapper); they follow api.md and the API's source.
 */
import type { components } from './schema';

type S = components['schemas'];

export type Opportunity = S['OpportunityView'];
export type Application = S['ApplicationView'];
export type Agreement = S['AgreementView'];
/** An agreement as lists show it (no terms, versions or commitments). */
export type AgreementSummary = S['AgreementSummaryView'];
export type Commitment = S['CommitmentView'];
export type TermsVersion = S['TermsVersionView'];
export type Obligation = S['ObligationView'];
export type Evidence = S['EvidenceView'];
export type CoachingSession = S['CoachingSessionView'];
export type ReportDraft = S['ReportDraftView'];
export type ProgressReport = S['ProgressReportView'];
export type Notification = S['NotificationView'];

export type CreateOpportunityBody = S['CreateOpportunityDto'];
export type CreateAgreementBody = S['CreateAgreementDto'];
export type CommitmentInput = S['CommitmentDto'];
export type CoachingItemInput = S['CoachingItemDto'];
export type RegisterBody = S['RegisterDto'];
export type RegisterOrganization = S['RegisterOrganizationDto'];
export type UpdateOrganizationBody = S['UpdateOrganizationDto'];
export type ReportSubmitBody = S['ReportSubmitDto'];

export type Pattern = Opportunity['pattern'];
export type SupportType = NonNullable<Opportunity['supportOffered']>[number];
export type Need = NonNullable<RegisterOrganization['needs']>[number];
export type Period = S['CapacityDto']['period'];
export type Aspect = S['CoachingItemDto']['aspect'];
export type ObligationStatus = Obligation['status'];

/** `{ items, nextCursor }` — every list (api.md, Conventions). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type User = S['UserView'];
export type Role = User['role'];
export type Organization = S['OrganizationView'];
export type Scale = Organization['scale'];
export type Capacity = S['FirmCapacityView'];
export type Certification = S['CertificationView'];
/** A certificate as the forms edit it (the API adds `valid` when it answers). */
export type CertificationInput = Omit<Certification, 'valid'>;
export type Pic = S['PicView'];
export type Me = S['MeView'];
/** What sign-in returns; registration adds the new organisation. */
export type AuthResult = S['SignedInView'] & { organization?: Organization };
export type Region = S['RegionView'];
export type Kbli = S['KbliView'];

export type Breakdown = S['ScoreBreakdownView'];
export type MatchItem = S['MatchItemView'];
export type RecommendationItem = S['RecommendationItemView'];

export type AuditVerify = S['AuditVerifyView'];
export type AuditRecord = S['AuditRecordView'];
