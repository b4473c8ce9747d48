/** A two-page hash router: `#/integrations` (the default) and `#/accounts`. */
import { useSyncExternalStore } from 'react';

export const ROUTES = ['integrations', 'accounts'] as const;
export type Route = (typeof ROUTES)[number];

export function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'integrations';
}

export function href(route: Route): string {
  return `#/${route}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(
    subscribe,
    () => routeOf(window.location.hash),
    () => 'integrations',
  );
}
