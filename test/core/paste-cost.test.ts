/**
 * What a hostile paste costs the parsers: they run on every change of a field, and twice per request on the
 * route. Cleaning peels one layer per pass (its cost grows with the square of the length), so the input is
 * trimmed (one linear pass) and then capped: beyond the cap the answer is `too_long` without any cleaning,
 * and within it the worst case stays small.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ACCOUNT_INPUT_LENGTH, parseAccountIdentifier } from '../../src/core/account.js';
import { MAX_TOKEN_INPUT_LENGTH, parseHarnessToken } from '../../src/core/token.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.js';

/** Far above what these parses take (well under a millisecond each), far below a quadratic 16 KiB paste's 225 ms. */
const GENEROUS_MS = 50;

/** `unit` repeated to exactly `length` characters. */
function filled(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function millisecondsFor(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Pastes that make cleaning take one pass per character or two. */
const HOSTILE_KEY_UNITS = ['"', `"'`, '";', '"Bearer ', 'A='];
const HOSTILE_ACCOUNT_UNITS = ['"', '";', '/account/'];

describe('a hostile paste in the API key field', () => {
  it.each(HOSTILE_KEY_UNITS)('16 KiB of %j is too_long', (unit) => {
    expect(parseHarnessToken(filled(unit, 16 * 1024))).toMatchObject({ ok: false, problem: 'too_long' });
  });

  it('takes the key out of a paste at the cap', () => {
    const key = TOKENS.pat;
    const input = `${'"'.repeat(Math.floor((MAX_TOKEN_INPUT_LENGTH - key.length) / 2))}${key}`;
    expect(parseHarnessToken(input)).toMatchObject({ ok: true, token: key });
  });

  it.each(HOSTILE_KEY_UNITS)('%j up to the cap is parsed quickly', (unit) => {
    const input = filled(unit, MAX_TOKEN_INPUT_LENGTH);
    expect(millisecondsFor(() => parseHarnessToken(input))).toBeLessThan(GENEROUS_MS);
  });

  it('counts what is left once the ends are trimmed: a key with a long run of spaces or line breaks after it is a key', () => {
    const key = TOKENS.pat;
    for (const padding of [' ', '\n', '\u200B', ' \r\n\t']) {
      expect(parseHarnessToken(`${key}${padding.repeat(MAX_TOKEN_INPUT_LENGTH)}`)).toMatchObject({ ok: true, token: key });
    }
  });

  it.each(HOSTILE_KEY_UNITS)('16 KiB of %j padded with spaces is still too_long, at no quadratic cost', (unit) => {
    const input = `${' '.repeat(MAX_TOKEN_INPUT_LENGTH)}${filled(unit, 16 * 1024)}${' '.repeat(MAX_TOKEN_INPUT_LENGTH)}`;
    expect(parseHarnessToken(input)).toMatchObject({ ok: false, problem: 'too_long' });
    expect(millisecondsFor(() => parseHarnessToken(input))).toBeLessThan(GENEROUS_MS);
  });
});

describe('a hostile paste in the account field', () => {
  it.each(HOSTILE_ACCOUNT_UNITS)('8 KiB of %j is too_long', (unit) => {
    expect(parseAccountIdentifier(filled(unit, 8 * 1024))).toMatchObject({ ok: false, problem: 'too_long' });
  });

  it('still reads the id from a long Harness address within the cap', () => {
    const query = `?filters=${'a'.repeat(1_500)}`;
    const address = `https://app.harness.io/ng/account/QckRHsqq_el0PWRb2kqkgU/cd/orgs/default/projects/shop/pipelines${query}`;
    expect(address.length).toBeLessThanOrEqual(MAX_ACCOUNT_INPUT_LENGTH);
    expect(parseAccountIdentifier(address)).toMatchObject({ ok: true, accountId: 'QckRHsqq_el0PWRb2kqkgU', source: 'url' });
  });

  it.each(HOSTILE_ACCOUNT_UNITS)('%j up to the cap is parsed quickly', (unit) => {
    const input = filled(unit, MAX_ACCOUNT_INPUT_LENGTH);
    expect(millisecondsFor(() => parseAccountIdentifier(input))).toBeLessThan(GENEROUS_MS);
  });

  it('counts what is left once the ends are trimmed: an identifier or address with a long run of spaces after it still gives the id', () => {
    const id = 'QckRHsqq_el0PWRb2kqkgU';
    const padding = ' \n'.repeat(MAX_ACCOUNT_INPUT_LENGTH);
    expect(parseAccountIdentifier(`${id}${padding}`)).toMatchObject({ ok: true, accountId: id, source: 'id' });
    expect(parseAccountIdentifier(`${padding}https://app.harness.io/ng/account/${id}/home${padding}`)).toMatchObject({
      ok: true,
      accountId: id,
      source: 'url',
    });
  });

  it.each(HOSTILE_ACCOUNT_UNITS)('8 KiB of %j padded with spaces is still too_long', (unit) => {
    const input = `${' '.repeat(MAX_ACCOUNT_INPUT_LENGTH)}${filled(unit, 8 * 1024)}`;
    expect(parseAccountIdentifier(input)).toMatchObject({ ok: false, problem: 'too_long' });
  });
});
