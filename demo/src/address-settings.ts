/**
 * Settings of the demo that live in the address (`?locale=ar&look=dark`), beside the hash route: a reload or a
 * shared link keeps them, every page reads the same choice, and nothing is written to storage.
 */
import { useSyncExternalStore } from 'react';

// history.replaceState fires no event: a setting's writer tells the readers itself.
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/** The value of `param` in the address, as `read` turns it into a setting (`read` handles absent and misspelt). */
export function useAddressSetting<T>(param: string, read: (value: string | null) => T, serverValue: T): T {
  return useSyncExternalStore(
    subscribe,
    () => read(new URLSearchParams(window.location.search).get(param)),
    () => serverValue,
  );
}

/** Writes a setting into the address, in place (a setting, not a page to go back to), keeping the route. */
export function setAddressSetting(param: string, value: string, defaultValue: string): void {
  const url = new URL(window.location.href);
  if (value === defaultValue) url.searchParams.delete(param);
  else url.searchParams.set(param, value);
  window.history.replaceState(window.history.state, '', url);
  for (const listener of listeners) listener();
}
