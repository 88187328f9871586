import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../auth/AuthProvider';
import { BellIcon } from '../../components/Icons';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';
import { notifyError } from '../../lib/notify';
import { useMarkRead, useUnread } from './api';
import { notificationLink } from './links';

/** The header bell: how many unread, the latest five, mark one read, and a link to all. */
export function NotificationsBell() {
  const { t } = useT();
  const f = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const unread = useUnread();
  const mark = useMarkRead();
  const [opened, { close, toggle }] = useDisclosure(false);
  const items = unread.data?.items ?? [];
  const count = items.length;
  const countText = unread.data?.nextCursor ? '99+' : String(count);

  return (
    <Popover opened={opened} onChange={(o) => (o ? undefined : close())} width={320} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Indicator label={countText} size={18} disabled={!count} color="red" offset={6}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={count ? t('notifications.bellUnread', { count: countText }) : t('notifications.bell')}
            aria-expanded={opened}
            aria-haspopup="dialog"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-labelledby="notifications-bell-title">
        <Stack gap="xs">
          <Text fw={600} id="notifications-bell-title">
            {t('notifications.title')}
          </Text>
          {!count && <Text c="dimmed" size="sm">{t('notifications.noneUnread')}</Text>}
          {items.slice(0, 5).map((n) => {
            const to = notificationLink(n, me.user.role);
            return (
              <Stack key={n.id} gap={2}>
                <Text size="sm" fw={600}>
                  {n.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {f.dateTime(n.createdAt)}
                </Text>
                <Group gap="xs">
                  {to && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => {
                        mark.mutate(n.id);
                        close();
                        void navigate(to);
                      }}
                    >
                      {t('common.open')}
                    </Button>
                  )}
                  <Button size="compact-sm" variant="subtle" onClick={() => mark.mutate(n.id, { onError: (e) => notifyError(e, t) })}>
                    {t('notifications.markRead')}
                  </Button>
                </Group>
                <Divider />
              </Stack>
            );
          })}
          <Anchor component={Link} to="/notifications" onClick={close} className="touch-link">
            {t('notifications.all')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
