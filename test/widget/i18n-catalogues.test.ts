import { describe, expect, it } from 'vitest';
import type { HarnessConnectMessages } from '../../src/index.js';
import ar from '../../src/widget/i18n/ar.js';
import de from '../../src/widget/i18n/de.js';
import { en } from '../../src/widget/i18n/en.js';
import es from '../../src/widget/i18n/es.js';
import fr from '../../src/widget/i18n/fr.js';
import ja from '../../src/widget/i18n/ja.js';

// Every shipped catalogue is complete: the same keys as English, no empty text, the same placeholders. The
// catalogues are plain data; how the widget shows them is in test/browser/i18n-catalogues.test.tsx.

const CATALOGUES: Record<string, HarnessConnectMessages> = { de, fr, es, ja, ar };

/**
 * Entries that depend on a count: each language has the plural categories its grammar uses
 * (`Intl.PluralRules`), so only `other` is common to all, and a category may leave the count implied
 * (Arabic says "one day" and "two days" in words).
 */
const PLURAL_ENTRIES = ['expiresSoon', 'retryWait'];

/** Every key path of a catalogue, nested objects and arrays included ("steps.key", "keySteps.2"). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  if (PLURAL_ENTRIES.includes(prefix)) return [`${prefix}.other`];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('message catalogues', () => {
  const english = keyPaths(en).sort();

  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    it(`${locale} has exactly the English keys, each a non-empty string with the same placeholders`, () => {
      expect(keyPaths(catalogue).sort()).toEqual(english);
      for (const path of english) {
        const get = (c: unknown) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], c);
        const text = get(catalogue) as string;
        expect(typeof text, `${locale}.${path}`).toBe('string');
        expect(text.length, `${locale}.${path}`).toBeGreaterThan(0);
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text), `${locale}.${path}`).toEqual(placeholders(get(en) as string));
      }
    });
  }

  for (const [locale, catalogue] of Object.entries({ en, ...CATALOGUES })) {
    it(`${locale} has a text for each plural category its language uses, with the same placeholders but the count`, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const entry of PLURAL_ENTRIES) {
        const texts = (catalogue as unknown as Record<string, Record<string, string>>)[entry]!;
        for (const category of categories) {
          // `other` always; the others where the language has them (Japanese has only `other`).
          const text = texts[category] ?? texts.other!;
          expect(text.length, `${locale}.${entry}.${category}`).toBeGreaterThan(0);
          const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).filter((p) => p !== '{count}').sort();
          expect(placeholders(text), `${locale}.${entry}.${category}`).toEqual(placeholders((en as unknown as Record<string, Record<string, string>>)[entry]!.other!));
        }
        for (const key of Object.keys(texts)) expect(categories, `${locale}.${entry}.${key}`).toContain(key);
      }
    });
  }

  it('keeps the English contract names exactly', () => {
    expect([en.title, en.apiKey, en.accountId, en.connect, en.close, en.finish]).toEqual([
      'Connect Harness',
      'API Key',
      'Account Identifier',
      'Connect',
      'Close',
      'Done',
    ]);
  });
});
