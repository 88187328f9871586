import { Autocomplete, Checkbox, Fieldset, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { Capacity, CertificationInput, Need } from '../../api/types';
import { KbliPicker } from '../../components/KbliPicker';
import { ListBuilder } from '../../components/ListBuilder';
import { MoneyInput } from '../../components/MoneyInput';
import { RegionPicker } from '../../components/RegionPicker';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import type { Form } from '../../lib/form';
import { CERTIFICATIONS, type Kind, NEEDS, type OrgValues, PERIODS } from './model';

const int = (v: string | number) => (v === '' || v === null ? null : Math.trunc(Number(v)));

/**
 * The profile fields of an organisation, for registration and for editing. Field errors come from the
 * API's problem details under the same names (`capacities.0.quantity`, `pic.email`…).
 */
export function OrganizationFields({ kind, form }: { kind: Kind; form: Form<OrgValues> }) {
  const { t } = useT();
  const { values: v, set, errors: e } = form;
  return (
    <Stack gap="lg">
      <Fieldset legend={t('org.identity')}>
        <Stack gap="sm">
          <TextInput label={t('org.name')} required value={v.name} onChange={(x) => set('name', x.currentTarget.value)} error={e.name} autoComplete="organization" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('org.nib')}
              description={t('org.nibHint')}
              required
              inputMode="numeric"
              maxLength={13}
              value={v.nib}
              onChange={(x) => set('nib', x.currentTarget.value.replace(/\D/g, ''))}
              error={e.nib}
            />
            <TextInput label={t('org.npwp')} description={t('org.npwpHint')} inputMode="numeric" value={v.npwp} onChange={(x) => set('npwp', x.currentTarget.value)} error={e.npwp} />
          </SimpleGrid>
          <TextInput label={t('org.legalForm')} description={t('org.legalFormHint')} value={v.legalForm} onChange={(x) => set('legalForm', x.currentTarget.value)} error={e.legalForm} />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('org.location')}>
        <Stack gap="sm">
          <RegionPicker legend={t('org.region')} description={t('org.regionHint')} value={v.regionCode} onChange={(c) => set('regionCode', c)} error={e.regionCode} required />
          <Textarea label={t('org.address')} autosize minRows={2} value={v.address} onChange={(x) => set('address', x.currentTarget.value)} error={e.address} autoComplete="street-address" />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('org.sector')}>
        <KbliPicker label={t('org.kbli')} value={v.kbliCodes} onChange={(c) => set('kbliCodes', c)} error={form.errorUnder('kbliCodes')} required />
      </Fieldset>

      <Fieldset legend={t('org.size')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('org.sizeHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <MoneyInput label={t('org.netAssets')} description={t('org.netAssetsHint')} value={v.netAssetsIdr} onChange={(x) => set('netAssetsIdr', x)} error={e.netAssetsIdr} />
            <MoneyInput label={t('org.annualSales')} value={v.annualSalesIdr} onChange={(x) => set('annualSalesIdr', x)} error={e.annualSalesIdr} />
            <NumberInput label={t('org.workforce')} min={0} allowDecimal={false} value={v.workforce ?? ''} onChange={(x) => set('workforce', int(x))} error={e.workforce} inputMode="numeric" />
            <NumberInput label={t('org.foundedYear')} min={1800} max={2100} allowDecimal={false} thousandSeparator="" value={v.foundedYear ?? ''} onChange={(x) => set('foundedYear', int(x))} error={e.foundedYear} inputMode="numeric" />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('org.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('org.contactEmail')} type="email" inputMode="email" value={v.contactEmail} onChange={(x) => set('contactEmail', x.currentTarget.value)} error={e.contactEmail} autoComplete="email" />
          <TextInput label={t('org.contactPhone')} type="tel" inputMode="tel" value={v.contactPhone} onChange={(x) => set('contactPhone', x.currentTarget.value)} error={e.contactPhone} autoComplete="tel" />
        </SimpleGrid>
      </Fieldset>

      {kind === 'enterprise' ? <EnterpriseFields form={form} /> : <PicFields form={form} />}
    </Stack>
  );
}

function EnterpriseFields({ form }: { form: Form<OrgValues> }) {
  const { t } = useT();
  const { values: v, set, errors: e } = form;
  return (
    <>
      <Fieldset legend={t('org.products')}>
        <Stack gap="sm">
          <Textarea label={t('org.productsText')} description={t('org.productsHint')} autosize minRows={2} value={v.products} onChange={(x) => set('products', x.currentTarget.value)} error={e.products} />
          <ListBuilder<Capacity>
            legend={t('org.capacities')}
            description={t('org.capacitiesHint')}
            items={v.capacities}
            onChange={(c) => set('capacities', c)}
            make={() => ({ product: '', quantity: 0, unit: 'kg', period: 'MONTH' })}
            addLabel={t('org.addCapacity')}
            itemLabel={(i) => t('org.capacityN', { n: i + 1 })}
            error={e.capacities}
            render={(c, i, update) => (
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <TextInput label={t('org.product')} value={c.product} onChange={(x) => update({ product: x.currentTarget.value })} error={e[`capacities.${i}.product`]} required />
                <NumberInput label={t('org.quantity')} min={0} value={c.quantity || ''} onChange={(x) => update({ quantity: Number(x) || 0 })} error={e[`capacities.${i}.quantity`]} required decimalSeparator="," thousandSeparator="." />
                <TextInput label={t('org.unit')} value={c.unit} onChange={(x) => update({ unit: x.currentTarget.value })} error={e[`capacities.${i}.unit`]} required />
                <PeriodSelect value={c.period} onChange={(p) => update({ period: p })} error={e[`capacities.${i}.period`]} />
              </SimpleGrid>
            )}
          />
        </Stack>
      </Fieldset>

      <ListBuilder<CertificationInput>
        legend={t('org.certifications')}
        items={v.certifications}
        onChange={(c) => set('certifications', c)}
        make={() => ({ type: '', number: '', validUntil: null })}
        addLabel={t('org.addCertification')}
        itemLabel={(i) => t('org.certificationN', { n: i + 1 })}
        error={e.certifications}
        render={(c, i, update) => (
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <Autocomplete
              label={t('org.certType')}
              description={t('org.certTypeHint')}
              data={CERTIFICATIONS.map((x) => ({ value: x, label: x }))}
              value={c.type}
              onChange={(x) => update({ type: x.toUpperCase() })}
              error={e[`certifications.${i}.type`]}
              required
            />
            <TextInput label={t('org.certNumber')} value={c.number} onChange={(x) => update({ number: x.currentTarget.value })} error={e[`certifications.${i}.number`]} required />
            <TextInput label={t('org.certValidUntil')} type="date" value={c.validUntil ?? ''} onChange={(x) => update({ validUntil: x.currentTarget.value || null })} error={e[`certifications.${i}.validUntil`]} />
          </SimpleGrid>
        )}
      />

      <Checkbox.Group label={t('org.needs')} description={t('org.needsHint')} value={v.needs} onChange={(x) => set('needs', x as Need[])} error={form.errorUnder('needs')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={0} mt="xs">
          {NEEDS.map((n) => (
            <Checkbox key={n} value={n} label={enumLabel(t, 'need', n)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </>
  );
}

function PicFields({ form }: { form: Form<OrgValues> }) {
  const { t } = useT();
  const { values: v, set, errors: e } = form;
  const pic = v.pic;
  const upd = (patch: Partial<OrgValues['pic']>) => set('pic', { ...pic, ...patch });
  return (
    <Fieldset legend={t('org.pic')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('org.picHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('org.picName')} value={pic.name} onChange={(x) => upd({ name: x.currentTarget.value })} error={e['pic.name'] ?? e.pic} autoComplete="name" />
          <TextInput label={t('org.picPosition')} value={pic.position} onChange={(x) => upd({ position: x.currentTarget.value })} error={e['pic.position']} autoComplete="organization-title" />
          <TextInput label={t('org.picEmail')} type="email" inputMode="email" value={pic.email} onChange={(x) => upd({ email: x.currentTarget.value })} error={e['pic.email']} />
          <TextInput label={t('org.picPhone')} type="tel" inputMode="tel" value={pic.phone} onChange={(x) => upd({ phone: x.currentTarget.value })} error={e['pic.phone']} />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

export function PeriodSelect({ value, onChange, error, label, required = true }: { value: string; onChange: (p: (typeof PERIODS)[number]) => void; error?: string; label?: string; required?: boolean }) {
  const { t } = useT();
  return (
    <Select
      label={label ?? t('org.period')}
      data={PERIODS.map((p) => ({ value: p, label: enumLabel(t, 'period', p) }))}
      value={value}
      onChange={(x) => x && onChange(x as (typeof PERIODS)[number])}
      allowDeselect={false}
      error={error}
      required={required}
    />
  );
}
