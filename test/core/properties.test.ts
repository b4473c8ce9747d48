import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkHarnessCredentials,
  HarnessConnectError,
  harnessCredentialsSchema,
  parseAccountIdentifier,
  parseHarnessToken,
  verifyHarnessToken,
  type HarnessCredentialsInput,
} from '../../src/core/index.js';
import { OTHER_ACCOUNT } from './fixtures.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ACCOUNT_CHARS = `${ALNUM}_-`;

function charsOf(alphabet: string, length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength: length, maxLength: length });
}

interface TokenParts {
  kind: 'pat' | 'sat';
  account: string;
  tokenId: string;
  secret: string;
  token: string;
}

/** A well-formed 4-part token, as Harness issues them. */
const wellFormedToken: fc.Arbitrary<TokenParts> = fc
  .record({
    kind: fc.constantFrom('pat' as const, 'sat' as const),
    account: charsOf(ACCOUNT_CHARS, 22),
    tokenId: charsOf(ALNUM, 24),
    secret: charsOf(ALNUM, 20),
  })
  .map((parts) => ({ ...parts, token: `${parts.kind}.${parts.account}.${parts.tokenId}.${parts.secret}` }));

const SPACES = [' ', '\n', '\t', '\r\n', '\u00A0', '\u202F', '\u3000'];
const INVISIBLE = ['\u200B', '\uFEFF', '\u200C', '\u200D', '\u2060'];

/** What copying and pasting adds around and inside a key. */
const pasteNoise = fc.record({
  lead: fc.string({ unit: fc.constantFrom(...SPACES, ...INVISIBLE), maxLength: 3 }),
  trail: fc.string({ unit: fc.constantFrom(...SPACES, ...INVISIBLE), maxLength: 3 }),
  prefix: fc.constantFrom(
    '',
    'Bearer ',
    'bearer\t',
    'Bearer\u00A0',
    'Authorization: Bearer ',
    'authorization:bearer ',
    'x-api-key: ',
    'X-API-KEY=',
    'export HARNESS_API_KEY=',
    'HARNESS_API_KEY=',
    'HARNESS_PLATFORM_API_KEY = ',
  ),
  quotes: fc.constantFrom(
    ['', ''],
    ['"', '"'],
    ["'", "'"],
    ['`', '`'],
    ['```', '```'],
    ['\u201C', '\u201D'],
    ['\u2018', '\u2019'],
    ['\u00AB', '\u00BB'],
    ['"', ''],
    ['', "'"],
  ),
  quoteOutside: fc.boolean(),
  terminator: fc.constantFrom('', ',', ';'),
  inside: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SPACES, ...INVISIBLE)), { maxLength: 6 }),
});

type PasteNoise = typeof pasteNoise extends fc.Arbitrary<infer T> ? T : never;

function withNoise(token: string, noise: PasteNoise): string {
  let body = token;
  for (const [at, char] of noise.inside) {
    const index = at % (body.length + 1);
    body = body.slice(0, index) + char + body.slice(index);
  }
  const [open, close] = noise.quotes;
  const wrapped = noise.quoteOutside ? `${open}${noise.prefix}${body}${close}` : `${noise.prefix}${open}${body}${close}`;
  return `${noise.lead}${wrapped}${noise.terminator}${noise.trail}`;
}

/** Ways a pasted key gets damaged. */
const BAD_CHARACTERS = ['!', '@', '#', '$', '%', '&', '*', '(', '+', '/', '=', '?', '…', 'é', '中', '🔑', '<', '|', '\\', '~', ':'];

type Corruption =
  | { op: 'replace'; at: number; char: string }
  | { op: 'truncate'; at: number }
  | { op: 'deleteDot'; which: number }
  | { op: 'insertDot'; at: number }
  | { op: 'upperPrefix' }
  | { op: 'swapPrefix'; prefix: string }
  | { op: 'dropPrefix' }
  | { op: 'removeDots' }
  | { op: 'repeat'; times: number }
  | { op: 'append'; garbage: string }
  | { op: 'prepend'; garbage: string }
  | { op: 'deleteChar'; at: number };

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), char: fc.constantFrom(...BAD_CHARACTERS) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('deleteDot' as const), which: fc.nat() }),
  fc.record({ op: fc.constant('insertDot' as const), at: fc.nat() }),
  fc.constant({ op: 'upperPrefix' as const }),
  fc.record({ op: fc.constant('swapPrefix' as const), prefix: fc.constantFrom('PAT', 'Sat', 'pta', 'key', 'api', 'tok', '') }),
  fc.constant({ op: 'dropPrefix' as const }),
  fc.constant({ op: 'removeDots' as const }),
  fc.record({ op: fc.constant('repeat' as const), times: fc.integer({ min: 2, max: 8 }) }),
  fc.record({ op: fc.constant('append' as const), garbage: fc.string({ minLength: 1, maxLength: 40 }) }),
  fc.record({ op: fc.constant('prepend' as const), garbage: fc.string({ minLength: 1, maxLength: 40 }) }),
  fc.record({ op: fc.constant('deleteChar' as const), at: fc.nat() }),
);

