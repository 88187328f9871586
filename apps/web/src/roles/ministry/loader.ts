import { lazyPreloadable } from '../../lib/lazyPreload';

/**
 * The ministry pages' chunk, loaded on demand — and early when an officer opens the dashboard
 * (features/monitoring/prefetch.ts). A module of its own so that preloading does not pull the role
 * registry (and through it every role's loader) into the login page's JavaScript.
 */
export const MinistryRoutesLoader = lazyPreloadable(() => import('./routes'));
