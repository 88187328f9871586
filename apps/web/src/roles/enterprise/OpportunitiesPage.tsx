import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Pattern } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { RegionName } from '../../components/RegionPicker';
import { enumLabel } from '../../components/StatusBadge';
import { fetchOpportunities, PATTERNS } from '../../features/opportunities/api';
import { useT } from '../../i18n';
import { useFormat } from '../../lib/useFormat';

/** Every OPEN opportunity, searchable by words and pattern. */
export default function OpportunitiesPage() {
  const { t } = useT();
  const f = useFormat();
  const [q, setQ] = useState('');
  const [pattern, setPattern] = useState<Pattern | null>(null);
  const [dq] = useDebouncedValue(q.trim(), 300);
  return (
    <>
      <PageHeader title={t('nav.opportunities')} subtitle={t('opportunities.subtitle')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <TextInput label={t('common.search')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} placeholder={t('opportunities.searchHint')} />
        <Select
          label={t('opportunity.pattern')}
          clearable
          data={PATTERNS.map((p) => ({ value: p, label: enumLabel(t, 'pattern', p) }))}
          value={pattern}
          onChange={(v) => setPattern(v as Pattern | null)}
          placeholder={t('common.all')}
        />
      </SimpleGrid>
      <PagedList
        queryKey={['opportunities', 'open', dq, pattern]}
        fetchPage={(cursor) => fetchOpportunities({ cursor, q: dq || undefined, pattern: pattern ?? undefined })}
        itemKey={(o) => o.id}
        empty={t('opportunities.empty')}
        renderItem={(o) => (
          <Paper withBorder p="md" radius="md">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} className="touch-link" to={`/opportunities/${o.id}`} fw={700}>
                  {o.title}
                </Anchor>
                <Badge variant="outline" style={{ flexShrink: 0 }}>
                  {enumLabel(t, 'pattern', o.pattern)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                <RegionName code={o.siteRegionCode} /> · {o.closesAt ? t('opportunity.closesOn', { date: f.date(o.closesAt) }) : t('opportunity.noDeadline')}
              </Text>
            </Stack>
          </Paper>
        )}
      />
    </>
  );
}