function corrupt(token: string, change: Corruption): string {
  switch (change.op) {
    case 'replace': {
      const at = change.at % token.length;
      return token.slice(0, at) + change.char + token.slice(at + 1);
    }
    case 'truncate':
      return token.slice(0, change.at % token.length);
    case 'deleteDot': {
      const dots = [...token].flatMap((char, index) => (char === '.' ? [index] : []));
      if (dots.length === 0) return token.slice(1);
      const at = dots[change.which % dots.length]!;
      return token.slice(0, at) + token.slice(at + 1);
    }
    case 'insertDot': {
      const at = change.at % (token.length + 1);
      return `${token.slice(0, at)}.${token.slice(at)}`;
    }
    case 'upperPrefix':
      return token.replace(/^[a-z]+/, (prefix) => prefix.toUpperCase());
    case 'swapPrefix':
      return token.replace(/^[^.]*/, change.prefix);
    case 'dropPrefix':
      return token.replace(/^[^.]*\./, '');
    case 'removeDots':
      return token.split('.').join('');
    case 'repeat':
      return token.repeat(change.times);
    case 'append':
      return token + change.garbage;
    case 'prepend':
      return change.garbage + token;
    case 'deleteChar': {
      const at = change.at % token.length;
      return token.slice(0, at) + token.slice(at + 1);
    }
  }
}

/** A damaged token, kept only when it no longer parses. */
const brokenToken = fc
  .record({ parts: wellFormedToken, changes: fc.array(corruption, { minLength: 1, maxLength: 3 }), noise: fc.option(pasteNoise) })
  .map(({ parts, changes, noise }) => {
    const damaged = changes.reduce(corrupt, parts.token);
    return { ...parts, pasted: noise ? withNoise(damaged, noise) : damaged };
  })
  .filter(({ pasted }) => !parseHarnessToken(pasted).ok);

function leaks(text: string, secret: string): boolean {
  return text.includes(secret) || text.includes(secret.slice(-8));
}

