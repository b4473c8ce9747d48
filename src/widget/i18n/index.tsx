/**
 * Messages: the English catalogue in the bundle, the others loaded with `import()` when `locale` asks for
 * them (each is its own chunk, fetched once per page: a host ships in one language, and need not carry the
 * other five), `messages` merged over the result. Also the locale's canonical form and the tiny renderer
 * for the markup messages may hold.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { HARNESS_CONNECT_ERROR_MESSAGES, type HarnessConnectErrorCode } from '../../core/errors.js';
import { DEFAULT_HARNESS_BASE_URL } from '../../core/hosts.js';
import { ExternalIcon } from '../icons.js';
import { warnOnce } from '../props.js';
import { en, type HarnessConnectMessages, type HarnessConnectMessagesOverride } from './en.js';
import { isPlainObject } from '../../core/is-plain-object.js';

/** The shipped catalogues. Any other BCP 47 tag falls back to its language, then to English. */
export type HarnessConnectLocale = 'en' | 'de' | 'fr' | 'es' | 'ja' | 'ar';

/** The locale used when the one given is not a valid BCP 47 tag. */
export const DEFAULT_LOCALE = 'en';

type Catalogue = { default: HarnessConnectMessages };

const LOADERS: Readonly<Record<string, () => Promise<Catalogue>>> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
};

/** Catalogues already here, by language: English always, the others once fetched. */
const LOADED: Record<string, HarnessConnectMessages> = { en };

/** Languages written right to left. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** The language subtag of a canonical BCP 47 tag (`pt-BR` → `pt`). */
export function languageOf(locale: string): string {
  return locale.split('-')[0]!.toLowerCase();
}

export function isRtl(locale: string): boolean {
  return RTL_LANGUAGES.has(languageOf(locale));
}

/**
 * The canonical form of a BCP 47 tag (`EN-us` → `en-US`), or English for anything that is not one
 * (`en_US`, `xx-!!`, an empty string). `Intl` throws "Invalid language tag" on those: a throw while
 * rendering would take down the host's whole React tree. Development builds say what was wrong.
 */
export function canonicalLocale(locale: string | undefined): string {
  if (locale === undefined) return DEFAULT_LOCALE;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (canonical !== undefined) return canonical;
  } catch {
    // Reported below.
  }
  if (process.env.NODE_ENV !== 'production') {
    warnOnce(`locale:${locale}`, `locale "${locale}" is not a BCP 47 language tag (like "en" or "pt-BR"); using English.`);
  }
  return DEFAULT_LOCALE;
}

/**
 * `over` merged into `base`, object by object: a string replaces a string, a list of strings a list, and
 * anything of another shape (a host's typo, `keySteps: 'x'`) is left out, so an override can never break
 * a render. Keys the catalogue does not have are left out too.
 */
function merge<T>(base: T, over: unknown): T {
  if (over === undefined || over === null) return base;
  if (typeof base === 'string') return (typeof over === 'string' ? over : base) as T;
  if (Array.isArray(base)) {
    const fits = Array.isArray(over) && over.length > 0 && over.every((item) => typeof item === 'string');
    return (fits ? over : base) as T;
  }
  if (!isPlainObject(base) || !isPlainObject(over)) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (Object.hasOwn(base, key)) merged[key] = merge(base[key], value);
  }
  return merged as T;
}

export interface LocaleMessages {
  /** The catalogue with the overrides on top: English until the locale's own has arrived. */
  messages: HarnessConnectMessages;
  /** False while the locale's catalogue is still being fetched. */
  ready: boolean;
}

/**
 * The catalogue for a canonical `locale` with `overrides` on top. The fetch starts on mount, so a
 * catalogue is usually here by the time a person opens the dialog.
 */
export function useMessages(locale: string, overrides?: HarnessConnectMessagesOverride): LocaleMessages {
  const language = languageOf(locale);
  const [, setLoadedCount] = useState(0);
  // A catalogue that could not be fetched (offline, a blocked chunk): English, rather than never opening.
  const [failedLanguage, setFailedLanguage] = useState<string | null>(null);
  const catalogue = LOADED[language];
  const loader = LOADERS[language];
  useEffect(() => {
    if (catalogue !== undefined || loader === undefined) return;
    let current = true;
    loader().then(
      (module) => {
        LOADED[language] = module.default;
        if (current) setLoadedCount((count) => count + 1);
      },
      () => {
        if (current) setFailedLanguage(language);
      },
    );
    return () => {
      current = false;
    };
  }, [language, catalogue, loader]);
  const ready = catalogue !== undefined || loader === undefined || failedLanguage === language;
  return { messages: merge(catalogue ?? en, overrides), ready };
}

