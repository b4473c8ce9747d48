import { describe, expect, it } from 'vitest';
import {
  HARNESS_ACCOUNT_PROBLEM_MESSAGES,
  parseAccountIdentifier,
  type HarnessAccountProblem,
  type ParsedHarnessAccount,
} from '../../src/core/index.js';
import { ACCOUNT_ID_LENGTH, UNUSUAL_LENGTH_MESSAGE } from '../../src/core/account.js';
import { ACCOUNT, LEGACY, PAT, SAT } from './fixtures.js';

function parsed(input: unknown): ParsedHarnessAccount {
  const result = parseAccountIdentifier(input);
  if (!result.ok) throw new Error(`expected an account id, got problem ${result.problem}`);
  return result;
}

function expectProblem(input: unknown, problem: HarnessAccountProblem) {
  const result = parseAccountIdentifier(input);
  expect(result).toEqual({ ok: false, problem, message: HARNESS_ACCOUNT_PROBLEM_MESSAGES[problem] });
}

describe('parseAccountIdentifier: a bare identifier', () => {
  it('accepts a 22-character id without a warning', () => {
    expect(ACCOUNT).toHaveLength(ACCOUNT_ID_LENGTH);
    expect(parseAccountIdentifier(ACCOUNT)).toEqual({ ok: true, accountId: ACCOUNT, source: 'id', warning: null });
  });

  it.each([
    ['- and _', 'a-b_C-d_E-f_G-h_I-j_Kl'],
    ['starting with -', '-bcdefghijklmnopqrstuv'],
    ['starting with _', '_bcdefghijklmnopqrstuv'],
    ['all digits', '1234567890123456789012'],
  ])('accepts a 22-character id with %s', (_name, id) => {
    expect(parsed(id)).toEqual({ ok: true, accountId: id, source: 'id', warning: null });
  });

  it.each([
    ['1 character', 'a'],
    ['12 characters', 'abc123DEF456'],
    ['21 characters', ACCOUNT.slice(1)],
    ['23 characters', `${ACCOUNT}x`],
    ['64 characters', 'a'.repeat(64)],
  ])('accepts an id of %s with an unusual_length warning', (_name, id) => {
    expect(parseAccountIdentifier(id)).toEqual({
      ok: true,
      accountId: id,
      source: 'id',
      warning: { code: 'unusual_length', message: UNUSUAL_LENGTH_MESSAGE },
    });
  });

  it('mentions the usual length in the warning', () => {
    expect(UNUSUAL_LENGTH_MESSAGE).toContain('22');
  });

  it.each([
    ['double quotes', `"${ACCOUNT}"`],
    ['single quotes', `'${ACCOUNT}'`],
    ['backticks', `\`${ACCOUNT}\``],
    ['typographic quotes', `\u201C${ACCOUNT}\u201D`],
    ['surrounding whitespace', `  \t${ACCOUNT}\n`],
    ['non-breaking spaces', `\u00A0${ACCOUNT}\u00A0`],
    ['a zero-width space inside', `${ACCOUNT.slice(0, 11)}\u200B${ACCOUNT.slice(11)}`],
    ['a BOM in front', `\uFEFF${ACCOUNT}`],
    ['a space inside', `${ACCOUNT.slice(0, 11)} ${ACCOUNT.slice(11)}`],
    ['a line break inside', `${ACCOUNT.slice(0, 11)}\n${ACCOUNT.slice(11)}`],
    ['a trailing comma', `"${ACCOUNT}",`],
  ])('cleans %s', (_name, input) => {
    expect(parseAccountIdentifier(input)).toEqual({ ok: true, accountId: ACCOUNT, source: 'id', warning: null });
  });
});

