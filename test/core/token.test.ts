import { describe, expect, it } from 'vitest';
import {
  HARNESS_TOKEN_PROBLEM_MESSAGES,
  parseHarnessToken,
  type HarnessTokenParseResult,
  type HarnessTokenProblem,
  type ParsedHarnessToken,
} from '../../src/core/index.js';
import { MAX_TOKEN_LENGTH, tokenHint } from '../../src/core/token.js';
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  LEGACY,
  LEGACY_SECRET,
  LEGACY_TOKEN_ID,
  PAT,
  SAT,
  SAT_SECRET,
  SAT_TOKEN_ID,
  SECRET,
  TOKEN_ID,
} from './fixtures.js';

function parsed(input: unknown): ParsedHarnessToken {
  const result = parseHarnessToken(input);
  if (!result.ok) throw new Error(`expected a token, got problem ${result.problem}: ${result.message}`);
  return result;
}

function problemOf(input: unknown): HarnessTokenProblem {
  const result = parseHarnessToken(input);
  if (result.ok) throw new Error(`expected a failure, got a ${result.format} ${result.kind} token`);
  return result.problem;
}

describe('parseHarnessToken: well-formed tokens', () => {
  it('reads a 4-part personal access token', () => {
    expect(parseHarnessToken(PAT)).toEqual({
      ok: true,
      token: PAT,
      kind: 'pat',
      format: 'current',
      accountId: ACCOUNT,
      tokenId: TOKEN_ID,
      hint: `pat.${ACCOUNT}.…${SECRET.slice(-4)}`,
      cleaned: false,
    });
  });

  it('reads a 4-part service-account token', () => {
    expect(parseHarnessToken(SAT)).toEqual({
      ok: true,
      token: SAT,
      kind: 'sat',
      format: 'current',
      accountId: ACCOUNT,
      tokenId: SAT_TOKEN_ID,
      hint: `sat.${ACCOUNT}.…${SAT_SECRET.slice(-4)}`,
      cleaned: false,
    });
  });

  it('reads the legacy 3-part form, which carries no account id', () => {
    expect(parseHarnessToken(LEGACY)).toEqual({
      ok: true,
      token: LEGACY,
      kind: 'pat',
      format: 'legacy',
      accountId: null,
      tokenId: LEGACY_TOKEN_ID,
      hint: `pat.…${LEGACY_SECRET.slice(-4)}`,
      cleaned: false,
    });
  });

  it('reads a legacy sat token', () => {
    const result = parsed(`sat.${LEGACY_TOKEN_ID}.${LEGACY_SECRET}`);
    expect(result).toMatchObject({ kind: 'sat', format: 'legacy', accountId: null, hint: `sat.…${LEGACY_SECRET.slice(-4)}` });
  });

  it('accepts account ids with - and _', () => {
    const token = `pat.a-b_C-d_E-f_G-h_I-j_Kl.${TOKEN_ID}.${SECRET}`;
    expect(parsed(token)).toMatchObject({ accountId: 'a-b_C-d_E-f_G-h_I-j_Kl', token });
  });
});

describe('parseHarnessToken: hints', () => {
  it('formats the hint exactly as pat.<account>.…<last4>', () => {
    expect(parsed(PAT).hint).toBe('pat.QckRHsqq_el0PWRb2kqkgU.\u20265yAD');
    expect(parsed(SAT).hint).toBe('sat.QckRHsqq_el0PWRb2kqkgU.\u2026TpKq');
  });

  it('uses the horizontal ellipsis character, not three dots', () => {
    const { hint } = parsed(PAT);
    expect(hint).toContain('\u2026');
    expect(hint).not.toContain('...');
  });

  it('formats the legacy hint as pat.…<last4>', () => {
    expect(parsed(LEGACY).hint).toBe('pat.\u2026Q1Pb');
  });

  it('never shows the secret or more than its last 4 characters', () => {
    for (const [token, secret] of [
      [PAT, SECRET],
      [SAT, SAT_SECRET],
      [LEGACY, LEGACY_SECRET],
    ] as const) {
      const { hint } = parsed(token);
      expect(hint).not.toContain(secret);
      expect(hint).not.toContain(secret.slice(-5));
      expect(hint.endsWith(secret.slice(-4))).toBe(true);
      expect(hint).not.toContain(token);
    }
  });

  it('shows nothing of a secret too short to hide (8 characters or fewer)', () => {
    expect(parsed(`pat.${ACCOUNT}.${TOKEN_ID}.abcd1234`).hint).toBe(`pat.${ACCOUNT}.…`);
    expect(parsed('pat.tokenid.abcd1234').hint).toBe('pat.…');
    expect(parsed(`pat.${ACCOUNT}.${TOKEN_ID}.abcd12345`).hint).toBe(`pat.${ACCOUNT}.…2345`);
  });

  it('tokenHint builds the same hint', () => {
    expect(tokenHint('sat', ACCOUNT, SECRET)).toBe(`sat.${ACCOUNT}.…${SECRET.slice(-4)}`);
    expect(tokenHint('pat', null, SECRET)).toBe(`pat.…${SECRET.slice(-4)}`);
  });
});

