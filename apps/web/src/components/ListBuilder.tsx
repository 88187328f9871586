import type { ReactNode } from 'react';
import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useT } from '../i18n';

/** A repeating group of fields (capacities, certifications, commitments, coaching plan…). */
export function ListBuilder<T>({ legend, items, onChange, make, render, addLabel, itemLabel, error, min = 0, description }: {
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  make: () => T;
  render: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
  addLabel: string;
  /** Accessible name of item `i` (e.g. "Komitmen 2"). */
  itemLabel: (index: number) => string;
  error?: string;
  min?: number;
  description?: string;
}) {
  const { t } = useT();
  return (
    <Fieldset legend={legend}>
      <Stack gap="md">
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {items.map((item, i) => (
          <Stack key={i} gap="xs" role="group" aria-label={itemLabel(i)} pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Group justify="space-between">
              <Text fw={600} size="sm">
                {itemLabel(i)}
              </Text>
              {items.length > min && (
                <Button variant="subtle" color="red" size="compact-md" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`${t('common.remove')} ${itemLabel(i)}`}>
                  {t('common.remove')}
                </Button>
              )}
            </Group>
            {render(item, i, (patch) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : x))))}
          </Stack>
        ))}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={() => onChange([...items, make()])}>
            + {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