describe('parseAccountIdentifier: an address holding the id', () => {
  it('reads the seed example, with an unusual_length warning', () => {
    expect(parseAccountIdentifier('https://app.harness.io/ng/account/abc123DEF456/home/get-started')).toEqual({
      ok: true,
      accountId: 'abc123DEF456',
      source: 'url',
      warning: { code: 'unusual_length', message: UNUSUAL_LENGTH_MESSAGE },
    });
  });

  it.each([
    ['the current UI', `https://app.harness.io/ng/account/${ACCOUNT}/home/get-started`],
    ['the current UI, id last', `https://app.harness.io/ng/account/${ACCOUNT}`],
    ['the current UI, trailing slash', `https://app.harness.io/ng/account/${ACCOUNT}/`],
    ['a deep page', `https://app.harness.io/ng/account/${ACCOUNT}/cd/orgs/default/projects/web/pipelines`],
    ['the hash-routed UI', `https://app.harness.io/ng/#/account/${ACCOUNT}/cd/orgs/default/projects`],
    ['the FirstGen UI', `https://app.harness.io/#/account/${ACCOUNT}/dashboard`],
    ['Prod3', `https://app3.harness.io/ng/account/${ACCOUNT}/home`],
    ['the EU cluster', `https://accounts.eu.harness.io/ng/account/${ACCOUNT}/home`],
    ['a vanity host', `https://acme.harness.io/ng/account/${ACCOUNT}/home/get-started`],
    ['a self-managed host with a port', `https://harness.acme.internal:8443/ng/account/${ACCOUNT}/settings`],
    ['plain http on a self-managed host', `http://harness.acme.internal/ng/account/${ACCOUNT}/home`],
    ['no scheme', `app.harness.io/ng/account/${ACCOUNT}/home/get-started`],
    ['no scheme, self-managed with a port', `harness.acme.internal:8443/ng/account/${ACCOUNT}/home`],
    ['no scheme, hash-routed', `app.harness.io/ng/#/account/${ACCOUNT}/home`],
    ['a query after the id', `https://app.harness.io/ng/account/${ACCOUNT}/home?tab=overview&x=1`],
    ['a fragment after the id', `https://app.harness.io/ng/account/${ACCOUNT}/home#section`],
    ['a query inside the hash route', `https://app.harness.io/ng/#/account/${ACCOUNT}/home?modal=open`],
    ['an upper-case Account segment', `https://app.harness.io/ng/Account/${ACCOUNT}/home`],
    ['a path copied without the host', `/ng/account/${ACCOUNT}/home/get-started`],
    ['the accountIdentifier query parameter', `https://app.harness.io/ng/api/projects?accountIdentifier=${ACCOUNT}&orgIdentifier=default`],
    ['the accountId query parameter', `https://app.harness.io/gateway/api/users?accountId=${ACCOUNT}`],
    ['the accountIdentifier parameter inside the hash route', `https://app.harness.io/ng/#/settings?accountIdentifier=${ACCOUNT}`],
    ['the accountIdentifier parameter, no scheme', `app.harness.io/ng/api/projects?accountIdentifier=${ACCOUNT}`],
    ['quotes around the address', `"https://app.harness.io/ng/account/${ACCOUNT}/home"`],
    ['whitespace around the address', `\n  https://app.harness.io/ng/account/${ACCOUNT}/home  \n`],
    ['a zero-width space in the address', `https://app.harness.io/ng/account/\u200B${ACCOUNT}/home`],
    ['a line break in a wrapped address', `https://app.harness.io/ng/account/${ACCOUNT.slice(0, 8)}\n${ACCOUNT.slice(8)}/home`],
  ])('reads %s', (_name, input) => {
    expect(parseAccountIdentifier(input)).toEqual({ ok: true, accountId: ACCOUNT, source: 'url', warning: null });
  });

  it.each([
    ['account/{id}/home', `account/${ACCOUNT}/home`],
    ['/account/{id}', `/account/${ACCOUNT}`],
    ['#/account/{id}/…', `#/account/${ACCOUNT}/dashboard`],
  ])('reads a piece of an address: %s', (_name, input) => {
    expect(parsed(input)).toMatchObject({ accountId: ACCOUNT, source: 'url' });
  });

  it('decodes a percent-encoded id', () => {
    expect(parsed(`https://app.harness.io/ng/account/${ACCOUNT.replace('_', '%5F')}/home`).accountId).toBe(ACCOUNT);
  });

  it('prefers the path over a query parameter', () => {
    expect(parsed(`https://app.harness.io/ng/account/${ACCOUNT}/home?accountIdentifier=other`).accountId).toBe(ACCOUNT);
  });
});

