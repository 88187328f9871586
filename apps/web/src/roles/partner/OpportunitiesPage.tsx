import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { fetchOpportunities } from '../../features/opportunities/api';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';

/** The partner's own opportunities, drafts included. */
export default function PartnerOpportunitiesPage() {
  const { t } = useT();
  const f = useFormat();
  return (
    <>
      <PageHeader
        title={t('nav.myOpportunities')}
        subtitle={t('opportunities.subtitlePartner')}
        actions={
          <Button component={Link} to="/opportunities/new">
            + {t('opportunity.new')}
          </Button>
        }
      />
      <PagedList
        queryKey={['opportunities', 'mine']}
        fetchPage={(cursor) => fetchOpportunities({ cursor, mine: true })}
        itemKey={(o) => o.id}
        empty={t('opportunities.emptyPartner')}
        renderItem={(o) => (
          <Paper withBorder p="md" radius="md">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} className="touch-link" to={`/opportunities/${o.id}`} fw={700}>
                  {o.title}
                </Anchor>
                <StatusBadge group="opportunityStatus" value={o.status} />
              </Group>
              <Group gap="xs">
                <Badge variant="outline">{enumLabel(t, 'pattern', o.pattern)}</Badge>
                <Text size="sm" c="dimmed">
                  {t('opportunity.slotsValue', { accepted: o.acceptedCount, slots: o.slots })} · {o.closesAt ? t('opportunity.closesOn', { date: f.date(o.closesAt) }) : t('opportunity.noDeadline')}
                </Text>
              </Group>
            </Stack>
          </Paper>
        )}
      />
    </>
  );
}
