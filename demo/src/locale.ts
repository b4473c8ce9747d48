/**
 * The language of the connect window, picked on the Integrations page so a person can see each of the widget's
 * catalogues. The choice lives in the address (`?locale=ar`, see address-settings.ts). Shipyard's own pages stay
 * in English.
 */
import type { HarnessConnectLocale } from 'harness-connect';
import { setAddressSetting, useAddressSetting } from './address-settings.ts';

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

/** The locale the address's parameter names; anything else (absent, misspelt) is the default. */
function localeNamed(asked: string | null): HarnessConnectLocale {
  return DEMO_LOCALES.find(({ locale }) => locale === asked)?.locale ?? DEFAULT_LOCALE;
}

export function useLocale(): HarnessConnectLocale {
  return useAddressSetting(LOCALE_PARAM, localeNamed, DEFAULT_LOCALE);
}

export function setLocale(locale: HarnessConnectLocale): void {
  setAddressSetting(LOCALE_PARAM, locale, DEFAULT_LOCALE);
}