export interface I18n {
  t: HarnessConnectMessages;
  /** The Harness a person signs in to: the origin of the host's `baseUrl` (app.harness.io by default). */
  harnessUrl: string;
  /** The canonical BCP 47 tag, safe to hand to `Intl`. */
  locale: string;
  /** The host's product name, when white-labelled. */
  brand?: string | undefined;
  /** Fills `{name}` placeholders; `{app}` and `{brand}` are always known. */
  f: (message: string, values?: Record<string, string | null | undefined>) => string;
}

/** The origin a person signs in at, from the host's `baseUrl` (a pasted page address or `…/gateway` included). */
export function harnessOrigin(baseUrl: string | undefined): string {
  try {
    const url = new URL((baseUrl ?? DEFAULT_HARNESS_BASE_URL).trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {
    // Not a URL: the verifier reports it as a configuration error; the guide links to Harness's own host.
  }
  return DEFAULT_HARNESS_BASE_URL;
}

/** `null` outside a provider: `useI18n` then says who was rendered without one. */
export const I18nContext = createContext<I18n | null>(null);

/** The widget's words; `caller` names the component, for the error a misplaced one gets. */
export function useI18n(caller: string): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error(`harness-connect: \`${caller}\` must be rendered inside <HarnessConnect/>.`);
  return i18n;
}

/** Unicode's first-strong isolate and its closing mark: the text between keeps its own direction. */
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * Values (account ids, names) to put into a right-to-left sentence, each isolated so that its own direction
 * holds: without it, an id next to Arabic text can have its punctuation moved to the wrong end.
 */
export function isolated(
  values: Record<string, string | null | undefined>,
  rtl: boolean,
): Record<string, string | null | undefined> {
  if (!rtl) {
    // Left to right, the values are clean enough once nothing in them can reorder the sentence.
    const cleaned: Record<string, string | null | undefined> = {};
    for (const [name, value] of Object.entries(values)) cleaned[name] = typeof value === 'string' ? withoutBidiControls(value) : value;
    return cleaned;
  }
  const result: Record<string, string | null | undefined> = {};
  for (const [name, value] of Object.entries(values)) {
    result[name] = typeof value === 'string' ? `${FIRST_STRONG_ISOLATE}${withoutBidiControls(value)}${POP_DIRECTIONAL_ISOLATE}` : value;
  }
  return result;
}

/**
 * Characters that reorder text (embeddings, overrides, isolates, marks): in a value from outside (an account's
 * name, a label) they could make a sentence read backwards or pass one name off as another.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A value from outside, as it may be shown: without characters that reorder the text around it. */
export function withoutBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/**
 * Replaces each `{name}` with its value (bidi controls taken out of it); placeholders without a value stay as
 * they are. The isolation marks `isolated` adds go around the cleaned value.
 */
export function fill(message: string, values: Record<string, string | null | undefined> = {}): string {
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return typeof value === 'string' ? value : placeholder;
  });
}

/** A failure's text: the catalogue's for the code, unless a host gave the error its own message. */
export function errorText(t: HarnessConnectMessages, code: HarnessConnectErrorCode, message: string | undefined): string {
  return message && message !== HARNESS_CONNECT_ERROR_MESSAGES[code] ? withoutBidiControls(message) : t.errors[code];
}

/** Splits a message into plain text and its marked-up pieces: `code`, *strong*, [a link to Harness]. */
const MARKUP = /(`[^`]+`|\*[^*]+\*|\[[^\]]+\])/;

/**
 * Renders a message's markup. The link goes to the Harness the host set up (a vanity or self-managed host
 * included), in a new tab: an icon shows that, and screen readers hear it.
 */
export function rich(message: string, i18n: Pick<I18n, 't' | 'harnessUrl'>): ReactNode[] {
  // `split` with a capturing group puts the marked-up pieces at the odd indexes.
  return message.split(MARKUP).map((piece, index) => {
    if (index % 2 === 0) return piece;
    const text = piece.slice(1, -1);
    // Code is a key prefix, an id or an address: left to right, isolated, in any dialog.
    if (piece.startsWith('`'))
      return (
        <code key={index} dir="ltr">
          {text}
        </code>
      );
    if (piece.startsWith('*')) return <strong key={index}>{text}</strong>;
    return (
      <a key={index} href={i18n.harnessUrl} target="_blank" rel="noopener noreferrer">
        {text}
        <ExternalIcon />
        <span className="vh"> {i18n.t.newTab}</span>
      </a>
    );
  });
}
