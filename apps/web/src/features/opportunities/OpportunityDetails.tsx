import { Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Opportunity } from '../../api/types';
import { KbliLabel } from '../../components/Kbli';
import { RegionName } from '../../components/RegionPicker';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** Everything an opportunity states, for the firm deciding to apply and for its partner. */
export function OpportunityDetails({ o, partnerName }: { o: Opportunity; partnerName?: string }) {
  const { t } = useT();
  const f = useFormat();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Group gap="xs">
          <StatusBadge group="opportunityStatus" value={o.status} />
          <Badge variant="outline">{enumLabel(t, 'pattern', o.pattern)}</Badge>
        </Group>
        {partnerName && (
          <Row label={t('opportunity.partner')}>
            <Text>{partnerName}</Text>
          </Row>
        )}
        {o.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{o.description}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Row label={t('opportunity.kbli')}>
            <Stack gap={2}>
              {o.kbliCodes.map((c) => (
                <KbliLabel key={c} code={c} />
              ))}
            </Stack>
          </Row>
          <Row label={t('opportunity.regions')}>
            {o.regionCodes.length ? (
              <Stack gap={2}>
                {o.regionCodes.map((c) => (
                  <Text key={c} size="sm">
                    <RegionName code={c} />
                  </Text>
                ))}
              </Stack>
            ) : (
              <Text size="sm">{t('opportunity.anywhere')}</Text>
            )}
          </Row>
          <Row label={t('opportunity.site')}>
            <Text size="sm">
              <RegionName code={o.siteRegionCode} />
            </Text>
          </Row>
          <Row label={t('opportunity.capacity')}>
            <Text size="sm">
              {o.requiredCapacity
                ? `${f.number(o.requiredCapacity.quantity)} ${o.requiredCapacity.unit} / ${enumLabel(t, 'period', o.requiredCapacity.period)}`
                : t('opportunity.noCapacity')}
            </Text>
          </Row>
          <Row label={t('opportunity.requiredCerts')}>
            <Text size="sm">{o.requiredCertifications.length ? o.requiredCertifications.join(', ') : '—'}</Text>
          </Row>
          <Row label={t('opportunity.preferredCerts')}>
            <Text size="sm">{o.preferredCertifications.length ? o.preferredCertifications.join(', ') : '—'}</Text>
          </Row>
          <Row label={t('opportunity.slots')}>
            <Text size="sm">{t('opportunity.slotsValue', { accepted: o.acceptedCount, slots: o.slots })}</Text>
          </Row>
          <Row label={t('opportunity.closesAt')}>
            <Text size="sm">{o.closesAt ? f.dateTime(o.closesAt) : t('opportunity.noDeadline')}</Text>
          </Row>
        </SimpleGrid>
        <Row label={t('opportunity.support')}>
          {o.supportOffered.length ? (
            <List size="sm">
              {o.supportOffered.map((s) => (
                <List.Item key={s}>{enumLabel(t, 'support', s)}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">—</Text>
          )}
        </Row>
      </Stack>
    </Paper>
  );
}
