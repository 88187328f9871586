import { lazy, type ComponentType } from 'react';
import { lazyPreloadable } from '../lib/lazyPreload';
import { MinistryRoutesLoader } from './ministry/loader';
import type { Role } from '../api/types';

/**
 * One entry per role: where it lands after signing in, its navigation, and its pages — loaded on
 * demand (`React.lazy`), so the login page's JavaScript holds no role's pages and a role's chunk
 * holds no other role's (recharts stays in the ministry chunk).
 *
 * To add a page: create it in `roles/<role>/`, add a <Route> in `roles/<role>/routes.tsx`, and (if it
 * belongs in the menu) a `nav` entry below with its label in `i18n/id.ts` and `i18n/en.ts` under
 * `nav.`. Paths must not start with /api, /docs, /health or /admin (the API's own; see
 * apps/api/src/web-console.ts).
 */
export interface NavEntry {
  to: string;
  /** i18n key under `nav.` */
  label: NavKey;
  /** Match only the exact path (for a role's home). */
  end?: boolean;
}

export type NavKey =
  | 'recommendations'
  | 'opportunities'
  | 'myOpportunities'
  | 'applications'
  | 'agreements'
  | 'obligations'
  | 'sessions'
  | 'notifications'
  | 'profile'
  | 'overdue'
  | 'dashboard'
  | 'audit'
  | 'staff'
  | 'compliance'
  | 'findings'
  | 'cases'
  | 'reports';

export interface RoleModule {
  home: string;
  nav: NavEntry[];
  Routes: ComponentType;
}

export const ROLES: Record<Role, RoleModule> = {
  ENTERPRISE: {
    home: '/recommendations',
    nav: [
      { to: '/recommendations', label: 'recommendations' },
      { to: '/opportunities', label: 'opportunities' },
      { to: '/applications', label: 'applications' },
      { to: '/agreements', label: 'agreements' },
      { to: '/notifications', label: 'notifications' },
      { to: '/profile', label: 'profile' },
    ],
    Routes: lazy(() => import('./enterprise/routes')),
  },
  PARTNER: {
    home: '/opportunities',
    nav: [
      { to: '/opportunities', label: 'myOpportunities' },
      { to: '/applications', label: 'applications' },
      { to: '/agreements', label: 'agreements' },
      { to: '/obligations', label: 'obligations' },
      { to: '/sessions', label: 'sessions' },
      { to: '/notifications', label: 'notifications' },
      { to: '/profile', label: 'profile' },
    ],
    Routes: lazy(() => import('./partner/routes')),
  },
  MINISTRY: {
    home: '/ministry/dashboard',
    nav: [
      { to: '/ministry/dashboard', label: 'dashboard' },
      { to: '/ministry/partners', label: 'compliance' },
      { to: '/ministry/overdue', label: 'overdue' },
      { to: '/ministry/findings', label: 'findings' },
      { to: '/ministry/cases', label: 'cases' },
      { to: '/ministry/reports', label: 'reports' },
      { to: '/ministry/agreements', label: 'agreements' },
      { to: '/notifications', label: 'notifications' },
    ],
    // Preloadable: the dashboard starts it before the first render (features/monitoring/prefetch.ts).
    Routes: MinistryRoutesLoader,
  },
  ADMIN: {
    home: '/platform/audit',
    nav: [
      { to: '/platform/audit', label: 'audit' },
      { to: '/platform/staff', label: 'staff' },
      { to: '/ministry/dashboard', label: 'dashboard' },
      { to: '/ministry/partners', label: 'compliance' },
      { to: '/ministry/findings', label: 'findings' },
      { to: '/ministry/cases', label: 'cases' },
      { to: '/notifications', label: 'notifications' },
    ],
    Routes: lazyPreloadable(() => import('./admin/routes')),
  },
};
