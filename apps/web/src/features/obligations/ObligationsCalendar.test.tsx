import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderPage } from '../../../test/utils';
import { addDays, addMonthsToDate } from './calendar';
import { ObligationsCalendar } from './ObligationsCalendar';

const focusedDate = () => (document.activeElement as HTMLElement | null)?.dataset.date;

describe('ObligationsCalendar', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Today, and days whose moves cross a month or a year, or clamp to a shorter month.
  it.each([null, '2026-04-30', '2026-01-31', '2026-12-31'])('is one tab stop; arrows, Home/End and PageUp/PageDown move the focused day (today %s)', async (today) => {
    if (today) vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${today}T05:00:00Z`) });
    const { calls } = mockFetch((_req, url) => (url.pathname === '/api/v1/obligations' ? json({ items: [], nextCursor: null }) : undefined));
    const user = userEvent.setup();
    renderPage(<ObligationsCalendar canAct={() => false} />);
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    const cells = screen.getAllByRole('gridcell');
    const stops = cells.filter((c) => c.tabIndex === 0);
    expect(stops).toHaveLength(1);
    const start = stops[0]!.dataset.date!;
    if (today) expect(start).toBe(today); // the tab stop starts on today (Asia/Jakarta)
    await user.tab(); // the previous-month button
    await user.tab(); // the next-month button
    await user.tab();
    expect(focusedDate()).toBe(start);

    await user.keyboard('{ArrowRight}');
    expect(focusedDate()).toBe(addDays(start, 1));
    await user.keyboard('{ArrowDown}');
    expect(focusedDate()).toBe(addDays(start, 8));
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(focusedDate()).toBe(start);
    await user.keyboard('{Home}');
    const monday = focusedDate()!;
    expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
    await user.keyboard('{End}');
    expect(new Date(`${focusedDate()!}T00:00:00Z`).getUTCDay()).toBe(0);

    const before = focusedDate()!;
    await user.keyboard('{PageDown}');
    const later = addMonthsToDate(before, 1);
    await waitFor(() => expect(focusedDate()).toBe(later));
    expect(screen.getAllByRole('gridcell').filter((c) => c.tabIndex === 0).map((c) => c.dataset.date)).toEqual([later]);
    expect(screen.getAllByRole('gridcell').filter((c) => c.dataset.date === `${later.slice(0, 7)}-01`)).toHaveLength(1);
    // the month shown is asked for its obligations
    await waitFor(() =>
      expect(calls.filter((c) => new URL(c.url).pathname === '/api/v1/obligations').map((c) => new URL(c.url).searchParams.get('dueFrom'))).toContain(`${later.slice(0, 7)}-01`),
    );
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(focusedDate()).toBe(addMonthsToDate(later, -1)));

    await user.keyboard('{Enter}');
    expect(await screen.findByText('tidak ada kewajiban', { selector: 'p, div' })).toBeTruthy();
  });
});
