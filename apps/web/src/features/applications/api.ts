import { api, unwrap } from '../../api/client';
import type { Application, Page } from '../../api/types';

export type ApplicationStatus = Application['status'];
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['INVITED', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'DECLINED'];
/** Applications still waiting for a decision (one per firm and opportunity). */
export const LIVE: readonly ApplicationStatus[] = ['INVITED', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED'];

export const applicationsKey = ['applications'] as const;

export function fetchApplications(query: { cursor?: string; opportunityId?: string; status?: ApplicationStatus; limit?: number }): Promise<Page<Application>> {
  return unwrap(api.GET('/api/v1/applications', { params: { query: { limit: 20, ...query } } }));
}

export type Transition = 'shortlist' | 'accept' | 'reject' | 'withdraw' | 'decline';

/** A lifecycle move on an application, guarded by the version the caller read. */
export function transition(a: Pick<Application, 'id' | 'version'>, move: Transition, note?: string): Promise<Application> {
  const path = { params: { path: { id: a.id } } };
  switch (move) {
    case 'shortlist':
      return unwrap(api.POST('/api/v1/applications/{id}/shortlist', { ...path, body: { version: a.version, note } }));
    case 'accept':
      return unwrap(api.POST('/api/v1/applications/{id}/accept', { ...path, body: { version: a.version, note } }));
    case 'reject':
      return unwrap(api.POST('/api/v1/applications/{id}/reject', { ...path, body: { version: a.version, note } }));
    case 'withdraw':
      return unwrap(api.POST('/api/v1/applications/{id}/withdraw', { ...path, body: { version: a.version } }));
    case 'decline':
      return unwrap(api.POST('/api/v1/applications/{id}/decline', { ...path, body: { version: a.version } }));
  }
}
