import { useMemo, useState } from 'react';
import { Alert, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FormProblem } from '../../components/FormProblem';
import { PageHeader } from '../../components/PageHeader';
import { PartnerPicker } from '../../components/PartnerPicker';
import { fetchAgreements } from '../../features/agreements/api';
import { useCreateCase, useFinding } from '../../features/monitoring/api';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A new monitoring case (DRAFT): from a finding (`?findingId=`), on an agreement (`?agreementId=`),
 * on a partner (`?partnerId=`), or chosen by hand; with the reason and the period examined.
 */
export default function CaseNewPage() {
  const { t } = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const findingId = params.get('findingId') ?? '';
  const finding = useFinding(findingId || null);
  const create = useCreateCase();
  const today = f.today();
  const threeMonthsAgo = useMemo(() => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 3);
    return isoDay(d);
  }, [today]);
  const form = useForm({
    partnerId: params.get('partnerId') ?? '',
    agreementId: params.get('agreementId') ?? '',
    reason: params.get('reason') ?? '',
    periodFrom: threeMonthsAgo,
    periodTo: today,
  });
  const v = form.values;
  const [busy, setBusy] = useState(false);

  const agreements = useQuery({
    queryKey: ['agreements', 'of-partner', v.partnerId],
    // the API's largest page: a partner's agreements, newest first
    queryFn: () => fetchAgreements({ partnerId: v.partnerId, limit: 100 }),
    enabled: !findingId && !!v.partnerId,
  });
  // An agreement named in the URL whose partner is not chosen yet: show it as the only choice.
  const presetAgreement = useQuery({
    queryKey: ['agreements', 'one', v.agreementId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/agreements/{id}', { params: { path: { id: v.agreementId } } }),
      ),
    enabled: !findingId && !!v.agreementId && !v.partnerId,
  });
  const agreementOptions = useMemo(() => {
    const list = (agreements.data?.items ?? []).map((a) => ({
      value: a.id,
      label: `${a.number} ${a.title}`,
    }));
    if (presetAgreement.data && !list.some((a) => a.value === presetAgreement.data.id)) {
      list.push({
        value: presetAgreement.data.id,
        label: `${presetAgreement.data.number ?? ''} ${presetAgreement.data.title}`.trim(),
      });
    }
    return list;
  }, [agreements.data, presetAgreement.data]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    if (!findingId && !v.partnerId && !v.agreementId) {
      form.setErrors({ partnerId: t('monitoring.cases.subjectRequired') });
      return;
    }
    setBusy(true);
    try {
      const c = await create.mutateAsync({
        findingId: findingId || undefined,
        partnerId: findingId ? undefined : v.agreementId ? undefined : v.partnerId || undefined,
        agreementId: findingId ? undefined : v.agreementId || undefined,
        reason: v.reason.trim(),
        periodFrom: v.periodFrom,
        periodTo: v.periodTo,
      });
      notifySuccess(t('monitoring.cases.created', { number: c.number }));
      navigate(`/ministry/cases/${c.id}`);
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('monitoring.cases.new')}
        subtitle={t('monitoring.cases.newHint')}
        back={{ to: '/ministry/cases', label: t('monitoring.cases.title') }}
      />
      <Paper withBorder p="md" radius="md" maw={720}>
        <Box component="form" onSubmit={submit} noValidate>
          <Stack gap="sm">
            {findingId ? (
              finding.data ? (
                <Alert color="blue" title={t('monitoring.cases.fromFinding')}>
                  <Text size="sm" fw={600}>
                    {f.lang === 'en' ? finding.data.rule.title.en : finding.data.rule.title.id}
                  </Text>
                  <Text size="sm">
                    {finding.data.partnerName}
                    {finding.data.agreementNumber ? ` · ${finding.data.agreementNumber}` : ''}
                  </Text>
                  <Text size="xs">
                    {t('monitoring.legalBasis')}: {finding.data.rule.legalBasis}
                  </Text>
                </Alert>
              ) : (
                <Text c="dimmed">{finding.isError ? t('monitoring.cases.findingGone') : t('common.loading')}</Text>
              )
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PartnerPicker
                  label={t('monitoring.cases.partner')}
                  placeholder={t('monitoring.cases.choosePartner')}
                  required={!v.agreementId}
                  value={v.partnerId}
                  onChange={(x) => {
                    form.set('partnerId', x);
                    form.set('agreementId', '');
                  }}
                  error={form.errors.partnerId}
                />
                <Select
                  label={t('monitoring.cases.agreement')}
                  description={t('monitoring.cases.agreementHint')}
                  placeholder={t('monitoring.cases.wholePartner')}
                  data={agreementOptions}
                  value={v.agreementId || null}
                  onChange={(x) => form.set('agreementId', x ?? '')}
                  clearable
                  disabled={!v.partnerId && !v.agreementId}
                  error={form.errors.agreementId}
                />
              </SimpleGrid>
            )}
            <Textarea
              label={t('monitoring.cases.reason')}
              required
              autosize
              minRows={3}
              value={v.reason}
              onChange={(e) => form.set('reason', e.currentTarget.value)}
              error={form.errors.reason}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                type="date"
                label={t('monitoring.cases.periodFrom')}
                required
                value={v.periodFrom}
                onChange={(e) => form.set('periodFrom', e.currentTarget.value)}
                error={form.errors.periodFrom}
              />
              <TextInput
                type="date"
                label={t('monitoring.cases.periodTo')}
                required
                value={v.periodTo}
                onChange={(e) => form.set('periodTo', e.currentTarget.value)}
                error={form.errors.periodTo}
              />
            </SimpleGrid>
            <FormProblem problem={form.problem} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('monitoring.cases.create')}
              </Button>
            </Group>
          </Stack>
        </Box>
      </Paper>
    </>
  );
}
