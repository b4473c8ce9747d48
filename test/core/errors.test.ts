import { describe, expect, it } from 'vitest';
import {
  HARNESS_CONNECT_ERROR_CODES,
  HARNESS_CONNECT_ERROR_MESSAGES,
  HarnessConnectError,
  isHarnessConnectError,
  type HarnessConnectErrorCode,
  type HarnessCredentialField,
} from '../../src/core/index.js';
import { isAbortError, toHarnessConnectError } from '../../src/core/errors.js';

/** The table in src/core/errors.ts, written out again so a change to it is a visible decision. */
const TABLE: Record<HarnessConnectErrorCode, { field: HarnessCredentialField | null; retryable: boolean }> = {
  malformed_token: { field: 'apiKey', retryable: false },
  malformed_account: { field: 'accountId', retryable: false },
  account_mismatch: { field: 'accountId', retryable: false },
  invalid_token: { field: 'apiKey', retryable: false },
  expired_token: { field: 'apiKey', retryable: false },
  forbidden: { field: null, retryable: false },
  invalid_request: { field: 'accountId', retryable: false },
  wrong_host: { field: null, retryable: false },
  rate_limited: { field: null, retryable: true },
  unavailable: { field: null, retryable: true },
  timeout: { field: null, retryable: true },
  aborted: { field: null, retryable: false },
  configuration: { field: null, retryable: false },
  unknown: { field: null, retryable: true },
  missing_permissions: { field: null, retryable: false },
  permissions_unknown: { field: null, retryable: true },
  revoked_token: { field: 'apiKey', retryable: false },
  account_inactive: { field: 'accountId', retryable: false },
  principal_disabled: { field: null, retryable: false },
  ip_not_allowed: { field: null, retryable: false },
  principal_mismatch: { field: 'apiKey', retryable: false },
};

