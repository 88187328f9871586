import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Notification, Page } from '../../api/types';

export const notificationsKey = ['notifications'] as const;

export function fetchNotifications(params: { cursor?: string; unread?: boolean; limit?: number }): Promise<Page<Notification>> {
  return unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: params.limit ?? 20, cursor: params.cursor, unread: params.unread } } }));
}

/** Up to 100 unread notifications (the bell shows "99+" beyond), refreshed every minute. */
export function useUnread() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: () => fetchNotifications({ unread: true, limit: 100 }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
