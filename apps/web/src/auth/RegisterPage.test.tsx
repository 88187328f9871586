import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../test/utils';
import { getTokens } from '../api/session';
import RegisterPage from './RegisterPage';

const provinces = { items: [{ code: '33', name: 'JAWA TENGAH', level: 'province', parentCode: null, provinceCode: '33', timeZone: 'Asia/Jakarta' }] };

describe('RegisterPage', () => {
  it('maps the problem’s field errors onto the fields (organization.* and nested list items)', async () => {
    const { calls } = mockFetch((req, url) => {
      if (url.pathname === '/api/v1/reference/regions') return json(provinces);
      if (req.method === 'POST' && url.pathname === '/api/v1/auth/register')
        return json(
          {
            type: 'https://jalin.go.id/problems/validation-failed',
            title: 'Bad Request',
            status: 400,
            detail: 'The request has 3 invalid fields',
            instance: '/api/v1/auth/register',
            errors: [
              { field: 'email', message: 'email must be an email' },
              { field: 'organization.nib', message: 'nib must be 13 digits' },
              { field: 'organization.capacities.0.quantity', message: 'quantity must be a positive number' },
            ],
          },
          400,
        );
      return undefined;
    });
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { route: '/register' });
    const fill = async (el: HTMLElement, text: string) => {
      await user.click(el);
      await user.paste(text);
    };
    await fill(screen.getByLabelText(/Nama lengkap/), 'Siti Aminah');
    await fill(screen.getByRole('textbox', { name: 'Email' }), 'siti');
    await fill(screen.getByLabelText(/^NIB/), '12345');
    await user.click(screen.getByRole('button', { name: /Tambah kapasitas/ }));
    await user.click(screen.getByRole('button', { name: 'Daftar' }));

    const nib = screen.getByLabelText(/^NIB/);
    await waitFor(() => expect(nib.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Tidak valid: nib must be 13 digits')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBe('true');
    const capacity = screen.getByRole('group', { name: 'Kapasitas 1' });
    expect(within(capacity).getByLabelText(/Jumlah/).getAttribute('aria-invalid')).toBe('true');
    expect(within(capacity).getByText(/quantity must be a positive number/)).toBeTruthy();
    // Fields without an error are not marked.
    expect(screen.getByLabelText(/Nama usaha/).getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('Periksa kembali isian yang ditandai.'))).toBe(true);

    // The body went out as the contract names it.
    const sent = calls.find((c) => new URL(c.url).pathname === '/api/v1/auth/register')!;
    const body = (await sent.json()) as { email: string; organization: Record<string, unknown> };
    expect(body.email).toBe('siti');
    expect(body.organization.kind).toBe('enterprise');
    expect(body.organization.nib).toBe('12345');
    expect(sent.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(getTokens()).toBeNull();

    // Editing a field clears its error.
    await user.type(nib, '6');
    expect(nib.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('shows the size class the new firm gets', async () => {
    mockFetch((req, url) => {
      if (url.pathname === '/api/v1/reference/regions') return json(provinces);
      if (req.method === 'POST' && url.pathname === '/api/v1/auth/register')
        return json(
          {
            accessToken: 'a.b.c',
            refreshToken: 'r1',
            user: { id: 'u1', email: 's@k.id', fullName: 'Siti', role: 'ENTERPRISE', organizationId: 'o1', provinceCodes: [], locale: 'id' },
            organization: { id: 'o1', kind: 'enterprise', name: 'UD Keripik Sumber Rejeki', scale: 'MIKRO', scaleRegime: 'pp-7-2021', scaleBasis: 'annualSales' },
          },
          201,
        );
      return undefined;
    });
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { route: '/register' });
    await user.click(screen.getByRole('button', { name: 'Daftar' }));
    expect(await screen.findByText('Pendaftaran berhasil')).toBeTruthy();
    expect(screen.getByTestId('scale').textContent).toBe('Mikro');
    expect(screen.getByText('Menurut PP No. 7/2021, ditentukan oleh hasil penjualan tahunan.')).toBeTruthy();
  });

  it('explains a size class the kind may not have (409 scale-mismatch) in Indonesian', async () => {
    mockFetch((req, url) => {
      if (url.pathname === '/api/v1/reference/regions') return json(provinces);
      if (req.method === 'POST')
        return json(
          {
            type: 'https://jalin.go.id/problems/scale-mismatch',
            title: 'Conflict',
            status: 409,
            detail: 'An enterprise (small firm) must classify MIKRO or KECIL; this one classifies MENENGAH under pp-7-2021: annual sales Rp20.000.000.000 > Rp15.000.000.000',
            scale: 'MENENGAH',
            regime: 'pp-7-2021',
            decidedBy: 'annualSales',
            reason: 'annual sales Rp20.000.000.000 > Rp15.000.000.000',
          },
          409,
        );
      return undefined;
    });
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { route: '/register' });
    await user.click(screen.getByRole('button', { name: 'Daftar' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Usaha ini tergolong Menengah menurut pp-7-2021');
    expect(alert.textContent).toContain('Rp20.000.000.000 > Rp15.000.000.000');
  });
});
