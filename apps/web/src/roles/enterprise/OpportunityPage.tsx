import { useMemo, useState } from 'react';
import { Alert, Box, Button, Fieldset, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { usePartner } from '../../api/orgs';
import type { Application, Period } from '../../api/types';
import { FormProblem } from '../../components/FormProblem';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { applicationsKey, fetchApplications, LIVE, transition } from '../../features/applications/api';
import { OpportunityDetails } from '../../features/opportunities/OpportunityDetails';
import { useOpportunity } from '../../features/opportunities/api';
import { PeriodSelect } from '../../features/organization/OrganizationFields';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifyError, notifySuccess } from '../../lib/notify';

/** One opportunity for a small firm: what it offers, and applying (or the application already made). */
export default function OpportunityPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const q = useOpportunity(id);
  const partner = usePartner(q.data?.partnerId);
  const mine = useQuery({ queryKey: [...applicationsKey, 'for', id], queryFn: () => fetchApplications({ opportunityId: id, limit: 20 }) });
  const live = mine.data?.items.find((a) => LIVE.includes(a.status));
  return (
    <QueryView query={q}>
      {(o) => (
        <>
          <PageHeader title={o.title} back={{ to: '/recommendations', label: t('nav.recommendations') }} />
          <Stack gap="lg">
            <OpportunityDetails o={o} partnerName={partner.data?.name} />
            {live ? <ExistingApplication a={live} /> : o.status === 'OPEN' ? <ApplyForm opportunityId={o.id} /> : <Alert color="gray">{t('apply.closed')}</Alert>}
          </Stack>
        </>
      )}
    </QueryView>
  );
}

function ExistingApplication({ a }: { a: Application }) {
  const { t } = useT();
  const qc = useQueryClient();
  const move = useMutation({
    mutationFn: (m: 'withdraw' | 'decline') => transition(a, m),
    onSuccess: () => {
      notifySuccess(t('apply.updated'));
      void qc.invalidateQueries({ queryKey: applicationsKey });
    },
    onError: (e) => notifyError(e, t),
  });
  if (a.status === 'INVITED')
    return (
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('apply.invited')}
          </Title>
          {a.invitationMessage && <Text style={{ whiteSpace: 'pre-wrap' }}>{a.invitationMessage}</Text>}
          <ApplyForm opportunityId={a.opportunityId} />
          <Group>
            <Button variant="subtle" color="red" loading={move.isPending} onClick={() => move.mutate('decline')}>
              {t('apply.decline')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('apply.yours')}
          </Title>
          <StatusBadge group="applicationStatus" value={a.status} />
        </Group>
        {a.message && <Text style={{ whiteSpace: 'pre-wrap' }}>{a.message}</Text>}
        {a.decisionNote && (
          <Text size="sm" c="dimmed">
            {t('apply.note')}: {a.decisionNote}
          </Text>
        )}
        <Group>
          <Button component={Link} to="/applications" variant="light">
            {t('nav.applications')}
          </Button>
          {(a.status === 'SUBMITTED' || a.status === 'SHORTLISTED') && (
            <Button variant="subtle" color="red" loading={move.isPending} onClick={() => move.mutate('withdraw')}>
              {t('apply.withdraw')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

interface ApplyValues {
  message: string;
  quantity: number | null;
  unit: string;
  period: Period;
}

export function ApplyForm({ opportunityId }: { opportunityId: string }) {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<ApplyValues>({ message: '', quantity: null, unit: 'kg', period: 'MONTH' });
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => crypto.randomUUID(), []);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    setBusy(true);
    try {
      const v = form.values;
      await unwrap(
        api.POST('/api/v1/opportunities/{id}/applications', {
          params: { path: { id: opportunityId } },
          body: {
            message: v.message.trim() || undefined,
            offeredCapacity: v.quantity ? { quantity: v.quantity, unit: v.unit.trim(), period: v.period } : undefined,
          },
          headers: { 'Idempotency-Key': key },
        }),
      );
      notifySuccess(t('apply.sent'));
      await qc.invalidateQueries({ queryKey: applicationsKey });
      void navigate('/applications');
    } catch (err) {
      form.fail(err, t, { prefix: '' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Box component="form" onSubmit={submit} noValidate aria-labelledby="apply-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="apply-title">
            {t('apply.title')}
          </Title>
          <Textarea label={t('apply.message')} description={t('apply.messageHint')} autosize minRows={3} value={form.values.message} onChange={(e) => form.set('message', e.currentTarget.value)} error={form.errors.message} />
          <Fieldset legend={t('apply.capacity')} variant="unstyled">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <NumberInput label={t('org.quantity')} min={0} value={form.values.quantity ?? ''} onChange={(x) => form.set('quantity', x === '' ? null : Number(x))} error={form.errors['offeredCapacity.quantity']} decimalSeparator="," thousandSeparator="." />
              <TextInput label={t('org.unit')} value={form.values.unit} onChange={(e) => form.set('unit', e.currentTarget.value)} error={form.errors['offeredCapacity.unit']} />
              <PeriodSelect value={form.values.period} onChange={(p) => form.set('period', p)} error={form.errors['offeredCapacity.period']} required={false} />
            </SimpleGrid>
          </Fieldset>
          <FormProblem problem={form.problem} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('apply.submit')}
            </Button>
          </Group>
        </Stack>
      </Box>
    </Paper>
  );
}
