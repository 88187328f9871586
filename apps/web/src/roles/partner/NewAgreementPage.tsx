import { useMemo, useState } from 'react';
import { Alert, Box, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useEnterprise } from '../../api/orgs';
import type { Aspect, CreateAgreementBody, Pattern, SupportType } from '../../api/types';
import { FormProblem } from '../../components/FormProblem';
import { ListBuilder } from '../../components/ListBuilder';
import { MoneyInput } from '../../components/MoneyInput';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/QueryState';
import { enumLabel } from '../../components/StatusBadge';
import { agreementsKey } from '../../features/agreements/api';
import { SUPPORT_BY_PATTERN, useOpportunity } from '../../features/opportunities/api';
import { ActivityField, ASPECTS } from '../../features/sessions/ScheduleSessionForm';
import { useT } from '../../i18n';
import { fromLocalInput } from '../../lib/format';
import { type Form, useForm } from '../../lib/form';
import { notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';

const REPORTING = ['QUARTERLY', 'SEMESTER', 'YEARLY'] as const;

export interface CommitmentRow {
  type: SupportType | '';
  description: string;
  quantity: number | null;
  unit: string;
  valueIdr: number | null;
  dueDate: string;
  schedule: string;
}
export interface SessionRow {
  scheduledAt: string;
  location: string;
}
export interface CoachingRow {
  aspect: Aspect;
  activity: string;
  description: string;
  sessions: SessionRow[];
}
export interface AgreementValues {
  title: string;
  startDate: string;
  endDate: string;
  reportingPeriod: (typeof REPORTING)[number];
  paymentTermDays: number | null;
  commitments: CommitmentRow[];
  coaching: CoachingRow[];
}

const emptyCommitment = (): CommitmentRow => ({ type: '', description: '', quantity: null, unit: '', valueIdr: null, dueDate: '', schedule: '' });
const emptyCoaching = (): CoachingRow => ({ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', description: '', sessions: [] });

/** The request body from the builders (blank optional fields left out; session times in the partner's zone). */
export function agreementBody(applicationId: string, v: AgreementValues, zone: Parameters<typeof fromLocalInput>[1]): CreateAgreementBody {
  return {
    applicationId,
    title: v.title.trim(),
    startDate: v.startDate,
    endDate: v.endDate,
    reportingPeriod: v.reportingPeriod,
    paymentTermDays: v.paymentTermDays,
    commitments: v.commitments.map((c) => ({
      type: c.type as SupportType,
      description: c.description.trim(),
      ...(c.quantity !== null ? { quantity: c.quantity } : {}),
      ...(c.unit.trim() ? { unit: c.unit.trim() } : {}),
      ...(c.valueIdr !== null ? { valueIdr: c.valueIdr } : {}),
      ...(c.dueDate ? { dueDate: c.dueDate } : {}),
      ...(c.schedule.trim() ? { schedule: c.schedule.trim() } : {}),
    })),
    coaching: v.coaching.map((c) => ({
      aspect: c.aspect,
      activity: c.activity.trim(),
      description: c.description.trim(),
      sessions: c.sessions.map((s) => ({ scheduledAt: fromLocalInput(s.scheduledAt, zone), location: s.location.trim() })),
    })),
  };
}

/** A partner drafts an agreement from an accepted application: dates, commitments, coaching plan. */
export default function NewAgreementPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const applicationId = params.get('applicationId') ?? '';
  const app = useQuery({
    queryKey: ['applications', 'one', applicationId],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } })),
    enabled: !!applicationId,
  });
  const opp = useOpportunity(app.data?.opportunityId);
  const firm = useEnterprise(app.data?.enterpriseId);
  if (!applicationId) return <Alert color="yellow">{t('agreementNew.needApplication')}</Alert>;
  if (app.isError) return <ErrorState error={app.error} />;
  if (opp.isError) return <ErrorState error={opp.error} />;
  if (!app.data || !opp.data) return <Loading />;
  if (app.data.status !== 'ACCEPTED') return <Alert color="yellow">{t('agreementNew.notAccepted')}</Alert>;
  return <Builder applicationId={applicationId} pattern={opp.data.pattern} oppTitle={opp.data.title} firmName={firm.data?.name ?? ''} />;
}

