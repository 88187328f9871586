import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Opportunity, Page, Pattern, SupportType } from '../../api/types';

/** What a partner may offer under each pattern — PP 44/1997 Pasal 3 (inti-plasma) and Pasal 4 (subkontrak); domain.md. */
export const SUPPORT_BY_PATTERN: Record<Pattern, readonly SupportType[]> = {
  INTI_PLASMA: ['LAND', 'PRODUCTION_INPUTS', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING', 'OTHER_ASSISTANCE'],
  SUBCONTRACT: ['PRODUCTION_WORK', 'RAW_MATERIAL_SUPPLY', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING'],
};
export const PATTERNS: readonly Pattern[] = ['INTI_PLASMA', 'SUBCONTRACT'];

export const opportunityKey = (id: string) => ['opportunity', id] as const;

export function fetchOpportunity(id: string): Promise<Opportunity> {
  return unwrap(api.GET('/api/v1/opportunities/{id}', { params: { path: { id } } }));
}

export function useOpportunity(id: string | null | undefined) {
  return useQuery({ queryKey: opportunityKey(id ?? ''), queryFn: () => fetchOpportunity(id!), enabled: !!id });
}

export function fetchOpportunities(query: { cursor?: string; q?: string; pattern?: Pattern; mine?: boolean; kbli?: string; region?: string }): Promise<Page<Opportunity>> {
  return unwrap(api.GET('/api/v1/opportunities', { params: { query: { limit: 20, ...query } } }));
}
