import { describe, expect, it } from 'vitest';
import {
  HARNESS_CONNECT_ERROR_MESSAGES,
  HarnessConnectError,
  verifyHarnessToken,
  type HarnessConnectErrorCode,
  type HarnessCredentialsInput,
  type VerifyHarnessTokenOptions,
} from '../../src/core/index.js';
import { FALSE_SUCCESSES } from './success-shapes.js';
import { ACCOUNT, LEGACY, LEGACY_SECRET, OTHER_ACCOUNT, PAT, SAT, SAT_SECRET, SAT_TOKEN_ID, SECRET, TOKEN_ID } from './fixtures.js';

/**
 * These tests drive the verifier with a fake `fetch` to pin down how each answer maps to a result or an
 * error. (Another suite runs it against the Harness mock.)
 */

interface Call {
  url: string;
  init: RequestInit;
}

type Responder = (call: Call) => Response | Promise<Response>;

function fakeFetch(respond: Responder = () => success()) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const VALID_TO = Date.UTC(2031, 0, 1);

function successBody(data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    status: 'SUCCESS',
    data: {
      identifier: TOKEN_ID,
      name: 'ci-token',
      validFrom: Date.UTC(2025, 0, 1),
      validTo: VALID_TO,
      valid: true,
      accountIdentifier: ACCOUNT,
      apiKeyIdentifier: 'default',
      parentIdentifier: 'ada',
      apiKeyType: 'USER',
      email: 'ada@example.com',
      username: 'Ada Lovelace',
      encodedPassword: null,
      ...data,
    },
    metaData: null,
    correlationId: 'corr-success',
    ...extra,
  };
}

function success(data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json(200, successBody(data, extra), headers);
}

function harnessError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json(
    status,
    {
      status: 'ERROR',
      code,
      message,
      correlationId: 'corr-error',
      detailedMessage: null,
      responseMessages: [{ code, level: 'ERROR', message, exception: null, failureTypes: [] }],
      metadata: null,
    },
    headers,
  );
}

function html(status: number, page = '<!doctype html><html><body>Sign in</body></html>'): Response {
  return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

async function rejection(promise: Promise<unknown>): Promise<HarnessConnectError> {
  try {
    const value = await promise;
    throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
  } catch (error) {
    expect(error).toBeInstanceOf(HarnessConnectError);
    return error as HarnessConnectError;
  }
}

async function failWith(
  respond: Responder,
  credentials: HarnessCredentialsInput = { apiKey: PAT },
  options: VerifyHarnessTokenOptions = {},
): Promise<HarnessConnectError> {
  const { fetch, calls } = fakeFetch(respond);
  const error = await rejection(verifyHarnessToken(credentials, { ...options, fetch }));
  expect(calls).toHaveLength(1);
  expectNoSecret(error);
  return error;
}

function expectNoSecret(value: unknown, secrets: readonly string[] = [PAT, SECRET, SAT, SAT_SECRET, LEGACY, LEGACY_SECRET]) {
  const texts = [JSON.stringify(value)];
  if (value instanceof HarnessConnectError) texts.push(value.message, value.detail ?? '', String(value.harnessCode));
  for (const text of texts) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe('verifyHarnessToken: the request', () => {
  it('POSTs to {base}/ng/api/token/validate with the account in the query, before anything else', async () => {
    const { fetch, calls } = fakeFetch(() => success({ apiKeyType: 'SERVICE_ACCOUNT' }));
    await verifyHarnessToken({ apiKey: SAT }, { fetch });
    // A service-account token: validate, then only the account's name (no current user, no ACL).
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual(['/ng/api/token/validate', `/ng/api/accounts/${ACCOUNT}`]);
    const [{ url, init }] = calls as [Call];
    const parsed = new URL(url);
    expect(parsed.origin).toBe('https://app.harness.io');
    expect(parsed.pathname).toBe('/ng/api/token/validate');
    expect([...parsed.searchParams.entries()]).toEqual([
      ['accountIdentifier', ACCOUNT],
      ['routingId', ACCOUNT],
    ]);
    expect(url).toBe(`https://app.harness.io/ng/api/token/validate?accountIdentifier=${ACCOUNT}&routingId=${ACCOUNT}`);
    expect(init.method).toBe('POST');
  });

  it('sends the cleaned key in x-api-key and as the text body, never in the URL', async () => {
    const { fetch, calls } = fakeFetch();
    await verifyHarnessToken({ apiKey: `  Bearer "${PAT}",\n` }, { fetch });
    const [{ url, init }] = calls as [Call];
    const headers = new Headers(init.headers);
    expect(headers.get('x-api-key')).toBe(PAT);
    expect(headers.get('content-type')).toBe('text/plain');
    expect(headers.get('accept')).toBe('application/json');
    expect(headers.has('authorization')).toBe(false);
    expect(headers.has('harness-account')).toBe(false);
    expect(init.body).toBe(PAT);
    expect(url).not.toContain(SECRET);
    expect(url).not.toContain(TOKEN_ID);
    expect(decodeURIComponent(url)).not.toContain(SECRET);
  });

  it('never follows a redirect, sends no cookies and passes a signal', async () => {
    const { fetch, calls } = fakeFetch();
    await verifyHarnessToken({ apiKey: PAT }, { fetch });
    const [{ init }] = calls as [Call];
    expect(init.redirect).toBe('manual');
    expect(init.credentials).toBe('omit');
    expect(init.cache).toBe('no-store');
    expect(init.referrerPolicy).toBe('no-referrer');
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.signal!.aborted).toBe(false);
  });

  it('uses the typed account id for a legacy token', async () => {
    const { fetch, calls } = fakeFetch();
    await verifyHarnessToken({ apiKey: LEGACY, accountId: ACCOUNT }, { fetch });
    const parsed = new URL(calls[0]!.url);
    expect(parsed.searchParams.get('accountIdentifier')).toBe(ACCOUNT);
    expect(parsed.searchParams.get('routingId')).toBe(ACCOUNT);
    expect(new Headers(calls[0]!.init.headers).get('x-api-key')).toBe(LEGACY);
  });

  it('reads the account id out of an address typed in the account field', async () => {
    const { fetch, calls } = fakeFetch();
    await verifyHarnessToken({ apiKey: LEGACY, accountId: `https://app.harness.io/ng/account/${ACCOUNT}/home` }, { fetch });
    expect(new URL(calls[0]!.url).searchParams.get('accountIdentifier')).toBe(ACCOUNT);
  });

  it.each([
    ['a cluster', 'https://accounts.eu.harness.io', 'https://accounts.eu.harness.io/ng/api/token/validate'],
    ['a pasted UI address', `https://app3.harness.io/ng/account/${ACCOUNT}/home`, 'https://app3.harness.io/ng/api/token/validate'],
    ['the gateway base', 'https://app.harness.io/gateway', 'https://app.harness.io/gateway/ng/api/token/validate'],
    ['a vanity host', 'https://acme.harness.io/', 'https://acme.harness.io/ng/api/token/validate'],
  ])('sends to %s', async (_name, baseUrl, expected) => {
    const { fetch, calls } = fakeFetch();
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch, baseUrl });
    expect(calls[0]!.url.split('?')[0]).toBe(expected);
    expect(result.baseUrl).toBe(expected.replace('/ng/api/token/validate', ''));
  });

  it('sends to a listed local mock over http', async () => {
    const { fetch, calls } = fakeFetch();
    await verifyHarnessToken({ apiKey: PAT }, { fetch, baseUrl: 'http://127.0.0.1:4010', allowedHosts: ['127.0.0.1:4010'] });
    expect(calls[0]!.url.startsWith('http://127.0.0.1:4010/ng/api/token/validate?')).toBe(true);
  });

  it('uses the global fetch when none is given', async () => {
    const original = globalThis.fetch;
    const { fetch, calls } = fakeFetch();
    globalThis.fetch = fetch;
    try {
      await verifyHarnessToken({ apiKey: PAT });
    } finally {
      globalThis.fetch = original;
    }
    expect(calls[0]!.url).toContain('/ng/api/token/validate');
  });
});

