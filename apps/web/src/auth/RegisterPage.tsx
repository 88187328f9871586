import { useMemo, useState } from 'react';
import { Anchor, Box, Button, Center, Fieldset, Group, Paper, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { AuthResult, RegisterOrganization } from '../api/types';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { FormProblem } from '../components/FormProblem';
import { LogoMark } from '../components/Icons';
import { OrganizationFields } from '../features/organization/OrganizationFields';
import { emptyOrg, type Kind, orgBody, type OrgValues } from '../features/organization/model';
import { ScaleSummary } from '../features/organization/ScaleSummary';
import { useT } from '../i18n';
import { useForm } from '../lib/form';
import { useAuth } from './AuthProvider';

interface Account {
  fullName: string;
  email: string;
  password: string;
}

/** Registration of a small firm (or a partner) with its first member; shows the size class it gets. */
export default function RegisterPage() {
  const { t, lang } = useT();
  useDocumentTitle(`${t('register.title')} · Jalin`);
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('enterprise');
  const account = useForm<Account>({ fullName: '', email: '', password: '' });
  const org = useForm<OrgValues>(emptyOrg);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<AuthResult | null>(null);
  // One key per filled-in form: a repeated submit (double tap, flaky network) registers once.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    account.clear();
    org.clear();
    setBusy(true);
    try {
      const res = await unwrap(
        api.POST('/api/v1/auth/register', {
          body: {
            email: account.values.email.trim(),
            password: account.values.password,
            fullName: account.values.fullName.trim(),
            locale: lang,
            organization: { kind, ...orgBody(org.values, kind, 'register') } as RegisterOrganization,
          },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      );
      setDone(res);
      window.scrollTo({ top: 0 });
    } catch (err) {
      // Account fields are top-level; profile fields are under `organization.`.
      account.fail(err, t, { known: (f) => f === 'email' || f === 'password' || f === 'fullName' || f.startsWith('organization.') });
      org.fail(err, t, { prefix: 'organization.' });
      account.setProblem(null);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Center mih="100dvh" p="md" component="main">
        <Paper withBorder p="lg" w="100%" maw={520}>
          <Stack>
            <Title order={1} size="h2">
              {t('register.done')}
            </Title>
            <Text>{t('register.welcome', { name: done.organization?.name ?? '' })}</Text>
            {done.organization && <ScaleSummary org={done.organization} />}
            <Button
              onClick={() => {
                signedIn(done);
                void navigate('/', { replace: true });
              }}
            >
              {t('register.continue')}
            </Button>
          </Stack>
        </Paper>
      </Center>
    );
  }

  return (
    <Box component="main" p="md" maw={820} mx="auto">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <LogoMark />
          <Title order={1} size="h2">
            {t('register.title')}
          </Title>
        </Group>
        <LanguageSwitch />
      </Group>
      <Box component="form" onSubmit={submit} noValidate aria-label={t('register.title')}>
        <Stack gap="lg">
          <Radio.Group label={t('register.kind')} value={kind} onChange={(v) => setKind(v === 'partner' ? 'partner' : 'enterprise')} required>
            <Stack gap={0} mt="xs">
              <Radio value="enterprise" label={t('register.kindEnterprise')} description={t('register.kindEnterpriseHint')} />
              <Radio value="partner" label={t('register.kindPartner')} description={t('register.kindPartnerHint')} />
            </Stack>
          </Radio.Group>

          <Fieldset legend={t('register.account')}>
            <Stack gap="sm">
              <TextInput label={t('register.fullName')} required autoComplete="name" value={account.values.fullName} onChange={(x) => account.set('fullName', x.currentTarget.value)} error={account.errors.fullName} />
              <TextInput label={t('auth.email')} type="email" inputMode="email" required autoComplete="email" value={account.values.email} onChange={(x) => account.set('email', x.currentTarget.value)} error={account.errors.email} />
              <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }} label={t('auth.password')} description={t('register.passwordHint')} required autoComplete="new-password" value={account.values.password} onChange={(x) => account.set('password', x.currentTarget.value)} error={account.errors.password} />
            </Stack>
          </Fieldset>

          <OrganizationFields kind={kind} form={org} />

          <FormProblem problem={org.problem} />
          <Button type="submit" size="md" loading={busy}>
            {t('register.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('register.haveAccount')}{' '}
            <Anchor component={Link} to="/login" className="touch-link">
              {t('auth.login')}
            </Anchor>
          </Text>
        </Stack>
      </Box>
    </Box>
  );
}