describe('parseAccountIdentifier: problems', () => {
  it.each([
    ['the empty string', ''],
    ['spaces', '   '],
    ['newlines and tabs', '\n\t'],
    ['zero-width characters only', '\u200B\uFEFF'],
    ['empty quotes', '""'],
    ['typographic quotes with a space', '\u201C \u201D'],
  ])('empty: %s', (_name, input) => {
    expectProblem(input, 'empty');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 123],
    ['an object', { accountId: ACCOUNT }],
  ])('empty for non-string input: %s', (_name, input) => {
    expectProblem(input, 'empty');
  });

  it.each([
    ['the home page', 'https://app.harness.io/'],
    ['the sign-in page', 'https://app.harness.io/auth/#/signin'],
    ['a UI page without account', 'https://app.harness.io/ng/home'],
    ['account as the last segment', 'https://app.harness.io/ng/account/'],
    ['a hash route ending at account', 'https://app.harness.io/ng/#/account'],
    ['a host only, no scheme', 'app.harness.io'],
    ['an empty accountIdentifier', 'https://app.harness.io/ng/api/projects?accountIdentifier='],
    ['the docs', 'https://developer.harness.io/docs/platform/get-started'],
  ])('url_without_account: %s', (_name, input) => {
    expectProblem(input, 'url_without_account');
  });

  it.each([
    ['a 4-part pat', PAT],
    ['a 4-part sat', SAT],
    ['a legacy pat', LEGACY],
    ['a quoted token', `"${PAT}"`],
    ['a token with a line break', `${PAT.slice(0, 30)}\n${PAT.slice(30)}`],
    ['an upper-case prefix', PAT.replace(/^pat/, 'PAT')],
  ])('looks_like_token: %s', (_name, input) => {
    expectProblem(input, 'looks_like_token');
  });

  it('never quotes a pasted token in its message', () => {
    const result = parseAccountIdentifier(PAT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).not.toContain(PAT.split('.')[3]!);
    expect(result.message).toMatch(/API key/i);
  });

  it.each([
    ['a dollar sign', 'abc$def'],
    ['an accented letter', 'Qck\u00E9Hsqq_el0PWRb2kqkgU'],
    ['a plus', 'QckRHsqq+el0PWRb2kqkgU'],
    ['a colon', 'account:QckRHsqq'],
    ['an emoji', `${ACCOUNT}🔑`],
    ['a bad character in an address', 'https://app.harness.io/ng/account/abc!def/home'],
    ['an encoded space in an address', 'https://app.harness.io/ng/account/%20/home'],
    ['an encoded slash in an address', `https://app.harness.io/ng/account/${ACCOUNT}%2Fx/home`],
  ])('bad_characters: %s', (_name, input) => {
    expectProblem(input, 'bad_characters');
  });

  it.each([
    ['65 characters', 'a'.repeat(65)],
    ['a huge paste', 'a'.repeat(100_000)],
    ['a long id in an address', `https://app.harness.io/ng/account/${'a'.repeat(100)}/home`],
  ])('too_long: %s', (_name, input) => {
    expectProblem(input, 'too_long');
  });

  it('explains where the id is in the empty message', () => {
    expect(HARNESS_ACCOUNT_PROBLEM_MESSAGES.empty).toContain('/account/');
  });
});
