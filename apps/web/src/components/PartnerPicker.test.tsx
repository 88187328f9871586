import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../test/utils';
import { PartnerPicker } from './PartnerPicker';

const partner = (id: string, name: string) => ({ id, name, kind: 'partner' });
const SNACK = partner('11111111-1111-4111-8111-111111111111', 'PT Snack Nusantara');
const KOPI = partner('22222222-2222-4222-8222-222222222222', 'PT Kopi Priangan');

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <PartnerPicker label="Mitra" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </>
  );
}

describe('PartnerPicker', () => {
  it('asks the server for partners whose name holds the words typed, beyond any first page', async () => {
    const { calls } = mockFetch((_req, url) => {
      if (url.pathname !== '/api/v1/partners') return undefined;
      const q = url.searchParams.get('q');
      return json({ items: q === 'snack' ? [SNACK] : [KOPI], nextCursor: null });
    });
    const user = userEvent.setup();
    renderPage(<Harness />);
    await user.type(screen.getByRole('combobox', { name: 'Mitra' }), 'snack');
    const option = await screen.findByRole('option', { name: 'PT Snack Nusantara' });
    expect(screen.queryByRole('option', { name: 'PT Kopi Priangan' })).toBeNull();
    expect(calls.some((r) => new URL(r.url).searchParams.get('q') === 'snack')).toBe(true);
    await user.click(option);
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe(SNACK.id));
  });

  it('shows the name of a partner chosen before (e.g. from the address) even when no search found it', async () => {
    mockFetch((_req, url) => {
      if (url.pathname === `/api/v1/partners/${SNACK.id}`) return json(SNACK);
      if (url.pathname === '/api/v1/partners') return json({ items: [KOPI], nextCursor: null });
      return undefined;
    });
    renderPage(<Harness initial={SNACK.id} />);
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Mitra' }) as HTMLInputElement).value).toBe('PT Snack Nusantara'));
  });
});
