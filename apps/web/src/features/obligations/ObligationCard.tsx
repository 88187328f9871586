import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Obligation } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { notifyError, notifySuccess } from '../../lib/notify';
import { api, unwrap } from '../../api/client';
import { useFormat } from '../../lib/useFormat';
import { asZone } from '../../lib/zones';
import { obligationsKey } from '../agreements/api';
import { EvidenceForm } from './EvidenceForm';

/** Evidence files need the bearer token: fetched as a blob, then handed to the browser. */
function EvidenceDownload({ id, name }: { id: string; name: string }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="subtle"
      size="compact-md"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const blob = await unwrap(api.GET('/api/v1/evidence/{id}/download', { params: { path: { id } }, parseAs: 'blob' }));
          const url = URL.createObjectURL(blob as Blob);
          const a = document.createElement('a');
          a.href = url;
          a.download = name;
          a.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } catch (err) {
          notifyError(err, t);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('evidence.download', { name })}
    </Button>
  );
}

export const OPEN_STATUSES: readonly Obligation['status'][] = ['UPCOMING', 'DUE', 'OVERDUE'];

/** One obligation: what, the legal basis, due date (a day in the partner's zone), state, evidence. */
export function ObligationCard({ o, canAct, showAgreement = true }: { o: Obligation; canAct: boolean; showAgreement?: boolean }) {
  const { t } = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const isOpen = OPEN_STATUSES.includes(o.status);
  const zone = asZone(o.timeZone);
  return (
    <Paper withBorder p="md" radius="md" style={o.status === 'OVERDUE' ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{o.title}</Text>
          <StatusBadge group="obligationStatus" value={o.status} />
        </Group>
        <Text size="sm">
          {enumLabel(t, 'obligationType', o.type)} · {t('obligation.due', { date: f.date(o.dueDate, zone) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('obligation.basis')}: {o.legalBasis}
        </Text>
        {o.evidence.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('evidence.title')}
            </Text>
            {o.evidence.map((ev) => (
              <Text size="sm" key={ev.id}>
                {ev.kind === 'FILE' ? (
                  <EvidenceDownload id={ev.id} name={ev.fileName ?? t('evidence.file')} />
                ) : ev.url ? (
                  <Anchor href={ev.url} target="_blank" rel="noreferrer">
                    {ev.url}
                  </Anchor>
                ) : null}
                {ev.note ? ` ${ev.note}` : ''} <Text span c="dimmed" size="xs">({f.dateTime(ev.createdAt)})</Text>
              </Text>
            ))}
          </Stack>
        )}
        <Group gap="xs">
          {showAgreement && o.agreementId && (
            <Button component={Link} to={`/agreements/${o.agreementId}`} variant="subtle" size="compact-md">
              {t('obligation.openAgreement')}
            </Button>
          )}
          {canAct && isOpen && o.type === 'PROGRESS_REPORT' && o.agreementId && (
            <Button component={Link} to={`/agreements/${o.agreementId}/report${o.periodEnd ? `?periodEnd=${o.periodEnd}` : ''}`} size="compact-md">
              {t('report.fill')}
            </Button>
          )}
          {canAct && isOpen && o.type !== 'PROGRESS_REPORT' && (
            <Button variant="light" size="compact-md" onClick={() => setOpen(true)}>
              {t('evidence.add')}
            </Button>
          )}
        </Group>
      </Stack>
      <FormModal opened={open} onClose={() => setOpen(false)} title={`${t('evidence.add')}: ${o.title}`}>
        <EvidenceForm
          obligation={o}
          onDone={() => {
            setOpen(false);
            notifySuccess(t('evidence.saved'));
            void qc.invalidateQueries({ queryKey: obligationsKey });
          }}
        />
      </FormModal>
    </Paper>
  );
}
