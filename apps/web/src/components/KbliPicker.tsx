import { useMemo, useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { fetchKbli } from '../api/reference';
import type { Kbli } from '../api/types';
import { useT } from '../i18n';

export interface KbliPickerProps {
  label: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
  description?: string;
  required?: boolean;
  maxValues?: number;
  /** Only offer entries of at least this level (5 = sub-class, the five-digit codes firms register with). */
  minLevel?: 2 | 3 | 4 | 5;
}

const DAY = 24 * 60 * 60_000;

/**
 * KBLI 2020 codes, searched in the reference API by words of their titles (`keripik` → 10794
 * Industri Kerupuk, Keripik, Peyek …) or by a code prefix (`1079`).
 */
export function KbliPicker({ label, value, onChange, error, description, required, maxValues = 20, minLevel = 2 }: KbliPickerProps) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const byCode = /^\d{1,5}$/.test(debounced);
  const results = useQuery({
    queryKey: ['reference', 'kbli', 'search', debounced],
    queryFn: () => fetchKbli(byCode ? { prefix: debounced, limit: 30 } : { q: debounced, limit: 30 }),
    enabled: byCode ? debounced.length >= 1 : debounced.length >= 2,
    staleTime: DAY,
  });
  // Titles of the codes already chosen (a profile being edited holds codes only).
  const chosen = useQueries({
    queries: value.map((code) => ({
      queryKey: ['reference', 'kbli', 'code', code],
      queryFn: () => fetchKbli({ prefix: code, level: code.length as 2 | 3 | 4 | 5, limit: 1 }),
      staleTime: DAY,
      enabled: /^\d{2,5}$/.test(code),
    })),
  });
  const [seen, setSeen] = useState<Record<string, Kbli>>({});

  const data = useMemo(() => {
    const map = new Map<string, Kbli>();
    for (const k of Object.values(seen)) map.set(k.code, k);
    for (const q of chosen) for (const k of q.data ?? []) map.set(k.code, k);
    const found = (results.data ?? []).filter((k) => k.level >= minLevel && /^\d+$/.test(k.code));
    for (const k of found) map.set(k.code, k);
    const visible = new Set([...value, ...found.map((k) => k.code)]);
    return [...visible].map((code) => {
      const k = map.get(code);
      return { value: code, label: k ? `${k.code} — ${k.title}` : code };
    });
  }, [results.data, chosen, seen, value, minLevel]);

  return (
    <MultiSelect
      label={label}
      description={description ?? t('kbli.hint')}
      placeholder={value.length ? undefined : t('kbli.placeholder')}
      data={data}
      value={value}
      onChange={(codes) => {
        const known = results.data ?? [];
        setSeen((s) => ({ ...s, ...Object.fromEntries(known.filter((k) => codes.includes(k.code)).map((k) => [k.code, k])) }));
        onChange(codes);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={
        results.isFetching ? t('common.loading') : debounced.length >= 2 || byCode ? t('kbli.none') : t('kbli.typeMore')
      }
      maxValues={maxValues}
      hidePickedOptions
      clearable
      required={required}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
