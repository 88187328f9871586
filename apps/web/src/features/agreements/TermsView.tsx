import { List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TermsVersion } from '../../api/types';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';

/** The terms of one version: what the partner commits to and the coaching plan. */
export function TermsView({ terms }: { terms: TermsVersion }) {
  const { t } = useT();
  const f = useFormat();
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">
            {t('agreement.period')}: {f.date(terms.startDate)} – {f.date(terms.endDate)}
          </Text>
          <Text size="sm">
            {t('agreement.reporting')}: {enumLabel(t, 'reportingPeriod', terms.reportingPeriod)}
          </Text>
          <Text size="sm">
            {t('agreement.paymentTerm')}: {terms.paymentTermDays === null ? '—' : t('agreement.days', { count: terms.paymentTermDays })}
          </Text>
        </Stack>
      </Paper>
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('agreement.commitments')}
        </Title>
        <Stack gap="xs">
          {terms.commitments.map((c) => (
            <Paper withBorder p="sm" key={c.commitmentId}>
              <Text fw={600}>{enumLabel(t, 'support', c.type)}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.description}
              </Text>
              <Text size="sm" c="dimmed">
                {[
                  c.quantity !== null ? `${f.number(c.quantity)} ${c.unit ?? ''}`.trim() : null,
                  c.valueIdr !== null ? f.money(c.valueIdr) : null,
                  c.dueDate ? t('obligation.due', { date: f.date(c.dueDate) }) : null,
                  c.schedule,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Paper>
          ))}
        </Stack>
      </div>
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('agreement.coaching')}
        </Title>
        {terms.coaching.length ? (
          <Table.ScrollContainer minWidth={320}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('coaching.aspect')}</Table.Th>
                  <Table.Th>{t('coaching.activity')}</Table.Th>
                  <Table.Th>{t('coaching.sessions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {terms.coaching.map((c) => (
                  <Table.Tr key={c.planItemId}>
                    <Table.Td>{enumLabel(t, 'aspect', c.aspect)}</Table.Td>
                    <Table.Td>
                      {enumLabel(t, 'activity', c.activity)}
                      <Text size="xs" c="dimmed">
                        {c.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <List size="xs">
                        {c.sessions.map((s) => (
                          <List.Item key={s.scheduledAt + s.location}>
                            {f.dateTime(s.scheduledAt)}, {s.location}
                          </List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">
            {t('agreement.noCoaching')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
