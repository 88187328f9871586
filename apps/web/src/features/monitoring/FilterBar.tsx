import { useMemo, useState } from 'react';
import { Badge, Button, Collapse, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { fetchKbli, useRegions } from '../../api/reference';
import { titleCase } from '../../components/RegionPicker';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { FILTER_KEYS, type MonitoringFilter, useMonitoringFilter } from './filters';

const DAY = 24 * 60 * 60_000;

/** Province and KBLI choices for the filters (provinces: Kemendagri; KBLI: sections and divisions). */
export function useProvinceOptions() {
  const provinces = useRegions(undefined);
  return useMemo(() => (provinces.data ?? []).map((p) => ({ value: p.code, label: titleCase(p.name) })), [provinces.data]);
}

/** KBLI sections and divisions, loaded once the list is opened (or a KBLI filter is set): not on the dashboard's critical path. */
function useKbliOptions(enabled: boolean) {
  const sections = useQuery({
    queryKey: ['reference', 'kbli', 'level', 1],
    queryFn: () => fetchKbli({ level: 1, limit: 100 }),
    staleTime: DAY,
    gcTime: DAY,
    enabled,
  });
  const divisions = useQuery({
    queryKey: ['reference', 'kbli', 'level', 2],
    queryFn: () => fetchKbli({ level: 2, limit: 100 }),
    staleTime: DAY,
    gcTime: DAY,
    enabled,
  });
  return useMemo(
    () => [...(sections.data ?? []), ...(divisions.data ?? [])].map((k) => ({ value: k.code, label: `${k.code} — ${k.title}` })),
    [sections.data, divisions.data],
  );
}

/**
 * The shared filters (province, KBLI, pattern, from, to), written to the URL query. On a phone the
 * bar folds away behind one button that says how many filters are on.
 */
export function FilterBar({ fields = FILTER_KEYS }: { fields?: readonly (keyof MonitoringFilter)[] }) {
  const { t } = useT();
  const [filter, update, clear] = useMonitoringFilter();
  const phone = useMediaQuery('(max-width: 48em)', false);
  const [opened, { toggle }] = useDisclosure(false);
  const provinces = useProvinceOptions();
  const [kbliWanted, setKbliWanted] = useState(false);
  const kbli = useKbliOptions(kbliWanted || !!filter.kbli);
  const active = fields.filter((k) => !!filter[k]).length;
  const show = !phone || opened;
  const toInvalid = filter.from && filter.to && filter.to < filter.from;

  return (
    <Paper withBorder p="sm" radius="md" mb="md" component="section" aria-label={t('monitoring.filters.title')}>
      {phone && (
        <Group justify="space-between" wrap="nowrap">
          <Button variant="subtle" onClick={toggle} aria-expanded={opened} aria-controls="monitoring-filters">
            {t('monitoring.filters.title')}
            {active > 0 && (
              <Badge ml="xs" size="sm" circle>
                {active}
              </Badge>
            )}
          </Button>
          {active > 0 && (
            <Button variant="subtle" color="gray" onClick={clear}>
              {t('monitoring.filters.clear')}
            </Button>
          )}
        </Group>
      )}
      <Collapse expanded={show} id="monitoring-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: fields.length }} spacing="sm" mt={phone ? 'sm' : 0}>
          {fields.includes('province') && (
            <Select
              label={t('monitoring.filters.province')}
              placeholder={t('monitoring.filters.all')}
              data={provinces}
              value={filter.province || null}
              onChange={(v) => update({ province: v ?? '' })}
              searchable
              clearable
              nothingFoundMessage={t('monitoring.filters.nothingFound')}
            />
          )}
          {fields.includes('kbli') && (
            <Select
              label={t('monitoring.filters.kbli')}
              placeholder={t('monitoring.filters.all')}
              data={kbli.length || !filter.kbli ? kbli : [{ value: filter.kbli, label: filter.kbli }]}
              value={filter.kbli || null}
              onChange={(v) => update({ kbli: v ?? '' })}
              onDropdownOpen={() => setKbliWanted(true)}
              onFocus={() => setKbliWanted(true)}
              searchable
              clearable
              nothingFoundMessage={t('monitoring.filters.nothingFound')}
            />
          )}
          {fields.includes('pattern') && (
            <Select
              label={t('monitoring.filters.pattern')}
              placeholder={t('monitoring.filters.all')}
              data={(['INTI_PLASMA', 'SUBCONTRACT'] as const).map((p) => ({ value: p, label: enumLabel(t, 'pattern', p) }))}
              value={filter.pattern || null}
              onChange={(v) => update({ pattern: (v ?? '') as MonitoringFilter['pattern'] })}
              clearable
            />
          )}
          {fields.includes('from') && (
            <TextInput
              type="date"
              label={t('monitoring.filters.from')}
              value={filter.from}
              max={filter.to || undefined}
              onChange={(e) => update({ from: e.currentTarget.value })}
            />
          )}
          {fields.includes('to') && (
            <TextInput
              type="date"
              label={t('monitoring.filters.to')}
              value={filter.to}
              min={filter.from || undefined}
              onChange={(e) => update({ to: e.currentTarget.value })}
              error={toInvalid ? t('monitoring.filters.toBeforeFrom') : undefined}
            />
          )}
        </SimpleGrid>
        {!phone && active > 0 && (
          <Group justify="flex-end" mt="xs">
            <Button variant="subtle" color="gray" onClick={clear}>
              {t('monitoring.filters.clear')}
            </Button>
          </Group>
        )}
      </Collapse>
    </Paper>
  );
}
