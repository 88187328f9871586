import { useState } from 'react';
import { Alert, Box, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Aspect, ReportDraft } from '../../api/types';
import { FormProblem } from '../../components/FormProblem';
import { ListBuilder } from '../../components/ListBuilder';
import { MoneyInput } from '../../components/MoneyInput';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryState';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { fetchObligations, obligationsKey, reportsKey } from '../../features/agreements/api';
import { ASPECTS } from '../../features/sessions/ScheduleSessionForm';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';

interface Volume {
  product: string;
  quantity: number;
  unit: string;
  valueIdr: number;
}
interface Delivered {
  aspect: Aspect;
  activity: string;
  sessions: number;
}

/** The periodic progress report (Pasal 14 huruf b), pre-filled by the API from the period's facts. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const periodEnd = params.get('periodEnd');
  return periodEnd ? <Draft agreementId={id} periodEnd={periodEnd} /> : <ChoosePeriod agreementId={id} />;
}

function Draft({ agreementId, periodEnd }: { agreementId: string; periodEnd: string }) {
  const q = useQuery({
    queryKey: [...reportsKey, 'draft', agreementId, periodEnd],
    queryFn: () => unwrap(api.GET('/api/v1/agreements/{id}/reports/draft', { params: { path: { id: agreementId }, query: { periodEnd } } })),
  });
  return <QueryView query={q}>{(d) => <ReportForm key={`${d.periodStart}-${d.periodEnd}`} agreementId={agreementId} draft={d} />}</QueryView>;
}

/** Without a period in the link: the agreement's reporting periods (PROGRESS_REPORT obligations), oldest open first. */
function ChoosePeriod({ agreementId }: { agreementId: string }) {
  const { t } = useT();
  const f = useFormat();
  const [, setParams] = useSearchParams();
  const q = useQuery({
    queryKey: [...obligationsKey, 'reports', agreementId],
    queryFn: () => fetchObligations({ agreementId, type: 'PROGRESS_REPORT', limit: 100 }),
  });
  return (
    <>
      <PageHeader title={t('report.fill')} back={{ to: `/agreements/${agreementId}`, label: t('nav.agreements') }} />
      <QueryView query={q}>
        {(page) => {
          const periods = page.items.filter((o) => o.periodEnd).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
          if (!periods.length) return <Alert color="gray">{t('report.noPeriods')}</Alert>;
          return (
            <Stack gap="sm">
              <Text>{t('report.choosePeriod')}</Text>
              {periods.map((o) => (
                <Paper withBorder p="sm" key={o.id}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={0}>
                      <Text fw={600}>
                        {f.date(o.periodStart)} – {f.date(o.periodEnd)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t('obligation.due', { date: f.date(o.dueDate) })}
                      </Text>
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      <StatusBadge group="obligationStatus" value={o.status} />
                      <Button size="compact-md" onClick={() => setParams({ periodEnd: o.periodEnd! })} aria-label={`${t('report.fillPeriod')} ${f.date(o.periodStart)} – ${f.date(o.periodEnd)}`}>
                        {t('report.fillPeriod')}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}

function ReportForm({ agreementId, draft }: { agreementId: string; draft: ReportDraft }) {
  const { t } = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    summary: draft.summary,
    volumes: draft.volumes.map((v) => ({ ...v })) as Volume[],
    coachingDelivered: draft.coachingDelivered.map((c) => ({ ...c })) as Delivered[],
    paymentsOnTime: draft.paymentsOnTime,
    issues: draft.issues,
  });
  const v = form.values;
  const e = form.errors;
  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    form.clear();
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/v1/agreements/{id}/reports', {
          params: { path: { id: agreementId } },
          body: {
            periodStart: draft.periodStart,
            periodEnd: draft.periodEnd,
            summary: v.summary.trim(),
            volumes: v.volumes.map((x) => ({ ...x, product: x.product.trim(), unit: x.unit.trim() })),
            coachingDelivered: v.coachingDelivered,
            paymentsOnTime: v.paymentsOnTime,
            issues: v.issues.trim(),
          },
        }),
      );
      notifySuccess(t('report.submitted'));
      await Promise.all([qc.invalidateQueries({ queryKey: reportsKey }), qc.invalidateQueries({ queryKey: obligationsKey })]);
      void navigate(`/agreements/${agreementId}?tab=reports`);
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader
        title={t('report.title', { period: draft.periodLabel })}
        subtitle={`${draft.agreementNumber} · ${draft.agreementTitle}`}
        back={{ to: `/agreements/${agreementId}`, label: draft.agreementTitle }}
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {[draft.partner, draft.enterprise].map((p) => (
              <Stack gap={2} key={p.id}>
                <Text fw={600}>{p.name}</Text>
                <Text size="sm">NIB {p.nib} · {enumLabel(t, 'scale', p.scale)}</Text>
                <Text size="sm">KBLI {p.kbliCodes.join(', ')}</Text>
                <Text size="sm">{p.regionName ?? p.regionCode}</Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Text size="sm" mt="sm">
            {enumLabel(t, 'pattern', draft.pattern)} · {f.date(draft.periodStart)} – {f.date(draft.periodEnd)} · {t('obligation.due', { date: f.date(draft.dueDate) })}
          </Text>
        </Paper>
        {draft.reportId && draft.reportStatus && (
          <Alert color={draft.reportStatus === 'REVISION_REQUESTED' ? 'orange' : 'blue'}>
            <Group gap="xs">
              {t('report.alreadyFiled')} <StatusBadge group="reportStatus" value={draft.reportStatus} />
            </Group>
          </Alert>
        )}
        {draft.sessionsDisputed > 0 && <Alert color="red">{t('report.sessionsDisputed', { count: draft.sessionsDisputed })}</Alert>}
        <Box component="form" onSubmit={submit} noValidate aria-label={t('report.formLabel')}>
          <Stack gap="lg">
            <Textarea label={t('report.summary')} required autosize minRows={3} value={v.summary} onChange={(x) => form.set('summary', x.currentTarget.value)} error={e.summary} />
            <ListBuilder<Volume>
              legend={t('report.volumes')}
              items={v.volumes}
              onChange={(x) => form.set('volumes', x)}
              make={() => ({ product: '', quantity: 0, unit: '', valueIdr: 0 })}
              addLabel={t('report.addVolume')}
              itemLabel={(i) => t('report.volumeN', { n: i + 1 })}
              error={e.volumes}
              render={(x, i, update) => (
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                  <TextInput label={t('org.product')} value={x.product} onChange={(ev) => update({ product: ev.currentTarget.value })} error={e[`volumes.${i}.product`]} required />
                  <NumberInput label={t('org.quantity')} min={0} value={x.quantity} onChange={(n) => update({ quantity: Number(n) || 0 })} error={e[`volumes.${i}.quantity`]} decimalSeparator="," thousandSeparator="." />
                  <TextInput label={t('org.unit')} value={x.unit} onChange={(ev) => update({ unit: ev.currentTarget.value })} error={e[`volumes.${i}.unit`]} />
                  <MoneyInput label={t('report.value')} value={x.valueIdr} onChange={(n) => update({ valueIdr: n ?? 0 })} error={e[`volumes.${i}.valueIdr`]} />
                </SimpleGrid>
              )}
            />
            <ListBuilder<Delivered>
              legend={t('report.coaching')}
              description={t('report.coachingHint')}
              items={v.coachingDelivered}
              onChange={(x) => form.set('coachingDelivered', x)}
              make={() => ({ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', sessions: 1 })}
              addLabel={t('report.addCoaching')}
              itemLabel={(i) => t('report.coachingN', { n: i + 1 })}
              error={e.coachingDelivered}
              render={(x, i, update) => (
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
                  <Select label={t('coaching.aspect')} data={ASPECTS.map((a) => ({ value: a, label: enumLabel(t, 'aspect', a) }))} value={x.aspect} onChange={(a) => a && update({ aspect: a as Aspect })} allowDeselect={false} error={e[`coachingDelivered.${i}.aspect`]} />
                  <TextInput label={t('coaching.activity')} value={x.activity} onChange={(ev) => update({ activity: ev.currentTarget.value })} error={e[`coachingDelivered.${i}.activity`]} />
                  <NumberInput label={t('coaching.sessions')} min={0} allowDecimal={false} value={x.sessions} onChange={(n) => update({ sessions: Number(n) || 0 })} error={e[`coachingDelivered.${i}.sessions`]} />
                </SimpleGrid>
              )}
            />
            <Checkbox label={t('report.paymentsOnTime')} checked={v.paymentsOnTime} onChange={(x) => form.set('paymentsOnTime', x.currentTarget.checked)} error={e.paymentsOnTime} />
            <Textarea label={t('report.issues')} description={t('report.issuesHint')} autosize minRows={2} value={v.issues} onChange={(x) => form.set('issues', x.currentTarget.value)} error={e.issues} />
            <FormProblem problem={form.problem} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('report.submit')}
              </Button>
            </Group>
          </Stack>
        </Box>
      </Stack>
    </>
  );
}
