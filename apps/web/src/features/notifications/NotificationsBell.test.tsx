import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeJwt, json, mockFetch, renderPage } from '../../../test/utils';
import { setTokens } from '../../api/session';
import { useAuth } from '../../auth/AuthProvider';
import { NotificationsBell } from './NotificationsBell';

const me = {
  user: { id: 'u1', email: 'a@b.id', fullName: 'Siti', role: 'ENTERPRISE', organizationId: 'o1', provinceCodes: [], locale: 'id' },
  organization: { id: 'o1', kind: 'enterprise', name: 'UD Keripik', provinceCode: '51' },
};
const n = (id: string, title: string) => ({ id, kind: 'APPLICATION_ACCEPTED', title, body: '', entityType: 'application', entityId: id, data: {}, createdAt: '2026-03-02T02:00:00Z', readAt: null });

afterEach(() => setTokens(null));

/** As in the app: the bell lives in the signed-in shell. */
function SignedIn({ children }: { children: React.ReactNode }) {
  return useAuth().status === 'authenticated' ? <>{children}</> : null;
}

describe('NotificationsBell', () => {
  it('shows the unread count, lists them in the user’s zone, and marks one read', async () => {
    setTokens({ accessToken: fakeJwt(600), refreshToken: 'r1' });
    const read = new Set<string>();
    const { calls } = mockFetch((req, url) => {
      if (url.pathname === '/api/v1/auth/me') return json(me);
      if (url.pathname === '/api/v1/notifications' && url.searchParams.get('unread') === 'true')
        return json({ items: [n('n1', 'Lamaran Anda diterima'), n('n2', 'Undangan baru')].filter((x) => !read.has(x.id)), nextCursor: null });
      const m = /^\/api\/v1\/notifications\/(\w+)\/read$/.exec(url.pathname);
      if (m && req.method === 'POST') {
        read.add(m[1]!);
        return json({ ...n(m[1]!, 'x'), readAt: '2026-03-02T03:00:00Z' });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderPage(
      <SignedIn>
        <NotificationsBell />
      </SignedIn>,
    );
    const bell = await screen.findByRole('button', { name: 'Notifikasi, 2 belum dibaca' });
    await user.click(bell);
    const dialog = await screen.findByRole('dialog', { name: /^Notifikasi/ });
    expect(within(dialog).getByText('Lamaran Anda diterima')).toBeTruthy();
    // The firm lies in Bali (province 51): WITA.
    expect(within(dialog).getAllByText('2 Maret 2026 pukul 10.00 WITA').length).toBe(2);
    await user.click(within(dialog).getAllByRole('button', { name: 'Tandai dibaca' })[0]!);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Notifikasi, 1 belum dibaca' })).toBeTruthy());
    expect(calls.some((c) => c.method === 'POST' && new URL(c.url).pathname === '/api/v1/notifications/n1/read')).toBe(true);
  });
});
