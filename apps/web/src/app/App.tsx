import { lazy, type ReactNode, Suspense, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Button, Center, Stack } from '@mantine/core';
import { networkError } from '../api/problem';
import { LoginPage } from '../auth/LoginPage';
import { useAuth } from '../auth/AuthProvider';
import { ErrorState, Loading } from '../components/QueryState';
import { useT } from '../i18n';
import { adoptEarlyLoads } from '../features/monitoring/prefetch';
import { makeQueryClient, Providers } from './Providers';
import { ShellLoader } from './shellLoader';

const Shell = ShellLoader;
const RegisterPage = lazy(() => import('../auth/RegisterPage'));

export function App() {
  // The ministry dashboard's figures, asked for before the first render (features/monitoring/prefetch.ts).
  const [client] = useState(() => {
    const c = makeQueryClient();
    adoptEarlyLoads(c);
    return c;
  });
  return (
    <Providers client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<AnonymousOnly><LoginPage /></AnonymousOnly>} />
        <Route path="/register" element={<AnonymousOnly><RegisterPage /></AnonymousOnly>} />
        <Route path="/*" element={<RequireAuth><Shell /></RequireAuth>} />
      </Routes>
    </Suspense>
  );
}

/** Signed-in people going to /login or /register land in the console. */
function AnonymousOnly({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'authenticated') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }
  return <>{children}</>;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { status, retry, logout } = useAuth();
  const location = useLocation();
  const { t } = useT();
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (status === 'loading') return <Loading />;
  if (status === 'error')
    return (
      <Center p="md" mih="60vh">
        <Stack>
          <ErrorState error={networkError('me')} onRetry={retry} />
          <Button variant="subtle" onClick={() => void logout()}>
            {t('auth.logout')}
          </Button>
        </Stack>
      </Center>
    );
  return <>{children}</>;
}
