import { Anchor, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { ProgressReport } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { useAgreement } from '../../features/agreements/api';
import { fetchReports, REPORT_STATUSES, type ReportStatus, reportsKey } from '../../features/monitoring/api';
import { Pager, useKeysetPages } from '../../features/monitoring/paging';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';

function ReportCard({ r }: { r: ProgressReport }) {
  const { t } = useT();
  const f = useFormat();
  const agreement = useAgreement(r.agreementId);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="report">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/ministry/reports/${r.id}`} fw={700} className="touch-link">
            {t('monitoring.reports.period', { from: f.date(r.periodStart), to: f.date(r.periodEnd) })}
          </Anchor>
          <StatusBadge group="reportStatus" value={r.status} />
        </Group>
        <Text size="sm">
          {agreement.data ? `${agreement.data.number} · ${agreement.data.partner.name} → ${agreement.data.enterprise.name}` : '…'}
        </Text>
        <Text size="xs" c="dimmed">
          {t('monitoring.reports.submitted', { date: f.dateTime(r.submittedAt), version: r.reportVersion })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Progress reports to review (GET /reports), newest first, by status. */
export default function ReportsPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status =
    raw === 'ALL'
      ? undefined
      : REPORT_STATUSES.includes(raw as ReportStatus)
        ? (raw as ReportStatus)
        : ('SUBMITTED' as ReportStatus);
  const pager = useKeysetPages([...reportsKey, 'review', status ?? 'ALL'], (cursor) => fetchReports({ cursor, status }));
  const q = pager.query;
  return (
    <>
      <PageHeader title={t('monitoring.reports.title')} subtitle={t('monitoring.reports.subtitle')} />
      <Select
        mb="sm"
        maw={320}
        label={t('monitoring.reports.status')}
        data={[
          { value: 'ALL', label: t('monitoring.filters.all') },
          ...REPORT_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'reportStatus', s) })),
        ]}
        value={status ?? 'ALL'}
        allowDeselect={false}
        onChange={(v) =>
          setParams(
            (prev) => {
              const p = new URLSearchParams(prev);
              p.set('status', v ?? 'ALL');
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
        <Empty>{t('monitoring.reports.none')}</Empty>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {q.data.items.map((r) => (
            <li key={r.id}>
              <ReportCard r={r} />
            </li>
          ))}
        </Stack>
      )}
      <Pager pager={pager} label={t('monitoring.reports.title')} />
    </>
  );
}
