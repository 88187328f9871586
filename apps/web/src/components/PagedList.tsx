import { type ReactNode } from 'react';
import { Button, Center, Stack } from '@mantine/core';
import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../api/types';
import { useT } from '../i18n';
import { Empty, ErrorState, Loading } from './QueryState';

export interface PagedProps<T> {
  queryKey: QueryKey;
  /** Fetch one page; `cursor` is the previous page's `nextCursor` (undefined for the first). */
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>;
  renderItem: (item: T) => ReactNode;
  itemKey: (item: T) => string;
  empty: ReactNode;
  enabled?: boolean;
  gap?: string;
}

/** A list that pages with the API's cursors: the first page, then "Muat lagi" for the next. */
export function PagedList<T>({ queryKey, fetchPage, renderItem, itemKey, empty, enabled = true, gap = 'sm' }: PagedProps<T>) {
  const { t } = useT();
  const q = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  if (!items.length) return <Empty>{empty}</Empty>;
  return (
    <Stack gap={gap}>
      <Stack gap={gap} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((it) => (
          <li key={itemKey(it)}>{renderItem(it)}</li>
        ))}
      </Stack>
      {q.hasNextPage && (
        <Center>
          <Button variant="default" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