describe('verifyHarnessToken: success', () => {
  it('maps a personal token', async () => {
    const { fetch } = fakeFetch((call) => {
      const path = new URL(call.url).pathname;
      if (path === `/ng/api/accounts/${ACCOUNT}`) return json(200, { status: 'SUCCESS', data: { identifier: ACCOUNT, name: 'Acme Platform' } });
      if (path === '/ng/api/user/currentUser') return json(200, { status: 'SUCCESS', data: { name: 'Ada King, Countess of Lovelace', email: 'ada@example.com' } });
      return success();
    });
    await expect(verifyHarnessToken({ apiKey: PAT }, { fetch })).resolves.toEqual({
      accountId: ACCOUNT,
      tokenKind: 'pat',
      tokenId: TOKEN_ID,
      tokenName: 'ci-token',
      tokenHint: `pat.${ACCOUNT}.\u2026${SECRET.slice(-4)}`,
      apiKeyType: 'USER',
      user: { name: 'Ada Lovelace', email: 'ada@example.com' },
      expiresAt: '2031-01-01T00:00:00.000Z',
      baseUrl: 'https://app.harness.io',
      correlationId: 'corr-success',
      accountName: 'Acme Platform',
      principal: { kind: 'user', identifier: 'ada', name: 'Ada King, Countess of Lovelace', email: 'ada@example.com' },
      permissions: { checked: false, reason: 'none_required' },
      expiresSoon: false,
    });
  });

  it('maps a service-account token that never expires (validTo 0)', async () => {
    const { fetch } = fakeFetch(() =>
      success({ identifier: SAT_TOKEN_ID, name: 'deployer', apiKeyType: 'SERVICE_ACCOUNT', validTo: 0, email: null, username: 'deploy-bot' }),
    );
    const result = await verifyHarnessToken({ apiKey: SAT, accountId: ACCOUNT }, { fetch });
    expect(result).toMatchObject({
      accountId: ACCOUNT,
      tokenKind: 'sat',
      tokenId: SAT_TOKEN_ID,
      tokenName: 'deployer',
      apiKeyType: 'SERVICE_ACCOUNT',
      user: { name: 'deploy-bot', email: null },
      expiresAt: null,
      tokenHint: `sat.${ACCOUNT}.\u2026${SAT_SECRET.slice(-4)}`,
    });
  });

  it('maps a missing user, name and apiKeyType, and validTo 0, to null', async () => {
    const { fetch } = fakeFetch(() =>
      json(200, { status: 'SUCCESS', data: { accountIdentifier: ACCOUNT, valid: true, validTo: 0 }, correlationId: 'c' }),
    );
    expect(await verifyHarnessToken({ apiKey: PAT }, { fetch })).toEqual({
      accountId: ACCOUNT,
      tokenKind: 'pat',
      tokenId: TOKEN_ID,
      tokenName: null,
      tokenHint: `pat.${ACCOUNT}.\u2026${SECRET.slice(-4)}`,
      apiKeyType: null,
      user: null,
      expiresAt: null,
      baseUrl: 'https://app.harness.io',
      correlationId: 'c',
      // The same answer to every call: it names no account and no user, so there are none to show.
      accountName: null,
      principal: { kind: 'user', identifier: null, name: null, email: null },
      permissions: { checked: false, reason: 'none_required' },
      expiresSoon: false,
    });
  });

  it('maps an unknown apiKeyType to null', async () => {
    const { fetch } = fakeFetch(() => success({ apiKeyType: 'ROBOT' }));
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch })).apiKeyType).toBeNull();
  });

  it('maps a legacy token with its legacy hint', async () => {
    const { fetch } = fakeFetch(() => success({ identifier: 'legacyId' }));
    const result = await verifyHarnessToken({ apiKey: LEGACY, accountId: ACCOUNT }, { fetch });
    expect(result.tokenHint).toBe(`pat.\u2026${LEGACY_SECRET.slice(-4)}`);
    expect(result.tokenId).toBe('legacyId');
    expect(result.accountId).toBe(ACCOUNT);
  });

  it('takes the correlation id from the x-harness-correlation-id header when the body has none', async () => {
    const { fetch } = fakeFetch(() => success({}, { correlationId: null }, { 'x-harness-correlation-id': 'from-header' }));
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch })).correlationId).toBe('from-header');
  });

  it('prefers the correlation id of the body', async () => {
    const { fetch } = fakeFetch(() => success({}, {}, { 'x-harness-correlation-id': 'from-header' }));
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch })).correlationId).toBe('corr-success');
  });

  it('holds nothing that grants access', async () => {
    const { fetch } = fakeFetch(() => success());
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch });
    expectNoSecret(result);
    expect(JSON.stringify(result)).not.toContain(SECRET.slice(-8));
  });

  it('never returns the key even when the server echoes it into the fields it maps', async () => {
    const { fetch } = fakeFetch(() =>
      success(
        { name: `token ${PAT}`, username: PAT, email: `${SECRET}@example.com`, identifier: SECRET },
        { correlationId: PAT },
      ),
    );
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch });
    expectNoSecret(result);
  });

  it('rejects a SUCCESS for another account as account_mismatch', async () => {
    const error = await failWith(() => success({ accountIdentifier: OTHER_ACCOUNT }));
    expect(error).toMatchObject({ code: 'account_mismatch', field: 'accountId', status: 200, correlationId: 'corr-success' });
  });

  it('rejects a SUCCESS with valid: false as invalid_token', async () => {
    const error = await failWith(() => success({ valid: false }));
    expect(error).toMatchObject({ code: 'invalid_token', field: 'apiKey', status: 200 });
  });
});

