import { useState } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useMe } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { useT } from '../../i18n';
import { notifyError } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';
import { fetchNotifications, notificationsKey, useMarkRead } from './api';
import { notificationLink } from './links';

export default function NotificationsPage() {
  const { t } = useT();
  const f = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const mark = useMarkRead();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  return (
    <>
      <PageHeader title={t('notifications.title')} />
      <Stack gap="md">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v === 'unread' ? 'unread' : 'all')}
          aria-label={t('common.filter')}
          data={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: t('notifications.filterUnread') },
          ]}
        />
        <PagedList
          queryKey={[...notificationsKey, 'list', filter]}
          fetchPage={(cursor) => fetchNotifications({ cursor, unread: filter === 'unread' || undefined })}
          itemKey={(n) => n.id}
          empty={filter === 'unread' ? t('notifications.noneUnread') : t('notifications.none')}
          renderItem={(n) => {
            const to = notificationLink(n, me.user.role);
            return (
              <Paper withBorder p="sm" radius="md" bg={n.readAt ? undefined : 'var(--mantine-color-teal-light)'}>
                <Stack gap={4}>
                  <Text fw={600}>
                    {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                    {n.title}
                  </Text>
                  {n.body && <Text size="sm">{n.body}</Text>}
                  <Text size="xs" c="dimmed">
                    {f.dateTime(n.createdAt)}
                  </Text>
                  <Group gap="xs">
                    {to && (
                      <Button size="compact-sm" variant="light" onClick={() => { if (!n.readAt) mark.mutate(n.id); void navigate(to); }}>
                        {t('common.open')}
                      </Button>
                    )}
                    {!n.readAt && (
                      <Button size="compact-sm" variant="subtle" loading={mark.isPending && mark.variables === n.id} onClick={() => mark.mutate(n.id, { onError: (e) => notifyError(e, t) })}>
                        {t('notifications.markRead')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            );
          }}
        />
      </Stack>
    </>
  );
}
