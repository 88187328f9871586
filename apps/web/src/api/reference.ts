import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { Kbli, Region } from './types';

const DAY = 24 * 60 * 60_000;

/** Parent of a Kemendagri code: 33.20.01.2001 → 33.20.01 → 33.20 → 33 → (provinces). */
export function parentRegion(code: string): string | undefined {
  const i = code.lastIndexOf('.');
  return i > 0 ? code.slice(0, i) : undefined;
}

export const regionsKey = (parent?: string) => ['reference', 'regions', parent ?? ''] as const;

export function fetchRegions(parent?: string): Promise<Region[]> {
  return unwrap(api.GET('/api/v1/reference/regions', { params: { query: parent ? { parent } : {} } })).then((r) => r.items);
}

/** Children of `parent` (provinces when undefined); `enabled` false skips the request. */
export function useRegions(parent: string | undefined, enabled = true) {
  return useQuery({ queryKey: regionsKey(parent), queryFn: () => fetchRegions(parent), enabled, staleTime: DAY, gcTime: DAY });
}

/** The name of a region code (looked up among its parent's children, which are cached). */
export function useRegion(code: string | null | undefined): Region | undefined {
  const parent = code ? parentRegion(code) : undefined;
  const q = useRegions(parent, !!code);
  return code ? q.data?.find((r) => r.code === code) : undefined;
}

export function fetchKbli(params: { q?: string; prefix?: string; level?: 1 | 2 | 3 | 4 | 5; limit?: number }): Promise<Kbli[]> {
  return unwrap(api.GET('/api/v1/reference/kbli', { params: { query: params } })).then((r) => r.items);
}

/** One KBLI entry by its exact code. */
export function useKbli(code: string | null | undefined): Kbli | undefined {
  const q = useQuery({
    queryKey: ['reference', 'kbli', 'code', code ?? ''],
    queryFn: () => fetchKbli({ prefix: code ?? '', level: code?.length as 2 | 3 | 4 | 5 | undefined, limit: 1 }),
    enabled: !!code && /^\d{2,5}$/.test(code),
    staleTime: DAY,
    gcTime: DAY,
  });
  return q.data?.find((k) => k.code === code);
}
