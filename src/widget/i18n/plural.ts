/**
 * Messages that depend on a count, one text per plural category of the language (`Intl.PluralRules`):
 * English needs `one` and `other`, Arabic all six, Japanese only `other`.
 */

/** `other` always; the other categories a language uses. */
export type PluralMessages = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** Marks a catalogue entry as plural (its type is then the same in every catalogue, whatever it holds). */
export function plural(messages: PluralMessages): PluralMessages {
  return messages;
}

/** The text for `count` in `locale`: its plural category's, else `other`. */
export function pluralText(messages: PluralMessages, count: number, locale: string): string {
  return messages[new Intl.PluralRules(locale).select(count)] ?? messages.other;
}
