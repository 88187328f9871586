import { useEffect, useState } from 'react';
import { Box, Button, Group, Paper, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { fetchEnterprise, fetchPartner, orgKey } from '../../api/orgs';
import type { Organization } from '../../api/types';
import { meQueryKey, useMe } from '../../auth/AuthProvider';
import { FormProblem } from '../../components/FormProblem';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryState';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifySuccess } from '../../lib/notify';
import { type Kind, orgBody, orgValuesFrom, type OrgValues } from './model';
import { OrganizationFields } from './OrganizationFields';
import { ScaleSummary } from './ScaleSummary';

/** The own organisation's profile: edit, save with the version read, see the class recomputed. */
export default function ProfilePage() {
  const { t } = useT();
  const me = useMe();
  const org = me.organization!;
  const kind = org.kind as Kind;
  const q = useQuery({ queryKey: orgKey(kind, org.id), queryFn: () => (kind === 'enterprise' ? fetchEnterprise(org.id) : fetchPartner(org.id)) });
  return (
    <>
      <PageHeader title={t('nav.profile')} subtitle={kind === 'partner' ? t('profile.subtitlePartner') : t('profile.subtitleFirm')} />
      <QueryView query={q}>{(o) => <ProfileForm key={o.version} org={o} kind={kind} />}</QueryView>
    </>
  );
}

function ProfileForm({ org, kind }: { org: Organization; kind: Kind }) {
  const { t } = useT();
  const qc = useQueryClient();
  const form = useForm<OrgValues>(() => orgValuesFrom(org));
  const [busy, setBusy] = useState(false);
  useEffect(() => form.clear(), [org.version, form.clear]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    setBusy(true);
    try {
      const body = { ...orgBody(form.values, kind, 'update'), version: org.version };
      const path = { params: { path: { id: org.id } }, body };
      const saved = await unwrap(kind === 'enterprise' ? api.PATCH('/api/v1/enterprises/{id}', path) : api.PATCH('/api/v1/partners/{id}', path));
      qc.setQueryData(orgKey(kind, org.id), saved);
      await qc.invalidateQueries({ queryKey: meQueryKey });
      notifySuccess(t('profile.saved'));
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <ScaleSummary org={org} />
      </Paper>
      <Box component="form" onSubmit={submit} noValidate aria-label={t('nav.profile')}>
        <Stack gap="lg">
          <OrganizationFields kind={kind} form={form} />
          <FormProblem problem={form.problem} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Box>
    </Stack>
  );
}
