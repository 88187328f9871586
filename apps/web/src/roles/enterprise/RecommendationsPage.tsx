import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { RecommendationItem } from '../../api/types';
import { useMe } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { RegionName } from '../../components/RegionPicker';
import { ScoreBreakdown } from '../../components/ScoreBreakdown';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';

/** OPEN opportunities ranked for this firm, with the score's parts and the reasons. */
export default function RecommendationsPage() {
  const { t, lang } = useT();
  const f = useFormat();
  const me = useMe();
  const firmId = me.organization?.id ?? '';
  return (
    <>
      <PageHeader title={t('nav.recommendations')} subtitle={t('recommendations.subtitle')} />
      <PagedList<RecommendationItem>
        queryKey={['recommendations', firmId, lang]}
        fetchPage={(cursor) =>
          unwrap(api.GET('/api/v1/enterprises/{id}/recommendations', { params: { path: { id: firmId }, query: { limit: 10, cursor }, header: { 'accept-language': lang } } }))
        }
        itemKey={(r) => r.opportunity.id}
        empty={t('recommendations.empty')}
        gap="md"
        renderItem={(r) => (
          <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`rec-${r.opportunity.id}`}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Anchor component={Link} className="touch-link" to={`/opportunities/${r.opportunity.id}`} fw={700} size="lg" id={`rec-${r.opportunity.id}`}>
                    {r.opportunity.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {r.opportunity.partnerName} · <RegionName code={r.opportunity.siteRegionCode} />
                  </Text>
                </Stack>
                <Badge variant="outline" style={{ flexShrink: 0 }}>
                  {enumLabel(t, 'pattern', r.opportunity.pattern)}
                </Badge>
              </Group>
              <ScoreBreakdown score={r.score} breakdown={r.breakdown} reasons={r.reasons} compact />
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {r.opportunity.closesAt ? t('opportunity.closesOn', { date: f.dateTime(r.opportunity.closesAt) }) : t('opportunity.noDeadline')}
                </Text>
                <Anchor component={Link} className="touch-link" to={`/opportunities/${r.opportunity.id}`}>
                  {t('recommendations.viewAndApply')}
                </Anchor>
              </Group>
            </Stack>
          </Paper>
        )}
      />
    </>
  );
}