describe('verifyHarnessToken: a 200 counts only when it is a Harness success, strictly (#12)', () => {
  it.each(FALSE_SUCCESSES.map((shape) => [shape.name, shape] as const))('%s', async (_name, shape) => {
    const error = await failWith(() => new Response(shape.text, { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(error.code).toBe(shape.code);
    expect(error.detail).toMatch(shape.detail);
    expect(error.detail).toMatch(/^harness-connect: /);
    expect(error.status).toBe(200);
    // A stub or a changed API does not heal by trying again; an expired or refused key does not either.
    expect(error.retryable).toBe(false);
  });

  it('refuses a sat. key Harness calls a user’s as not Harness’s answer', async () => {
    const error = await failWith(() => success({ apiKeyType: 'USER' }), { apiKey: SAT });
    expect(error).toMatchObject({ code: 'wrong_host', retryable: false, status: 200 });
    expect(error.detail).toMatch(/data\.apiKeyType is USER for a sat\. key/);
  });

  it('accepts each kind of key with its own apiKeyType, or with none', async () => {
    const sat = fakeFetch(() => success({ apiKeyType: 'SERVICE_ACCOUNT' }));
    await expect(verifyHarnessToken({ apiKey: SAT }, { fetch: sat.fetch })).resolves.toMatchObject({ tokenKind: 'sat', apiKeyType: 'SERVICE_ACCOUNT' });
    const untyped = fakeFetch(() => success({ apiKeyType: undefined }));
    await expect(verifyHarnessToken({ apiKey: PAT }, { fetch: untyped.fetch })).resolves.toMatchObject({ tokenKind: 'pat', apiKeyType: null });
  });

  it('accepts validTo 0 (never expires) and a future validTo', async () => {
    const never = fakeFetch(() => success({ validTo: 0 }));
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch: never.fetch })).expiresAt).toBeNull();
    const soon = Date.now() + 60_000;
    const later = fakeFetch(() => success({ validTo: soon }));
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch: later.fetch })).expiresAt).toBe(new Date(soon).toISOString());
  });

  it('accepts a validTo beyond what a date can hold as never expiring (a Long.MAX_VALUE "never")', async () => {
    // Java's Long.MAX_VALUE as JSON text: JSON.parse rounds it to 2^63.
    const body = JSON.stringify(successBody({ validTo: 0 })).replace('"validTo":0', '"validTo":9223372036854775807');
    const { fetch } = fakeFetch(() => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch })).expiresAt).toBeNull();
  });

  it('compares the account with the one asked for: typed, or read out of the key', async () => {
    const typed = fakeFetch(() => success({ accountIdentifier: OTHER_ACCOUNT }));
    const error = await rejection(verifyHarnessToken({ apiKey: LEGACY, accountId: ACCOUNT }, { fetch: typed.fetch }));
    expect(error.code).toBe('account_mismatch');
    const matching = fakeFetch(() => success({ accountIdentifier: OTHER_ACCOUNT }));
    const result = await verifyHarnessToken({ apiKey: LEGACY, accountId: OTHER_ACCOUNT }, { fetch: matching.fetch });
    expect(result.accountId).toBe(OTHER_ACCOUNT);
  });
});

