import { lazy, Suspense, useEffect, useState } from 'react';
import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Empty, ErrorState } from '../../components/QueryState';
import { fetchOverdue, monitoringKey, useBreakdown, useSummary, useTrend } from '../../features/monitoring/api';
import { AsOf } from '../../features/monitoring/AsOf';
import { ExportMenu } from '../../features/monitoring/ExportMenu';
import { FilterBar, useProvinceOptions } from '../../features/monitoring/FilterBar';
import { filterSearch, hasFilter, useMonitoringFilter } from '../../features/monitoring/filters';
import { OverdueCard } from '../../features/monitoring/OverdueList';
import { SummaryTiles } from '../../features/monitoring/SummaryTiles';
import { useT } from '../../i18n';
import '../../features/monitoring/monitoring.css';

// recharts is only in this chunk, fetched while the tiles already show their figures.
const ChartsGrid = lazy(() => import('../../features/monitoring/charts/DashboardCharts'));

/**
 * The officer's dashboard: the summary's headline figures, agreements by pattern and status, the
 * on-time report rate per month (GET /monitoring/trend), the province breakdown, and the oldest
 * overdue obligations — all under the filters in the URL, with the snapshot's `asOf`.
 */
export default function DashboardPage() {
  const { t } = useT();
  const [filter, update] = useMonitoringFilter();
  const summary = useSummary(filter);
  const byPattern = useBreakdown(filter, 'pattern');
  const byProvince = useBreakdown(filter, 'province');
  const trend = useTrend(filter);
  const overdue = useQuery({
    queryKey: [...monitoringKey, 'overdue', 'top', filter],
    queryFn: () => fetchOverdue(filter, { limit: 5 }),
    staleTime: 60_000,
  });
  const search = filterSearch(filter);
  // The figures first: the filters, charts and overdue list render right after the tiles' first paint.
  const [rest, setRest] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setRest(true));
    return () => cancelAnimationFrame(id);
  }, []);
  const provinces = useProvinceOptions();
  const provinceName = (code: string) => provinces.find((p) => p.value === code)?.label ?? code;
  const chartError = byPattern.error ?? byProvince.error ?? trend.error;

  return (
    <>
      <PageHeader
        title={t('monitoring.dashboard.title')}
        subtitle={<AsOf asOf={summary.data?.asOf} />}
        actions={<ExportMenu filter={filter} />}
      />
      {rest ? <FilterBar /> : <Skeleton height={86} radius="md" mb="md" />}
      <Stack gap="lg">
        {summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <section aria-label={t('monitoring.dashboard.figures')}>
            <SummaryTiles summary={summary.data} />
            {summary.data?.filters.limitedToProvinces && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('monitoring.dashboard.limited', {
                  provinces: summary.data.filters.limitedToProvinces.map(provinceName).join(', '),
                })}
              </Text>
            )}
            {summary.data && summary.data.agreements.total === 0 && (
              <Text size="sm" c="dimmed" mt="xs">
                {hasFilter(filter) ? t('monitoring.empty.filtered') : t('monitoring.empty.figures')}
              </Text>
            )}
          </section>
        )}
        {!rest ? null : chartError ? (
          <ErrorState error={chartError} />
        ) : (
          <Suspense fallback={<Skeleton height={320} radius="md" />}>
            <ChartsGrid
              byPattern={byPattern.data}
              trend={trend.data}
              byProvince={byProvince.data}
              onPickProvince={(province) => update({ province })}
            />
          </Suspense>
        )}
        {rest && (
          <section aria-labelledby="dashboard-overdue">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id="dashboard-overdue">
                {t('monitoring.dashboard.overdueTitle')}
              </Title>
              <Anchor component={Link} to={`/ministry/overdue${search}`} className="touch-link">
                {t('monitoring.dashboard.allOverdue')}
              </Anchor>
            </Group>
            {overdue.isPending ? (
              <Skeleton height={120} radius="md" />
            ) : overdue.isError ? (
              <ErrorState error={overdue.error} onRetry={() => void overdue.refetch()} />
            ) : overdue.data.items.length === 0 ? (
              <Empty>{t('monitoring.overdue.none')}</Empty>
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {overdue.data.items.map((o) => (
                  <li key={o.obligationId}>
                    <OverdueCard o={o} />
                  </li>
                ))}
              </Stack>
            )}
          </section>
        )}
      </Stack>
    </>
  );
}
