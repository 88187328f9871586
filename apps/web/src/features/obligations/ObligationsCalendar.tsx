import { useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Obligation } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { intlLocale } from '../../lib/format';
import { useFormat } from '../../lib/useFormat';
import { fetchObligations, obligationsKey } from '../agreements/api';
import { addMonths, dayAfterKey, monthGrid, monthRange } from './calendar';
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

/**
 * A month calendar of obligations by due date, coloured by state (overdue, due, upcoming, fulfilled).
 * Keyboard: one day of the grid is in the tab order; arrows move by a day or a week, Home/End to
 * the week's ends, PageUp/PageDown by a month (crossing into the next month shows it); Enter or
 * Space opens the day.
 */
export function ObligationsCalendar({ canAct }: { canAct: (o: Obligation) => boolean }) {
  const { t, lang } = useT();
  const f = useFormat();
  const [month, setMonth] = useState(() => f.today().slice(0, 7));
  const [selected, setSelected] = useState<string | null>(null);
  // The day holding the grid's one tab stop; `moved` marks a keyboard move whose focus must follow.
  const [focusDay, setFocusDay] = useState(() => f.today());
  const moved = useRef(false);
  const grid = useRef<HTMLDivElement>(null);
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
  const visible = weeks.flat().map((d) => d.date);
  const tabStop = visible.includes(focusDay) ? focusDay : (visible.find((d) => d.startsWith(month)) ?? visible[0]!);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-date="${focusDay}"]`)?.focus();
  }, [focusDay, month]);
  const onKeyDown = (e: React.KeyboardEvent, date: string) => {
    const next = dayAfterKey(date, e.key);
    if (!next) return;
    e.preventDefault();
    moved.current = true;
    setFocusDay(next);
    if (next.slice(0, 7) !== month && !visible.includes(next)) setMonth(next.slice(0, 7));
    else if (e.key === 'PageUp' || e.key === 'PageDown') setMonth(next.slice(0, 7));
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Button variant="default" onClick={() => { setMonth(addMonths(month, -1)); setSelected(null); }} aria-label={t('calendar.prev')} aria-keyshortcuts="PageUp">
          ‹
        </Button>
        <Title order={2} size="h4" aria-live="polite">
          {title}
        </Title>
        <Button variant="default" onClick={() => { setMonth(addMonths(month, 1)); setSelected(null); }} aria-label={t('calendar.next')} aria-keyshortcuts="PageDown">
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
      <div role="grid" aria-label={title} ref={grid}>
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
                  data-date={d.date}
                  tabIndex={d.date === tabStop ? 0 : -1}
                  onKeyDown={(e) => onKeyDown(e, d.date)}
                  onFocus={() => setFocusDay(d.date)}
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