describe('properties: nothing throws', () => {
  const inputs = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('p', 'a', 't', 's', '.', '/', ':', '#', '?', '=', '"', ' ', '\u200B', 'B', '%') }),
  );
  const anyValue = fc.oneof(inputs, fc.anything(), fc.object());

  it('parseHarnessToken never throws and always returns a typed result', () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        const result = parseHarnessToken(input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('parseAccountIdentifier never throws and accepts only identifier characters', () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        const result = parseAccountIdentifier(input);
        if (result.ok) {
          expect(result.accountId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('checkHarnessCredentials never throws', () => {
    const credentials = fc.oneof(
      fc.record({ apiKey: inputs, accountId: fc.option(inputs, { nil: undefined }) }),
      fc.record({ apiKey: fc.anything(), accountId: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
      fc.object(),
    );
    fc.assert(
      fc.property(credentials, (input) => {
        const result = checkHarnessCredentials(input as Partial<HarnessCredentialsInput>);
        if (result.ok) {
          expect(result.credentials.apiKey).toMatch(/^(?:pat|sat)\./);
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          expect(result.issues.length).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('harnessCredentialsSchema.safeParse never throws', () => {
    const values = fc.oneof(
      fc.record({ apiKey: inputs, accountId: fc.option(inputs, { nil: undefined }) }),
      fc.record({ apiKey: fc.anything(), accountId: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
      fc.object(),
    );
    fc.assert(
      fc.property(values, (value) => {
        const result = harnessCredentialsSchema.safeParse(value);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('properties: well-formed tokens', () => {
  it('parse to exactly the token, whatever paste noise surrounds them', () => {
    fc.assert(
      fc.property(wellFormedToken, fc.option(pasteNoise), (parts, noise) => {
        const pasted = noise ? withNoise(parts.token, noise) : parts.token;
        const result = parseHarnessToken(pasted);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.token).toBe(parts.token);
        expect(result.kind).toBe(parts.kind);
        expect(result.format).toBe('current');
        expect(result.accountId).toBe(parts.account);
        expect(result.tokenId).toBe(parts.tokenId);
        expect(result.cleaned).toBe(pasted !== parts.token);
        expect(result.hint).toBe(`${parts.kind}.${parts.account}.\u2026${parts.secret.slice(-4)}`);
        expect(result.hint).not.toContain(parts.secret);
        expect(result.hint).not.toContain(parts.secret.slice(-5));
        expect(result.hint).not.toContain(parts.tokenId);
      }),
      { numRuns: 1000 },
    );
  });

  it('parse in the legacy form too', () => {
    fc.assert(
      fc.property(wellFormedToken, fc.option(pasteNoise), (parts, noise) => {
        const legacy = `${parts.kind}.${parts.tokenId}.${parts.secret}`;
        const result = parseHarnessToken(noise ? withNoise(legacy, noise) : legacy);
        expect(result).toMatchObject({ ok: true, token: legacy, format: 'legacy', accountId: null, tokenId: parts.tokenId });
        if (result.ok) expect(result.hint).toBe(`${parts.kind}.\u2026${parts.secret.slice(-4)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('give credentials with the account from the token, or the matching typed one', () => {
    fc.assert(
      fc.property(wellFormedToken, pasteNoise, fc.constantFrom('none', 'blank', 'id', 'url'), (parts, noise, account) => {
        const accountId = {
          none: undefined,
          blank: '  ',
          id: ` ${parts.account} `,
          url: `https://app.harness.io/ng/account/${parts.account}/home/get-started`,
        }[account];
        const input = { apiKey: withNoise(parts.token, noise), accountId };
        const check = checkHarnessCredentials(input);
        expect(check.ok).toBe(true);
        if (check.ok) expect(check.credentials).toEqual({ apiKey: parts.token, accountId: parts.account });
        expect(harnessCredentialsSchema.safeParse(input)).toEqual({
          success: true,
          data: { apiKey: parts.token, accountId: parts.account },
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('properties: damaged tokens never leak the secret', () => {
  const accountField = fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    fc.constant(OTHER_ACCOUNT),
    fc.constant(`https://app.harness.io/ng/account/${OTHER_ACCOUNT}/home`),
    fc.constant('abc$'),
    fc.string({ maxLength: 30 }),
  );

  it('in parse failures, credential issues and zod issues', () => {
    fc.assert(
      fc.property(brokenToken, accountField, fc.boolean(), (broken, typed, useOwnAccount) => {
        const accountId = useOwnAccount ? broken.account : typed;
        const { secret, pasted } = broken;

        const parsed = parseHarnessToken(pasted);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(leaks(parsed.message, secret)).toBe(false);

        const check = checkHarnessCredentials({ apiKey: pasted, accountId });
        expect(check.ok).toBe(false);
        if (!check.ok) {
          for (const issue of check.issues) expect(leaks(issue.message, secret)).toBe(false);
          expect(leaks(JSON.stringify(check.issues), secret)).toBe(false);
        }

        const result = harnessCredentialsSchema.safeParse({ apiKey: pasted, accountId });
        expect(result.success).toBe(false);
        if (!result.success) {
          expect(leaks(JSON.stringify(result.error), secret)).toBe(false);
          expect(leaks(JSON.stringify(result.error.issues), secret)).toBe(false);
          expect(leaks(result.error.message, secret)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('and the secret of a well-formed key never reaches an account-field message', () => {
    fc.assert(
      fc.property(wellFormedToken, fc.constantFrom('token', 'secret-url', 'quoted'), (parts, shape) => {
        // Someone pastes the key (or an address with it) in the account field.
        const typed = {
          token: parts.token,
          'secret-url': `https://app.harness.io/ng/api/token/validate?x-api-key=${parts.token}`,
          quoted: `"${parts.token}"`,
        }[shape];
        const parsed = parseAccountIdentifier(typed);
        if (!parsed.ok) expect(leaks(parsed.message, parts.secret)).toBe(false);
        const check = checkHarnessCredentials({ apiKey: parts.token, accountId: typed });
        expect(leaks(JSON.stringify(check.ok ? [] : check.issues), parts.secret)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('properties: verifyHarnessToken with random answers', () => {
  const NULL_BODY_STATUSES = new Set([204, 205, 304]);

  type Answer =
    | { kind: 'response'; status: number; body: string; headers: Record<string, string> }
    | { kind: 'reject'; error: unknown }
    | { kind: 'garbage'; value: unknown };

  function answers(parts: TokenParts): fc.Arbitrary<Answer> {
    const { token, secret, account } = parts;
    const echo = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constant(token),
      fc.constant(secret),
      fc.constant(`Token ${token} is not valid`),
      fc.constant(`Raw password ${secret} not matching`),
      fc.constant(`Invalid account token access ${parts.tokenId}`),
    );
    const harnessCode = fc.oneof(
      fc.constantFrom('INVALID_TOKEN', 'EXPIRED_TOKEN', 'INVALID_REQUEST', 'NG_ACCESS_DENIED', 'ACCESS_DENIED', 'RESOURCE_NOT_FOUND'),
      echo,
    );
    const envelope = fc.record(
      {
        status: fc.constantFrom('SUCCESS', 'ERROR', 'FAILURE', 'WHATEVER'),
        code: harnessCode,
        message: echo,
        correlationId: echo,
        detailedMessage: echo,
        responseMessages: fc.array(fc.record({ code: harnessCode, message: echo }, { requiredKeys: [] }), { maxLength: 2 }),
        data: fc.option(
          fc.record(
            {
              accountIdentifier: fc.oneof(fc.constant(account), fc.constant(OTHER_ACCOUNT), echo),
              identifier: echo,
              name: echo,
              username: echo,
              email: echo,
              apiKeyType: fc.constantFrom('USER', 'SERVICE_ACCOUNT', 'X'),
              validTo: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.double()),
              valid: fc.oneof(fc.boolean(), fc.constant(undefined)),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.constant(''),
      envelope.map((value) => JSON.stringify(value)),
      echo.map((text) => `<!doctype html><html><body>${text}</body></html>`),
      fc.string(),
      fc.json(),
      envelope.map((value) => JSON.stringify(value).slice(0, 30)),
    );
    const headers = fc.record(
      {
        'content-type': fc.constantFrom('application/json', 'text/html', 'text/plain', 'application/json; charset=utf-8'),
        'x-harness-correlation-id': echo.map((text) => text.replace(/[^\x20-\x7E]/g, '')),
        'retry-after': fc.oneof(fc.nat({ max: 3600 }).map(String), fc.constant('Wed, 21 Oct 2099 07:28:00 GMT'), fc.constant('soon')),
      },
      { requiredKeys: [] },
    );
    // A Harness success answer whose free-text fields may echo the key. Harness always sends validTo (a
    // Java long): 0 for "never", else the expiry, here between tomorrow and 2100.
    const validTo = fc.oneof(fc.constant(0), fc.integer({ min: Date.now() + 86_400_000, max: 4_102_444_800_000 }));
    const successBody = fc
      .record({ data: fc.record({ identifier: echo, name: echo, username: echo, email: echo, validTo }), correlationId: echo })
      .map(({ data, correlationId }) =>
        JSON.stringify({ status: 'SUCCESS', data: { ...data, accountIdentifier: account, valid: true }, correlationId }),
      );
    return fc.oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('response' as const), status: fc.integer({ min: 200, max: 599 }), body, headers }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('response' as const), status: fc.constant(200), body: successBody, headers }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('reject' as const),
          error: fc.oneof(
            echo.map((text) => new TypeError(text)),
            echo.map((text) => new Error(`failed: ${text}`)),
            echo,
            echo.map((text) => new DOMException(text, 'NetworkError')),
            fc.constant(undefined),
          ),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), value: fc.oneof(fc.constant(undefined), fc.constant(null), fc.object()) }) },
    );
  }

  function respond(answer: Answer): typeof fetch {
    return (async () => {
      if (answer.kind === 'reject') throw answer.error;
      if (answer.kind === 'garbage') return answer.value as Response;
      const body = NULL_BODY_STATUSES.has(answer.status) ? null : answer.body;
      return new Response(body, { status: answer.status, headers: answer.headers });
    }) as typeof fetch;
  }

  it('never leaks the key and only ever rejects with a HarnessConnectError', async () => {
    let resolved = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        wellFormedToken.chain((parts) => fc.tuple(fc.constant(parts), answers(parts), fc.option(pasteNoise), fc.boolean())),
        async ([parts, answer, noise, typeAccount]) => {
          const apiKey = noise ? withNoise(parts.token, noise) : parts.token;
          let outcome: unknown;
          try {
            outcome = await verifyHarnessToken(
              { apiKey, accountId: typeAccount ? parts.account : undefined },
              { fetch: respond(answer), timeoutMs: 2_000 },
            );
            const serialised = JSON.stringify(outcome);
            expect(serialised).not.toContain(parts.token);
            expect(serialised).not.toContain(parts.secret);
            expect((outcome as { accountId: string }).accountId).toBe(parts.account);
            resolved += 1;
          } catch (error) {
            rejected += 1;
            expect(error).toBeInstanceOf(HarnessConnectError);
            const failure = error as HarnessConnectError;
            for (const text of [JSON.stringify(failure), failure.message, failure.detail ?? '']) {
              expect(text).not.toContain(parts.token);
              expect(text).not.toContain(parts.secret);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
    // Both paths were exercised.
    expect(resolved).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(100);
  });
});
