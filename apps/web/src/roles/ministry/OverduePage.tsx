import { Select, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { enumLabel } from '../../components/StatusBadge';
import { fetchOverdue, monitoringKey, type OverdueItem } from '../../features/monitoring/api';
import { AsOf } from '../../features/monitoring/AsOf';
import { ExportMenu } from '../../features/monitoring/ExportMenu';
import { FilterBar } from '../../features/monitoring/FilterBar';
import { hasFilter, useMonitoringFilter } from '../../features/monitoring/filters';
import { OverdueCard } from '../../features/monitoring/OverdueList';
import { Pager, useKeysetPages } from '../../features/monitoring/paging';
import { useT } from '../../i18n';

const TYPES: OverdueItem['type'][] = [
  'PROGRESS_REPORT',
  'APPOINT_PIC',
  'HONOUR_AGREEMENT',
  'COACHING',
  'PUBLISH_OPPORTUNITIES',
  'CASE_REMEDY',
] as OverdueItem['type'][];

/** Overdue obligations (GET /monitoring/overdue), oldest due date first, under the shared filters and a type. */
export default function OverduePage() {
  const { t } = useT();
  const [filter] = useMonitoringFilter();
  const [params, setParams] = useSearchParams();
  const type = (TYPES as string[]).includes(params.get('type') ?? '') ? (params.get('type') as OverdueItem['type']) : undefined;
  const pager = useKeysetPages([...monitoringKey, 'overdue', filter, type ?? ''], (cursor) =>
    fetchOverdue(filter, { cursor, type }),
  );
  const q = pager.query;
  return (
    <>
      <PageHeader
        title={t('monitoring.overdue.title')}
        subtitle={<AsOf asOf={q.data?.asOf} />}
        actions={<ExportMenu filter={filter} />}
      />
      <FilterBar />
      <Select
        mb="sm"
        maw={360}
        label={t('monitoring.overdue.type')}
        placeholder={t('monitoring.filters.all')}
        data={TYPES.map((v) => ({ value: v, label: enumLabel(t, 'obligationType', v) }))}
        value={type ?? null}
        clearable
        onChange={(v) =>
          setParams(
            (prev) => {
              const p = new URLSearchParams(prev);
              if (v) p.set('type', v);
              else p.delete('type');
              return p;
            },
            { replace: true },
          )
        }
      />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty>{hasFilter(filter) || type ? t('monitoring.empty.filtered') : t('monitoring.overdue.none')}</Empty>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {q.data.items.map((o) => (
            <li key={o.obligationId}>
              <OverdueCard o={o} />
            </li>
          ))}
        </Stack>
      )}
      <Pager pager={pager} label={t('monitoring.overdue.title')} />
    </>
  );
}
