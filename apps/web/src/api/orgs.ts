import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { Organization } from './types';

export const orgKey = (kind: 'enterprise' | 'partner', id: string) => ['org', kind, id] as const;

export function fetchEnterprise(id: string): Promise<Organization> {
  return unwrap(api.GET('/api/v1/enterprises/{id}', { params: { path: { id } } }));
}
export function fetchPartner(id: string): Promise<Organization> {
  return unwrap(api.GET('/api/v1/partners/{id}', { params: { path: { id } } }));
}

/** A small firm's profile (public part; members see their own in full). */
export function useEnterprise(id: string | null | undefined) {
  return useQuery({ queryKey: orgKey('enterprise', id ?? ''), queryFn: () => fetchEnterprise(id!), enabled: !!id, staleTime: 5 * 60_000 });
}

export function usePartner(id: string | null | undefined) {
  return useQuery({ queryKey: orgKey('partner', id ?? ''), queryFn: () => fetchPartner(id!), enabled: !!id, staleTime: 5 * 60_000 });
}
