import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { getTokens, setTokens, subscribe, type Tokens } from '../api/session';
import type { AuthResult, Me } from '../api/types';
import { browserZone, type Zone, zoneOfProvince } from '../lib/zones';

export interface AuthState {
  /** `loading` while the signed-in user is being read after a reload. */
  status: 'anonymous' | 'loading' | 'authenticated' | 'error';
  /** Reads the signed-in user again (after `error`: the API could not be reached). */
  retry(): void;
  me: Me | null;
  /** The user's zone: their organisation's province, else their browser's (Indonesian) zone, else WIB. */
  zone: Zone;
  login(email: string, password: string): Promise<Me>;
  /** After registration the API returns tokens with the user and organisation. */
  signedIn(result: AuthResult): void;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export const meQueryKey = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me> {
  return unwrap(api.GET('/api/v1/auth/me'));
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [tokens, setLocal] = useState<Tokens | null>(getTokens);

  useEffect(
    () =>
      subscribe((next) => {
        setLocal(next);
        if (!next) qc.clear();
      }),
    [qc],
  );

  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    enabled: !!tokens,
    staleTime: 5 * 60_000,
    retry: (n, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && n < 2,
  });

  // A token that no longer works (revoked elsewhere, refresh refused) ends the session cleanly.
  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401 && getTokens()) setTokens(null, 'expired');
  }, [me.error]);

  const login = useCallback(
    async (email: string, password: string) => {
      const res = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
      setTokens({ accessToken: res.accessToken, refreshToken: res.refreshToken });
      const fresh = await qc.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
      return fresh;
    },
    [qc],
  );

  const signedIn = useCallback(
    (res: AuthResult) => {
      setTokens({ accessToken: res.accessToken, refreshToken: res.refreshToken });
      qc.setQueryData<Me>(meQueryKey, { user: res.user, organization: res.organization ?? null });
    },
    [qc],
  );

  const logout = useCallback(async () => {
    const t = getTokens();
    if (t) {
      // Revoke the refresh-token family; the session ends here whatever the API says.
      await api.POST('/api/v1/auth/logout', { body: { refreshToken: t.refreshToken } }).catch(() => undefined);
    }
    setTokens(null, 'logout');
    qc.clear();
  }, [qc]);

  const value = useMemo<AuthState>(() => {
    const data = tokens ? (me.data ?? null) : null;
    const status = !tokens ? 'anonymous' : data ? 'authenticated' : me.isError ? 'error' : 'loading';
    const zone = data?.organization ? zoneOfProvince(data.organization.provinceCode) : browserZone();
    const retry = () => void me.refetch();
    return { status, me: data, zone, login, signedIn, logout, retry };
  }, [tokens, me, login, signedIn, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user (inside the authenticated shell only). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside the signed-in shell');
  return me;
}
