import { useState } from 'react';
import { SegmentedControl, Select, Stack } from '@mantine/core';
import type { Obligation, ObligationStatus } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { enumLabel } from '../../components/StatusBadge';
import { fetchObligations, obligationsKey } from '../../features/agreements/api';
import { ObligationCard } from '../../features/obligations/ObligationCard';
import { ObligationsCalendar } from '../../features/obligations/ObligationsCalendar';
import { useT } from '../../i18n';

const STATUSES: readonly ObligationStatus[] = ['OVERDUE', 'DUE', 'UPCOMING', 'FULFILLED', 'WAIVED', 'CANCELLED'];
const mine = (o: Obligation) => o.owedBy === 'PARTNER';

/** The partner's Pasal 14 obligations as a list (by state) or a month calendar. */
export default function ObligationsPage() {
  const { t } = useT();
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [status, setStatus] = useState<ObligationStatus | null>(null);
  return (
    <>
      <PageHeader title={t('nav.obligations')} subtitle={t('obligation.subtitle')} />
      <Stack gap="md">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v === 'calendar' ? 'calendar' : 'list')}
          aria-label={t('obligation.view')}
          data={[
            { value: 'list', label: t('obligation.list') },
            { value: 'calendar', label: t('obligation.calendar') },
          ]}
        />
        {view === 'calendar' ? (
          <ObligationsCalendar canAct={mine} />
        ) : (
          <>
            <Select
              label={t('common.status')}
              clearable
              placeholder={t('common.all')}
              data={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'obligationStatus', s) }))}
              value={status}
              onChange={(v) => setStatus(v as ObligationStatus | null)}
              maw={360}
            />
            <PagedList
              queryKey={[...obligationsKey, 'list', status]}
              fetchPage={(cursor) => fetchObligations({ cursor, status: status ?? undefined })}
              itemKey={(o) => o.id}
              empty={t('obligation.empty')}
              renderItem={(o) => <ObligationCard o={o} canAct={mine(o)} />}
            />
          </>
        )}
      </Stack>
    </>
  );
}
