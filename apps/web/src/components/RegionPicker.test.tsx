import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../test/utils';
import { RegionPicker } from './RegionPicker';

const r = (code: string, name: string, level: string, parentCode: string | null) => ({ code, name, level, parentCode, provinceCode: code.slice(0, 2), timeZone: 'Asia/Jakarta' });
const TREE: Record<string, ReturnType<typeof r>[]> = {
  '': [r('33', 'JAWA TENGAH', 'province', null), r('35', 'JAWA TIMUR', 'province', null)],
  '33': [r('33.20', 'KABUPATEN JEPARA', 'regency', '33'), r('33.19', 'KABUPATEN KUDUS', 'regency', '33')],
  '35': [r('35.78', 'KOTA SURABAYA', 'regency', '35')],
  '33.20': [r('33.20.01', 'KEDUNG', 'district', '33.20')],
  '33.20.01': [r('33.20.01.2001', 'KALIAMAN', 'village', '33.20.01')],
};

function Harness() {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <RegionPicker legend="Wilayah" value={value} onChange={setValue} />
      <output data-testid="value">{value ?? ''}</output>
    </>
  );
}

describe('RegionPicker', () => {
  it('cascades province → regency → district → village, loading each level from its parent', async () => {
    const { calls } = mockFetch((_req, url) => {
      if (url.pathname !== '/api/v1/reference/regions') return undefined;
      const items = TREE[url.searchParams.get('parent') ?? ''];
      return items ? json({ items }) : undefined;
    });
    const user = userEvent.setup();
    renderPage(<Harness />);
    const value = () => screen.getByTestId('value').textContent;

    // Lower levels wait for their parent.
    expect((screen.getByRole('combobox', { name: 'Kabupaten/kota' }) as HTMLInputElement).disabled).toBe(true);

    await user.click(screen.getByRole('combobox', { name: 'Provinsi' }));
    await user.click(await screen.findByRole('option', { name: 'Jawa Tengah' }));
    expect(value()).toBe('33');

    await user.click(screen.getByRole('combobox', { name: 'Kabupaten/kota' }));
    await user.click(await screen.findByRole('option', { name: 'Kabupaten Jepara' }));
    expect(value()).toBe('33.20');

    await user.click(screen.getByRole('combobox', { name: 'Kecamatan' }));
    await user.click(await screen.findByRole('option', { name: 'Kedung' }));
    expect(value()).toBe('33.20.01');

    await user.click(screen.getByRole('combobox', { name: 'Kelurahan/desa' }));
    await user.click(await screen.findByRole('option', { name: 'Kaliaman' }));
    expect(value()).toBe('33.20.01.2001');

    const parents = calls.map((c) => new URL(c.url).searchParams.get('parent'));
    expect(parents).toEqual(expect.arrayContaining([null, '33', '33.20', '33.20.01']));

    // Choosing another province clears the levels below it.
    await user.click(screen.getByRole('combobox', { name: 'Provinsi' }));
    await user.click(await screen.findByRole('option', { name: 'Jawa Timur' }));
    expect(value()).toBe('35');
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Kecamatan' }) as HTMLInputElement).value).toBe(''));
    await user.click(screen.getByRole('combobox', { name: 'Kabupaten/kota' }));
    expect(await screen.findByRole('option', { name: 'Kota Surabaya' })).toBeTruthy();
  });
});
