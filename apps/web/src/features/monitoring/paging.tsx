import { useEffect, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n';

/**
 * Numbered pages over the API's keyset cursors (`{ items, nextCursor }`): the cursors seen so far are
 * kept, so "previous" needs no backward cursor. Going back to page 1 whenever the key (filters, sort)
 * changes.
 */
export function useKeysetPages<T extends { nextCursor: string | null }>(
  key: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<T>,
  enabled = true,
) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const keyText = JSON.stringify(key);
  useEffect(() => setCursors([undefined]), [keyText]);
  const page = cursors.length;
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: [...key, 'page', cursor ?? ''],
    queryFn: () => fetchPage(cursor),
    placeholderData: keepPreviousData,
    enabled,
  });
  const nextCursor = query.data?.nextCursor ?? null;
  return {
    query,
    page,
    hasPrev: page > 1,
    hasNext: !!nextCursor && !query.isPlaceholderData,
    next: () => nextCursor && setCursors((c) => [...c, nextCursor]),
    prev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    first: () => setCursors([undefined]),
  };
}

export function Pager({ pager, label }: { pager: ReturnType<typeof useKeysetPages>; label: string }) {
  const { t } = useT();
  if (!pager.hasPrev && !pager.hasNext) return null;
  return (
    <Group justify="space-between" mt="sm" component="nav" aria-label={label}>
      <Button variant="default" onClick={pager.prev} disabled={!pager.hasPrev}>
        {t('monitoring.paging.prev')}
      </Button>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('monitoring.paging.page', { page: pager.page })}
      </Text>
      <Button
        variant="default"
        onClick={pager.next}
        disabled={!pager.hasNext}
        loading={pager.query.isFetching && pager.query.isPlaceholderData}
      >
        {t('monitoring.paging.next')}
      </Button>
    </Group>
  );
}