describe('verifyHarnessToken: local failures make no request', () => {
  async function localFailure(credentials: HarnessCredentialsInput, options: VerifyHarnessTokenOptions = {}) {
    const { fetch, calls } = fakeFetch();
    const error = await rejection(verifyHarnessToken(credentials, { ...options, fetch }));
    expect(calls).toHaveLength(0);
    expectNoSecret(error);
    return error;
  }

  it.each([
    ['an empty key', { apiKey: '' }, 'empty'],
    ['an upper-case prefix', { apiKey: PAT.replace('pat', 'PAT') }, 'uppercase_prefix'],
    ['a truncated key', { apiKey: PAT.split('.').slice(0, 2).join('.') }, 'wrong_segment_count'],
    ['bad characters', { apiKey: `${PAT}!` }, 'bad_characters'],
    ['a FirstGen key', { apiKey: 'QWxhZGRpbjpvcGVuIHNlc2FtZTEyMzQ1Njc4OTA=' }, 'firstgen_key'],
    ['a huge paste', { apiKey: PAT.repeat(10) }, 'too_long'],
  ])('malformed_token for %s', async (_name, credentials, problem) => {
    const error = await localFailure(credentials);
    expect(error.code).toBe('malformed_token');
    expect(error.field).toBe('apiKey');
    expect(error.retryable).toBe(false);
    expect(error.status).toBeNull();
    expect(error.detail).toBe(`local check: ${problem}`);
    expect(error.message).not.toBe(HARNESS_CONNECT_ERROR_MESSAGES.malformed_token);
  });

  it.each([
    ['a legacy key without account', { apiKey: LEGACY }, 'account_required'],
    ['a bad account id', { apiKey: PAT, accountId: 'abc$' }, 'bad_characters'],
    ['a token in the account field', { apiKey: LEGACY, accountId: PAT }, 'looks_like_token'],
    ['an address without account', { apiKey: LEGACY, accountId: 'https://app.harness.io/ng/home' }, 'url_without_account'],
  ])('malformed_account for %s', async (_name, credentials, problem) => {
    const error = await localFailure(credentials);
    expect(error.code).toBe('malformed_account');
    expect(error.field).toBe('accountId');
    expect(error.detail).toBe(`local check: ${problem}`);
  });

  it('account_mismatch when the typed id differs from the token, naming both ids', async () => {
    const error = await localFailure({ apiKey: PAT, accountId: OTHER_ACCOUNT });
    expect(error.code).toBe('account_mismatch');
    expect(error.field).toBe('accountId');
    expect(error.message).toContain(ACCOUNT);
    expect(error.message).toContain(OTHER_ACCOUNT);
  });

  it('the first problem wins when both fields are bad (the key)', async () => {
    const error = await localFailure({ apiKey: 'nope', accountId: 'a$' });
    expect(error.code).toBe('malformed_token');
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['plain http', 'http://app.harness.io'],
    ['another host', 'https://evil.example'],
    ['a look-alike', 'https://app.harness.io.evil.example'],
    ['credentials in the URL', 'https://user:pw@app.harness.io'],
    ['not a URL', 'app harness io'],
  ])('configuration for a disallowed baseUrl (%s)', async (_name, baseUrl) => {
    const error = await localFailure({ apiKey: PAT }, { baseUrl });
    expect(error.code).toBe('configuration');
    expect(error.detail).toMatch(/^harness-connect: /);
    expect(error.message).toBe(HARNESS_CONNECT_ERROR_MESSAGES.configuration);
  });

  it('aborted for an already-aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await localFailure({ apiKey: PAT }, { signal: controller.signal });
    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
  });
});

