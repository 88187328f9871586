import { type ComponentType, createElement, lazy } from 'react';

export type Preloadable<P extends object = object> = ComponentType<P> & { preload: () => Promise<unknown> };

/**
 * `React.lazy` that can be started early (`preload()`), and that renders the component directly once
 * its chunk is in, instead of suspending once more: a page opened straight away (a bookmark, the
 * ministry dashboard) skips a Suspense round — and React's retry scheduling — per lazy level.
 */
export function lazyPreloadable<P extends object = object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  const Lazy = lazy(preload);
  const Component = (props: P) => createElement(loaded ?? (Lazy as unknown as ComponentType<P>), props);
  return Object.assign(Component, { preload });
}
