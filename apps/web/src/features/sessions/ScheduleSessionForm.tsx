import { useMemo, useState } from 'react';
import { Box, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { api, unwrap } from '../../api/client';
import type { Aspect } from '../../api/types';
import { FormProblem } from '../../components/FormProblem';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { fromLocalInput } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useFormat } from '../../lib/useFormat';

export const ASPECTS: readonly Aspect[] = ['MARKETING', 'HUMAN_RESOURCES', 'CAPITAL', 'MANAGEMENT', 'TECHNOLOGY'];
export const HR_ACTIVITIES = ['TRAINING', 'APPRENTICESHIP', 'COMPARATIVE_STUDY', 'CONSULTATION'] as const;

/** Aspect + activity: for HUMAN_RESOURCES one of the four named activities (domain.md), else free text. */
export function ActivityField({ aspect, value, onChange, error }: { aspect: Aspect; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useT();
  if (aspect === 'HUMAN_RESOURCES')
    return (
      <Select
        label={t('coaching.activity')}
        data={HR_ACTIVITIES.map((a) => ({ value: a, label: enumLabel(t, 'activity', a) }))}
        value={(HR_ACTIVITIES as readonly string[]).includes(value) ? value : null}
        onChange={(v) => onChange(v ?? '')}
        error={error}
        required
      />
    );
  return <TextInput label={t('coaching.activity')} description={t('coaching.activityHint')} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} required />;
}

/** The partner schedules a coaching session (time entered in the partner's zone, WIB/WITA/WIT). */
export function ScheduleSessionForm({ agreementId, onDone }: { agreementId: string; onDone: () => void }) {
  const { t } = useT();
  const f = useFormat();
  const form = useForm({ aspect: 'HUMAN_RESOURCES' as Aspect, activity: 'TRAINING', topic: '', scheduledAt: '', location: '' });
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => crypto.randomUUID(), []);
  const v = form.values;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    form.clear();
    try {
      await unwrap(
        api.POST('/api/v1/agreements/{id}/sessions', {
          params: { path: { id: agreementId } },
          body: { aspect: v.aspect, activity: v.activity.trim(), topic: v.topic.trim(), scheduledAt: fromLocalInput(v.scheduledAt, f.zone), location: v.location.trim() },
          headers: { 'Idempotency-Key': key },
        }),
      );
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('coaching.aspect')}
            data={ASPECTS.map((a) => ({ value: a, label: enumLabel(t, 'aspect', a) }))}
            value={v.aspect}
            onChange={(a) => {
              if (!a) return;
              form.set('aspect', a as Aspect);
              form.set('activity', a === 'HUMAN_RESOURCES' ? 'TRAINING' : '');
            }}
            allowDeselect={false}
            error={form.errors.aspect}
            required
          />
          <ActivityField aspect={v.aspect} value={v.activity} onChange={(x) => form.set('activity', x)} error={form.errors.activity} />
        </SimpleGrid>
        <TextInput label={t('session.topic')} value={v.topic} onChange={(e) => form.set('topic', e.currentTarget.value)} error={form.errors.topic} required />
        <TextInput
          label={t('session.when', { zone: f.zoneLabel })}
          type="datetime-local"
          value={v.scheduledAt}
          onChange={(e) => form.set('scheduledAt', e.currentTarget.value)}
          error={form.errors.scheduledAt}
          required
        />
        <TextInput label={t('session.location')} value={v.location} onChange={(e) => form.set('location', e.currentTarget.value)} error={form.errors.location} required />
        <FormProblem problem={form.problem} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('session.schedule')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