describe('verifyHarnessToken: what Harness answers', () => {
  it('401 INVALID_TOKEN → invalid_token on the key', async () => {
    const error = await failWith(() => harnessError(401, 'INVALID_TOKEN', 'Token is not valid.'));
    expect(error).toMatchObject({
      code: 'invalid_token',
      field: 'apiKey',
      retryable: false,
      status: 401,
      harnessCode: 'INVALID_TOKEN',
      correlationId: 'corr-error',
      message: HARNESS_CONNECT_ERROR_MESSAGES.invalid_token,
    });
    expect(error.detail).toContain('401');
    expect(error.detail).toContain('Token is not valid.');
  });

  it('401 INVALID_TOKEN "Raw password not matching" → invalid_token', async () => {
    const error = await failWith(() => harnessError(401, 'INVALID_TOKEN', 'Raw password not matching'));
    expect(error.code).toBe('invalid_token');
  });

  it('401 "Invalid account token access <id>" → account_mismatch on the account', async () => {
    const error = await failWith(
      () => harnessError(401, 'INVALID_TOKEN', `Invalid account token access ${TOKEN_ID}`),
      { apiKey: LEGACY, accountId: OTHER_ACCOUNT },
    );
    expect(error).toMatchObject({ code: 'account_mismatch', field: 'accountId', status: 401, harnessCode: 'INVALID_TOKEN' });
  });

  it('401 "Invalid accountId in token" → account_mismatch', async () => {
    const error = await failWith(() => harnessError(401, 'INVALID_TOKEN', 'Invalid accountId in token'));
    expect(error.code).toBe('account_mismatch');
  });

  it('401 EXPIRED_TOKEN → expired_token', async () => {
    const error = await failWith(() =>
      harnessError(401, 'EXPIRED_TOKEN', `Incoming API token ci-token has expired. Token id: ${TOKEN_ID}`),
    );
    expect(error).toMatchObject({ code: 'expired_token', field: 'apiKey', retryable: false, status: 401, harnessCode: 'EXPIRED_TOKEN' });
    expect(error.message).toBe(HARNESS_CONNECT_ERROR_MESSAGES.expired_token);
  });

  it.each([
    ['REVOKED_TOKEN', 401, { code: 'revoked_token', field: 'apiKey' }],
    ['INACTIVE_ACCOUNT', 401, { code: 'account_inactive', field: 'accountId' }],
    ['ACCOUNT_DOES_NOT_EXIST', 401, { code: 'account_inactive', field: 'accountId' }],
    ['USER_DISABLED', 401, { code: 'principal_disabled', field: null }],
    ['NOT_WHITELISTED_IP', 403, { code: 'ip_not_allowed', field: null }],
  ])('%s (HTTP %i) → its own code, not retryable (#13)', async (harnessCode, status, expected) => {
    const error = await failWith(() => harnessError(status, harnessCode, 'Harness said so'));
    expect(error).toMatchObject({ ...expected, retryable: false, status, harnessCode });
  });

  it('a Harness code named like an object property (toString) is not taken for one of those', async () => {
    expect((await failWith(() => harnessError(401, 'toString', 'odd'))).code).toBe('invalid_token');
  });

  it('401 with an empty body → invalid_token', async () => {
    const error = await failWith(() => new Response(null, { status: 401 }));
    expect(error).toMatchObject({ code: 'invalid_token', field: 'apiKey', status: 401, harnessCode: null, correlationId: null });
  });

  it('401 with only responseMessages → reads the code from them', async () => {
    const error = await failWith(() =>
      json(401, { status: 'ERROR', responseMessages: [{ code: 'EXPIRED_TOKEN', message: 'expired' }] }),
    );
    expect(error).toMatchObject({ code: 'expired_token', harnessCode: 'EXPIRED_TOKEN' });
  });

  it('400 INVALID_REQUEST → invalid_request on the account', async () => {
    const error = await failWith(() => harnessError(400, 'INVALID_REQUEST', 'Account detail is not present in the request'));
    expect(error).toMatchObject({ code: 'invalid_request', field: 'accountId', retryable: false, status: 400 });
  });

  it('400 with a FAILURE envelope → invalid_request', async () => {
    const error = await failWith(() => json(400, { status: 'FAILURE', code: 'INVALID_REQUEST', message: 'bad', errors: [] }));
    expect(error.code).toBe('invalid_request');
  });

  it('403 NG_ACCESS_DENIED → forbidden (no field)', async () => {
    const error = await failWith(() => harnessError(403, 'NG_ACCESS_DENIED', 'Not authorized'));
    expect(error).toMatchObject({ code: 'forbidden', field: null, retryable: false, status: 403, harnessCode: 'NG_ACCESS_DENIED' });
  });

  it.each([401, 403])('an HTML page with status %s (a proxy’s sign-in, a WAF’s block) → wrong_host, not a verdict on the key', async (status) => {
    const error = await failWith(() => html(status, '<html><body>Proxy login</body></html>'));
    expect(error).toMatchObject({ code: 'wrong_host', field: null, status, harnessCode: null });
  });

  it('403 with an empty body (a proxy) → forbidden', async () => {
    expect((await failWith(() => new Response('', { status: 403 }))).code).toBe('forbidden');
  });

  it('402 → forbidden', async () => {
    expect((await failWith(() => harnessError(402, 'LICENSE_EXPIRED', 'License expired'))).code).toBe('forbidden');
  });

  it('404 HTML → wrong_host', async () => {
    const error = await failWith(() => html(404, '<html><body>Not Found</body></html>'));
    expect(error).toMatchObject({ code: 'wrong_host', field: null, retryable: false, status: 404 });
  });

  it('404 JSON RESOURCE_NOT_FOUND → wrong_host', async () => {
    expect((await failWith(() => harnessError(404, 'RESOURCE_NOT_FOUND', 'Not found'))).code).toBe('wrong_host');
  });

  it('302 → wrong_host, and the redirect is not followed', async () => {
    const { fetch, calls } = fakeFetch(() => Response.redirect('https://evil.example/login', 302));
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch }));
    expect(error).toMatchObject({ code: 'wrong_host', status: 302 });
    expect(calls).toHaveLength(1);
    expectNoSecret(error);
  });

  it('301 and 307 → wrong_host', async () => {
    expect((await failWith(() => new Response(null, { status: 301, headers: { location: '/x' } }))).code).toBe('wrong_host');
    expect((await failWith(() => new Response(null, { status: 307, headers: { location: '/x' } }))).code).toBe('wrong_host');
  });

  it("type 'opaqueredirect' (a browser's redirect: 'manual') → wrong_host", async () => {
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      headers: new Headers(),
      text: async () => '',
    } as unknown as Response;
    const error = await failWith(() => opaque);
    expect(error.code).toBe('wrong_host');
    expect(error.status).toBeNull();
    expect(error.detail).toMatch(/redirect/);
  });

  it('200 HTML (a sign-in page) → wrong_host', async () => {
    const error = await failWith(() => html(200));
    expect(error).toMatchObject({ code: 'wrong_host', status: 200 });
  });

  it('200 HTML served as text/plain → wrong_host', async () => {
    const error = await failWith(() => new Response('  <html>login</html>', { status: 200, headers: { 'content-type': 'text/plain' } }));
    expect(error.code).toBe('wrong_host');
  });

  it('429 → rate_limited, retryable, with retryAfterMs from Retry-After seconds', async () => {
    const error = await failWith(() => new Response('', { status: 429, headers: { 'retry-after': '3' } }));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 3000, status: 429, field: null });
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const when = new Date(Date.now() + 10_000).toUTCString();
    const error = await failWith(() => new Response('', { status: 429, headers: { 'retry-after': when } }));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(8_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it('429 without Retry-After (an HTML body) → rate_limited with no delay', async () => {
    const error = await failWith(() => html(429, '<html>Too many requests</html>'));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: null });
  });

  it('429 with an unreadable Retry-After → no delay', async () => {
    const error = await failWith(() => new Response('', { status: 429, headers: { 'retry-after': 'soon' } }));
    expect(error.retryAfterMs).toBeNull();
  });

  it.each([
    ['1e308 (not delay-seconds)', '1e308', null],
    ['Infinity', 'Infinity', null],
    ['-1 (which Date.parse reads as 2001)', '-1', null],
    ['-5', '-5', null],
    ['0x10', '0x10', null],
    ['a day of seconds', '86400', 600_000],
    ['more seconds than a number holds exactly', '9'.repeat(400), 600_000],
    ['a date in 2099', 'Wed, 21 Oct 2099 07:28:00 GMT', 600_000],
    ['a date in the past', 'Sun, 06 Nov 1994 08:49:37 GMT', 0],
    ['0', '0', 0],
    ['1.5 seconds', '1.5', 1_500],
  ])('429 with Retry-After %s → retryAfterMs within 0 … 10 minutes (#12)', async (_name, value, expected) => {
    const error = await failWith(() => new Response('', { status: 429, headers: { 'retry-after': value } }));
    expect(error.retryAfterMs).toBe(expected);
    expect(JSON.stringify(error)).not.toMatch(/Infinity|e\+/);
  });

  it.each([500, 502, 503, 504])('%i → unavailable, retryable', async (status) => {
    const error = await failWith(() => html(status, '<html>Bad gateway</html>'));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true, status, field: null });
  });

  it('500 with a Harness envelope → unavailable', async () => {
    const error = await failWith(() => harnessError(500, 'UNEXPECTED', 'Oops'));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true, harnessCode: 'UNEXPECTED', correlationId: 'corr-error' });
  });

  it('503 with Retry-After keeps the delay', async () => {
    const error = await failWith(() => new Response('', { status: 503, headers: { 'retry-after': '120' } }));
    expect(error).toMatchObject({ code: 'unavailable', retryAfterMs: 120_000 });
  });

  it('malformed JSON with 200 → unavailable', async () => {
    const error = await failWith(
      () => new Response('{"status":"SUCCESS","data":{"accountIdentif', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    expect(error).toMatchObject({ code: 'unavailable', retryable: true, status: 200 });
  });

  it('an empty 200 → unavailable', async () => {
    expect((await failWith(() => new Response('', { status: 200 }))).code).toBe('unavailable');
  });

  it('a 200 ERROR envelope is an error, not a success', async () => {
    const error = await failWith(() => harnessError(200, 'INVALID_TOKEN', 'Token is not valid.'));
    expect(error.code).toBe('invalid_token');
  });

  it('takes the correlation id from the header when the body has none', async () => {
    const error = await failWith(() => new Response(null, { status: 401, headers: { 'x-harness-correlation-id': 'hdr-1' } }));
    expect(error.correlationId).toBe('hdr-1');
  });

  it('takes no Harness code or correlation id that is not shaped like one, from the body or the header', async () => {
    const forged = await failWith(() => json(401, { status: 'ERROR', code: 'INVALID_TOKEN\nHTTP status: 200', correlationId: 'abc\nCode: ok' }));
    expect(forged).toMatchObject({ code: 'invalid_token', harnessCode: null, correlationId: null });
    const header = await failWith(() => new Response(null, { status: 401, headers: { 'x-harness-correlation-id': 'see proxy.internal.example' } }));
    expect(header.correlationId).toBeNull();
    const long = await failWith(() => json(401, { status: 'ERROR', code: 'INVALID_TOKEN', correlationId: 'c'.repeat(65) }));
    expect(long.correlationId).toBeNull();
    const success200 = await verifyHarnessToken({ apiKey: PAT }, { fetch: fakeFetch(() => success({}, { correlationId: 'a b' })).fetch });
    expect(success200.correlationId).toBeNull();
  });

  it('takes no correlation id that is the key’s secret (a scrubbed one is no id either)', async () => {
    const error = await failWith(() => json(401, { status: 'ERROR', code: 'INVALID_TOKEN', correlationId: SECRET }));
    expect(error.correlationId).toBeNull();
  });

  it('prefers the correlation id of the body over the header', async () => {
    const error = await failWith(() => harnessError(401, 'INVALID_TOKEN', 'x', { 'x-harness-correlation-id': 'hdr-1' }));
    expect(error.correlationId).toBe('corr-error');
  });
});

