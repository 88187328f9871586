import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../test/utils';
import { getTokens } from '../api/session';
import { LoginPage } from './LoginPage';

describe('LoginPage', () => {
  it('says wrong credentials in the user’s language on 401, and keeps no session', async () => {
    mockFetch((req, url) =>
      req.method === 'POST' && url.pathname === '/api/v1/auth/login'
        ? json({ type: 'https://jalin.go.id/problems/unauthenticated', title: 'Unauthorized', status: 401, detail: 'Invalid e-mail or password' }, 401)
        : undefined,
    );
    const user = userEvent.setup();
    renderPage(<LoginPage />);
    await user.type(screen.getByLabelText(/Email/), 'pemilik@keripik.id');
    await user.type(screen.getByLabelText(/Kata sandi/), 'salah-sekali-123');
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Email atau kata sandi salah.');
    expect(getTokens()).toBeNull();
  });

  it('tells how long to wait when rate-limited', async () => {
    mockFetch(() => json({ type: 'https://jalin.go.id/problems/rate-limited', title: 'Too Many Requests', status: 429, detail: 'Too many sign-in attempts; try again in 60 seconds', retryAfter: 60 }, 429));
    const user = userEvent.setup();
    renderPage(<LoginPage />);
    await user.type(screen.getByLabelText(/Email/), 'a@b.id');
    await user.type(screen.getByLabelText(/Kata sandi/), 'salah-sekali-123');
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Terlalu banyak percobaan');
  });
});
