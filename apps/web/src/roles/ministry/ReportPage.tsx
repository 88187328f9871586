import {
  Accordion,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { ProgressReport } from '../../api/types';
import { FormProblem } from '../../components/FormProblem';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryState';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { useAgreement } from '../../features/agreements/api';
import { useReport, useReviewReport } from '../../features/monitoring/api';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';

/** One progress report (every version kept) and the officer's review: accept, or ask for a revision with a note. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const q = useReport(id);
  return <QueryView query={q}>{(r) => <ReportView r={r} />}</QueryView>;
}

function ReportView({ r }: { r: ProgressReport }) {
  const { t } = useT();
  const f = useFormat();
  const agreement = useAgreement(r.agreementId);
  const reviewable = r.status === 'SUBMITTED' || r.status === 'RESUBMITTED';
  return (
    <>
      <PageHeader
        title={t('monitoring.reports.period', { from: f.date(r.periodStart), to: f.date(r.periodEnd) })}
        subtitle={<StatusBadge group="reportStatus" value={r.status} />}
        back={{ to: '/ministry/reports', label: t('monitoring.reports.title') }}
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Stack gap={6}>
            <Text size="sm">
              {agreement.data ? (
                <Anchor component={Link} to={`/agreements/${r.agreementId}`}>
                  {agreement.data.number} · {agreement.data.title}
                </Anchor>
              ) : (
                '…'
              )}
            </Text>
            {agreement.data && (
              <Text size="sm" c="dimmed">
                {agreement.data.partner.name} → {agreement.data.enterprise.name} ·{' '}
                {enumLabel(t, 'pattern', agreement.data.pattern)}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('monitoring.reports.submitted', { date: f.dateTime(r.submittedAt), version: r.reportVersion })}
            </Text>
            <Title order={2} size="h5" mt="xs">
              {t('monitoring.reports.summary')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.summary}
            </Text>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h5" mb="xs">
            {t('monitoring.reports.volumes')}
          </Title>
          {r.volumes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('monitoring.reports.noVolumes')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={320}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('monitoring.reports.product')}</Table.Th>
                    <Table.Th>{t('monitoring.reports.quantity')}</Table.Th>
                    <Table.Th>{t('monitoring.reports.value')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.volumes.map((v, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{v.product}</Table.Td>
                      <Table.Td>
                        {f.number(v.quantity)} {v.unit}
                      </Table.Td>
                      <Table.Td>{f.money(v.valueIdr)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <div>
              <Title order={3} size="h6">
                {t('monitoring.reports.coaching')}
              </Title>
              {r.coachingDelivered.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('monitoring.reports.noCoaching')}
                </Text>
              ) : (
                r.coachingDelivered.map((c, i) => (
                  <Text size="sm" key={i}>
                    {enumLabel(t, 'aspect', c.aspect)} — {enumLabel(t, 'activity', c.activity)}:{' '}
                    {t('monitoring.reports.sessions', { count: c.sessions })}
                  </Text>
                ))
              )}
            </div>
            <div>
              <Title order={3} size="h6">
                {t('monitoring.reports.payments')}
              </Title>
              <Badge color={r.paymentsOnTime === false ? 'red' : r.paymentsOnTime ? 'teal' : 'gray'} variant="light">
                {r.paymentsOnTime === null
                  ? '—'
                  : r.paymentsOnTime
                    ? t('monitoring.reports.paymentsOnTime')
                    : t('monitoring.reports.paymentsLate')}
              </Badge>
            </div>
          </SimpleGrid>
          <Title order={3} size="h6" mt="sm">
            {t('monitoring.reports.issues')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.issues || '—'}
          </Text>
          {r.reviewNote && (
            <>
              <Title order={3} size="h6" mt="sm">
                {t('monitoring.reports.reviewNote')}
              </Title>
              <Text size="sm">{r.reviewNote}</Text>
            </>
          )}
        </Paper>
        {reviewable && <ReviewForm r={r} />}
        {r.versions && r.versions.length > 1 && (
          <Accordion variant="separated">
            {r.versions.map((v) => (
              <Accordion.Item key={v.reportVersion} value={String(v.reportVersion)}>
                <Accordion.Control>
                  {t('monitoring.reports.version', { version: v.reportVersion, date: f.dateTime(v.submittedAt) })}
                  {v.reviewDecision ? ` · ${enumLabel(t, 'reportStatus', v.reviewDecision)}` : ''}
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {v.summary}
                  </Text>
                  {v.reviewNote && (
                    <Text size="sm" c="dimmed" mt="xs">
                      {t('monitoring.reports.reviewNote')}: {v.reviewNote}
                    </Text>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </>
  );
}

function ReviewForm({ r }: { r: ProgressReport }) {
  const { t } = useT();
  const review = useReviewReport(r.id);
  const form = useForm({ decision: 'ACCEPTED' as 'ACCEPTED' | 'REVISION_REQUESTED', note: '' });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    if (form.values.decision === 'REVISION_REQUESTED' && !form.values.note.trim()) {
      form.setErrors({ note: t('monitoring.reports.noteRequired') });
      return;
    }
    try {
      await review.mutateAsync({
        decision: form.values.decision,
        note: form.values.note.trim() || undefined,
        version: r.version,
      });
      notifySuccess(
        form.values.decision === 'ACCEPTED' ? t('monitoring.reports.accepted') : t('monitoring.reports.revisionAsked'),
      );
    } catch (err) {
      form.fail(err, t);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Box component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('monitoring.reports.review')}
          </Title>
          <Radio.Group
            label={t('monitoring.reports.decision')}
            value={form.values.decision}
            onChange={(v) => form.set('decision', v as 'ACCEPTED' | 'REVISION_REQUESTED')}
            required
          >
            <Stack gap={0} mt={4}>
              <Radio value="ACCEPTED" label={t('monitoring.reports.accept')} />
              <Radio value="REVISION_REQUESTED" label={t('monitoring.reports.askRevision')} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('monitoring.reports.note')}
            description={t('monitoring.reports.noteHint')}
            required={form.values.decision === 'REVISION_REQUESTED'}
            autosize
            minRows={3}
            value={form.values.note}
            onChange={(e) => form.set('note', e.currentTarget.value)}
            error={form.errors.note}
          />
          <FormProblem problem={form.problem} />
          <Group>
            <Button type="submit" loading={review.isPending}>
              {t('monitoring.reports.submitReview')}
            </Button>
          </Group>
        </Stack>
      </Box>
    </Paper>
  );
}
