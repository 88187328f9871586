import { Fieldset, Select, SimpleGrid, Text } from '@mantine/core';
import { useRegion, useRegions } from '../api/reference';
import { useT } from '../i18n';

const LEVELS = ['province', 'regency', 'district', 'village'] as const;
type Level = (typeof LEVELS)[number];

/** The codes on the path to a region: 33.20.01 → ['33', '33.20', '33.20.01']. */
export function regionPath(code: string | null | undefined): string[] {
  if (!code) return [];
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

export interface RegionPickerProps {
  legend: string;
  value: string | null;
  /** The deepest region chosen so far (a province alone is `NN`). */
  onChange: (code: string | null) => void;
  error?: string;
  description?: string;
  /** How deep the picker goes (village by default). */
  depth?: Level;
  required?: boolean;
}

/**
 * Province → regency/city → district → village, each list loaded from the reference API once its
 * parent is chosen. Choosing a level clears the levels below it.
 */
export function RegionPicker({ legend, value, onChange, error, description, depth = 'village', required }: RegionPickerProps) {
  const { t } = useT();
  const path = regionPath(value);
  const shown = LEVELS.slice(0, LEVELS.indexOf(depth) + 1);
  return (
    <Fieldset legend={legend} variant="unstyled">
      {description && (
        <Text size="sm" c="dimmed" mb={4}>
          {description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {shown.map((level, i) => (
          <LevelSelect
            key={level}
            level={level}
            parent={i === 0 ? undefined : path[i - 1]}
            enabled={i === 0 || !!path[i - 1]}
            value={path[i] ?? null}
            required={required && i < 2}
            onChange={(code) => onChange(code ?? (i === 0 ? null : path[i - 1]))}
            label={t(`region.${level}`)}
          />
        ))}
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}

function LevelSelect({ level, parent, enabled, value, onChange, label, required }: { level: Level; parent?: string; enabled: boolean; value: string | null; onChange: (code: string | null) => void; label: string; required?: boolean }) {
  const { t } = useT();
  const q = useRegions(parent, enabled);
  return (
    <Select
      label={label}
      data={(q.data ?? []).map((r) => ({ value: r.code, label: titleCase(r.name) }))}
      value={value}
      onChange={onChange}
      searchable
      clearable={level !== 'province'}
      disabled={!enabled}
      required={required}
      placeholder={!enabled ? t('region.chooseAbove') : q.isPending ? t('common.loading') : t('region.choose')}
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      data-level={level}
    />
  );
}

/** A region's name, e.g. for `33.20` "KABUPATEN JEPARA" (the code while it loads). */
export function RegionName({ code }: { code: string | null | undefined }) {
  const r = useRegion(code);
  if (!code) return <>—</>;
  return <>{r ? titleCase(r.name) : code}</>;
}

/** Kemendagri names are upper case; shown in title case. */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
