/**
 * The words on screen, for the play functions: the catalogue of the language the story shows (its own
 * `locale`, or the toolbar's) with the story's `messages` on top, filled in as the widget fills them. A play
 * that finds "Connect" by `t.connect` passes in German, Arabic and Japanese, and under any brand.
 */
import type { HarnessConnectErrorCode, HarnessConnectMessages, HarnessConnectMessagesOverride, HarnessConnectProps } from '../src/index.ts';
import ar from '../src/widget/i18n/ar.ts';
import de from '../src/widget/i18n/de.ts';
import { en } from '../src/widget/i18n/en.ts';
import es from '../src/widget/i18n/es.ts';
import fr from '../src/widget/i18n/fr.ts';
import { canonicalLocale, errorText, fill, isolated, isRtl, languageOf } from '../src/widget/i18n/index.tsx';
import ja from '../src/widget/i18n/ja.ts';
import { pluralText } from '../src/widget/i18n/plural.ts';

/** Every shipped catalogue, by language. */
const CATALOGUES: Readonly<Record<string, HarnessConnectMessages>> = { en, de, fr, es, ja, ar };

/** Values for a message's `{placeholders}`. */
export type MessageValues = Record<string, string | null | undefined>;

export interface Words {
  /** The catalogue the widget shows, overrides included. */
  t: HarnessConnectMessages;
  /** The canonical locale, for `Intl` (dates, lists, plurals). */
  locale: string;
  /** The brand's name, when the story (or the toolbar's look) has one. */
  brand: string | undefined;
  /** A message with its placeholders filled as the widget fills them (`{app}`, `{brand}`, ids kept in their direction). */
  say: (message: string, values?: MessageValues) => string;
  /** A failure's text as the widget shows it: the catalogue's for the code, or the host's own message. */
  sayError: (error: { code: HarnessConnectErrorCode; message?: string }, values?: MessageValues) => string;
  /** A counted message (`t.expiresSoon`) in the language's plural category for `count`. */
  sayCount: (messages: Parameters<typeof pluralText>[0], count: number, values?: MessageValues) => string;
  /** A list joined the way the widget joins one (the permissions a host needs, the addresses to allow). */
  list: (items: readonly string[]) => string;
  /** A number in the language's own digits (Arabic-Indic for `ar`), as the step indicator writes it. */
  number: (value: number) => string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The story's `messages` over the catalogue, object by object, as the widget merges them. */
function withOverrides<T>(base: T, over: unknown): T {
  if (over === undefined || over === null) return base;
  if (!isPlainObject(over)) return over as T;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) merged[key] = withOverrides(merged[key], value);
  return merged as T;
}

/** The words of the widget rendered with these props (a story's args after the toolbar: `storyProps`). */
export function wordsFor(props: Pick<Partial<HarnessConnectProps<unknown>>, 'locale' | 'messages' | 'brand' | 'whiteLabel'>): Words {
  const locale = canonicalLocale(props.locale);
  const t = withOverrides(CATALOGUES[languageOf(locale)] ?? en, props.messages as HarnessConnectMessagesOverride | undefined);
  const brand = (props.brand ?? props.whiteLabel)?.name;
  const rtl = isRtl(locale);
  const say = (message: string, values: MessageValues = {}) =>
    fill(message, isolated({ app: brand ?? t.thisApp, brand, ...values }, rtl));
  return {
    t,
    locale,
    brand,
    say,
    sayError: (error, values) => say(errorText(t, error.code, error.message), values),
    sayCount: (messages, count, values = {}) =>
      say(pluralText(messages, count, locale), { count: new Intl.NumberFormat(locale).format(count), ...values }),
    list: (items) => new Intl.ListFormat(locale, { type: 'unit' }).format(items),
    number: (value) => new Intl.NumberFormat(locale).format(value),
  };
}
