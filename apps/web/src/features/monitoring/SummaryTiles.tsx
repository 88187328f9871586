import type { ReactNode } from 'react';
import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';
import type { Summary } from './api';
import { formatPercent } from './format';

function Tile({
  id,
  label,
  value,
  hint,
  tone,
}: {
  id: string;
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'red' | 'teal';
}) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`tile-${id}`} component="article" aria-labelledby={`tile-${id}-label`}>
      <Text id={`tile-${id}-label`} size="sm" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2} c={tone} data-testid={`tile-${id}-value`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The five headline figures of the summary; skeletons while the first answer is on its way. */
export function SummaryTiles({ summary }: { summary: Summary | undefined }) {
  const { t } = useT();
  const f = useFormat();
  if (!summary) {
    return (
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" aria-busy="true" aria-label={t('common.loading')}>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} height={96} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  const s = summary;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="summary-tiles">
      <Tile
        id="agreements"
        label={t('monitoring.tiles.agreements')}
        value={f.number(s.agreements.total)}
        hint={t('monitoring.tiles.agreementsHint', { active: f.number(s.agreements.byStatus.ACTIVE) })}
      />
      <Tile
        id="firms"
        label={t('monitoring.tiles.firms')}
        value={f.number(s.smallFirmsReached)}
        hint={t('monitoring.tiles.firmsHint')}
      />
      <Tile
        id="onTime"
        label={t('monitoring.tiles.onTime')}
        value={formatPercent(s.onTimeReportRate, f.lang)}
        hint={
          s.reports.due
            ? t('monitoring.tiles.onTimeHint', { onTime: f.number(s.reports.onTime), due: f.number(s.reports.due) })
            : t('monitoring.tiles.noReportsDue')
        }
        tone={s.onTimeReportRate !== null && s.onTimeReportRate < 0.6 ? 'red' : undefined}
      />
      <Tile
        id="overdue"
        label={t('monitoring.tiles.overdue')}
        value={f.number(s.overdueCount)}
        hint={t('monitoring.tiles.overdueHint', { total: f.number(s.obligations.total) })}
        tone={s.overdueCount > 0 ? 'red' : 'teal'}
      />
      <Tile
        id="sessions"
        label={t('monitoring.tiles.sessions')}
        value={f.number(s.coachingSessionsDelivered)}
        hint={t('monitoring.tiles.sessionsHint')}
      />
    </SimpleGrid>
  );
}
