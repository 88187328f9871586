import { useMemo, useState } from 'react';
import { Badge, Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Obligation } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { intlLocale } from '../../lib/format';
import { useFormat } from '../../lib/useFormat';
import { fetchObligations, obligationsKey } from '../agreements/api';
import { addMonths, monthGrid, monthRange } from './calendar';
import { ObligationCard } from './ObligationCard';

const STATUS_ORDER: readonly Obligation['status'][] = ['OVERDUE', 'DUE', 'UPCOMING', 'FULFILLED', 'WAIVED', 'CANCELLED'];
const COLOR: Record<string, string> = { OVERDUE: 'red', DUE: 'orange', UPCOMING: 'blue', FULFILLED: 'teal', WAIVED: 'gray', CANCELLED: 'gray' };

/** Every obligation due in a month (all pages of it). */
async function fetchMonth(month: string, agreementId?: string): Promise<Obligation[]> {
  const { from, to } = monthRange(month);
  const out: Obligation[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await fetchObligations({ dueFrom: from, dueTo: to, agreementId, cursor, limit: 100 });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** A month calendar of obligations by due date, coloured by state (overdue, due, upcoming, fulfilled). */
export function ObligationsCalendar({ canAct }: { canAct: (o: Obligation) => boolean }) {
  const { t, lang } = useT();
  const f = useFormat();
  const [month, setMonth] = useState(() => f.today().slice(0, 7));
  const [selected, setSelected] = useState<string | null>(null);
  const q = useQuery({ queryKey: [...obligationsKey, 'month', month], queryFn: () => fetchMonth(month) });
  const byDay = useMemo(() => {
    const m = new Map<string, Obligation[]>();
    for (const o of q.data ?? []) m.set(o.dueDate, [...(m.get(o.dueDate) ?? []), o]);
    return m;
  }, [q.data]);
  const weeks = useMemo(() => monthGrid(month), [month]);
  const locale = intlLocale(lang);
  const title = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const weekday = (d: string) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const today = f.today();
  const dayItems = selected ? (byDay.get(selected) ?? []) : [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Button variant="default" onClick={() => { setMonth(addMonths(month, -1)); setSelected(null); }} aria-label={t('calendar.prev')}>
          ‹
        </Button>
        <Title order={2} size="h4" aria-live="polite">
          {title}
        </Title>
        <Button variant="default" onClick={() => { setMonth(addMonths(month, 1)); setSelected(null); }} aria-label={t('calendar.next')}>
          ›
        </Button>
      </Group>
      <Group gap="xs">
        {(['OVERDUE', 'DUE', 'UPCOMING', 'FULFILLED'] as const).map((s) => (
          <Badge key={s} color={COLOR[s]} variant="light">
            {enumLabel(t, 'obligationStatus', s)}
          </Badge>
        ))}
      </Group>
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      <div role="grid" aria-label={title}>
        <div className="calendar-grid" role="row">
          {weeks[0]!.map((d) => (
            <Text key={d.date} size="xs" fw={600} ta="center" role="columnheader">
              {weekday(d.date)}
            </Text>
          ))}
        </div>
        {weeks.map((w) => (
          <div className="calendar-grid" role="row" key={w[0]!.date} style={{ marginTop: 2 }}>
            {w.map((d) => {
              const items = byDay.get(d.date) ?? [];
              const counts = STATUS_ORDER.map((s) => [s, items.filter((o) => o.status === s).length] as const).filter(([, n]) => n > 0);
              const label = `${f.date(d.date)}: ${items.length ? counts.map(([s, n]) => `${n} ${enumLabel(t, 'obligationStatus', s)}`).join(', ') : t('calendar.nothing')}`;
              return (
                <UnstyledButton
                  key={d.date}
                  role="gridcell"
                  className="calendar-cell"
                  data-outside={d.inMonth ? undefined : true}
                  data-today={d.date === today ? true : undefined}
                  aria-label={label}
                  aria-selected={selected === d.date}
                  onClick={() => setSelected(d.date)}
                  style={selected === d.date ? { background: 'var(--mantine-color-teal-light)' } : undefined}
                >
                  <Text size="xs" fw={d.date === today ? 700 : 400}>
                    {Number(d.date.slice(8))}
                  </Text>
                  <Group gap={2}>
                    {counts.map(([s, n]) => (
                      <Badge key={s} size="xs" color={COLOR[s]} variant="filled" px={4} aria-hidden>
                        {n}
                      </Badge>
                    ))}
                  </Group>
                </UnstyledButton>
              );
            })}
          </div>
        ))}
      </div>
      {selected && (
        <Stack gap="sm" mt="sm">
          <Title order={3} size="h5">
            {f.date(selected)}
          </Title>
          {dayItems.length ? dayItems.map((o) => <ObligationCard key={o.id} o={o} canAct={canAct(o)} />) : <Empty>{t('calendar.nothing')}</Empty>}
        </Stack>
      )}
    </Stack>
  );
}
