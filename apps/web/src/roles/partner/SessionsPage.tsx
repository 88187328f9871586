import { useState } from 'react';
import { Select, Stack } from '@mantine/core';
import type { CoachingSession } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { enumLabel } from '../../components/StatusBadge';
import { fetchSessions, sessionsKey } from '../../features/agreements/api';
import { SessionCard } from '../../features/sessions/SessionCard';
import { useT } from '../../i18n';

const STATUSES: readonly CoachingSession['status'][] = ['SCHEDULED', 'HELD', 'CONFIRMED', 'DISPUTED', 'CANCELLED'];

/** Coaching sessions across the partner's agreements; record attendance here. Schedule from an agreement. */
export default function SessionsPage() {
  const { t } = useT();
  const [status, setStatus] = useState<CoachingSession['status'] | null>(null);
  return (
    <>
      <PageHeader title={t('nav.sessions')} subtitle={t('session.subtitle')} />
      <Stack gap="md">
        <Select
          label={t('common.status')}
          clearable
          placeholder={t('common.all')}
          data={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'sessionStatus', s) }))}
          value={status}
          onChange={(v) => setStatus(v as CoachingSession['status'] | null)}
          maw={360}
        />
        <PagedList
          queryKey={[...sessionsKey, 'list', status]}
          fetchPage={(cursor) => fetchSessions({ cursor, status: status ?? undefined })}
          itemKey={(s) => s.id}
          empty={t('session.empty')}
          renderItem={(s) => <SessionCard s={s} party="partner" />}
        />
      </Stack>
    </>
  );
}
