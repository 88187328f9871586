import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Agreement, AgreementSummary, CoachingSession, Obligation, Page, ProgressReport } from '../../api/types';

export type AgreementStatus = Agreement['status'];
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ['DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE', 'COMPLETED', 'TERMINATED'];
export const agreementsKey = ['agreements'] as const;
export const agreementKey = (id: string) => ['agreements', 'one', id] as const;

export function fetchAgreements(query: { cursor?: string; limit?: number; status?: AgreementStatus; pattern?: Agreement['pattern']; partnerId?: string; enterpriseId?: string }): Promise<Page<AgreementSummary>> {
  return unwrap(api.GET('/api/v1/agreements', { params: { query: { limit: 20, ...query } } }));
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKey(id), queryFn: () => unwrap(api.GET('/api/v1/agreements/{id}', { params: { path: { id } } })), enabled: !!id });
}

export const sessionsKey = ['sessions'] as const;
export function fetchSessions(query: { cursor?: string; agreementId?: string; status?: CoachingSession['status']; limit?: number }): Promise<Page<CoachingSession>> {
  return unwrap(api.GET('/api/v1/sessions', { params: { query: { limit: 20, ...query } } }));
}

export const obligationsKey = ['obligations'] as const;
export function fetchObligations(query: {
  cursor?: string;
  agreementId?: string;
  status?: Obligation['status'];
  type?: Obligation['type'];
  dueFrom?: string;
  dueTo?: string;
  limit?: number;
}): Promise<Page<Obligation>> {
  return unwrap(api.GET('/api/v1/obligations', { params: { query: { limit: 20, ...query } } }));
}

export const reportsKey = ['reports'] as const;
export function fetchReports(query: { cursor?: string; agreementId?: string; limit?: number }): Promise<Page<ProgressReport>> {
  return unwrap(api.GET('/api/v1/reports', { params: { query: { limit: 20, ...query } } }));
}

/** Which side of the agreement the signed-in organisation is on (null: a ministry officer or admin). */
export function partyOf(a: Pick<Agreement, 'partnerId' | 'enterpriseId'>, orgId: string | null | undefined): 'partner' | 'enterprise' | null {
  if (!orgId) return null;
  if (a.partnerId === orgId) return 'partner';
  if (a.enterpriseId === orgId) return 'enterprise';
  return null;
}
