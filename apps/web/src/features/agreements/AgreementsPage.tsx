import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';
import { AGREEMENT_STATUSES, type AgreementStatus, agreementsKey, fetchAgreements } from './api';

/** The agreements the caller is party to (every one, for a ministry officer), by status. */
export default function AgreementsPage({ subtitle }: { subtitle?: string }) {
  const { t } = useT();
  const f = useFormat();
  const [status, setStatus] = useState<AgreementStatus | null>(null);
  return (
    <>
      <PageHeader title={t('nav.agreements')} subtitle={subtitle} />
      <Select
        label={t('common.status')}
        clearable
        placeholder={t('common.all')}
        data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'agreementStatus', s) }))}
        value={status}
        onChange={(v) => setStatus(v as AgreementStatus | null)}
        mb="md"
        maw={360}
      />
      <PagedList
        queryKey={[...agreementsKey, 'list', status]}
        fetchPage={(cursor) => fetchAgreements({ cursor, status: status ?? undefined })}
        itemKey={(a) => a.id}
        empty={t('agreements.empty')}
        renderItem={(a) => (
          <Paper withBorder p="md" radius="md">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} className="touch-link" to={`/agreements/${a.id}`} fw={700}>
                  {a.title}
                </Anchor>
                <StatusBadge group="agreementStatus" value={a.status} />
              </Group>
              <Text size="sm">
                {a.partner.name} — {a.enterprise.name}
              </Text>
              <Group gap="xs">
                <Badge variant="outline">{enumLabel(t, 'pattern', a.pattern)}</Badge>
                <Text size="xs" c="dimmed">
                  {a.number} · {f.date(a.startDate)} – {f.date(a.endDate)}
                </Text>
              </Group>
              {a.disputedCommitments > 0 && (
                <Text size="sm" c="red">
                  {t('agreement.disputedCount', { count: a.disputedCommitments })}
                </Text>
              )}
            </Stack>
          </Paper>
        )}
      />
    </>
  );
}
