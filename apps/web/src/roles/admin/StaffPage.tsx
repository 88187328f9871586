import { useMemo, useState } from 'react';
import { Alert, Box, Button, Group, MultiSelect, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { api, unwrap } from '../../api/client';
import { useRegions } from '../../api/reference';
import type { User } from '../../api/types';
import { FormProblem } from '../../components/FormProblem';
import { PageHeader } from '../../components/PageHeader';
import { titleCase } from '../../components/RegionPicker';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';

/** Create a ministry officer (optionally limited to provinces) or another administrator. */
export default function StaffPage() {
  const { t, lang } = useT();
  const provinces = useRegions(undefined);
  const form = useForm({ fullName: '', email: '', password: '', role: 'MINISTRY' as 'MINISTRY' | 'ADMIN', provinceCodes: [] as string[] });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<User | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const v = form.values;
  const provinceData = useMemo(() => (provinces.data ?? []).map((p) => ({ value: p.code, label: titleCase(p.name) })), [provinces.data]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    setBusy(true);
    try {
      const u = await unwrap(
        api.POST('/api/v1/admin/users', {
          body: { fullName: v.fullName.trim(), email: v.email.trim(), password: v.password, role: v.role, provinceCodes: v.role === 'MINISTRY' ? v.provinceCodes : undefined, locale: lang },
          headers: { 'Idempotency-Key': key },
        }),
      );
      setCreated(u);
      setKey(crypto.randomUUID());
      form.setValues({ fullName: '', email: '', password: '', role: v.role, provinceCodes: [] });
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('nav.staff')} subtitle={t('admin.staffSubtitle')} />
      <Box component="form" onSubmit={submit} noValidate maw={560} aria-label={t('nav.staff')}>
        <Stack gap="sm">
          {created && (
            <Alert color="teal" role="status" withCloseButton onClose={() => setCreated(null)}>
              {t('admin.created', { email: created.email, role: enumLabel(t, 'role', created.role) })}
            </Alert>
          )}
          <Select
            label={t('admin.role')}
            data={(['MINISTRY', 'ADMIN'] as const).map((r) => ({ value: r, label: enumLabel(t, 'role', r) }))}
            value={v.role}
            onChange={(r) => r && form.set('role', r as 'MINISTRY' | 'ADMIN')}
            allowDeselect={false}
            error={form.errors.role}
          />
          <TextInput label={t('register.fullName')} required value={v.fullName} onChange={(e) => form.set('fullName', e.currentTarget.value)} error={form.errors.fullName} />
          <TextInput label={t('auth.email')} type="email" required value={v.email} onChange={(e) => form.set('email', e.currentTarget.value)} error={form.errors.email} />
          <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }} label={t('auth.password')} description={t('register.passwordHint')} required autoComplete="new-password" value={v.password} onChange={(e) => form.set('password', e.currentTarget.value)} error={form.errors.password} />
          {v.role === 'MINISTRY' && (
            <MultiSelect
              label={t('admin.provinces')}
              description={t('admin.provincesHint')}
              data={provinceData}
              value={v.provinceCodes}
              onChange={(x) => form.set('provinceCodes', x)}
              searchable
              clearable
              error={form.errorUnder('provinceCodes')}
            />
          )}
          <FormProblem problem={form.problem} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('admin.create')}
            </Button>
          </Group>
        </Stack>
      </Box>
    </>
  );
}