describe('HarnessConnectError', () => {
  it('lists every code once, in the order of the table', () => {
    expect([...HARNESS_CONNECT_ERROR_CODES]).toEqual(Object.keys(TABLE));
    expect(new Set(HARNESS_CONNECT_ERROR_CODES).size).toBe(HARNESS_CONNECT_ERROR_CODES.length);
  });

  it.each(HARNESS_CONNECT_ERROR_CODES.map((code) => [code]))('%s has the defaults of the table', (code) => {
    const error = new HarnessConnectError(code);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(HarnessConnectError);
    expect(error.name).toBe('HarnessConnectError');
    expect(error.code).toBe(code);
    expect(error.message).toBe(HARNESS_CONNECT_ERROR_MESSAGES[code]);
    expect(error.field).toBe(TABLE[code].field);
    expect(error.retryable).toBe(TABLE[code].retryable);
    expect(error.correlationId).toBeNull();
    expect(error.status).toBeNull();
    expect(error.harnessCode).toBeNull();
    expect(error.detail).toBeNull();
    expect(error.retryAfterMs).toBeNull();
    expect(error.missing).toBeNull();
    expect(error.granted).toBeNull();
    expect(error.accountName).toBeNull();
    expect(error.principal).toBeNull();
    expect(error.egressIps).toBeNull();
    expect(error.cause).toBeUndefined();
  });

  it('has a user-facing default message for every code', () => {
    for (const code of HARNESS_CONNECT_ERROR_CODES) {
      const message = HARNESS_CONNECT_ERROR_MESSAGES[code];
      expect(message.length).toBeGreaterThan(10);
      expect(message).not.toMatch(/harness-connect:|undefined|null|\bHTTP\b/);
      expect(message.endsWith('.')).toBe(true);
    }
  });

  it('takes every option', () => {
    const cause = new Error('root');
    const error = new HarnessConnectError('invalid_token', {
      message: 'Custom text.',
      field: null,
      retryable: true,
      correlationId: 'c-1',
      status: 401,
      harnessCode: 'INVALID_TOKEN',
      detail: 'HTTP 401',
      retryAfterMs: 1500,
      cause,
    });
    expect(error).toMatchObject({
      code: 'invalid_token',
      message: 'Custom text.',
      field: null,
      retryable: true,
      correlationId: 'c-1',
      status: 401,
      harnessCode: 'INVALID_TOKEN',
      detail: 'HTTP 401',
      retryAfterMs: 1500,
    });
    expect(error.cause).toBe(cause);
  });

  it('lets a field be set for a code that has none, and null override one', () => {
    expect(new HarnessConnectError('forbidden', { field: 'apiKey' }).field).toBe('apiKey');
    expect(new HarnessConnectError('invalid_token', { field: null }).field).toBeNull();
    expect(new HarnessConnectError('invalid_token', { field: undefined }).field).toBe('apiKey');
  });

  it('lets retryable be overridden both ways', () => {
    expect(new HarnessConnectError('unavailable', { retryable: false }).retryable).toBe(false);
    expect(new HarnessConnectError('forbidden', { retryable: true }).retryable).toBe(true);
  });

  it('serialises with toJSON, without the cause and the stack', () => {
    const error = new HarnessConnectError('rate_limited', {
      status: 429,
      retryAfterMs: 2000,
      correlationId: 'corr',
      detail: 'HTTP 429',
      cause: new Error('secret stuff in the cause'),
    });
    const json = error.toJSON();
    expect(json).toEqual({
      name: 'HarnessConnectError',
      code: 'rate_limited',
      message: HARNESS_CONNECT_ERROR_MESSAGES.rate_limited,
      field: null,
      retryable: true,
      correlationId: 'corr',
      status: 429,
      harnessCode: null,
      detail: 'HTTP 429',
      retryAfterMs: 2000,
      missing: null,
      granted: null,
      accountName: null,
      principal: null,
      egressIps: null,
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual(json);
    expect(JSON.stringify(error)).not.toContain('secret stuff');
    expect(JSON.stringify(error)).not.toContain('stack');
  });
});

describe('HarnessConnectError: what a person is told about permissions, identity and the network (#13)', () => {
  const VIEW = { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' };
  const EXECUTE = {
    permission: 'core_pipeline_execute',
    resourceType: 'PIPELINE',
    scope: { orgIdentifier: 'default', projectIdentifier: 'shipyard' },
    resourceIdentifier: 'deploy',
    label: 'Run pipelines',
  };
  const ADA = { kind: 'user' as const, identifier: 'kQ7tR2mX9vLpZ4nW8sYc1A', name: 'Ada Lovelace', email: 'ada@acme.example' };

  it('carries missing, granted, the account name and the principal, and serialises them', () => {
    const error = new HarnessConnectError('missing_permissions', {
      missing: [EXECUTE],
      granted: [VIEW],
      accountName: 'Acme Platform',
      principal: ADA,
    });
    expect(error.toJSON()).toMatchObject({ missing: [EXECUTE], granted: [VIEW], accountName: 'Acme Platform', principal: ADA, egressIps: null });
    expect(toHarnessConnectError(JSON.parse(JSON.stringify(error))).toJSON()).toEqual(error.toJSON());
  });

  it('carries the host’s outbound addresses on ip_not_allowed', () => {
    const error = new HarnessConnectError('ip_not_allowed', { egressIps: ['203.0.113.7', '2001:db8::7'] });
    expect(toHarnessConnectError(JSON.parse(JSON.stringify(error))).egressIps).toEqual(['203.0.113.7', '2001:db8::7']);
  });

  it('tells the person that the IP allow-list blocks the app, and where an admin changes it', () => {
    expect(HARNESS_CONNECT_ERROR_MESSAGES.ip_not_allowed).toMatch(/IP allow-list blocks this app/);
    expect(HARNESS_CONNECT_ERROR_MESSAGES.ip_not_allowed).toMatch(/Authentication → IP allowlist/);
  });

  it.each([
    ['missing as a string', { missing: 'core_pipeline_view' }, { missing: null }],
    ['missing without a resourceType', { missing: [{ permission: 'core_pipeline_view' }] }, { missing: null }],
    ['granted with a numeric label', { granted: [{ ...VIEW, label: 7 }] }, { granted: null }],
    ['a scope that is not an object', { missing: [{ ...VIEW, scope: 'org' }] }, { missing: null }],
    ['accountName as a number', { accountName: 42 }, { accountName: null }],
    ['a principal of another kind', { principal: { ...ADA, kind: 'robot' } }, { principal: null }],
    ['a principal without its fields', { principal: { kind: 'user' } }, { principal: null }],
    ['egressIps with a number', { egressIps: ['203.0.113.7', 7] }, { egressIps: null }],
  ])('drops a serialised error’s %s instead of believing it', (_name, fields, expected) => {
    const rebuilt = toHarnessConnectError({ name: 'HarnessConnectError', code: 'missing_permissions', ...fields });
    expect(rebuilt).toMatchObject(expected);
  });

  it('keeps only the known fields of a serialised requirement and principal', () => {
    const rebuilt = toHarnessConnectError({
      name: 'HarnessConnectError',
      code: 'missing_permissions',
      missing: [{ ...EXECUTE, internalNote: 'x' }],
      principal: { ...ADA, password: 'hunter2' },
    });
    expect(rebuilt.missing).toEqual([EXECUTE]);
    expect(rebuilt.principal).toEqual(ADA);
  });
});

describe('HarnessConnectError given a polluted Object.prototype', () => {
  // What a separate bug in a host (a deep merge of request JSON) could put on every object.
  const POLLUTION: Record<string, unknown> = {
    message: 'Pay at attacker.example to continue.',
    field: 'accountId',
    retryable: false,
    correlationId: 'forged',
    status: 418,
    harnessCode: 'FORGED',
    detail: 'forged detail',
    retryAfterMs: 86_400_000,
    missing: [{ permission: 'core_account_edit', resourceType: 'ACCOUNT' }],
    granted: [],
    accountName: 'Forged Inc.',
    principal: { type: 'USER', identifier: 'mallory', name: 'Mallory', email: null },
    egressIps: ['203.0.113.66'],
    cause: 'forged cause',
  };

  it('takes only the options its caller set: an error made with none, or with its own, keeps them', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    let plain: HarnessConnectError;
    let own: HarnessConnectError;
    try {
      Object.assign(prototype, POLLUTION);
      plain = new HarnessConnectError('rate_limited');
      own = new HarnessConnectError('unavailable', { detail: 'HTTP 503', status: 503 });
    } finally {
      for (const name of Object.keys(POLLUTION)) delete prototype[name];
    }
    expect(plain.toJSON()).toEqual({
      name: 'HarnessConnectError',
      code: 'rate_limited',
      message: HARNESS_CONNECT_ERROR_MESSAGES.rate_limited,
      field: null,
      retryable: true,
      correlationId: null,
      status: null,
      harnessCode: null,
      detail: null,
      retryAfterMs: null,
      missing: null,
      granted: null,
      accountName: null,
      principal: null,
      egressIps: null,
    });
    expect(Object.hasOwn(plain, 'cause')).toBe(false);
    expect(own).toMatchObject({ message: HARNESS_CONNECT_ERROR_MESSAGES.unavailable, detail: 'HTTP 503', status: 503, retryAfterMs: null });
    expect(Object.hasOwn(own, 'cause')).toBe(false);
  });
});

describe('isHarnessConnectError', () => {
  it('is true for an instance', () => {
    expect(isHarnessConnectError(new HarnessConnectError('timeout'))).toBe(true);
  });

  it('is true for a plain-object clone (another realm, a JSON answer)', () => {
    const clone = JSON.parse(JSON.stringify(new HarnessConnectError('expired_token', { status: 401 })));
    expect(clone).not.toBeInstanceOf(HarnessConnectError);
    expect(isHarnessConnectError(clone)).toBe(true);
    expect(isHarnessConnectError(structuredClone(new HarnessConnectError('forbidden').toJSON()))).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'HarnessConnectError'],
    ['a plain Error', new Error('x')],
    ['another name', { name: 'Error', code: 'timeout' }],
    ['an unknown code', { name: 'HarnessConnectError', code: 'nope' }],
    ['a non-string code', { name: 'HarnessConnectError', code: 1 }],
    ['no code', { name: 'HarnessConnectError' }],
    ['an Error with a code from another library', Object.assign(new Error('x'), { code: 'ECONNRESET' })],
  ])('is false for %s', (_name, value) => {
    expect(isHarnessConnectError(value)).toBe(false);
  });
});

describe('toHarnessConnectError', () => {
  it('passes an existing error through unchanged', () => {
    const error = new HarnessConnectError('forbidden', { status: 403 });
    expect(toHarnessConnectError(error)).toBe(error);
  });

  it('rebuilds a plain-object clone with all its fields', () => {
    const original = new HarnessConnectError('invalid_token', {
      message: 'Nope.',
      status: 401,
      harnessCode: 'INVALID_TOKEN',
      correlationId: 'abc',
      detail: 'HTTP 401 with INVALID_TOKEN',
      retryAfterMs: null,
    });
    const rebuilt = toHarnessConnectError(JSON.parse(JSON.stringify(original)));
    expect(rebuilt).toBeInstanceOf(HarnessConnectError);
    expect(rebuilt.toJSON()).toEqual(original.toJSON());
  });

  it('keeps a null field of a clone as null', () => {
    const clone = JSON.parse(JSON.stringify(new HarnessConnectError('invalid_token', { field: null })));
    expect(toHarnessConnectError(clone).field).toBeNull();
  });

  it('gives a minimal plain object the defaults of its code', () => {
    const rebuilt = toHarnessConnectError({ name: 'HarnessConnectError', code: 'invalid_token' });
    expect(rebuilt.code).toBe('invalid_token');
    expect(rebuilt.message).toBe(HARNESS_CONNECT_ERROR_MESSAGES.invalid_token);
    expect(rebuilt.field).toBe('apiKey');
    expect(rebuilt.retryable).toBe(false);
    expect(toHarnessConnectError({ name: 'HarnessConnectError', code: 'unavailable' }).retryable).toBe(true);
  });

  it('ignores a field or retryable of the wrong type in a plain object', () => {
    const rebuilt = toHarnessConnectError({
      name: 'HarnessConnectError',
      code: 'expired_token',
      field: 'password',
      retryable: 'yes',
    });
    expect(rebuilt.field).toBe('apiKey');
    expect(rebuilt.retryable).toBe(false);
  });

  describe('given a serialised error from a route or a proxy that lies', () => {
    const serialised = (fields: Record<string, unknown>) => toHarnessConnectError({ name: 'HarnessConnectError', code: 'invalid_token', ...fields });

    it('believes each field only in its own type', () => {
      const rebuilt = serialised({ status: 'x', correlationId: { a: 1 }, retryAfterMs: 'soon', harnessCode: 7, detail: ['d'], message: 42 });
      expect(rebuilt).toMatchObject({ status: null, correlationId: null, retryAfterMs: null, harnessCode: null, detail: null });
      expect(rebuilt.message).toBe(HARNESS_CONNECT_ERROR_MESSAGES.invalid_token);
    });

    it.each([
      [401, 401],
      [599, 599],
      [0, null],
      [99, null],
      [600, null],
      [401.5, null],
      [Number.NaN, null],
    ])('takes status %s as %s (an HTTP status is a whole number from 100 to 599)', (status, expected) => {
      expect(serialised({ status }).status).toBe(expected);
    });

    it.each([
      [30_000, 30_000],
      [1e308, 600_000],
      [-5, 0],
      [Number.POSITIVE_INFINITY, null],
      [Number.NaN, null],
    ])('takes retryAfterMs %s as %s (finite, clamped like Retry-After)', (retryAfterMs, expected) => {
      expect(serialised({ retryAfterMs }).retryAfterMs).toBe(expected);
    });

    it('takes no Harness code or correlation id that is not shaped like one', () => {
      const forged = serialised({ harnessCode: 'INVALID_TOKEN\nHTTP status: 200', correlationId: 'abc\nCode: ok' });
      expect(forged).toMatchObject({ harnessCode: null, correlationId: null });
      expect(serialised({ harnessCode: 'INVALID_TOKEN', correlationId: 'c0ffee00-1234' })).toMatchObject({
        harnessCode: 'INVALID_TOKEN',
        correlationId: 'c0ffee00-1234',
      });
    });

    it('drops the line breaks of the fields a person reads on one line', () => {
      const rebuilt = serialised({
        message: 'Nope.\r\nCode: ok',
        accountName: 'Acme\nCorp',
        principal: { kind: 'user', identifier: 'u\u2028v', name: 'Ada\nL', email: null },
        egressIps: ['203.0.113.7\n198.51.100.1'],
        missing: [{ permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View\npipelines' }],
      });
      expect(rebuilt).toMatchObject({
        message: 'Nope. Code: ok',
        accountName: 'Acme Corp',
        principal: { kind: 'user', identifier: 'u v', name: 'Ada L', email: null },
        egressIps: ['203.0.113.7 198.51.100.1'],
        missing: [{ permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' }],
      });
    });

    it('carries no cause a serialised error names', () => {
      expect(serialised({ cause: { secret: 'x' } }).cause).toBeUndefined();
    });
  });

  it('turns a plain Error into unknown, keeping its text as detail only', () => {
    const cause = new Error('Database exploded at row 12');
    const error = toHarnessConnectError(cause);
    expect(error).toBeInstanceOf(HarnessConnectError);
    expect(error.code).toBe('unknown');
    expect(error.message).toBe(HARNESS_CONNECT_ERROR_MESSAGES.unknown);
    expect(error.detail).toBe('Database exploded at row 12');
    expect(error.retryable).toBe(true);
    expect(error.field).toBeNull();
    expect(error.cause).toBe(cause);
  });

  it('turns a TypeError into unknown', () => {
    expect(toHarnessConnectError(new TypeError('fetch failed'))).toMatchObject({ code: 'unknown', detail: 'fetch failed' });
  });

  it('turns a thrown string into unknown with the string as detail', () => {
    expect(toHarnessConnectError('boom')).toMatchObject({ code: 'unknown', detail: 'boom' });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 5],
    ['an object', { what: 'ever' }],
  ])('turns %s into unknown without detail', (_name, value) => {
    expect(toHarnessConnectError(value)).toMatchObject({ code: 'unknown', detail: null });
  });

  it('turns a TimeoutError DOMException (AbortSignal.timeout) into timeout', () => {
    const error = toHarnessConnectError(new DOMException('The operation timed out.', 'TimeoutError'));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('turns an AbortError DOMException into aborted', () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const error = toHarnessConnectError(abort);
    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(HARNESS_CONNECT_ERROR_MESSAGES.aborted);
    expect(error.cause).toBe(abort);
  });

  it('turns the reason of an aborted AbortController into aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toHarnessConnectError(controller.signal.reason).code).toBe('aborted');
  });

  it('isAbortError recognises AbortError by name only', () => {
    expect(isAbortError(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbortError(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe(true);
    expect(isAbortError(new Error('AbortError'))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
    expect(isAbortError(null)).toBe(false);
  });
});

describe('toHarnessConnectError with the key being verified', () => {
  const key = 'pat.QckRHsqq_el0PWRb2kqkgU.9X2XyKdHizBGT0LrAcAYWAPq.bh8as5pih1J286f35yAD';
  const secret = key.slice(key.lastIndexOf('.') + 1);

  it('removes the key and its secret from a host Error’s text', () => {
    const error = toHarnessConnectError(new Error(`backend refused ${key} (secret ${secret})`), key);
    expect(error.code).toBe('unknown');
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(error.detail).toBe('backend refused [redacted] (secret [redacted])');
  });

  it('removes it from a serialised error’s message and detail, keeping code and field', () => {
    const error = toHarnessConnectError(
      { name: 'HarnessConnectError', code: 'invalid_token', message: `bad ${secret}`, detail: `got ${key}`, field: 'apiKey' },
      key,
    );
    expect(error).toMatchObject({ code: 'invalid_token', field: 'apiKey', message: 'bad [redacted]', detail: 'got [redacted]' });
  });

  it('removes it from every string of a serialised error: a harnessCode or correlationId that held it is none (#12)', () => {
    const error = toHarnessConnectError(
      { name: 'HarnessConnectError', code: 'invalid_token', harnessCode: `X-${key}`, correlationId: secret, detail: `d ${secret}` },
      key,
    );
    expect(error).toMatchObject({ harnessCode: null, correlationId: null, detail: 'd [redacted]' });
  });

  /** Every string reachable from `root` through own properties (enumerable or not) and causes. */
  function reachableStrings(root: unknown): string[] {
    const strings: string[] = [];
    const seen = new Set<unknown>();
    const visit = (value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
      seen.add(value);
      for (const name of Reflect.ownKeys(value)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, name)!;
        visit('value' in descriptor ? descriptor.value : undefined);
      }
    };
    visit(root);
    return strings;
  }

  it.each([
    [
      'an axios-style Error',
      () =>
        Object.assign(new Error(`Request failed with status code 500 for ${key}`), {
          name: 'AxiosError',
          isAxiosError: true,
          config: { url: '/api/harness/connect', data: JSON.stringify({ apiKey: key }), headers: { 'x-api-key': key } },
          request: { body: key },
        }),
    ],
    [
      'an axios-style plain object',
      () => ({ message: `failed: ${secret}`, config: { data: `{"apiKey":"${key}"}` }, response: { data: { echo: key } } }),
    ],
    ['an Error whose cause holds the key', () => new Error('wrapped', { cause: { config: { data: key } } })],
    ['a HarnessConnectError whose cause holds the key', () => new HarnessConnectError('unknown', { cause: { config: { data: key } } })],
    ['an AbortError carrying the key', () => Object.assign(new DOMException('aborted', 'AbortError'), { request: key })],
  ])('keeps nothing reachable that holds the key: %s (#12)', (_name, make) => {
    const raw = make();
    expect(reachableStrings(raw).join(' ')).toContain(secret);
    const error = toHarnessConnectError(raw, key);
    expect(error).toBeInstanceOf(HarnessConnectError);
    expect(error.cause).toBeUndefined();
    for (const text of reachableStrings(error)) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(secret);
    }
  });

  it('keeps the raw cause when no key is given (a host that opts out of nothing loses nothing)', () => {
    const raw = Object.assign(new Error('x'), { config: { data: 'y' } });
    expect(toHarnessConnectError(raw).cause).toBe(raw);
  });

  it('removes it from the account name, the principal and the labels an error carries (#13)', () => {
    const error = toHarnessConnectError(
      {
        name: 'HarnessConnectError',
        code: 'missing_permissions',
        accountName: `Acme ${key}`,
        principal: { kind: 'user', identifier: secret, name: `Ada ${secret}`, email: null },
        missing: [{ permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: `see ${secret}` }],
      },
      key,
    );
    expect(error).toMatchObject({
      accountName: 'Acme [redacted]',
      principal: { kind: 'user', identifier: '[redacted]', name: 'Ada [redacted]', email: null },
      missing: [{ permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'see [redacted]' }],
    });
    expect(JSON.stringify(error)).not.toContain(secret);
  });

  it('returns an error that holds no key as it is', () => {
    const original = new HarnessConnectError('rate_limited');
    expect(toHarnessConnectError(original, key)).toBe(original);
  });
});
