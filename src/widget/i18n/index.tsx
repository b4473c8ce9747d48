/**
 * Messages: the English catalogue in the bundle, the others loaded with `import()` when `locale` asks for
 * them (each is its own chunk, fetched once per page), `messages` merged over the result. Also the tiny
 * renderer for the markup messages may hold.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { HARNESS_CONNECT_ERROR_MESSAGES, type HarnessConnectErrorCode } from '../../core/errors.js';
import { en, type HarnessConnectMessages, type HarnessConnectMessagesOverride } from './en.js';

/** The shipped catalogues. Any other BCP 47 tag falls back to its language, then to English. */
export type HarnessConnectLocale = 'en' | 'de' | 'fr' | 'es' | 'ja' | 'ar';

type Catalogue = { default: HarnessConnectMessages };
const LOADERS: Record<string, () => Promise<Catalogue>> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
};
const LOADED: Record<string, HarnessConnectMessages> = { en };

/** Right-to-left languages. */
export const isRtl = (locale: string) => /^(ar|he|fa|ur)\b/i.test(locale);

function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over != 'object' || Array.isArray(over)) return (over ?? base) as T;
  const out: Record<string, unknown> = { ...(base as object) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
  return out as T;
}

/** The catalogue for `locale` with `overrides` on top; English until a lazily loaded one has arrived. */
export function useMessages(locale: string, overrides?: HarnessConnectMessagesOverride): HarnessConnectMessages {
  const lang = locale.slice(0, 2).toLowerCase();
  const [, loaded] = useState(0);
  const catalogue = LOADED[lang];
  useEffect(() => {
    if (!catalogue)
      void LOADERS[lang]?.().then((m) => {
        LOADED[lang] = m.default;
        loaded((n) => n + 1);
      });
  }, [lang, catalogue]);
  return merge(catalogue ?? en, overrides);
}

export interface I18n {
  t: HarnessConnectMessages;
  locale: string;
  /** The host's product name, when white-labelled. */
  brand?: string | undefined;
  /** Fills `{name}` placeholders. */
  f: (message: string, values?: Record<string, string | null | undefined>) => string;
}

/** No default: `<HarnessConnect/>` provides it around everything that reads it. */
export const I18nContext = createContext({} as I18n);
export const useI18n = () => useContext(I18nContext);

export function fill(message: string, values: Record<string, string | null | undefined> = {}): string {
  return message.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

/** A failure's text: the catalogue's for the code, unless a host gave the error its own message. */
export function errorText(t: HarnessConnectMessages, code: HarnessConnectErrorCode, message: string | undefined): string {
  return message && message !== HARNESS_CONNECT_ERROR_MESSAGES[code] ? message : t.errors[code];
}

/** Renders a message's markup: `code`, *strong*, [a link to Harness]. */
export function rich(message: string): ReactNode[] {
  return message.split(/(`[^`]+`|\*[^*]+\*|\[[^\]]+\])/).map((part, i) => {
    const text = part.slice(1, -1);
    return i % 2 == 0 ? (
      part
    ) : part[0] == '`' ? (
      <code key={i}>{text}</code>
    ) : part[0] == '*' ? (
      <strong key={i}>{text}</strong>
    ) : (
      <a key={i} href="https://app.harness.io" rel="noopener noreferrer" target="_blank">
        {text}
      </a>
    );
  });
}
