import { lazyPreloadable } from '../lib/lazyPreload';

/** The signed-in console's shell, loaded on demand (and early, for the ministry dashboard: features/monitoring/prefetch.ts). */
export const ShellLoader = lazyPreloadable(() => import('./Shell'));
