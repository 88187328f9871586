import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { type Case, CASE_STATUSES, type CaseStatus, casesKey, fetchCases } from '../../features/monitoring/api';
import { Pager, useKeysetPages } from '../../features/monitoring/paging';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';

export const CASE_COLOR: Record<string, string> = {
  DRAFT: 'gray',
  ACTIVE: 'blue',
  ADDRESSED: 'orange',
  DECLINED: 'teal',
  COMPLETED: 'teal',
  CANCELLED: 'gray',
};

export function CaseStatusBadge({ status }: { status: string }) {
  const { t } = useT();
  return (
    <Badge color={CASE_COLOR[status] ?? 'gray'} variant="light" style={{ flexShrink: 0 }}>
      {t(`monitoring.caseStatus.${status as CaseStatus}`, { defaultValue: status })}
    </Badge>
  );
}

function CaseCard({ c }: { c: Case }) {
  const { t } = useT();
  const f = useFormat();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="case">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/ministry/cases/${c.id}`} fw={700} className="touch-link">
            {c.number} — {c.partnerName}
          </Anchor>
          <CaseStatusBadge status={c.status} />
        </Group>
        {(c.agreementNumber || c.enterpriseName) && (
          <Text size="sm">
            {c.agreementNumber}
            {c.enterpriseName ? ` · ${c.enterpriseName}` : ''}
          </Text>
        )}
        <Text size="sm" lineClamp={2}>
          {c.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t('monitoring.cases.period', { from: f.date(c.periodFrom), to: f.date(c.periodTo) })} ·{' '}
          {t('monitoring.cases.updated', { date: f.dateTime(c.updatedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Monitoring cases (GET /monitoring/cases), newest first, by status; a new case by hand. */
export default function CasesPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const status = CASE_STATUSES.includes(params.get('status') as CaseStatus) ? (params.get('status') as CaseStatus) : undefined;
  const findingId = params.get('findingId') ?? undefined;
  const partnerId = params.get('partnerId') ?? undefined;
  const pager = useKeysetPages([...casesKey, 'list', status ?? '', findingId ?? '', partnerId ?? ''], (cursor) =>
    fetchCases({ cursor, status, findingId, partnerId }),
  );
  const q = pager.query;
  return (
    <>
      <PageHeader
        title={t('monitoring.cases.title')}
        subtitle={t('monitoring.cases.subtitle')}
        actions={
          <Button component={Link} to="/ministry/cases/new">
            {t('monitoring.cases.new')}
          </Button>
        }
      />
      <Group mb="sm" align="flex-end">
        <Select
          maw={320}
          label={t('monitoring.cases.status')}
          placeholder={t('monitoring.filters.all')}
          data={CASE_STATUSES.map((s) => ({ value: s, label: t(`monitoring.caseStatus.${s}`) }))}
          value={status ?? null}
          clearable
          onChange={(v) =>
            setParams(
              (prev) => {
                const p = new URLSearchParams(prev);
                if (v) p.set('status', v);
                else p.delete('status');
                return p;
              },
              { replace: true },
            )
          }
        />
        {(findingId || partnerId) && (
          <Button variant="subtle" component={Link} to="/ministry/cases">
            {t('monitoring.cases.allCases')}
          </Button>
        )}
      </Group>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty>{t('monitoring.cases.none')}</Empty>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {q.data.items.map((c) => (
            <li key={c.id}>
              <CaseCard c={c} />
            </li>
          ))}
        </Stack>
      )}
      <Pager pager={pager} label={t('monitoring.cases.title')} />
    </>
  );
}
