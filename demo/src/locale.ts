/**
 * The language of the connect window, picked on the Integrations page so a person can see each of the widget's
 * catalogues. The choice lives in the address (`?locale=ar`), beside the hash route: a reload or a shared link
 * keeps it, and nothing is written to storage. Shipyard's own pages stay in English.
 */
import { useSyncExternalStore } from 'react';
import type { HarnessConnectLocale } from 'harness-connect';

export const LOCALE_PARAM = 'locale';

/** The widget's catalogues, each named in English and in itself (for a reader of that language). */
export const DEMO_LOCALES: ReadonlyArray<{ locale: HarnessConnectLocale; name: string }> = [
  { locale: 'en', name: 'English' },
  { locale: 'de', name: 'German (Deutsch)' },
  { locale: 'fr', name: 'French (Français)' },
  { locale: 'es', name: 'Spanish (Español)' },
  { locale: 'ja', name: 'Japanese (日本語)' },
  { locale: 'ar', name: 'Arabic (العربية)' },
];

/** The widget's own default: no parameter in the address. */
const DEFAULT_LOCALE: HarnessConnectLocale = 'en';

/** The locale an address asks for; anything else (absent, misspelt) is the default. */
export function localeOf(search: string): HarnessConnectLocale {
  const asked = new URLSearchParams(search).get(LOCALE_PARAM);
  return DEMO_LOCALES.find(({ locale }) => locale === asked)?.locale ?? DEFAULT_LOCALE;
}

// history.replaceState fires no event: the picker tells the readers itself.
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('popstate', onChange);
  };
}

export function useLocale(): HarnessConnectLocale {
  return useSyncExternalStore(
    subscribe,
    () => localeOf(window.location.search),
    () => DEFAULT_LOCALE,
  );
}

/** Writes the choice into the address, in place (a setting, not a page to go back to), keeping the route. */
export function setLocale(locale: HarnessConnectLocale): void {
  const url = new URL(window.location.href);
  if (locale === DEFAULT_LOCALE) url.searchParams.delete(LOCALE_PARAM);
  else url.searchParams.set(LOCALE_PARAM, locale);
  window.history.replaceState(window.history.state, '', url);
  for (const listener of listeners) listener();
}
