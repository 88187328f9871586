import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Application } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { StatusBadge } from '../../components/StatusBadge';
import { applicationsKey, fetchApplications, transition } from '../../features/applications/api';
import { useOpportunity } from '../../features/opportunities/api';
import { useT } from '../../i18n';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';

/** The firm's applications (and invitations) with their status. */
export default function ApplicationsPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('nav.applications')} subtitle={t('applications.subtitleFirm')} />
      <PagedList
        queryKey={[...applicationsKey, 'mine']}
        fetchPage={(cursor) => fetchApplications({ cursor })}
        itemKey={(a) => a.id}
        empty={t('applications.emptyFirm')}
        renderItem={(a) => <FirmApplication a={a} />}
      />
    </>
  );
}

function FirmApplication({ a }: { a: Application }) {
  const { t } = useT();
  const f = useFormat();
  const o = useOpportunity(a.opportunityId);
  const qc = useQueryClient();
  const move = useMutation({
    mutationFn: (m: 'withdraw' | 'decline') => transition(a, m),
    onSuccess: () => {
      notifySuccess(t('apply.updated'));
      void qc.invalidateQueries({ queryKey: applicationsKey });
    },
    onError: (e) => notifyError(e, t),
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} className="touch-link" to={`/opportunities/${a.opportunityId}`} fw={700}>
            {o.data?.title ?? t('common.loading')}
          </Anchor>
          <StatusBadge group="applicationStatus" value={a.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {a.invited ? t('applications.invitedOn', { date: f.date(a.createdAt) }) : t('applications.sentOn', { date: f.date(a.submittedAt ?? a.createdAt) })}
        </Text>
        {a.decisionNote && <Text size="sm">{t('apply.note')}: {a.decisionNote}</Text>}
        <Group gap="xs">
          {a.status === 'INVITED' && (
            <>
              <Button component={Link} to={`/opportunities/${a.opportunityId}`} size="compact-md">
                {t('apply.answerInvitation')}
              </Button>
              <Button variant="subtle" color="red" size="compact-md" loading={move.isPending} onClick={() => move.mutate('decline')}>
                {t('apply.decline')}
              </Button>
            </>
          )}
          {(a.status === 'SUBMITTED' || a.status === 'SHORTLISTED') && (
            <Button variant="subtle" color="red" size="compact-md" loading={move.isPending} onClick={() => move.mutate('withdraw')}>
              {t('apply.withdraw')}
            </Button>
          )}
          {a.status === 'ACCEPTED' && (
            <Button component={Link} to="/agreements" variant="light" size="compact-md">
              {t('nav.agreements')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
