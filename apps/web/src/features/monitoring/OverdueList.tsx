import { useState } from 'react';
import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { FormProblem } from '../../components/FormProblem';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';
import { monitoringKey, type OverdueItem } from './api';
import { titleCase } from './format';

/** One overdue obligation: what, whose, how late, its legal basis; open the agreement, open a case, or waive it. */
export function OverdueCard({ o, canAct = true }: { o: OverdueItem; canAct?: boolean }) {
  const { t } = useT();
  const f = useFormat();
  const [waiving, setWaiving] = useState(false);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="overdue-item">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={700}>{o.title}</Text>
          <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
            {t('monitoring.overdue.days', { count: o.daysOverdue })}
          </Badge>
        </Group>
        <Text size="sm">
          {o.partner.name} → {o.enterprise.name}
        </Text>
        <Text size="sm" c="dimmed">
          {enumLabel(t, 'obligationType', o.type)} · {t('monitoring.overdue.due', { date: f.date(o.dueDate) })} ·{' '}
          {titleCase(o.province.name)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('monitoring.legalBasis')}: {o.legalBasis} · {o.agreement.number}
        </Text>
        {canAct && (
          <Group gap="xs">
            <Anchor component={Link} to={`/agreements/${o.agreement.id}`} className="touch-link" size="sm">
              {t('monitoring.overdue.openAgreement')}
            </Anchor>
            <Anchor
              component={Link}
              to={`/ministry/cases/new?agreementId=${o.agreement.id}&reason=${encodeURIComponent(t('monitoring.overdue.caseReason', { title: o.title, date: o.dueDate }))}`}
              className="touch-link"
              size="sm"
            >
              {t('monitoring.cases.openCase')}
            </Anchor>
            <Button variant="subtle" onClick={() => setWaiving(true)}>
              {t('monitoring.overdue.waive')}
            </Button>
          </Group>
        )}
      </Stack>
      <FormModal
        opened={waiving}
        onClose={() => setWaiving(false)}
        title={t('monitoring.overdue.waiveTitle', { title: o.title })}
      >
        <WaiveForm obligationId={o.obligationId} onDone={() => setWaiving(false)} />
      </FormModal>
    </Paper>
  );
}

/** Waiving an obligation (MINISTRY, with a reason): it leaves the overdue list once the next snapshot is taken. */
function WaiveForm({ obligationId, onDone }: { obligationId: string; onDone: () => void }) {
  const { t } = useT();
  const qc = useQueryClient();
  const form = useForm({ reason: '' });
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/v1/obligations/{id}/waive', {
          params: { path: { id: obligationId } },
          body: { reason: form.values.reason.trim() },
        }),
      );
      notifySuccess(t('monitoring.overdue.waived'));
      await qc.invalidateQueries({ queryKey: monitoringKey });
      onDone();
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('monitoring.overdue.waiveHint')}
        </Text>
        <Textarea
          label={t('monitoring.overdue.waiveReason')}
          required
          autosize
          minRows={3}
          value={form.values.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.errors.reason}
        />
        <FormProblem problem={form.problem} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('monitoring.overdue.waive')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
