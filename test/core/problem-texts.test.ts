/**
 * The six shipped catalogues and the core's problem codes: the widget looks a field's text up by problem
 * code, so every code needs a text in every language, and none may speak Harness's internal jargon.
 */
import { describe, expect, it } from 'vitest';
import { HARNESS_TOKEN_PROBLEM_MESSAGES } from '../../src/core/index.js';
import ar from '../../src/widget/i18n/ar.js';
import de from '../../src/widget/i18n/de.js';
import { en } from '../../src/widget/i18n/en.js';
import es from '../../src/widget/i18n/es.js';
import fr from '../../src/widget/i18n/fr.js';
import ja from '../../src/widget/i18n/ja.js';

const CATALOGUES = { en, de, fr, es, ja, ar };
const TOKEN_PROBLEMS = Object.keys(HARNESS_TOKEN_PROBLEM_MESSAGES);

describe.each(Object.entries(CATALOGUES))('the %s catalogue', (_locale, catalogue) => {
  it('has a text for every API key problem, the new paste mistakes included (#12)', () => {
    // Every problem the core finds, plus the one only a reconnect finds (a key of another account).
    expect(Object.keys(catalogue.keyProblems).sort()).toEqual([...TOKEN_PROBLEMS, 'other_account'].sort());
    expect(TOKEN_PROBLEMS).toEqual(expect.arrayContaining(['looks_like_account_id', 'looks_like_url', 'firstgen_key']));
    for (const text of Object.values(catalogue.keyProblems)) expect(text.length).toBeGreaterThan(10);
  });

  it('says "pat." or "sat." where a key is asked for instead of an address', () => {
    expect(catalogue.keyProblems.looks_like_url).toContain('pat.');
  });

  it('never says "FirstGen" to a person (#12)', () => {
    const texts = [...Object.values(catalogue.keyProblems), ...Object.values(catalogue.accountProblems), ...Object.values(catalogue.errors)];
    for (const text of texts) expect(text).not.toMatch(/first\s*gen/i);
  });
});
