import { useMemo, useState } from 'react';
import { Box, Button, Checkbox, CloseButton, Fieldset, Group, NumberInput, Radio, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { CreateOpportunityBody, Opportunity, Pattern, Period, SupportType } from '../../api/types';
import { FormProblem } from '../../components/FormProblem';
import { KbliPicker } from '../../components/KbliPicker';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryState';
import { RegionName, RegionPicker } from '../../components/RegionPicker';
import { enumLabel } from '../../components/StatusBadge';
import { opportunityKey, PATTERNS, SUPPORT_BY_PATTERN, useOpportunity } from '../../features/opportunities/api';
import { CERTIFICATIONS } from '../../features/organization/model';
import { PeriodSelect } from '../../features/organization/OrganizationFields';
import { useT } from '../../i18n';
import { fromLocalInput, toLocalInput } from '../../lib/format';
import { useForm } from '../../lib/form';
import { notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';

interface Values {
  pattern: Pattern;
  title: string;
  description: string;
  kbliCodes: string[];
  regionCodes: string[];
  siteRegionCode: string | null;
  quantity: number | null;
  unit: string;
  period: Period;
  requiredCertifications: string[];
  preferredCertifications: string[];
  supportOffered: SupportType[];
  slots: number;
  closesAt: string;
}

/** Supports the pattern allows (Pasal 3 for inti-plasma, Pasal 4 for subkontrak); others are dropped. */
export function allowedSupport(pattern: Pattern, chosen: readonly SupportType[]): SupportType[] {
  return chosen.filter((s) => SUPPORT_BY_PATTERN[pattern].includes(s));
}

export function NewOpportunityPage() {
  return <OpportunityForm />;
}

export function EditOpportunityPage() {
  const { id = '' } = useParams();
  const q = useOpportunity(id);
  return <QueryView query={q}>{(o) => <OpportunityForm key={o.version} existing={o} />}</QueryView>;
}

function OpportunityForm({ existing }: { existing?: Opportunity }) {
  const { t } = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const key = useMemo(() => crypto.randomUUID(), []);
  const [busy, setBusy] = useState(false);
  const [pendingRegion, setPendingRegion] = useState<string | null>(null);
  const form = useForm<Values>(() => ({
    pattern: existing?.pattern ?? 'SUBCONTRACT',
    title: existing?.title ?? '',
    description: existing?.description ?? '',
    kbliCodes: existing?.kbliCodes ?? [],
    regionCodes: existing?.regionCodes ?? [],
    siteRegionCode: existing?.siteRegionCode ?? null,
    quantity: existing?.requiredCapacity?.quantity ?? null,
    unit: existing?.requiredCapacity?.unit ?? 'kg',
    period: (existing?.requiredCapacity?.period as Period | undefined) ?? 'MONTH',
    requiredCertifications: existing?.requiredCertifications ?? [],
    preferredCertifications: existing?.preferredCertifications ?? [],
    supportOffered: existing?.supportOffered ?? [],
    slots: existing?.slots ?? 1,
    closesAt: toLocalInput(existing?.closesAt, f.zone),
  }));
  const v = form.values;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    setBusy(true);
    const body: CreateOpportunityBody = {
      pattern: v.pattern,
      title: v.title.trim(),
      description: v.description.trim(),
      kbliCodes: v.kbliCodes,
      regionCodes: v.regionCodes,
      ...(v.siteRegionCode ? { siteRegionCode: v.siteRegionCode } : {}),
      requiredCapacity: v.quantity ? { quantity: v.quantity, unit: v.unit.trim(), period: v.period } : null,
      requiredCertifications: v.requiredCertifications,
      preferredCertifications: v.preferredCertifications,
      supportOffered: allowedSupport(v.pattern, v.supportOffered),
      slots: v.slots,
      closesAt: v.closesAt ? fromLocalInput(v.closesAt, f.zone) : null,
    };
    try {
      const saved = existing
        ? await unwrap(api.PATCH('/api/v1/opportunities/{id}', { params: { path: { id: existing.id } }, body: { ...body, version: existing.version } }))
        : await unwrap(api.POST('/api/v1/opportunities', { body, headers: { 'Idempotency-Key': key } }));
      qc.setQueryData(opportunityKey(saved.id), saved);
      await qc.invalidateQueries({ queryKey: ['opportunities'] });
      notifySuccess(t('opportunity.saved'));
      void navigate(`/opportunities/${saved.id}`);
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };

  const title = existing ? t('opportunity.edit') : t('opportunity.new');
  return (
    <>
      <PageHeader title={title} back={{ to: existing ? `/opportunities/${existing.id}` : '/opportunities', label: existing ? existing.title : t('nav.myOpportunities') }} />
      <Box component="form" onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="lg">
          <Radio.Group
            label={t('opportunity.pattern')}
            description={t('opportunity.patternHint')}
            value={v.pattern}
            onChange={(p) => {
              const pattern = p as Pattern;
              form.set('pattern', pattern);
              form.set('supportOffered', allowedSupport(pattern, v.supportOffered));
            }}
            required
          >
            <Stack gap={0} mt="xs">
              {PATTERNS.map((p) => (
                <Radio key={p} value={p} label={enumLabel(t, 'pattern', p)} description={t(p === 'INTI_PLASMA' ? 'opportunity.intiHint' : 'opportunity.subcontractHint')} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput label={t('opportunity.title')} required value={v.title} onChange={(e) => form.set('title', e.currentTarget.value)} error={form.errors.title} />
          <Textarea label={t('opportunity.description')} autosize minRows={3} value={v.description} onChange={(e) => form.set('description', e.currentTarget.value)} error={form.errors.description} />
          <KbliPicker label={t('opportunity.kbli')} value={v.kbliCodes} onChange={(c) => form.set('kbliCodes', c)} error={form.errorUnder('kbliCodes')} required />

          <Fieldset legend={t('opportunity.regions')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('opportunity.regionsHint')}
              </Text>
              {v.regionCodes.length > 0 && (
                <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {v.regionCodes.map((c) => (
                    <Group component="li" key={c} gap="xs" wrap="nowrap">
                      <Text size="sm">
                        <RegionName code={c} /> ({c})
                      </Text>
                      <CloseButton size="lg" className="touch-close" aria-label={t('opportunity.removeRegion', { code: c })} onClick={() => form.set('regionCodes', v.regionCodes.filter((x) => x !== c))} />
                    </Group>
                  ))}
                </Stack>
              )}
              <RegionPicker legend={t('opportunity.addRegion')} value={pendingRegion} onChange={setPendingRegion} />
              <Group>
                <Button
                  variant="light"
                  disabled={!pendingRegion || v.regionCodes.includes(pendingRegion)}
                  onClick={() => {
                    if (pendingRegion) form.set('regionCodes', [...v.regionCodes, pendingRegion]);
                    setPendingRegion(null);
                  }}
                >
                  + {t('opportunity.addRegionButton')}
                </Button>
              </Group>
              {form.errorUnder('regionCodes') && (
                <Text c="red" size="sm">
                  {form.errorUnder('regionCodes')}
                </Text>
              )}
            </Stack>
          </Fieldset>

          <RegionPicker legend={t('opportunity.site')} description={t('opportunity.siteHint')} value={v.siteRegionCode} onChange={(c) => form.set('siteRegionCode', c)} error={form.errors.siteRegionCode} />

          <Fieldset legend={t('opportunity.capacity')}>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <NumberInput label={t('org.quantity')} min={0} value={v.quantity ?? ''} onChange={(x) => form.set('quantity', x === '' ? null : Number(x))} error={form.errors['requiredCapacity.quantity']} decimalSeparator="," thousandSeparator="." />
              <TextInput label={t('org.unit')} value={v.unit} onChange={(e) => form.set('unit', e.currentTarget.value)} error={form.errors['requiredCapacity.unit']} />
              <PeriodSelect value={v.period} onChange={(p) => form.set('period', p)} error={form.errors['requiredCapacity.period']} required={false} />
            </SimpleGrid>
          </Fieldset>

          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput label={t('opportunity.requiredCerts')} description={t('opportunity.requiredCertsHint')} data={[...CERTIFICATIONS]} value={v.requiredCertifications} onChange={(x) => form.set('requiredCertifications', x.map((c) => c.toUpperCase()))} error={form.errorUnder('requiredCertifications')} />
            <TagsInput label={t('opportunity.preferredCerts')} description={t('opportunity.preferredCertsHint')} data={[...CERTIFICATIONS]} value={v.preferredCertifications} onChange={(x) => form.set('preferredCertifications', x.map((c) => c.toUpperCase()))} error={form.errorUnder('preferredCertifications')} />
          </SimpleGrid>

          <Checkbox.Group
            label={t('opportunity.support')}
            description={t(v.pattern === 'INTI_PLASMA' ? 'opportunity.supportInti' : 'opportunity.supportSubcontract')}
            value={v.supportOffered}
            onChange={(x) => form.set('supportOffered', x as SupportType[])}
            error={form.errorUnder('supportOffered')}
          >
            <Stack gap={0} mt="xs">
              {SUPPORT_BY_PATTERN[v.pattern].map((s) => (
                <Checkbox key={s} value={s} label={enumLabel(t, 'support', s)} />
              ))}
            </Stack>
          </Checkbox.Group>

          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('opportunity.slots')} min={1} allowDecimal={false} required value={v.slots} onChange={(x) => form.set('slots', Number(x) || 1)} error={form.errors.slots} />
            <TextInput label={t('opportunity.closesAtInput', { zone: f.zoneLabel })} description={t('opportunity.closesAtHint')} type="datetime-local" value={v.closesAt} onChange={(e) => form.set('closesAt', e.currentTarget.value)} error={form.errors.closesAt} />
          </SimpleGrid>
          <FormProblem problem={form.problem} />
          <Group>
            <Button type="submit" loading={busy}>
              {existing ? t('common.save') : t('opportunity.createDraft')}
            </Button>
          </Group>
        </Stack>
      </Box>
    </>
  );
}