function Builder({ applicationId, pattern, oppTitle, firmName }: { applicationId: string; pattern: Pattern; oppTitle: string; firmName: string }) {
  const { t } = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const key = useMemo(() => crypto.randomUUID(), []);
  const [busy, setBusy] = useState(false);
  const today = f.today();
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const form = useForm<AgreementValues>({
    title: oppTitle,
    startDate: today,
    endDate: nextYear,
    reportingPeriod: 'QUARTERLY',
    paymentTermDays: 30,
    commitments: [emptyCommitment()],
    coaching: [emptyCoaching()],
  });
  const v = form.values;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    setBusy(true);
    try {
      const a = await unwrap(api.POST('/api/v1/agreements', { body: agreementBody(applicationId, v, f.zone), headers: { 'Idempotency-Key': key } }));
      await qc.invalidateQueries({ queryKey: agreementsKey });
      notifySuccess(t('agreementNew.created'));
      void navigate(`/agreements/${a.id}`);
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('agreementNew.title')} subtitle={`${oppTitle}${firmName ? ` — ${firmName}` : ''}`} back={{ to: '/applications', label: t('nav.applications') }} />
      <Box component="form" onSubmit={submit} noValidate aria-label={t('agreementNew.title')}>
        <Stack gap="lg">
          <TextInput label={t('agreementNew.agreementTitle')} required value={v.title} onChange={(e) => form.set('title', e.currentTarget.value)} error={form.errors.title} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('agreementNew.start')} type="date" required value={v.startDate} onChange={(e) => form.set('startDate', e.currentTarget.value)} error={form.errors.startDate} />
            <TextInput label={t('agreementNew.end')} type="date" required value={v.endDate} onChange={(e) => form.set('endDate', e.currentTarget.value)} error={form.errors.endDate} />
            <Select
              label={t('agreement.reporting')}
              data={REPORTING.map((r) => ({ value: r, label: enumLabel(t, 'reportingPeriod', r) }))}
              value={v.reportingPeriod}
              onChange={(r) => r && form.set('reportingPeriod', r as AgreementValues['reportingPeriod'])}
              allowDeselect={false}
              error={form.errors.reportingPeriod}
            />
            <NumberInput label={t('agreement.paymentTerm')} description={t('agreementNew.paymentHint')} min={0} max={365} allowDecimal={false} value={v.paymentTermDays ?? ''} onChange={(x) => form.set('paymentTermDays', x === '' ? null : Number(x))} error={form.errors.paymentTermDays} />
          </SimpleGrid>
          <CommitmentsBuilder form={form} pattern={pattern} />
          <CoachingBuilder form={form} />
          <FormProblem problem={form.problem} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('agreementNew.create')}
            </Button>
          </Group>
        </Stack>
      </Box>
    </>
  );
}

