import { useEffect, useState } from 'react';
import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { ApiError } from '../api/problem';
import { takeEndReason } from '../api/session';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { FormProblem } from '../components/FormProblem';
import { LogoMark } from '../components/Icons';
import { useT } from '../i18n';
import { useForm } from '../lib/form';
import { useAuth } from './AuthProvider';

export function LoginPage() {
  const { t } = useT();
  const { login } = useAuth();
  useDocumentTitle(`${t('auth.login')} · Jalin`);
  const [ended] = useState(takeEndReason);
  const form = useForm({ email: '', password: '' });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.getElementById('login-email')?.focus();
  }, []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    setBusy(true);
    try {
      await login(form.values.email.trim(), form.values.password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) form.setProblem({ title: t('auth.wrongCredentials') });
      else form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={420}>
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <LogoMark />
              <Title order={1} size="h2">
                Jalin
              </Title>
            </Group>
            <LanguageSwitch />
          </Group>
          <Text c="dimmed" size="sm">
            {t('auth.tagline')}
          </Text>
          {ended === 'expired' && (
            <Alert color="yellow" role="status">
              {t('auth.sessionExpired')}
            </Alert>
          )}
          <Box component="form" onSubmit={submit} noValidate aria-label={t('auth.login')}>
            <Stack gap="sm">
              <TextInput
                id="login-email"
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                inputMode="email"
                required
                value={form.values.email}
                onChange={(e) => form.set('email', e.currentTarget.value)}
                error={form.errors.email}
              />
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                label={t('auth.password')}
                autoComplete="current-password"
                required
                value={form.values.password}
                onChange={(e) => form.set('password', e.currentTarget.value)}
                error={form.errors.password}
              />
              <FormProblem problem={form.problem} />
              <Button type="submit" loading={busy} fullWidth>
                {t('auth.login')}
              </Button>
            </Stack>
          </Box>
          <Text size="sm" ta="center">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/register" className="touch-link">
              {t('auth.registerLink')}
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
