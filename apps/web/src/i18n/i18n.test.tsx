import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderPage } from '../../test/utils';
import { LoginPage } from '../auth/LoginPage';
import { currentLang, LANG_KEY } from '.';

describe('language switch', () => {
  it('starts in Bahasa Indonesia and switches the whole page to English, remembering the choice', async () => {
    mockFetch(() => undefined);
    const user = userEvent.setup();
    renderPage(<LoginPage />);
    expect(screen.getByRole('button', { name: 'Masuk' })).toBeTruthy();
    expect(screen.getByLabelText(/Kata sandi/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('id');

    await user.click(screen.getByRole('radio', { name: 'English' }));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy());
    expect(screen.getByLabelText(/Password/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Masuk' })).toBeNull();
    expect(currentLang()).toBe('en');
    expect(localStorage.getItem(LANG_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('radio', { name: 'Bahasa Indonesia' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Masuk' })).toBeTruthy());
  });

  it('sends the UI language to the API (Accept-Language), so reasons come back in it', async () => {
    const { calls } = mockFetch(() => undefined);
    const user = userEvent.setup();
    renderPage(<LoginPage />);
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.type(screen.getByLabelText(/E-mail/), 'a@b.id');
    await user.type(screen.getByLabelText(/Password/), 'rahasia-sekali-123');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    expect(calls[0]!.headers.get('Accept-Language')).toBe('en');
  });
});
