import { useState } from 'react';
import { Box, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CoachingSession } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { FormProblem } from '../../components/FormProblem';
import { ListBuilder } from '../../components/ListBuilder';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';
import { agreementsKey, obligationsKey, sessionsKey } from '../agreements/api';

/** A coaching session: the partner records attendance; the small firm confirms (or disputes) it took place. */
export function SessionCard({ s, party }: { s: CoachingSession; party: 'partner' | 'enterprise' | null }) {
  const { t } = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const [modal, setModal] = useState<'attendance' | 'dispute' | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: sessionsKey }), qc.invalidateQueries({ queryKey: obligationsKey }), qc.invalidateQueries({ queryKey: agreementsKey })]);
  const confirm = async () => {
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/sessions/{id}/confirm', { params: { path: { id: s.id } }, body: { version: s.version } }));
      notifySuccess(t('session.confirmed'));
      await refresh();
    } catch (err) {
      notifyError(err, t);
    } finally {
      setBusy(false);
    }
  };
  // The lifecycle (libs/obligations/src/domain/session.ts): the partner records attendance on a
  // SCHEDULED session (→ HELD); the firm confirms a HELD or DISPUTED one, or disputes a HELD one.
  // Attendance is recorded once the session has begun.
  const canRecord = s.status === 'SCHEDULED' && Date.parse(s.scheduledAt) <= Date.now();
  const canConfirm = s.status === 'HELD' || s.status === 'DISPUTED';
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{s.topic}</Text>
          <StatusBadge group="sessionStatus" value={s.status} />
        </Group>
        <Text size="sm">
          {enumLabel(t, 'aspect', s.aspect)} · {enumLabel(t, 'activity', s.activity)}
        </Text>
        <Text size="sm">
          {f.dateTime(s.scheduledAt)} · {s.location}
        </Text>
        {s.attendees.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('session.attendees')}: {s.attendees.map((a) => a.name).join(', ')}
          </Text>
        )}
        {s.attendanceNote && <Text size="sm" c="dimmed">{s.attendanceNote}</Text>}
        {s.disputeReason && (
          <Text size="sm" c="red">
            {t('session.disputed')}: {s.disputeReason}
          </Text>
        )}
        <Group gap="xs">
          {party === 'partner' && canRecord && (
            <Button variant="light" size="compact-md" onClick={() => setModal('attendance')}>
              {t('session.recordAttendance')}
            </Button>
          )}
          {party === 'partner' && s.status === 'SCHEDULED' && !canRecord && (
            <Text size="sm" c="dimmed">
              {t('session.notStarted')}
            </Text>
          )}
          {party === 'enterprise' && canConfirm && (
            <Button size="compact-md" loading={busy} onClick={() => void confirm()}>
              {t('session.confirm')}
            </Button>
          )}
          {party === 'enterprise' && s.status === 'HELD' && (
            <Button variant="subtle" color="red" size="compact-md" onClick={() => setModal('dispute')}>
              {t('session.dispute')}
            </Button>
          )}
          {party === 'enterprise' && s.status === 'SCHEDULED' && (
            <Text size="sm" c="dimmed">
              {t('session.waitAttendance')}
            </Text>
          )}
        </Group>
      </Stack>
      <FormModal opened={modal === 'attendance'} onClose={() => setModal(null)} title={t('session.recordAttendance')}>
        <AttendanceForm s={s} onDone={async () => { setModal(null); notifySuccess(t('session.attendanceSaved')); await refresh(); }} />
      </FormModal>
      <FormModal opened={modal === 'dispute'} onClose={() => setModal(null)} title={t('session.dispute')}>
        <DisputeSessionForm s={s} onDone={async () => { setModal(null); notifySuccess(t('session.disputeSaved')); await refresh(); }} />
      </FormModal>
    </Paper>
  );
}

function AttendanceForm({ s, onDone }: { s: CoachingSession; onDone: () => void }) {
  const { t } = useT();
  const form = useForm({ attendees: s.attendees.length ? s.attendees : [{ name: '' }], note: s.attendanceNote ?? '' });
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    form.clear();
    try {
      await unwrap(
        api.POST('/api/v1/sessions/{id}/attendance', {
          params: { path: { id: s.id } },
          body: { version: s.version, attendees: form.values.attendees.filter((a) => a.name.trim()).map((a) => ({ name: a.name.trim() })), note: form.values.note.trim() || undefined },
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
        <ListBuilder
          legend={t('session.attendees')}
          items={form.values.attendees}
          onChange={(a) => form.set('attendees', a)}
          make={() => ({ name: '' })}
          addLabel={t('session.addAttendee')}
          itemLabel={(i) => t('session.attendeeN', { n: i + 1 })}
          min={1}
          error={form.errors.attendees}
          render={(a, i, update) => <TextInput label={t('session.attendeeName')} value={a.name} onChange={(e) => update({ name: e.currentTarget.value })} error={form.errors[`attendees.${i}.name`]} />}
        />
        <Textarea label={t('session.note')} autosize minRows={2} value={form.values.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
        <FormProblem problem={form.problem} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

function DisputeSessionForm({ s, onDone }: { s: CoachingSession; onDone: () => void }) {
  const { t } = useT();
  const form = useForm({ reason: '' });
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    form.clear();
    try {
      await unwrap(api.POST('/api/v1/sessions/{id}/dispute', { params: { path: { id: s.id } }, body: { version: s.version, reason: form.values.reason.trim() } }));
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
        <Textarea label={t('session.disputeReason')} required autosize minRows={3} value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} />
        <FormProblem problem={form.problem} />
        <Group>
          <Button type="submit" color="red" loading={busy}>
            {t('session.dispute')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