/** Commitments; the types offered are those the opportunity's pattern allows (domain.md). */
export function CommitmentsBuilder({ form, pattern }: { form: Form<AgreementValues>; pattern: Pattern }) {
  const { t } = useT();
  const e = form.errors;
  return (
    <ListBuilder<CommitmentRow>
      legend={t('agreement.commitments')}
      description={t(pattern === 'INTI_PLASMA' ? 'opportunity.supportInti' : 'opportunity.supportSubcontract')}
      items={form.values.commitments}
      onChange={(c) => form.set('commitments', c)}
      make={emptyCommitment}
      min={1}
      addLabel={t('agreementNew.addCommitment')}
      itemLabel={(i) => t('agreementNew.commitmentN', { n: i + 1 })}
      error={e.commitments}
      render={(c, i, update) => (
        <Stack gap="xs">
          <Select
            label={t('agreementNew.commitmentType')}
            data={SUPPORT_BY_PATTERN[pattern].map((s) => ({ value: s, label: enumLabel(t, 'support', s) }))}
            value={c.type || null}
            onChange={(x) => update({ type: (x ?? '') as SupportType | '' })}
            error={e[`commitments.${i}.type`]}
            required
          />
          <Textarea label={t('agreementNew.commitmentDescription')} autosize minRows={2} value={c.description} onChange={(x) => update({ description: x.currentTarget.value })} error={e[`commitments.${i}.description`]} required />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <NumberInput label={t('org.quantity')} min={0} value={c.quantity ?? ''} onChange={(x) => update({ quantity: x === '' ? null : Number(x) })} error={e[`commitments.${i}.quantity`]} decimalSeparator="," thousandSeparator="." />
            <TextInput label={t('org.unit')} value={c.unit} onChange={(x) => update({ unit: x.currentTarget.value })} error={e[`commitments.${i}.unit`]} />
            <MoneyInput label={t('agreementNew.value')} value={c.valueIdr} onChange={(x) => update({ valueIdr: x })} error={e[`commitments.${i}.valueIdr`]} />
            <TextInput label={t('agreementNew.dueDate')} type="date" value={c.dueDate} onChange={(x) => update({ dueDate: x.currentTarget.value })} error={e[`commitments.${i}.dueDate`]} />
          </SimpleGrid>
          <TextInput label={t('agreementNew.schedule')} description={t('agreementNew.scheduleHint')} value={c.schedule} onChange={(x) => update({ schedule: x.currentTarget.value })} error={e[`commitments.${i}.schedule`]} />
        </Stack>
      )}
    />
  );
}

/** The coaching plan (pembinaan) by aspect and activity, each with its scheduled sessions. */
export function CoachingBuilder({ form }: { form: Form<AgreementValues> }) {
  const { t } = useT();
  const f = useFormat();
  const e = form.errors;
  return (
    <ListBuilder<CoachingRow>
      legend={t('agreement.coaching')}
      description={t('agreementNew.coachingHint')}
      items={form.values.coaching}
      onChange={(c) => form.set('coaching', c)}
      make={emptyCoaching}
      addLabel={t('agreementNew.addCoaching')}
      itemLabel={(i) => t('agreementNew.coachingN', { n: i + 1 })}
      error={e.coaching}
      render={(c, i, update) => (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Select
              label={t('coaching.aspect')}
              data={ASPECTS.map((a) => ({ value: a, label: enumLabel(t, 'aspect', a) }))}
              value={c.aspect}
              onChange={(a) => a && update({ aspect: a as Aspect, activity: a === 'HUMAN_RESOURCES' ? 'TRAINING' : '' })}
              allowDeselect={false}
              error={e[`coaching.${i}.aspect`]}
              required
            />
            <ActivityField aspect={c.aspect} value={c.activity} onChange={(a) => update({ activity: a })} error={e[`coaching.${i}.activity`]} />
          </SimpleGrid>
          <Textarea label={t('coaching.description')} autosize minRows={2} value={c.description} onChange={(x) => update({ description: x.currentTarget.value })} error={e[`coaching.${i}.description`]} required />
          <ListBuilder<SessionRow>
            legend={t('coaching.sessions')}
            items={c.sessions}
            onChange={(s) => update({ sessions: s })}
            make={() => ({ scheduledAt: '', location: '' })}
            addLabel={t('agreementNew.addSession')}
            itemLabel={(j) => t('agreementNew.sessionN', { n: j + 1, item: i + 1 })}
            error={e[`coaching.${i}.sessions`]}
            render={(s, j, upd) => (
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <TextInput label={t('session.when', { zone: f.zoneLabel })} type="datetime-local" value={s.scheduledAt} onChange={(x) => upd({ scheduledAt: x.currentTarget.value })} error={e[`coaching.${i}.sessions.${j}.scheduledAt`]} required />
                <TextInput label={t('session.location')} value={s.location} onChange={(x) => upd({ location: x.currentTarget.value })} error={e[`coaching.${i}.sessions.${j}.location`]} required />
              </SimpleGrid>
            )}
          />
          <Text size="xs" c="dimmed">
            {t('agreementNew.sessionsHint')}
          </Text>
        </Stack>
      )}
    />
  );
}
