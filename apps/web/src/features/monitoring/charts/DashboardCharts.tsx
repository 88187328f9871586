/**
 * The dashboard's charts (recharts). Loaded on demand by the dashboard only, so recharts lives in the
 * ministry's own chunk and never in the login page's JavaScript. Every chart has its figures as a
 * table too (for screen readers and for reading exact numbers).
 */
import { type ReactNode, useMemo } from 'react';
import { Box, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { enumLabel } from '../../../components/StatusBadge';
import { useT } from '../../../i18n';
import { useFormat } from '../../../lib/useFormat';
import type { Breakdown, Trend } from '../api';
import { formatMonth, formatPercent, titleCase } from '../format';

const TOP_PROVINCES = 12;
const STATUSES = ['DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const;
const PATTERN_COLORS = { INTI_PLASMA: '#0b7285', SUBCONTRACT: '#e67700' } as const;

function ChartCard({
  id,
  title,
  description,
  children,
  table,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
  table: ReactNode;
}) {
  const { t } = useT();
  const tableLabel = t('monitoring.charts.showTable');
  return (
    <Paper withBorder radius="md" p="sm" component="figure" m={0} aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <Stack gap="xs">
        <div>
          <Title order={2} size="h5" id={`${id}-title`}>
            {title}
          </Title>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        <div aria-hidden="true">{children}</div>
        <details className="chart-table">
          <summary>{tableLabel}</summary>
          <Table.ScrollContainer minWidth={320}>{table}</Table.ScrollContainer>
        </details>
      </Stack>
    </Paper>
  );
}

/** Agreements by pattern and status: one stacked bar per status, a colour per pattern. */
export function PatternStatusChart({ byPattern }: { byPattern: Breakdown }) {
  const { t } = useT();
  const f = useFormat();
  const rows = useMemo(
    () =>
      STATUSES.map((s) => {
        const row: Record<string, string | number> = { status: enumLabel(t, 'agreementStatus', s) };
        for (const g of byPattern.items) row[g.key] = g.agreements.byStatus[s];
        return row;
      }),
    [byPattern, t],
  );
  const patterns = byPattern.items.map((g) => g.key as keyof typeof PATTERN_COLORS);
  return (
    <ChartCard
      id="pattern-status"
      title={t('monitoring.charts.patternStatus')}
      description={t('monitoring.charts.patternStatusHint')}
      table={
        <Table striped className="figures-table">
          <Table.Caption>{t('monitoring.charts.patternStatus')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitoring.charts.status')}</Table.Th>
              {patterns.map((p) => (
                <Table.Th key={p}>{enumLabel(t, 'pattern', p)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={String(r.status)}>
                <Table.Td>{r.status}</Table.Td>
                {patterns.map((p) => (
                  <Table.Td key={p}>{f.number(Number(r[p] ?? 0))}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="status" width={110} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip formatter={(v) => f.number(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {patterns.map((p) => (
            <Bar
              key={p}
              dataKey={p}
              name={enumLabel(t, 'pattern', p)}
              stackId="a"
              fill={PATTERN_COLORS[p] ?? '#868e96'}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** The on-time report rate per month of the due date (line), with the reports due that month (bars). */
export function TrendChart({ trend }: { trend: Trend }) {
  const { t } = useT();
  const f = useFormat();
  const rows = useMemo(
    () =>
      trend.items.map((p) => ({
        month: formatMonth(p.month, f.lang),
        rate: p.onTimeReportRate === null ? null : Math.round(p.onTimeReportRate * 1000) / 10,
        due: p.reports.due,
        overdue: p.overdueCount,
      })),
    [trend, f.lang],
  );
  return (
    <ChartCard
      id="trend"
      title={t('monitoring.charts.trend')}
      description={t('monitoring.charts.trendHint')}
      table={
        <Table striped className="figures-table">
          <Table.Caption>{t('monitoring.charts.trend')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitoring.charts.month')}</Table.Th>
              <Table.Th>{t('monitoring.charts.reportsDue')}</Table.Th>
              <Table.Th>{t('monitoring.charts.onTimeRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.items.map((p) => (
              <Table.Tr key={p.month}>
                <Table.Td>{formatMonth(p.month, f.lang, 'long')}</Table.Td>
                <Table.Td>{f.number(p.reports.due)}</Table.Td>
                <Table.Td>{formatPercent(p.onTimeReportRate, f.lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      {rows.length ? (
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={rows} margin={{ top: 8, right: 0, left: -16, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} />
            <YAxis yAxisId="rate" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
            <YAxis yAxisId="due" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip
              formatter={(v, name) =>
                name === t('monitoring.charts.onTimeRate') ? `${f.number(Number(v))}%` : f.number(Number(v))
              }
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="due" dataKey="due" name={t('monitoring.charts.reportsDue')} fill="#ced4da" isAnimationActive={false} />
            <Line
              yAxisId="rate"
              dataKey="rate"
              name={t('monitoring.charts.onTimeRate')}
              stroke="#0b7285"
              strokeWidth={2}
              connectNulls
              dot
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      ) : (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          {t('monitoring.charts.noReports')}
        </Text>
      )}
    </ChartCard>
  );
}

/** Agreements and overdue obligations per province (the small firm's); a tap on a province filters by it. */
export function ProvinceChart({ byProvince, onPick }: { byProvince: Breakdown; onPick?: (code: string) => void }) {
  const { t } = useT();
  const f = useFormat();
  const rows = useMemo(
    () =>
      [...byProvince.items]
        .sort((a, b) => b.agreements.total - a.agreements.total || a.label.localeCompare(b.label))
        .map((g) => ({
          key: g.key,
          name: titleCase(g.label),
          agreements: g.agreements.total,
          overdue: g.overdueCount,
          firms: g.smallFirmsReached,
          rate: g.onTimeReportRate,
        })),
    [byProvince],
  );
  // The chart shows the provinces with the most agreements; the table below it lists every one.
  const top = rows.slice(0, TOP_PROVINCES);
  return (
    <ChartCard
      id="province"
      title={t('monitoring.charts.province')}
      description={
        rows.length > TOP_PROVINCES
          ? `${t('monitoring.charts.provinceHint')} ${t('monitoring.charts.provinceTop', { count: TOP_PROVINCES, total: rows.length })}`
          : t('monitoring.charts.provinceHint')
      }
      table={
        <Table striped className="figures-table">
          <Table.Caption>{t('monitoring.charts.province')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitoring.filters.province')}</Table.Th>
              <Table.Th>{t('monitoring.tiles.agreements')}</Table.Th>
              <Table.Th>{t('monitoring.tiles.firms')}</Table.Th>
              <Table.Th>{t('monitoring.tiles.overdue')}</Table.Th>
              <Table.Th>{t('monitoring.tiles.onTime')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  {onPick ? (
                    <UnstyledButton
                      className="touch-link"
                      onClick={() => onPick(r.key)}
                      aria-label={t('monitoring.charts.filterBy', { name: r.name })}
                    >
                      {r.name}
                    </UnstyledButton>
                  ) : (
                    r.name
                  )}
                </Table.Td>
                <Table.Td>{f.number(r.agreements)}</Table.Td>
                <Table.Td>{f.number(r.firms)}</Table.Td>
                <Table.Td>{f.number(r.overdue)}</Table.Td>
                <Table.Td>{formatPercent(r.rate, f.lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      {rows.length ? (
        <ResponsiveContainer width="100%" height={Math.max(160, top.length * 34 + 60)}>
          <BarChart data={top} layout="vertical" margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => f.number(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="agreements"
              name={t('monitoring.tiles.agreements')}
              fill="#0b7285"
              isAnimationActive={false}
              cursor={onPick ? 'pointer' : undefined}
              onClick={onPick ? (d: { payload?: { key?: string } }) => d.payload?.key && onPick(d.payload.key) : undefined}
            />
            <Bar dataKey="overdue" name={t('monitoring.tiles.overdue')} fill="#e03131" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          {t('monitoring.empty.figures')}
        </Text>
      )}
    </ChartCard>
  );
}

/** The three charts side by side (one column on a phone); each shows a skeleton until its figures arrive. */
export default function ChartsGrid({
  byPattern,
  trend,
  byProvince,
  onPickProvince,
}: {
  byPattern: Breakdown | undefined;
  trend: Trend | undefined;
  byProvince: Breakdown | undefined;
  onPickProvince?: (code: string) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {byPattern ? <PatternStatusChart byPattern={byPattern} /> : <Skeleton height={320} radius="md" />}
      {trend ? <TrendChart trend={trend} /> : <Skeleton height={320} radius="md" />}
      <Box style={{ gridColumn: '1 / -1' }}>
        {byProvince ? <ProvinceChart byProvince={byProvince} onPick={onPickProvince} /> : <Skeleton height={320} radius="md" />}
      </Box>
    </SimpleGrid>
  );
}