describe('verifyHarnessToken: network, timeout and abort', () => {
  function hangingUntilAborted(): Responder {
    return ({ init }) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init.signal!;
        signal.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError')), { once: true });
      });
  }

  it('fetch rejecting with a TypeError → unavailable, retryable', async () => {
    const error = await failWith(() => Promise.reject(new TypeError('fetch failed')));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true, status: null });
    expect(error.detail).toContain('fetch failed');
    expect(error.detail).toContain('https://app.harness.io');
  });

  it('fetch throwing synchronously → unavailable', async () => {
    const error = await failWith(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(error.code).toBe('unavailable');
  });

  it('a body that fails to read → unavailable', async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError('terminated'));
      },
    });
    expect((await failWith(() => new Response(broken, { status: 200 }))).code).toBe('unavailable');
  });

  it('no answer within timeoutMs → timeout, retryable, and the request is aborted', async () => {
    const { fetch, calls } = fakeFetch(hangingUntilAborted());
    const started = Date.now();
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, timeoutMs: 50 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: 'timeout', retryable: true, field: null });
    expect(error.detail).toContain('50');
    expect(calls[0]!.init.signal!.aborted).toBe(true);
    expectNoSecret(error);
  });

  it('the caller aborting mid-request → aborted, and the request is aborted', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(hangingUntilAborted());
    const promise = verifyHarnessToken({ apiKey: PAT }, { fetch, signal: controller.signal, timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toHaveLength(1);
    controller.abort();
    const error = await rejection(promise);
    expect(error).toMatchObject({ code: 'aborted', retryable: false });
    expect(calls[0]!.init.signal!.aborted).toBe(true);
  });

  it('a caller abort with its own reason is still aborted, not unknown', async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(hangingUntilAborted());
    const promise = verifyHarnessToken({ apiKey: PAT }, { fetch, signal: controller.signal, timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort('dialog closed');
    expect(await rejection(promise)).toMatchObject({ code: 'aborted' });
  });

  it('a caller AbortSignal.timeout() → timeout, retryable', async () => {
    const { fetch } = fakeFetch(hangingUntilAborted());
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, signal: AbortSignal.timeout(20), timeoutMs: 5_000 }));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('an already timed-out caller signal → timeout, and no request', async () => {
    const signal = AbortSignal.timeout(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const { fetch, calls } = fakeFetch(() => success());
    expect(await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, signal }))).toMatchObject({ code: 'timeout' });
    expect(calls).toHaveLength(0);
  });

  it('cleans up after an answer: the timer is cleared and the caller signal is let go', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(() => success());
    await verifyHarnessToken({ apiKey: PAT }, { fetch, signal: controller.signal, timeoutMs: 20 });
    const requestSignal = calls[0]!.init.signal!;
    expect(controller.signal.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(requestSignal.aborted).toBe(false);
    controller.abort();
    expect(requestSignal.aborted).toBe(false);
  });
});

