import { useState } from 'react';
import {
  Anchor,
  Box,
  Button,
  FileInput,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { FormProblem } from '../../components/FormProblem';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryView } from '../../components/QueryState';
import {
  type CaseAttachment,
  type CaseDetail,
  type CaseMessage,
  usePostCaseMessage,
  useCase,
  useCaseTransition,
  VIOLATION_TYPES,
  type ViolationType,
} from '../../features/monitoring/api';
import { saveBlob } from '../../features/monitoring/ExportMenu';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';
import { CaseStatusBadge } from './CasesPage';
import '../../features/monitoring/monitoring.css';

const MAX_FILES = 5;

/**
 * One monitoring case: its subject, reason and period, the moves the transition table allows now
 * (open, record the conclusion, complete, cancel — `allowedActions` from the API), the conclusion,
 * and the dialogue with the partner (messages with attachments).
 */
export default function CasePage() {
  const { id = '' } = useParams();
  const q = useCase(id);
  return <QueryView query={q}>{(c) => <CaseView c={c} />}</QueryView>;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function CaseView({ c }: { c: CaseDetail }) {
  const { t } = useT();
  const f = useFormat();
  const move = useCaseTransition(c.id);
  const [dialog, setDialog] = useState<null | 'conclude' | 'complete' | 'cancel'>(null);
  const can = (a: string) => (c.allowedActions as string[]).includes(a);

  const open = () =>
    move.mutate(
      { action: 'open', version: c.version },
      { onSuccess: () => notifySuccess(t('monitoring.cases.opened')), onError: (err) => notifyError(err, t) },
    );

  return (
    <>
      <PageHeader
        title={`${c.number} — ${c.partnerName}`}
        subtitle={<CaseStatusBadge status={c.status} />}
        back={{ to: '/ministry/cases', label: t('monitoring.cases.title') }}
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field label={t('monitoring.cases.partner')}>{c.partnerName}</Field>
            <Field label={t('monitoring.cases.agreement')}>
              {c.agreementId ? (
                <Anchor component={Link} to={`/agreements/${c.agreementId}`}>
                  {c.agreementNumber}
                  {c.enterpriseName ? ` · ${c.enterpriseName}` : ''}
                </Anchor>
              ) : (
                t('monitoring.cases.wholePartner')
              )}
            </Field>
            <Field label={t('monitoring.cases.periodLabel')}>
              {t('monitoring.cases.period', { from: f.date(c.periodFrom), to: f.date(c.periodTo) })}
            </Field>
            {c.findingRuleCode && (
              <Field label={t('monitoring.cases.finding')}>
                <Anchor component={Link} to={`/ministry/findings?rule=${c.findingRuleCode}&status=ALL`}>
                  {c.findingRuleCode}
                </Anchor>
              </Field>
            )}
          </SimpleGrid>
          <Box mt="sm">
            <Field label={t('monitoring.cases.reason')}>{c.reason}</Field>
          </Box>
          {c.cancelReason && (
            <Box mt="sm">
              <Field label={t('monitoring.cases.cancelReason')}>{c.cancelReason}</Field>
            </Box>
          )}
          {c.completionNote && (
            <Box mt="sm">
              <Field label={t('monitoring.cases.completionNote')}>{c.completionNote}</Field>
            </Box>
          )}
        </Paper>

        {c.conclusion && (
          <Paper withBorder p="md" radius="md" data-testid="case-conclusion">
            <Title order={2} size="h4" mb="xs">
              {t('monitoring.cases.conclusion')}
            </Title>
            <Stack gap={6}>
              <Text fw={600} c={c.conclusion.violation ? 'red' : 'teal'}>
                {c.conclusion.violation ? t('monitoring.cases.violationFound') : t('monitoring.cases.noViolation')}
              </Text>
              {c.conclusion.violationType && (
                <Field label={t('monitoring.cases.violationType')}>
                  {t(`monitoring.violation.${c.conclusion.violationType as ViolationType}`)}
                </Field>
              )}
              {c.conclusion.requiredRemedy && (
                <Field label={t('monitoring.cases.requiredRemedy')}>{c.conclusion.requiredRemedy}</Field>
              )}
              {c.conclusion.remedyDueDate && (
                <Field label={t('monitoring.cases.remedyDueDate')}>{f.date(c.conclusion.remedyDueDate)}</Field>
              )}
              <Field label={t('monitoring.cases.note')}>{c.conclusion.note}</Field>
              {c.remedyReportedAt && (
                <Text size="sm">{t('monitoring.cases.remedyReported', { date: f.dateTime(c.remedyReportedAt) })}</Text>
              )}
            </Stack>
          </Paper>
        )}

        {(can('open') || can('address') || can('decline') || can('complete') || can('cancel')) && (
          <Group gap="xs" component="section" aria-label={t('monitoring.actions')}>
            {can('open') && (
              <Button onClick={open} loading={move.isPending}>
                {t('monitoring.cases.open')}
              </Button>
            )}
            {(can('address') || can('decline')) && (
              <Button onClick={() => setDialog('conclude')}>{t('monitoring.cases.recordConclusion')}</Button>
            )}
            {can('complete') && <Button onClick={() => setDialog('complete')}>{t('monitoring.cases.complete')}</Button>}
            {can('cancel') && (
              <Button variant="default" color="red" onClick={() => setDialog('cancel')}>
                {t('monitoring.cases.cancel')}
              </Button>
            )}
          </Group>
        )}
        {c.status === 'DRAFT' && (
          <Text size="sm" c="dimmed">
            {t('monitoring.cases.draftHint')}
          </Text>
        )}

        <Dialogue c={c} />
      </Stack>

      <FormModal opened={dialog === 'conclude'} onClose={() => setDialog(null)} title={t('monitoring.cases.recordConclusion')}>
        <ConclusionForm c={c} onDone={() => setDialog(null)} />
      </FormModal>
      <FormModal opened={dialog === 'complete'} onClose={() => setDialog(null)} title={t('monitoring.cases.complete')}>
        <NoteForm c={c} kind="complete" onDone={() => setDialog(null)} />
      </FormModal>
      <FormModal opened={dialog === 'cancel'} onClose={() => setDialog(null)} title={t('monitoring.cases.cancel')}>
        <NoteForm c={c} kind="cancel" onDone={() => setDialog(null)} />
      </FormModal>
    </>
  );
}

/** The conclusion: violation (type, required remedy, due date) → ADDRESSED, or none → DECLINED; always a note. */
function ConclusionForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const { t } = useT();
  const move = useCaseTransition(c.id);
  const form = useForm({
    violation: 'yes' as 'yes' | 'no',
    violationType: '' as ViolationType | '',
    requiredRemedy: '',
    remedyDueDate: '',
    note: '',
  });
  const v = form.values;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    const violation = v.violation === 'yes';
    try {
      await move.mutateAsync({
        action: 'conclude',
        body: violation
          ? {
              version: c.version,
              violation,
              violationType: (v.violationType || undefined) as ViolationType,
              requiredRemedy: v.requiredRemedy.trim(),
              remedyDueDate: v.remedyDueDate,
              note: v.note.trim(),
            }
          : { version: c.version, violation, note: v.note.trim() },
      });
      notifySuccess(t('monitoring.cases.concluded'));
      onDone();
    } catch (err) {
      form.fail(err, t);
    }
  };
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Radio.Group
          label={t('monitoring.cases.violationQuestion')}
          value={v.violation}
          onChange={(x) => form.set('violation', x as 'yes' | 'no')}
          required
        >
          <Stack gap={0} mt={4}>
            <Radio value="yes" label={t('monitoring.cases.violationYes')} />
            <Radio value="no" label={t('monitoring.cases.violationNo')} />
          </Stack>
        </Radio.Group>
        {v.violation === 'yes' && (
          <>
            <Select
              label={t('monitoring.cases.violationType')}
              required
              data={VIOLATION_TYPES.map((x) => ({ value: x, label: t(`monitoring.violation.${x}`) }))}
              value={v.violationType || null}
              onChange={(x) => form.set('violationType', (x ?? '') as ViolationType | '')}
              error={form.errors.violationType}
            />
            <Textarea
              label={t('monitoring.cases.requiredRemedy')}
              required
              autosize
              minRows={2}
              value={v.requiredRemedy}
              onChange={(e) => form.set('requiredRemedy', e.currentTarget.value)}
              error={form.errors.requiredRemedy}
            />
            <TextInput
              type="date"
              label={t('monitoring.cases.remedyDueDate')}
              required
              value={v.remedyDueDate}
              onChange={(e) => form.set('remedyDueDate', e.currentTarget.value)}
              error={form.errors.remedyDueDate}
            />
          </>
        )}
        <Textarea
          label={t('monitoring.cases.note')}
          description={t('monitoring.cases.noteHint')}
          required
          autosize
          minRows={3}
          value={v.note}
          onChange={(e) => form.set('note', e.currentTarget.value)}
          error={form.errors.note}
        />
        <FormProblem problem={form.problem} />
        <Group>
          <Button type="submit" loading={move.isPending}>
            {t('monitoring.cases.saveConclusion')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

/** Complete (optional note) or cancel (reason required). */
function NoteForm({ c, kind, onDone }: { c: CaseDetail; kind: 'complete' | 'cancel'; onDone: () => void }) {
  const { t } = useT();
  const move = useCaseTransition(c.id);
  const form = useForm({ text: '' });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    try {
      if (kind === 'complete') await move.mutateAsync({ action: 'complete', version: c.version, note: form.values.text.trim() });
      else await move.mutateAsync({ action: 'cancel', version: c.version, reason: form.values.text.trim() });
      notifySuccess(kind === 'complete' ? t('monitoring.cases.completed') : t('monitoring.cases.cancelled'));
      onDone();
    } catch (err) {
      form.fail(err, t, { known: (name) => name === 'note' || name === 'reason' });
    }
  };
  const field = kind === 'complete' ? 'note' : 'reason';
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={kind === 'complete' ? t('monitoring.cases.completionNote') : t('monitoring.cases.cancelReason')}
          required={kind === 'cancel'}
          autosize
          minRows={3}
          value={form.values.text}
          onChange={(e) => form.set('text', e.currentTarget.value)}
          error={form.errors[field]}
        />
        <FormProblem problem={form.problem} />
        <Group>
          <Button type="submit" color={kind === 'cancel' ? 'red' : undefined} loading={move.isPending}>
            {kind === 'complete' ? t('monitoring.cases.complete') : t('monitoring.cases.cancel')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

function AttachmentButton({ caseId, a }: { caseId: string; a: CaseAttachment }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const blob = await unwrap(
        api.GET('/api/v1/monitoring/cases/{id}/attachments/{attachmentId}', {
          params: { path: { id: caseId, attachmentId: a.id } },
          parseAs: 'blob',
        }),
      );
      saveBlob(blob as Blob, a.fileName);
    } catch (err) {
      notifyError(err, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="light"
      size="compact-sm"
      onClick={() => void download()}
      loading={busy}
      aria-label={t('monitoring.cases.downloadFile', { name: a.fileName })}
    >
      {a.fileName} ({Math.max(1, Math.round(a.sizeBytes / 1024))} KB)
    </Button>
  );
}

function MessageItem({ caseId, m }: { caseId: string; m: CaseMessage }) {
  const { t } = useT();
  const f = useFormat();
  return (
    <Paper withBorder p="sm" radius="md" className="case-message" data-side={m.authorSide}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {m.authorSide === 'OFFICER' ? t('monitoring.cases.sideOfficer') : t('monitoring.cases.sidePartner')}
          {m.kind === 'REMEDY_REPORT' ? ` · ${t('monitoring.cases.remedyReport')}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {f.dateTime(m.createdAt)}
        </Text>
      </Group>
      {m.text && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {m.text}
        </Text>
      )}
      {m.attachments.length > 0 && (
        <Group gap="xs" mt="xs">
          {m.attachments.map((a) => (
            <AttachmentButton key={a.id} caseId={caseId} a={a} />
          ))}
        </Group>
      )}
    </Paper>
  );
}

/** The dialogue, oldest first, and the composer (text and up to five PDF/JPEG/PNG files) when messages are allowed. */
function Dialogue({ c }: { c: CaseDetail }) {
  const { t } = useT();
  const post = usePostCaseMessage(c.id);
  const form = useForm({ text: '', files: [] as File[] });
  const canWrite = (c.allowedActions as string[]).includes('message');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    if (!form.values.text.trim() && !form.values.files.length) {
      form.setErrors({ text: t('monitoring.cases.messageEmpty') });
      return;
    }
    try {
      await post.mutateAsync({ text: form.values.text.trim(), files: form.values.files });
      form.setValues({ text: '', files: [] });
      notifySuccess(t('monitoring.cases.messageSent'));
    } catch (err) {
      form.fail(err, t, { known: (name) => name === 'text' || name === 'file' });
    }
  };
  return (
    <section aria-labelledby="case-dialogue">
      <Title order={2} size="h4" mb="xs" id="case-dialogue">
        {t('monitoring.cases.dialogue')}
      </Title>
      {c.messages.length === 0 ? (
        <Empty>{t('monitoring.cases.noMessages')}</Empty>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {c.messages.map((m) => (
            <li key={m.id}>
              <MessageItem caseId={c.id} m={m} />
            </li>
          ))}
        </Stack>
      )}
      {canWrite && (
        <Paper withBorder p="sm" radius="md" mt="sm">
          <Box component="form" onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Textarea
                label={t('monitoring.cases.message')}
                autosize
                minRows={3}
                value={form.values.text}
                onChange={(e) => form.set('text', e.currentTarget.value)}
                error={form.errors.text}
              />
              <FileInput
                label={t('monitoring.cases.attachments')}
                description={t('monitoring.cases.attachmentsHint', { max: MAX_FILES })}
                multiple
                clearable
                accept="application/pdf,image/jpeg,image/png"
                value={form.values.files}
                onChange={(files) => form.set('files', (files ?? []).slice(0, MAX_FILES))}
                error={form.errors.file}
              />
              <FormProblem problem={form.problem} />
              <Group>
                <Button type="submit" loading={post.isPending}>
                  {t('monitoring.cases.send')}
                </Button>
              </Group>
            </Stack>
          </Box>
        </Paper>
      )}
    </section>
  );
}
