import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../test/utils';
import { KbliPicker } from './KbliPicker';

const K10794 = { code: '10794', level: 5, section: 'C', parentCode: '1079', title: 'Industri Kerupuk, Keripik, Peyek Dan Sejenisnya', description: '…' };
const K10313 = { code: '10313', level: 5, section: 'C', parentCode: '1031', title: 'Industri Pengeringan Buah-buahan Dan Sayuran', description: '…' };
const K10 = { code: '10', level: 2, section: 'C', parentCode: 'C', title: 'Industri Makanan', description: '…' };

function Harness({ onChange }: { onChange?: (v: string[]) => void }) {
  const [value, setValue] = useState<string[]>([]);
  return (
    <>
      <KbliPicker
        label="KBLI 2020"
        value={value}
        minLevel={5}
        onChange={(v) => {
          setValue(v);
          onChange?.(v);
        }}
      />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

describe('KbliPicker', () => {
  it('typing "keripik" searches KBLI titles and offers 10794', async () => {
    const { calls } = mockFetch((_req, url) => {
      if (url.pathname === '/api/v1/reference/kbli' && url.searchParams.get('q') === 'keripik') return json({ items: [K10794, K10313, K10] });
      if (url.pathname === '/api/v1/reference/kbli') return json({ items: [] });
      return undefined;
    });
    const user = userEvent.setup();
    renderPage(<Harness />);
    await user.type(screen.getByRole('combobox', { name: /KBLI 2020/ }), 'keripik');
    const option = await screen.findByRole('option', { name: /10794 — Industri Kerupuk, Keripik/ });
    // Level-2 entries are not offered when sub-classes are wanted.
    expect(screen.queryByRole('option', { name: /^10 — / })).toBeNull();
    const kbliCalls = calls.filter((r) => new URL(r.url).pathname === '/api/v1/reference/kbli');
    expect(kbliCalls.some((r) => new URL(r.url).searchParams.get('q') === 'keripik')).toBe(true);
    await user.click(option);
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('10794'));
  });

  it('searches by code prefix when digits are typed', async () => {
    const { calls } = mockFetch((_req, url) => (url.pathname === '/api/v1/reference/kbli' ? json({ items: url.searchParams.get('prefix') === '1079' ? [K10794] : [] }) : undefined));
    const user = userEvent.setup();
    renderPage(<Harness />);
    await user.type(screen.getByRole('combobox', { name: /KBLI 2020/ }), '1079');
    expect(await screen.findByRole('option', { name: /10794/ })).toBeTruthy();
    expect(calls.some((r) => new URL(r.url).searchParams.get('prefix') === '1079')).toBe(true);
  });
});
