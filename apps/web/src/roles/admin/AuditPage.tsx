import { useState } from 'react';
import {
  Accordion,
  Alert,
  Box,
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { enumLabel } from '../../components/StatusBadge';
import { type AuditRecord, fetchAudit, useQueueDashboard, useVerifyAudit } from '../../features/monitoring/api';
import { Pager, useKeysetPages } from '../../features/monitoring/paging';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';

/** The entity types the audit API filters by (libs/core audit.controller AUDITED_ENTITY_TYPES). */
const ENTITY_TYPES = [
  'organization',
  'user',
  'opportunity',
  'application',
  'agreement',
  'commitment',
  'coaching_session',
  'obligation',
  'evidence',
  'progress_report',
  'notification',
  'monitoring_case',
  'finding_run',
] as const;

function AuditItem({ r }: { r: AuditRecord }) {
  const { t } = useT();
  const f = useFormat();
  return (
    <Accordion.Item value={r.id}>
      <Accordion.Control>
        <Stack gap={0}>
          <Text fw={600} size="sm">
            {r.action}
          </Text>
          <Text size="xs" c="dimmed">
            {f.dateTime(r.at)} · {r.actorRole ? enumLabel(t, 'role', r.actorRole) : t('monitoring.audit.system')} · {r.entityType}
          </Text>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap={4}>
          <Text size="xs">
            {t('monitoring.audit.entity')}: <Code>{r.entityType}</Code> <Code>{r.entityId}</Code>
          </Text>
          {r.actorUserId && (
            <Text size="xs">
              {t('monitoring.audit.actor')}: <Code>{r.actorUserId}</Code>
            </Text>
          )}
          {r.requestId && (
            <Text size="xs">
              {t('monitoring.audit.request')}: <Code>{r.requestId}</Code>
            </Text>
          )}
          <Text size="xs">
            {t('monitoring.audit.hash')}: <Code style={{ wordBreak: 'break-all' }}>{r.hash}</Code>
          </Text>
          {r.diff !== null && r.diff !== undefined && (
            <Code block style={{ maxHeight: 280, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(r.diff, null, 2)}
            </Code>
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** The audit trail (GET /audit, newest first, filter by entity) and the hash-chain check (GET /audit/verify). */
export default function AuditPage() {
  const { t } = useT();
  const verify = useVerifyAudit();
  const queues = useQueueDashboard();
  const [params, setParams] = useSearchParams();
  const entityType = (ENTITY_TYPES as readonly string[]).includes(params.get('entityType') ?? '')
    ? params.get('entityType')!
    : '';
  const entityId = params.get('entityId') ?? '';
  const [idInput, setIdInput] = useState(entityId);
  const pager = useKeysetPages(['audit', entityType, entityId], (cursor) =>
    fetchAudit({ cursor, entityType: entityType || undefined, entityId: entityId || undefined }),
  );
  const q = pager.query;
  const set = (next: Record<string, string>) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('monitoring.audit.title')} subtitle={t('monitoring.audit.subtitle')} />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('monitoring.audit.verifyTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('monitoring.audit.verifyHint')}
            </Text>
            <Group>
              <Button loading={verify.isPending} onClick={() => verify.mutate()}>
                {t('monitoring.audit.verify')}
              </Button>
            </Group>
            {verify.isError && <ErrorState error={verify.error} />}
            {verify.data && (
              <Alert
                color={verify.data.valid ? 'teal' : 'red'}
                role="status"
                title={verify.data.valid ? t('monitoring.audit.valid') : t('monitoring.audit.broken')}
                data-testid="audit-verify"
              >
                {t('monitoring.audit.checked', { count: verify.data.checked })}
                {verify.data.firstBrokenId && (
                  <>
                    {' '}
                    {t('monitoring.audit.firstBroken')}: <Code>{verify.data.firstBrokenId}</Code>
                  </>
                )}
              </Alert>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('monitoring.audit.queuesTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('monitoring.audit.queuesHint')}
            </Text>
            <Group>
              <Button variant="light" loading={queues.isPending} onClick={() => queues.mutate()}>
                {t('monitoring.audit.queuesOpen')}
              </Button>
            </Group>
            {queues.isError && <ErrorState error={queues.error} />}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('monitoring.filters.title')}>
          <Box
            component="form"
            onSubmit={(e: React.FormEvent) => {
              e.preventDefault();
              set({ entityId: idInput.trim() });
            }}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
              <Select
                label={t('monitoring.audit.entityType')}
                placeholder={t('monitoring.filters.all')}
                data={ENTITY_TYPES.map((e) => ({ value: e, label: e }))}
                value={entityType || null}
                onChange={(v) => set({ entityType: v ?? '' })}
                clearable
              />
              <TextInput
                label={t('monitoring.audit.entityId')}
                value={idInput}
                onChange={(e) => setIdInput(e.currentTarget.value)}
              />
              <Group>
                <Button type="submit" variant="light">
                  {t('common.search')}
                </Button>
              </Group>
            </SimpleGrid>
          </Box>
        </Paper>
        {q.isPending ? (
          <Loading />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : q.data.items.length === 0 ? (
          <Empty>{t('monitoring.audit.none')}</Empty>
        ) : (
          <Accordion variant="separated" chevronPosition="right">
            {q.data.items.map((r) => (
              <AuditItem key={r.id} r={r} />
            ))}
          </Accordion>
        )}
        <Pager pager={pager} label={t('monitoring.audit.title')} />
      </Stack>
    </>
  );
}