describe('verifyHarnessToken: a timeoutMs a timer cannot keep', () => {
  it('waits for the answer when timeoutMs is longer than 2^31-1 ms, instead of timing out at once', async () => {
    const { fetch } = fakeFetch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return success();
    });
    await expect(verifyHarnessToken({ apiKey: PAT }, { fetch, timeoutMs: 3_000_000_000 })).resolves.toMatchObject({ tokenKind: 'pat' });
  });

  it.each([Number.NaN, 0, -1, Number.POSITIVE_INFINITY, '15s'])(
    'refuses timeoutMs: %s with a configuration error saying what to pass, and makes no request',
    async (timeoutMs) => {
      const { fetch, calls } = fakeFetch();
      const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, timeoutMs: timeoutMs as number }));
      expect(error).toMatchObject({ code: 'configuration' });
      expect(error.message).toMatch(/^harness-connect: timeoutMs must be a number of milliseconds greater than 0/);
      expect(calls).toHaveLength(0);
    },
  );
});

describe('verifyHarnessToken: the answer is read up to a byte cap (#12)', () => {
  /** Harness's envelopes are a few KB; the verifier stops reading at 256 KiB. */
  const CAP_BYTES = 256 * 1024;
  const CHUNK_BYTES = 16 * 1024;

  /** A body of `total` bytes of `a`, made only as it is read, counting what was pulled and whether it was cancelled. */
  function countingBody(total: number) {
    const counter = { pulled: 0, cancelled: false };
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (counter.pulled >= total) {
            controller.close();
            return;
          }
          counter.pulled += CHUNK_BYTES;
          controller.enqueue(new Uint8Array(CHUNK_BYTES).fill(0x61));
        },
        cancel() {
          counter.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, counter };
  }

  it('stops near the cap on a 64 MiB answer, cancels the rest, and calls it wrong_host', async () => {
    const { stream, counter } = countingBody(64 * 1024 * 1024);
    const error = await failWith(() => new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(error).toMatchObject({ code: 'wrong_host', retryable: false, status: 200 });
    expect(error.detail).toMatch(/^harness-connect: .*256 KiB/);
    expect(counter.pulled).toBeLessThanOrEqual(CAP_BYTES + 2 * CHUNK_BYTES);
    expect(counter.cancelled).toBe(true);
  });

  it('an oversized error page is wrong_host too, whatever its status', async () => {
    const { stream, counter } = countingBody(8 * 1024 * 1024);
    const error = await failWith(() => new Response(stream, { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(error.code).toBe('wrong_host');
    expect(counter.pulled).toBeLessThanOrEqual(CAP_BYTES + 2 * CHUNK_BYTES);
  });

  it('reads an answer of exactly the cap', async () => {
    const padding = ' '.repeat(CAP_BYTES - JSON.stringify(successBody()).length);
    const body = JSON.stringify(successBody()) + padding;
    expect(new TextEncoder().encode(body).byteLength).toBe(CAP_BYTES);
    const { fetch } = fakeFetch(() => new Response(body, { status: 200 }));
    await expect(verifyHarnessToken({ apiKey: PAT }, { fetch })).resolves.toMatchObject({ accountId: ACCOUNT });
  });

  it('counts bytes, not characters: 100 K three-byte characters are over the cap', async () => {
    const body = JSON.stringify(successBody({ name: '\u2713'.repeat(100_000) }));
    expect(body.length).toBeLessThan(CAP_BYTES);
    expect((await failWith(() => new Response(body, { status: 200 }))).code).toBe('wrong_host');
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ status: 'ERROR', code: 'INVALID_TOKEN', message: 'Jeton refusé ✓', correlationId: 'c' }),
    );
    const oneByteAtATime = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const error = await failWith(() => new Response(oneByteAtATime, { status: 401 }));
    expect(error.detail).toContain('Jeton refusé ✓');
  });

  it('reads a Response with no body as an empty answer', async () => {
    expect((await failWith(() => new Response(null, { status: 401 }))).code).toBe('invalid_token');
    const bodiless = { type: 'basic', status: 401, headers: new Headers(), body: null } as unknown as Response;
    expect((await failWith(() => bodiless)).code).toBe('invalid_token');
  });

  it('the timeout bounds the body too, even from a fetch whose body ignores the signal', async () => {
    // The first bytes, then nothing: a stalled proxy.
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":'));
      },
    });
    const { fetch } = fakeFetch(() => new Response(stalled, { status: 200 }));
    const started = Date.now();
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, timeoutMs: 50 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('verifyHarnessToken: the key never leaks', () => {
  const echoes: Array<[string, Responder]> = [
    ['a 401 message echoing the key', () => harnessError(401, 'INVALID_TOKEN', `Token ${PAT} is not valid`)],
    ['a 401 message echoing the secret', () => harnessError(401, 'INVALID_TOKEN', `Raw password ${SECRET} not matching`)],
    ['a 400 with the key in responseMessages', () =>
      json(400, { status: 'ERROR', responseMessages: [{ code: 'INVALID_REQUEST', message: `bad key ${PAT}` }] })],
    ['a Harness code echoing the key', () => json(401, { status: 'ERROR', code: PAT, message: 'x' })],
    ['a correlation id echoing the key', () => json(401, { status: 'ERROR', code: 'INVALID_TOKEN', correlationId: PAT })],
    ['a correlation header echoing the key', () => new Response(null, { status: 500, headers: { 'x-harness-correlation-id': PAT } })],
    ['an HTML page echoing the key', () => html(404, `<html>x-api-key: ${PAT}</html>`)],
    ['a 200 HTML page with the key and a correlation header', () =>
      new Response(`<p>${PAT}</p>`, { status: 200, headers: { 'content-type': 'text/html', 'x-harness-correlation-id': SECRET } })],
    ['a SUCCESS for another account echoing the key', () => success({ accountIdentifier: OTHER_ACCOUNT }, { correlationId: PAT })],
    ['a network error quoting the key', () => Promise.reject(new TypeError(`connect failed for x-api-key ${PAT}`))],
    ['a network error quoting the secret', () => Promise.reject(new Error(`reset while sending ${SECRET}`))],
    ['a thrown string quoting the key', () => Promise.reject(`boom ${PAT}`)],
  ];

  it.each(echoes)('%s', async (_name, respond) => {
    const { fetch } = fakeFetch(respond);
    const error = await rejection(verifyHarnessToken({ apiKey: `Bearer ${PAT}` }, { fetch }));
    expectNoSecret(error);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(error.message).not.toContain(SECRET);
    expect(error.detail ?? '').not.toContain(SECRET);
  });

  /** `text` with the key and its secret written as JSON escapes (`\u0070at.…`), as a proxy might echo them. */
  function escapedInJson(text: string): string {
    const escape = (value: string) => `\\u${value.charCodeAt(0).toString(16).padStart(4, '0')}${value.slice(1)}`;
    return text.replaceAll(PAT, escape(PAT)).replaceAll(SECRET, escape(SECRET));
  }

  function rawJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    const text = escapedInJson(JSON.stringify(body));
    expect(text).not.toContain(SECRET);
    return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
  }

  /** Every string an error carries, own properties and the cause's, as a host would see them. */
  function stringsOf(error: HarnessConnectError): string[] {
    const { message, detail, harnessCode, correlationId } = error;
    return [message, detail ?? '', harnessCode ?? '', correlationId ?? '', JSON.stringify(error), String(error), String(error.cause ?? '')];
  }

  const escapedEchoes: Array<[string, Responder]> = [
    ['the key JSON-escaped in message, code and correlationId', () =>
      rawJson(401, { status: 'ERROR', code: `X ${PAT}`, message: `Token ${PAT} is not valid`, correlationId: PAT })],
    ['the secret JSON-escaped in a responseMessages entry', () =>
      rawJson(400, { status: 'ERROR', responseMessages: [{ code: SECRET, message: `Raw password ${SECRET} not matching` }] })],
    ['the key JSON-escaped in a SUCCESS for another account', () =>
      rawJson(200, successBody({ accountIdentifier: OTHER_ACCOUNT }, { correlationId: PAT }))],
    ['the key JSON-escaped beside a header echo', () =>
      rawJson(503, { status: 'ERROR', code: 'UNEXPECTED', message: PAT }, { 'x-harness-correlation-id': `id-${PAT}` })],
  ];

  it.each(escapedEchoes)('is removed after parsing: %s', async (_name, respond) => {
    const { fetch } = fakeFetch(respond);
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch }));
    for (const text of stringsOf(error)) {
      expect(text).not.toContain(PAT);
      expect(text).not.toContain(SECRET);
    }
    // The answer was read (its status kept), and a code or id that held the key is none at all.
    expect(error.status).not.toBeNull();
  });

  it('is removed after parsing from a success that echoes it JSON-escaped', async () => {
    const { fetch } = fakeFetch(() =>
      rawJson(200, successBody({ name: `token ${PAT}`, username: PAT, email: `${SECRET}@example.com`, identifier: SECRET }, { correlationId: PAT })),
    );
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result).toMatchObject({ tokenName: 'token [redacted]', user: { name: '[redacted]', email: '[redacted]@example.com' }, correlationId: null });
  });

  it('marks where the key was removed in the detail', async () => {
    const error = await failWith(() => harnessError(401, 'INVALID_TOKEN', `Token ${PAT} is not valid`));
    expect(error.detail).toContain('[redacted]');
  });

  it('every rejection is a HarnessConnectError with a known code', async () => {
    const codes = new Set<HarnessConnectErrorCode>();
    for (const [, respond] of echoes) {
      const { fetch } = fakeFetch(respond);
      codes.add((await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch }))).code);
    }
    expect(codes.size).toBeGreaterThan(3);
  });
});
