import { useMemo } from 'react';
import { Anchor, Badge, Group, Paper, SegmentedControl, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import {
  fetchPartnerFigures,
  monitoringKey,
  PARTNER_SORTS,
  type PartnerFigures,
  type PartnerSort,
} from '../../features/monitoring/api';
import { AsOf } from '../../features/monitoring/AsOf';
import { ExportMenu } from '../../features/monitoring/ExportMenu';
import { FilterBar, useProvinceOptions } from '../../features/monitoring/FilterBar';
import { useMonitoringFilter } from '../../features/monitoring/filters';
import { formatPercent } from '../../features/monitoring/format';
import { Pager, useKeysetPages } from '../../features/monitoring/paging';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';
import '../../features/monitoring/monitoring.css';

const defaultOrder = (s: PartnerSort): 'asc' | 'desc' => (s === 'name' ? 'asc' : 'desc');

/**
 * Partner compliance (GET /monitoring/partners): per partner its agreements, active ones, on-time
 * report rate, overdue obligations and whether it appointed a PIC — sortable by each, filtered by the
 * shared filters, in pages of 20.
 */
export default function PartnersPage() {
  const { t } = useT();
  const f = useFormat();
  const phone = useMediaQuery('(max-width: 48em)', false);
  const [filter] = useMonitoringFilter();
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort') as PartnerSort | null;
  const sort: PartnerSort = sortParam && PARTNER_SORTS.includes(sortParam) ? sortParam : 'overdue';
  const order: 'asc' | 'desc' =
    params.get('order') === 'asc' ? 'asc' : params.get('order') === 'desc' ? 'desc' : defaultOrder(sort);
  const setSort = (s: PartnerSort, o: 'asc' | 'desc' = s === sort ? (order === 'asc' ? 'desc' : 'asc') : defaultOrder(s)) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set('sort', s);
        p.set('order', o);
        return p;
      },
      { replace: true },
    );
  const pager = useKeysetPages([...monitoringKey, 'partners', filter, sort, order], (cursor) =>
    fetchPartnerFigures(filter, { sort, order, cursor }),
  );
  const provinces = useProvinceOptions();
  const provinceName = useMemo(() => new Map(provinces.map((p) => [p.value, p.label])), [provinces]);
  const q = pager.query;

  const columns: { key: PartnerSort | null; label: string }[] = [
    { key: 'name', label: t('monitoring.partners.name') },
    { key: null, label: t('monitoring.filters.province') },
    { key: 'agreements', label: t('monitoring.partners.agreements') },
    { key: 'activeAgreements', label: t('monitoring.partners.active') },
    { key: 'onTimeRate', label: t('monitoring.partners.onTime') },
    { key: 'overdue', label: t('monitoring.partners.overdue') },
    { key: 'picAppointed', label: t('monitoring.partners.pic') },
  ];

  const pic = (p: PartnerFigures) =>
    p.picAppointed ? (
      <Badge color="teal" variant="light">
        {t('monitoring.partners.picYes')}
      </Badge>
    ) : (
      <Badge color="red" variant="light">
        {t('monitoring.partners.picNo')}
      </Badge>
    );
  const rate = (p: PartnerFigures) => (
    <>
      {formatPercent(p.onTimeRate, f.lang)}
      {p.reports.due > 0 && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({f.number(p.reports.onTime)}/{f.number(p.reports.due)})
        </Text>
      )}
    </>
  );
  const caseLink = (p: PartnerFigures) => (
    <Anchor component={Link} to={`/ministry/cases/new?partnerId=${p.partnerId}`} size="sm" className="touch-link">
      {t('monitoring.cases.openCase')}
    </Anchor>
  );

  return (
    <>
      <PageHeader
        title={t('monitoring.partners.title')}
        subtitle={<AsOf asOf={q.data?.asOf} />}
        actions={<ExportMenu filter={filter} />}
      />
      <FilterBar />
      {phone && (
        <Group mb="sm" gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label={t('monitoring.partners.sortBy')}
            data={PARTNER_SORTS.map((s) => ({ value: s, label: columns.find((c) => c.key === s)?.label ?? s }))}
            value={sort}
            onChange={(v) => v && setSort(v as PartnerSort, defaultOrder(v as PartnerSort))}
            allowDeselect={false}
            style={{ flex: 1 }}
          />
          <SegmentedControl
            aria-label={t('monitoring.partners.order')}
            value={order}
            onChange={(v) => setSort(sort, v as 'asc' | 'desc')}
            data={[
              {
                value: 'asc',
                label: (
                  <span title={t('monitoring.partners.asc')}>
                    ↑<span className="visually-hidden">{t('monitoring.partners.asc')}</span>
                  </span>
                ),
              },
              {
                value: 'desc',
                label: (
                  <span title={t('monitoring.partners.desc')}>
                    ↓<span className="visually-hidden">{t('monitoring.partners.desc')}</span>
                  </span>
                ),
              },
            ]}
          />
        </Group>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty>{t('monitoring.partners.none')}</Empty>
      ) : phone ? (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="compliance-table">
          {q.data.items.map((p) => (
            <li key={p.partnerId}>
              <Paper withBorder p="sm" radius="md">
                <Text fw={700}>{p.name}</Text>
                <Text size="sm" c="dimmed">
                  {provinceName.get(p.provinceCode) ?? p.provinceCode}
                </Text>
                <Text size="sm">
                  {t('monitoring.partners.agreements')}: {f.number(p.agreements)} · {t('monitoring.partners.active')}:{' '}
                  {f.number(p.activeAgreements)}
                </Text>
                <Text size="sm">
                  {t('monitoring.partners.onTime')}: {rate(p)}
                </Text>
                <Text size="sm" c={p.overdueCount ? 'red' : undefined} fw={p.overdueCount ? 600 : undefined}>
                  {t('monitoring.partners.overdue')}: {f.number(p.overdueCount)}
                </Text>
                <Group gap={6}>
                  <Text size="sm">{t('monitoring.partners.pic')}:</Text>
                  {pic(p)}
                </Group>
                {caseLink(p)}
              </Paper>
            </li>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="compliance-table" className="figures-table">
            <Table.Caption>{t('monitoring.partners.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.label} aria-sort={c.key === sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {c.key ? (
                      <UnstyledButton className="sort-header" onClick={() => setSort(c.key!)}>
                        {c.label}
                        <span aria-hidden="true">{c.key === sort ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
                      </UnstyledButton>
                    ) : (
                      c.label
                    )}
                  </Table.Th>
                ))}
                <Table.Th>
                  <span className="visually-hidden">{t('monitoring.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((p) => (
                <Table.Tr key={p.partnerId}>
                  <Table.Td fw={600} className="wrap">
                    {p.name}
                  </Table.Td>
                  <Table.Td>{provinceName.get(p.provinceCode) ?? p.provinceCode}</Table.Td>
                  <Table.Td>{f.number(p.agreements)}</Table.Td>
                  <Table.Td>{f.number(p.activeAgreements)}</Table.Td>
                  <Table.Td>{rate(p)}</Table.Td>
                  <Table.Td c={p.overdueCount ? 'red' : undefined} fw={p.overdueCount ? 600 : undefined}>
                    {f.number(p.overdueCount)}
                  </Table.Td>
                  <Table.Td>{pic(p)}</Table.Td>
                  <Table.Td>{caseLink(p)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager pager={pager} label={t('monitoring.partners.title')} />
    </>
  );
}