describe('parseHarnessToken: cleaning what people paste', () => {
  const cases: Array<[string, string]> = [
    ['straight double quotes', `"${PAT}"`],
    ['straight single quotes', `'${PAT}'`],
    ['backticks', `\`${PAT}\``],
    ['triple backticks', `\`\`\`${PAT}\`\`\``],
    ['typographic double quotes', `\u201C${PAT}\u201D`],
    ['typographic single quotes', `\u2018${PAT}\u2019`],
    ['guillemets', `\u00AB${PAT}\u00BB`],
    ['an unpaired opening quote', `"${PAT}`],
    ['nested quotes', `'"${PAT}"'`],
    ['Bearer prefix', `Bearer ${PAT}`],
    ['lower-case bearer prefix', `bearer ${PAT}`],
    ['Bearer with a tab', `Bearer\t${PAT}`],
    ['Bearer with a non-breaking space', `Bearer\u00A0${PAT}`],
    ['Authorization: Bearer', `Authorization: Bearer ${PAT}`],
    ['authorization header without space', `authorization:Bearer ${PAT}`],
    ['x-api-key header', `x-api-key: ${PAT}`],
    ['X-API-KEY header upper case', `X-API-KEY: ${PAT}`],
    ['x-api-key=', `x-api-key=${PAT}`],
    ['export assignment', `export HARNESS_API_KEY=${PAT}`],
    ['export assignment with double quotes', `export HARNESS_API_KEY="${PAT}"`],
    ['export assignment with single quotes and ;', `export HARNESS_API_KEY='${PAT}';`],
    ['dotenv line', `HARNESS_API_KEY=${PAT}`],
    ['dotenv line with quotes', `HARNESS_PLATFORM_API_KEY="${PAT}"`],
    ['dotenv with spaces around =', `HARNESS_API_KEY = ${PAT}`],
    ['YAML-ish colon', `HARNESS_API_KEY: ${PAT}`],
    ['JSON value with trailing comma', `"${PAT}",`],
    ['trailing comma', `${PAT},`],
    ['trailing semicolon', `${PAT};`],
    ['surrounding spaces', `   ${PAT}   `],
    ['surrounding newlines', `\n\n${PAT}\r\n`],
    ['surrounding tabs', `\t${PAT}\t`],
    ['a newline inside (wrapped paste)', `${PAT.slice(0, 30)}\n${PAT.slice(30)}`],
    ['a CRLF inside', `${PAT.slice(0, 30)}\r\n${PAT.slice(30)}`],
    ['spaces inside', `${PAT.slice(0, 10)} ${PAT.slice(10, 50)}  ${PAT.slice(50)}`],
    ['a tab inside', `${PAT.slice(0, 40)}\t${PAT.slice(40)}`],
    ['a non-breaking space inside', `${PAT.slice(0, 20)}\u00A0${PAT.slice(20)}`],
    ['a narrow no-break space inside', `${PAT.slice(0, 20)}\u202F${PAT.slice(20)}`],
    ['a zero-width space inside', `${PAT.slice(0, 33)}\u200B${PAT.slice(33)}`],
    ['a BOM in front', `\uFEFF${PAT}`],
    ['a BOM inside', `${PAT.slice(0, 5)}\uFEFF${PAT.slice(5)}`],
    ['zero-width joiner and word joiner inside', `${PAT.slice(0, 3)}\u200D${PAT.slice(3, 9)}\u2060${PAT.slice(9)}`],
    ['soft hyphen inside', `${PAT.slice(0, 60)}\u00AD${PAT.slice(60)}`],
    ['everything at once', `  Authorization: Bearer \u201C${PAT.slice(0, 25)}\u200B\n${PAT.slice(25)}\u201D,\n`],
    ['quoted header line', `"x-api-key: ${PAT}"`],
    ['Bearer outside quotes', `Bearer "${PAT}"`],
  ];

  it.each(cases)('removes %s', (_name, input) => {
    const result = parsed(input);
    expect(result.token).toBe(PAT);
    expect(result.accountId).toBe(ACCOUNT);
    expect(result.tokenId).toBe(TOKEN_ID);
    expect(result.cleaned).toBe(true);
  });

  it('cleans a legacy token too', () => {
    expect(parsed(`Bearer '${LEGACY}'\n`)).toMatchObject({ token: LEGACY, format: 'legacy', cleaned: true });
  });

  it('reports cleaned: false when nothing had to change', () => {
    expect(parsed(PAT).cleaned).toBe(false);
    expect(parsed(SAT).cleaned).toBe(false);
    expect(parsed(LEGACY).cleaned).toBe(false);
  });

  it('reports cleaned: true for a single trailing newline', () => {
    expect(parsed(`${PAT}\n`).cleaned).toBe(true);
  });
});

