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

export type Role = 'ENTERPRISE' | 'PARTNER' | 'MINISTRY' | 'ADMIN';
export type Scale = 'MIKRO' | 'KECIL' | 'MENENGAH' | 'BESAR';

export interface User {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  organizationId: string | null;
  provinceCodes: string[];
  locale: 'id' | 'en';
}

export interface Capacity {
  product: string;
  quantity: number;
  unit: string;
  period: Period;
}
export interface Certification {
  type: string;
  number: string;
  validUntil: string | null;
  valid?: boolean;
}
export interface Pic {
  name: string;
  position: string;
  email: string;
  phone: string;
}

/** GET /enterprises/:id, /partners/:id, /auth/me's organization. Private fields only for members (and staff). */
export interface Organization {
  id: string;
  kind: 'enterprise' | 'partner';
  name: string;
  nib: string;
  legalForm: string | null;
  address: string | null;
  regionCode: string;
  provinceCode: string;
  location: { lat: number; lng: number } | null;
  kbliCodes: string[];
  workforce: number | null;
  foundedYear: number | null;
  contactEmail: string | null;
  contactPhone: string | null;
  scale: Scale;
  scaleRegime: string;
  createdAt: string;
  updatedAt: string;
  products?: string | null;
  capacities?: Capacity[];
  certifications?: Certification[];
  needs?: Need[];
  pic?: Pic | null;
  npwp?: string | null;
  netAssetsIdr?: number | null;
  annualSalesIdr?: number | null;
  scaleBasis?: string | null;
  version?: number;
}

export interface Me {
  user: User;
  organization: Organization | null;
}

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  user: User;
  organization?: Organization;
}

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district' | 'village';
  parentCode: string | null;
  provinceCode: string;
  timeZone: string;
}

export interface Kbli {
  code: string;
  level: number;
  section: string;
  parentCode: string | null;
  title: string;
  description: string;
}

export type Breakdown = S['ScoreBreakdownView'];
export type MatchItem = S['MatchItemView'];
export type RecommendationItem = S['RecommendationItemView'];

export interface AuditVerify {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
}
