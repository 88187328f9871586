import { Suspense } from 'react';
import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/AuthProvider';
import { enumLabel } from '../components/StatusBadge';
import { LogoMark } from '../components/Icons';
import { Loading } from '../components/QueryState';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { useT } from '../i18n';
import { ROLES } from '../roles/registry';
import { LanguageSwitch } from './LanguageSwitch';

/** The signed-in console: header (menu, language, notifications), role navigation, the role's pages. */
export default function Shell() {
  const { t } = useT();
  const me = useMe();
  const { logout } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const role = ROLES[me.user.role];
  const location = useLocation();
  const navigate = useNavigate();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" aria-label={opened ? t('common.closeMenu') : t('common.openMenu')} />
            <LogoMark />
            <Title order={2} size="h4" visibleFrom="xs">
              Jalin
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <NotificationsBell />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('common.mainNav')}>
        <AppShell.Section grow component={ScrollArea}>
          {role.nav.map((n) => (
              <NavLink
                key={n.to}
                component={RouterNavLink}
                to={n.to}
                end={n.end}
                label={t(`nav.${n.label}`)}
                active={location.pathname === n.to || location.pathname.startsWith(`${n.to}/`)}
                onClick={close}
              />
            ))}
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={4} p="xs">
            <Text size="sm" fw={600} lineClamp={1}>
              {me.user.fullName}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {me.organization?.name ?? enumLabel(t, 'role', me.user.role)}
            </Text>
            <Button variant="default" onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
              {t('auth.logout')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <role.Routes />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