describe('parseHarnessToken: problems', () => {
  function expectFailure(result: HarnessTokenParseResult, problem: HarnessTokenProblem) {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe(problem);
    expect(result.message.length).toBeGreaterThan(10);
  }

  describe('empty', () => {
    it.each([
      ['the empty string', ''],
      ['spaces', '    '],
      ['newlines and tabs', '\n\t\r\n '],
      ['non-breaking spaces', '\u00A0\u00A0'],
      ['zero-width characters only', '\u200B\uFEFF\u200B'],
      ['empty quotes', '""'],
      ['empty typographic quotes', '\u201C \u201D'],
      ['a lone comma', ','],
      ['an empty header', 'x-api-key: ""'],
    ])('%s', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'empty');
      if (!result.ok) expect(result.message).toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.empty);
    });

    it.each([
      ['undefined', undefined],
      ['null', null],
      ['a number', 42],
      ['an object', { apiKey: PAT }],
      ['an array', [PAT]],
      ['a boolean', true],
      ['a String object', new String(PAT)],
    ])('non-string input: %s', (_name, input) => {
      expectFailure(parseHarnessToken(input), 'empty');
    });
  });

  describe('wrong_prefix', () => {
    it.each([
      ['no prefix, 3 parts', `${ACCOUNT}.${TOKEN_ID}.${SECRET}`],
      ['another prefix', `key.${ACCOUNT}.${TOKEN_ID}.${SECRET}`],
      ['a short word', 'hello'],
      ['prefix and one short word', 'pat'],
      ['an almost-prefix', `pa.${ACCOUNT}.${TOKEN_ID}.${SECRET}`],
      ['prefix pats', `pats.${ACCOUNT}.${TOKEN_ID}.${SECRET}`],
    ])('%s', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'wrong_prefix');
      if (!result.ok) expect(result.message).toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.wrong_prefix);
    });

    it.each([
      ['PAT.', PAT.replace(/^pat/, 'PAT')],
      ['Pat.', PAT.replace(/^pat/, 'Pat')],
      ['SAT.', SAT.replace(/^sat/, 'SAT')],
      ['pAt. on a legacy token', LEGACY.replace(/^pat/, 'pAt')],
    ])('upper-case %s is its own problem, with the lower-case message', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'uppercase_prefix');
      if (result.ok) return;
      expect(result.message).not.toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.wrong_prefix);
      expect(result.message).toMatch(/lower case/i);
      expect(result.message).toContain('pat.');
    });
  });

  describe('wrong_segment_count', () => {
    it.each([
      ['2 parts', `pat.${TOKEN_ID}`],
      ['prefix and dot only', 'pat.'],
      ['5 parts', `${PAT}.extra`],
      ['6 parts', `${PAT}.a.b`],
      ['an empty secret', `pat.${ACCOUNT}.${TOKEN_ID}.`],
      ['an empty account segment', `pat..${TOKEN_ID}.${SECRET}`],
      ['an empty middle segment in the legacy form', `pat..${SECRET}`],
      ['two dots', 'pat..'],
      ['a trailing dot on a legacy token', `${LEGACY}.`],
      ['a dot inside the secret', `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET.slice(0, 10)}.${SECRET.slice(10)}`],
    ])('%s', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'wrong_segment_count');
      if (!result.ok) expect(result.message).toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.wrong_segment_count);
    });
  });

  describe('bad_characters', () => {
    it.each([
      ['an exclamation mark', `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET.slice(0, 5)}!${SECRET.slice(5)}`],
      ['a slash in a dotted token', `pat.${ACCOUNT}.${TOKEN_ID}/x.${SECRET}`],
      ['a plus in a dotted token', `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET}+`],
      ['an accented letter', `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET.slice(0, 5)}é${SECRET.slice(5)}`],
      ['an emoji', `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET}🔑`],
      ['a colon in the middle', `pat.${ACCOUNT}:${TOKEN_ID}.${SECRET}`],
      ['an ellipsis (copied from a masked display)', `pat.${ACCOUNT}.…${SECRET.slice(-4)}`],
      ['a short word with symbols', 'abc$%'],
      ['a JSON object', JSON.stringify({ apiKey: PAT })],
    ])('%s', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'bad_characters');
      if (!result.ok) expect(result.message).toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.bad_characters);
    });
  });

  describe('looks_like_account_id (#12)', () => {
    it.each([
      ['the primary account id', ACCOUNT],
      ['another account id', OTHER_ACCOUNT],
      ['an account id in quotes, with spaces', `  "${ACCOUNT}" `],
      ['an account id with a zero-width space', `${ACCOUNT}\u200B`],
    ])('%s', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'looks_like_account_id');
      if (result.ok) return;
      expect(result.message).toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.looks_like_account_id);
      expect(result.message).toMatch(/Account Identifier/);
    });

    it.each([
      ['22 characters of lower case and hyphens (a word, not a random id)', 'hello-this-is-not-a-ke'],
      ['21 characters', ACCOUNT.slice(1)],
      ['23 characters', `${ACCOUNT}x`],
    ])('not for %s', (_name, input) => {
      expect(problemOf(input)).not.toBe('looks_like_account_id');
    });
  });

  describe('looks_like_url (#12)', () => {
    it.each([
      ['a Harness page address', `https://app.harness.io/ng/account/${ACCOUNT}/home/get-started`],
      ['a hash-routed Harness address', `https://app.harness.io/ng/#/account/${ACCOUNT}/dashboard`],
      ['a FirstGen UI address', `https://app.harness.io/#/account/${ACCOUNT}/dashboard`],
      ['a Harness address without a scheme', `app.harness.io/ng/account/${ACCOUNT}/home`],
      ['a vanity host', 'https://acme.harness.io'],
      ['a bare Harness host', 'app.harness.io'],
      ['a bare EU host with a slash', 'accounts.eu.harness.io/'],
      ['an address with a key in its query', `https://app.harness.io/ng/api/token/validate?x-api-key=${PAT}`],
      ['any http address', 'http://localhost:3000/settings/integrations'],
      ['any https address', 'https://example.com'],
      ['an address in quotes', `"https://app.harness.io/ng/account/${ACCOUNT}/home"`],
      ['a variable holding an address', 'HARNESS_BASE_URL=https://app.harness.io'],
      ['a very long address', `https://app.harness.io/ng/account/${ACCOUNT}/home?${'q=1&'.repeat(100)}`],
    ])('%s', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'looks_like_url');
      if (result.ok) return;
      expect(result.message).toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.looks_like_url);
      expect(result.message).toMatch(/address/);
      expect(result.message).toContain('pat.');
      expect(result.message).not.toContain(ACCOUNT);
    });
  });

  describe('firstgen_key: only for what looks like an older Harness key (#12)', () => {
    it.each([
      ['a long base64 key with = padding', 'QWxhZGRpbjpvcGVuIHNlc2FtZTEyMzQ1Njc4OTA='],
      ['a long base64 key of letters and digits with == padding', 'QWxhZGRpbjpvcGVuIHNlc2FtZTEyMzQ1Njc4OQ=='],
      ['a long base64 key with a single = padding and no other symbol', 'QWxhZGRpbjpvcGVuIHNlc2FtZTEyMzQ1Njc4='],
      ['a long base64 key with + and /', 'a1B2c3D4e5F6g7H8i9J0+k/La1B2c3D4e5F6=='],
      ['32 mixed letters and digits', 'abcdefghijKLMNOPQRST0123456789xy'],
      ['an older key in quotes', '"QWxhZGRpbjpvcGVuIHNlc2FtZTEyMzQ1Njc4OTA="'],
    ])('%s', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'firstgen_key');
      if (!result.ok) expect(result.message).toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.firstgen_key);
    });

    it.each([
      ['a hyphenated phrase', 'hello-this-is-not-a-key'],
      ['a long lower-case word', 'thisisnotakeyatallbutitislongerthan32chars'],
      ['26 letters', 'abcdefghijklmnopqrstuvwxyz'],
      ['30 mixed letters and digits (too short)', 'abcdefghijKLMNOPQRST0123456789'],
      ['a token id alone', TOKEN_ID],
      ['a secret alone', SECRET],
      ['an identifier with underscores', 'my_harness_api_key_for_ci_pipelines'],
      ['a short word', 'abcdefghij'],
    ])('%s is a wrong prefix, not an older key', (_name, input) => {
      expect(problemOf(input)).toBe('wrong_prefix');
    });

    it('a short base64 value with symbols has bad characters', () => {
      expect(problemOf('a1B2c3D4e5F6g7H8i9J0+k/L==')).toBe('bad_characters');
    });
  });

  it('no message speaks of "FirstGen" (jargon a person does not know)', () => {
    for (const message of Object.values(HARNESS_TOKEN_PROBLEM_MESSAGES)) expect(message).not.toMatch(/first\s*gen/i);
  });

  describe('too_long', () => {
    it.each([
      ['a token with a huge secret', `pat.${ACCOUNT}.${TOKEN_ID}.${'a'.repeat(MAX_TOKEN_LENGTH)}`],
      ['one character over the limit', `pat.${ACCOUNT}.${TOKEN_ID}.${'a'.repeat(MAX_TOKEN_LENGTH - PAT.length + SECRET.length + 1)}`],
      ['a whole file pasted', `${PAT}\n`.repeat(10_000)],
      ['a megabyte', 'x'.repeat(1024 * 1024)],
    ])('%s', (_name, input) => {
      const result = parseHarnessToken(input);
      expectFailure(result, 'too_long');
      if (!result.ok) expect(result.message).toBe(HARNESS_TOKEN_PROBLEM_MESSAGES.too_long);
    });

    it('accepts a token of exactly the maximum length', () => {
      const secret = 'a'.repeat(MAX_TOKEN_LENGTH - `pat.${ACCOUNT}.${TOKEN_ID}.`.length);
      const token = `pat.${ACCOUNT}.${TOKEN_ID}.${secret}`;
      expect(token).toHaveLength(MAX_TOKEN_LENGTH);
      expect(parsed(token).token).toBe(token);
    });
  });

  it('never quotes the input in a failure message', () => {
    const inputs = [
      `PAT.${ACCOUNT}.${TOKEN_ID}.${SECRET}`,
      `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET}.x`,
      `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET}!`,
      `${ACCOUNT}.${TOKEN_ID}.${SECRET}`,
      `${SECRET}${SECRET}`,
      `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET}${'z'.repeat(300)}`,
    ];
    for (const input of inputs) {
      const result = parseHarnessToken(input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.message).not.toContain(SECRET);
      expect(result.message).not.toContain(SECRET.slice(-8));
      expect(result.message).not.toContain(TOKEN_ID);
      expect(result.message).not.toContain(ACCOUNT);
    }
  });

  it('every failure has exactly ok, problem and message', () => {
    const result = parseHarnessToken('nope');
    expect(Object.keys(result).sort()).toEqual(['message', 'ok', 'problem']);
  });
});
