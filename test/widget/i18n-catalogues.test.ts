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

/** Every key path of a catalogue, nested objects and arrays included ("steps.key", "keySteps.2"). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
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
