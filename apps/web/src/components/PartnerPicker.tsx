import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useT } from '../i18n';

interface PartnerPickerProps {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (partnerId: string) => void;
  required?: boolean;
  error?: string;
}

/**
 * One partner, searched on the server by the words of its name (`GET /partners?q=`), so every
 * partner in the country can be found, not only a first page; the chosen one keeps its name.
 */
export function PartnerPicker({ label, placeholder, value, onChange, required, error }: PartnerPickerProps) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['partners', 'search', debounced],
    queryFn: () => unwrap(api.GET('/api/v1/partners', { params: { query: { limit: 30, ...(debounced ? { q: debounced } : {}) } } })),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const chosen = useQuery({
    queryKey: ['partners', 'one', value],
    queryFn: () => unwrap(api.GET('/api/v1/partners/{id}', { params: { path: { id: value } } })),
    enabled: !!value,
    staleTime: 5 * 60_000,
  });
  const data = useMemo(() => {
    const options = (found.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
    if (chosen.data && !options.some((o) => o.value === chosen.data.id)) options.unshift({ value: chosen.data.id, label: chosen.data.name });
    return options;
  }, [found.data, chosen.data]);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      required={required}
      data={data}
      value={value || null}
      onChange={(x) => onChange(x ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // the server already filtered by the words typed
      filter={({ options }) => options}
      clearable
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('monitoring.filters.nothingFound')}
      error={error}
    />
  );
}
