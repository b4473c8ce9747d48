import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarnessConnectHandler, HarnessConnectError, type HarnessVerifiedConnection } from '../../src/server/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';
import { MAX_ANSWER_TEXT_CHARS } from '../../src/server/answers.js';

let harness: HarnessMockServer;
let base: { baseUrl: string; allowedHosts: string[] };

beforeAll(async () => {
  harness = await startHarnessMockServer();
  base = { baseUrl: harness.url, allowedHosts: [new URL(harness.url).host] };
});
afterEach(() => harness.mock.reset());
afterAll(() => harness.close());

function post(body: unknown, init: RequestInit = {}): Request {
  return new Request('https://saas.example/api/harness/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

describe('createHarnessConnectHandler', () => {
  describe('given valid credentials', () => {
    it('answers 200 with the connection, the integrator’s fields, and never the key', async () => {
      const onVerified = vi.fn(async (connection: HarnessVerifiedConnection, context: { apiKey: string }) => {
        expect(context.apiKey).toBe(TOKENS.pat);
        return { connectionId: 'conn_1', ok: false, connection: 'overridden?' };
      });
      const handler = createHarnessConnectHandler({ ...base, onVerified });
      const response = await handler(post({ apiKey: `  ${TOKENS.pat}\n`, accountId: ACCOUNTS.primary.id }));
      const text = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = JSON.parse(text);
      expect(body).toMatchObject({
        ok: true,
        connectionId: 'conn_1',
        connection: { provider: 'harness', accountId: ACCOUNTS.primary.id, tokenKind: 'pat', tokenName: 'ci-pipeline', expiresAt: '2031-01-01T00:00:00.000Z' },
      });
      expect(new Date(body.connection.verifiedAt).getTime()).toBeGreaterThan(Date.now() - 10_000);
      expect(onVerified).toHaveBeenCalledTimes(1);
      expect(text).not.toContain(TOKENS.pat.slice(-20));
    });

    it('takes the account from the token when none is sent', async () => {
      const response = await createHarnessConnectHandler(base)(post({ apiKey: TOKENS.sat }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ connection: { accountId: ACCOUNTS.primary.id, tokenKind: 'sat', expiresAt: null } });
    });
  });

  describe('given credentials Harness or the local checks reject', () => {
    it.each([
      ['a malformed key', { apiKey: 'hello' }, 'malformed_token', 'apiKey'],
      ['an expired key', { apiKey: TOKENS.expired }, 'expired_token', 'apiKey'],
      ['a mismatched account', { apiKey: TOKENS.pat, accountId: ACCOUNTS.other.id }, 'account_mismatch', 'accountId'],
      ['a revoked key', { apiKey: TOKENS.revoked }, 'invalid_token', 'apiKey'],
    ] as const)('answers 422 for %s, naming the field, without the key', async (_name, credentials, code, field) => {
      const onVerified = vi.fn();
      const onError = vi.fn();
      const response = await createHarnessConnectHandler({ ...base, onVerified, onError })(post(credentials));
      const text = await response.text();
      expect(response.status).toBe(422);
      expect(JSON.parse(text)).toMatchObject({ ok: false, error: { name: 'HarnessConnectError', code, field } });
      expect(onVerified).not.toHaveBeenCalled();
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code }), expect.any(Request));
      expect(text).not.toContain(credentials.apiKey.slice(-20));
    });

    it('answers 429 without retrying, and no Retry-After when Harness gave none', async () => {
      harness.mock.setFault('rate_limited');
      const response = await createHarnessConnectHandler(base)(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBeNull();
      expect(harness.mock.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(await response.json()).toMatchObject({ error: { code: 'rate_limited', retryable: true } });
    });

    it('passes Harness’s Retry-After on to the browser', async () => {
      const fetch429 = async () => new Response('', { status: 429, headers: { 'retry-after': '7' } });
      const response = await createHarnessConnectHandler({ fetch: fetch429 })(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(await response.json()).toMatchObject({ error: { code: 'rate_limited', retryAfterMs: 7000 } });
    });

    it('answers 502 when Harness stays down after one retry', async () => {
      harness.mock.setFault('service_unavailable');
      const response = await createHarnessConnectHandler(base)(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ error: { code: 'unavailable', retryable: true } });
      expect(harness.mock.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    });

    it('answers 500 and reports nothing as connected when onVerified fails', async () => {
      const handler = createHarnessConnectHandler({
        ...base,
        onVerified: () => {
          throw new Error('database down');
        },
      });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body).toMatchObject({ ok: false, error: { code: 'unknown', retryable: true } });
      expect(body.connection).toBeUndefined();
    });

    it('answers 500 configuration for a base URL that is not Harness', async () => {
      const response = await createHarnessConnectHandler({ baseUrl: 'https://example.com' })(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: { code: 'configuration' } });
      expect(harness.mock.requests).toHaveLength(0);
    });
  });

  describe('given limits that are not limits', () => {
    it.each([
      ['maxBodyBytes', Number.NaN],
      ['maxBodyBytes', -1],
      ['maxBodyBytes', 0],
      ['maxBodyBytes', Number.POSITIVE_INFINITY],
      ['maxBodyBytes', '8192'],
      ['bodyTimeoutMs', Number.NaN],
      ['bodyTimeoutMs', -5],
      ['bodyTimeoutMs', Number.POSITIVE_INFINITY],
      ['bodyTimeoutMs', '10s'],
    ])('refuses %s: %s at creation with a configuration error saying what to pass', (name, value) => {
      let thrown: unknown;
      try {
        createHarnessConnectHandler({ [name]: value });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HarnessConnectError);
      expect(thrown).toMatchObject({ code: 'configuration' });
      expect((thrown as HarnessConnectError).message).toMatch(new RegExp(`^harness-connect: ${name} must be a number .* greater than 0`));
    });

    it('takes the defaults when they are left out', () => {
      expect(() => createHarnessConnectHandler({ maxBodyBytes: undefined, bodyTimeoutMs: undefined })).not.toThrow();
    });
  });

  describe('given a request it cannot take', () => {
    const handler = createHarnessConnectHandler({ baseUrl: 'https://app.harness.io' });

    it('answers 405 with Allow for another method', async () => {
      const response = await handler(new Request('https://saas.example/x', { method: 'GET' }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'method_not_allowed' } });
    });

    it('answers 415 for a body that is not JSON by type', async () => {
      const response = await handler(post(`apiKey=${TOKENS.pat}`, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
      expect(response.status).toBe(415);
      expect(await response.text()).not.toContain(TOKENS.pat.slice(-20));
    });

    it('answers 413 for an oversized body, declared or streamed', async () => {
      const big = JSON.stringify({ apiKey: TOKENS.pat, padding: 'x'.repeat(20_000) });
      expect((await handler(post(big))).status).toBe(413);
      const small = createHarnessConnectHandler({ maxBodyBytes: 64 });
      expect((await small(post({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }))).status).toBe(413);
    });

    it.each([
      ['broken JSON', '{"apiKey":'],
      ['an array', '[1,2]'],
      ['a number for the key', '{"apiKey": 42}'],
      ['a number for the account', `{"apiKey":"${TOKENS.pat}","accountId":7}`],
    ])('answers 400 for %s', async (_name, body) => {
      const response = await handler(post(body));
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(text).not.toContain(TOKENS.pat.slice(-20));
    });
  });
  describe('given a client or an integrator that fails midway', () => {
    /** A request whose body stream sends `sent`, then fails with `reason`. */
    function failingBody(sent: string, reason: unknown, signal?: AbortSignal): Request {
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls += 1;
          if (pulls === 1) controller.enqueue(new TextEncoder().encode(sent));
          else controller.error(reason);
        },
      });
      const init: RequestInit & { duplex: 'half' } = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
        signal,
      };
      return new Request('https://saas.example/api/harness/connect', init);
    }

    it('answers when the body stream fails, without calling Harness', async () => {
      const handler = createHarnessConnectHandler(base);
      const response = await handler(failingBody(`{"apiKey":"${TOKENS.pat.slice(0, 20)}`, new TypeError('socket hang up')));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(harness.mock.requests).toHaveLength(0);
    });

    it('answers when the client disconnects mid-body', async () => {
      const client = new AbortController();
      const request = failingBody('{"apiKey":', new DOMException('The client disconnected', 'AbortError'), client.signal);
      client.abort();
      const response = await createHarnessConnectHandler(base)(request);
      expect(response).toBeInstanceOf(Response);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(harness.mock.requests).toHaveLength(0);
    });

    it('still answers when onError throws', async () => {
      const onError = vi.fn(() => {
        throw new Error('logger down');
      });
      const response = await createHarnessConnectHandler({ ...base, onError })(post({ apiKey: TOKENS.revoked }));
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_token' } });
      expect(onError).toHaveBeenCalledTimes(1);
    });

    it('still answers, with no unhandled rejection, when an async onError rejects', async () => {
      const unhandled = vi.fn();
      process.on('unhandledRejection', unhandled);
      try {
        // A plain async function, not vi.fn: a spy handles the promises its function returns.
        let calls = 0;
        const onError = async () => {
          calls += 1;
          throw new Error('logger down');
        };
        const response = await createHarnessConnectHandler({ ...base, onError })(post({ apiKey: TOKENS.revoked }));
        expect(response.status).toBe(422);
        // Unhandled rejections are reported after the microtask queue drains.
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(unhandled).not.toHaveBeenCalled();
        expect(calls).toBe(1);
      } finally {
        process.off('unhandledRejection', unhandled);
      }
    });
  });
  describe('given a slow body or an unbounded Retry-After', () => {
    /** A request whose body sends the start of a JSON object, then nothing more. */
    function stalledBody(): Request {
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return new Promise<void>(() => {});
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"apiKey":'));
          return undefined;
        },
      });
      const init: RequestInit & { duplex: 'half' } = { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' };
      return new Request('https://saas.example/api/harness/connect', init);
    }

    it('answers 408 request_timeout when the body does not arrive within bodyTimeoutMs', async () => {
      const started = Date.now();
      const response = await createHarnessConnectHandler({ ...base, bodyTimeoutMs: 50 })(stalledBody());
      expect(response.status).toBe(408);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'request_timeout' } });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(harness.mock.requests).toHaveLength(0);
    });

    it('waits for a body when bodyTimeoutMs is longer than a timer keeps (2^31-1 ms)', async () => {
      const text = JSON.stringify({ apiKey: TOKENS.pat });
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          // The body arrives a little later, as a slow client's does.
          await new Promise((resolve) => setTimeout(resolve, 30));
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
      const init: RequestInit & { duplex: 'half' } = { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' };
      const response = await createHarnessConnectHandler({ ...base, bodyTimeoutMs: 3_000_000_000 })(
        new Request('https://saas.example/api/harness/connect', init),
      );
      expect(response.status).toBe(200);
    });

    it('waits 10 s for a body by default', async () => {
      vi.useFakeTimers();
      try {
        let settled = false;
        const pending = createHarnessConnectHandler(base)(stalledBody()).then((response) => {
          settled = true;
          return response;
        });
        await vi.advanceTimersByTimeAsync(9_999);
        expect(settled).toBe(false);
        await vi.advanceTimersByTimeAsync(1);
        expect((await pending).status).toBe(408);
      } finally {
        vi.useRealTimers();
      }
    });

    it('never sends retry-after: Infinity, whatever Harness says', async () => {
      // A wait of eleven days, in seconds: bounded on the way through.
      const fetch429 = async () => new Response('', { status: 429, headers: { 'retry-after': '999999' } });
      const response = await createHarnessConnectHandler({ fetch: fetch429 })(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(429);
      const header = response.headers.get('retry-after') ?? '';
      expect(header).toMatch(/^\d+$/);
      expect(Number(header)).toBeGreaterThan(0);
      expect(Number(header)).toBeLessThanOrEqual(3600);
      const { error } = await response.json();
      expect(error.retryAfterMs).toBe(Number(header) * 1000);

      // A number too large for any clock is no wait at all: no header, rather than `Infinity`.
      const absurd = async () => new Response('', { status: 429, headers: { 'retry-after': '1e308' } });
      const second = await createHarnessConnectHandler({ fetch: absurd })(post({ apiKey: TOKENS.pat }));
      expect(second.headers.get('retry-after')).toBeNull();
    });

    it.each([
      ['an infinite wait', Infinity, '3600'],
      ['a wait of days', 5 * 24 * 3600 * 1000, '3600'],
      ['a negative wait', -5000, '0'],
      ['a wait of 1.2 s', 1200, '2'],
      ['not a number', NaN, null],
    ])('clamps %s to a whole number of seconds in retry-after', async (_name, retryAfterMs, expected) => {
      const handler = createHarnessConnectHandler({
        ...base,
        onVerified: () => {
          throw new HarnessConnectError('rate_limited', { retryAfterMs });
        },
      });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe(expected);
    });
  });
  describe('given an upstream that answers with internal details', () => {
    const INTERNAL = 'db-primary.internal.corp.example';
    /** A 50 KB message naming internal hosts, as a chatty proxy or a misconfigured gateway sends. */
    const chatty = `upstream ${INTERNAL}:5432 refused; trace: ${'at gateway-7.internal.corp.example '.repeat(1500)}`;

    it('answers its own short detail and keeps the full text for onError', async () => {
      expect(chatty.length).toBeGreaterThan(50_000);
      const envelope = { status: 'ERROR', code: 'INVALID_REQUEST', message: chatty, correlationId: 'c0ffee00-1234-4abc-8def-0123456789ab' };
      const fetch400 = async () => new Response(JSON.stringify(envelope), { status: 400, headers: { 'content-type': 'application/json' } });
      const onError = vi.fn();
      const response = await createHarnessConnectHandler({ fetch: fetch400, onError })(post({ apiKey: TOKENS.pat }));
      const text = await response.text();

      expect(response.status).toBe(422);
      expect(text).not.toContain('internal.corp');
      expect(text.length).toBeLessThan(2_000);
      const { error } = JSON.parse(text);
      expect(error).toMatchObject({ code: 'invalid_request', status: 400, harnessCode: 'INVALID_REQUEST', correlationId: envelope.correlationId });
      expect(error.detail).toContain('400');
      expect(error.detail.length).toBeLessThanOrEqual(300);
      expect(error.message.length).toBeLessThanOrEqual(300);
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0].detail).toContain(INTERNAL);
    });

    it('answers no Harness code or correlation id that is not shaped like one', async () => {
      const envelope = { status: 'ERROR', code: `${INTERNAL} ${'X'.repeat(5000)}`, message: 'no', correlationId: `see ${INTERNAL}` };
      const fetch400 = async () => new Response(JSON.stringify(envelope), { status: 400, headers: { 'content-type': 'application/json' } });
      const response = await createHarnessConnectHandler({ fetch: fetch400 })(post({ apiKey: TOKENS.pat }));
      const text = await response.text();
      expect(text).not.toContain('internal.corp');
      expect(JSON.parse(text).error).toMatchObject({ harnessCode: null, correlationId: null });
    });

    it('answers no part of the key a proxy echoed JSON-escaped', async () => {
      const secret = TOKENS.pat.slice(TOKENS.pat.lastIndexOf('.') + 1);
      // `\u0062` is "b": the raw body does not contain the secret, the parsed envelope does.
      const escaped = `\\u00${secret.charCodeAt(0).toString(16)}${secret.slice(1)}`;
      const body = `{"status":"ERROR","code":"INVALID_REQUEST","message":"bad key ${escaped}","correlationId":"${escaped}"}`;
      expect(body).not.toContain(secret);
      const fetch400 = async () => new Response(body, { status: 400, headers: { 'content-type': 'application/json' } });
      const text = await (await createHarnessConnectHandler({ fetch: fetch400 })(post({ apiKey: TOKENS.pat }))).text();
      expect(text).not.toContain(secret);
      expect(JSON.parse(text).error).toMatchObject({ code: 'invalid_request', correlationId: null });
    });

    it('does not answer what a network failure says about internal hosts', async () => {
      const unreachable = async () => {
        throw new TypeError(`getaddrinfo ENOTFOUND ${INTERNAL}`);
      };
      const onError = vi.fn();
      const response = await createHarnessConnectHandler({ fetch: unreachable, retry: false, onError })(post({ apiKey: TOKENS.pat }));
      const text = await response.text();
      expect(response.status).toBe(502);
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'unavailable' } });
      expect(text).not.toContain('internal.corp');
      expect(onError.mock.calls[0]![0].detail).toContain(INTERNAL);
    });

    it('answers no status an integrator’s error carries that is not an HTTP status', async () => {
      const handler = createHarnessConnectHandler({
        ...base,
        onVerified: () => {
          throw new HarnessConnectError('forbidden', { status: 7 });
        },
      });
      const { error } = await (await handler(post({ apiKey: TOKENS.pat }))).json();
      expect(error).toMatchObject({ code: 'forbidden', status: null });
    });

    it('caps a message an integrator’s error carries', async () => {
      const handler = createHarnessConnectHandler({
        ...base,
        onVerified: () => {
          throw new HarnessConnectError('forbidden', { message: 'This account is linked elsewhere. '.repeat(100), detail: `insert into ${INTERNAL} failed` });
        },
      });
      const text = await (await handler(post({ apiKey: TOKENS.pat }))).text();
      const { error } = JSON.parse(text);
      expect(error.message.length).toBeLessThanOrEqual(300);
      expect(error.message).toMatch(/^This account is linked elsewhere\./);
      expect(text).not.toContain('internal.corp');
    });
  });
  describe('given a beforeVerify hook', () => {
    const harnessPosts = () => harness.mock.requests.filter((r) => r.method === 'POST');

    it('answers with the Response it returns, before reading the body or calling Harness', async () => {
      const onVerified = vi.fn();
      const beforeVerify = vi.fn(async () => new Response('{"error":"sign in"}', { status: 401, headers: { 'x-from': 'host' } }));
      const request = post({ apiKey: TOKENS.pat });
      const response = await createHarnessConnectHandler({ ...base, beforeVerify, onVerified })(request);
      expect(response.status).toBe(401);
      expect(response.headers.get('x-from')).toBe('host');
      expect(await response.text()).toBe('{"error":"sign in"}');
      expect(beforeVerify).toHaveBeenCalledWith(request);
      expect(request.bodyUsed).toBe(false);
      expect(harnessPosts()).toHaveLength(0);
      expect(onVerified).not.toHaveBeenCalled();
    });

    it('lets a host’s limiter answer 429 with Retry-After', async () => {
      let attempts = 0;
      const handler = createHarnessConnectHandler({
        ...base,
        beforeVerify() {
          attempts += 1;
          if (attempts > 2) return new Response(null, { status: 429, headers: { 'retry-after': '60' } });
          return undefined;
        },
      });
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await handler(post({ apiKey: TOKENS.revoked }))).status);
      expect(statuses).toEqual([422, 422, 429]);
      expect(harnessPosts()).toHaveLength(2);
    });

    it('continues when it returns nothing, sync or async', async () => {
      const sync = createHarnessConnectHandler({ ...base, beforeVerify: () => undefined });
      const async = createHarnessConnectHandler({ ...base, beforeVerify: async () => {} });
      expect((await sync(post({ apiKey: TOKENS.pat }))).status).toBe(200);
      expect((await async(post({ apiKey: TOKENS.pat }))).status).toBe(200);
    });

    it('answers 500 without calling Harness when it throws, and tells onError', async () => {
      const onError = vi.fn();
      const thrown = new Error('session store at redis.internal.corp.example unreachable');
      const handler = createHarnessConnectHandler({
        ...base,
        onError,
        beforeVerify: async () => {
          throw thrown;
        },
      });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'unknown', retryable: true } });
      expect(text).not.toContain('internal.corp');
      expect(harnessPosts()).toHaveLength(0);
      // What it threw is described in the detail; the thrown value itself is not passed on (it may hold anything).
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'unknown' }), expect.any(Request));
      expect(onError.mock.calls[0]![0].cause).toBeUndefined();
      expect(onError.mock.calls[0]![0].detail).toBe(`beforeVerify threw Error: ${thrown.message}`);
    });

    it('answers 500 without calling Harness when it returns something that is not a Response', async () => {
      // A host that returns `{ status: 401 }` meant to refuse: continuing would verify for a stranger.
      const beforeVerify = (() => ({ status: 401 })) as unknown as () => undefined;
      const response = await createHarnessConnectHandler({ ...base, beforeVerify })(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(500);
      expect(harnessPosts()).toHaveLength(0);
    });
  });

  describe('given an onVerified that returns what it stored', () => {
    const secret = TOKENS.pat.slice(TOKENS.pat.lastIndexOf('.') + 1);

    it('answers its fields without the key or its secret, in any string at any depth', async () => {
      const handler = createHarnessConnectHandler({
        ...base,
        onVerified: (connection, { apiKey }) => ({
          row: { ...connection, apiKey },
          audit: [{ note: `linked with ${apiKey}` }, { secretOnly: `…${secret}` }],
          [apiKey]: 'a key used as a name',
          connectionId: 'conn_1',
        }),
      });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).not.toContain(secret);
      const body = JSON.parse(text);
      expect(body).toMatchObject({ ok: true, connectionId: 'conn_1', row: { apiKey: '[redacted]', tokenKind: 'pat' } });
      expect(body.audit).toEqual([{ note: 'linked with [redacted]' }, { secretOnly: '…[redacted]' }]);
      expect(body['[redacted]']).toBe('a key used as a name');
    });

    it('answers none of the emails Harness named unless includeEmail is set', async () => {
      const onVerified = (connection: HarnessVerifiedConnection) => ({ row: connection, contact: `mail ${connection.user?.email}` });
      const hidden = await createHarnessConnectHandler({ ...base, onVerified })(post({ apiKey: TOKENS.pat }));
      const hiddenText = await hidden.text();
      expect(hiddenText).not.toContain('ada@acme.example');
      expect(JSON.parse(hiddenText)).toMatchObject({ row: { user: { email: '[redacted]' } }, contact: 'mail [redacted]' });

      const shown = await createHarnessConnectHandler({ ...base, onVerified, includeEmail: true })(post({ apiKey: TOKENS.pat }));
      expect(await shown.json()).toMatchObject({ row: { user: { email: 'ada@acme.example' } }, contact: 'mail ada@acme.example' });
    });

    it('answers what JSON makes of its values, as before', async () => {
      const linkedAt = new Date(Date.UTC(2030, 0, 2));
      const onVerified = () => ({ linkedAt, count: 3, flags: [true, null] });
      const response = await createHarnessConnectHandler({ ...base, onVerified })(post({ apiKey: TOKENS.pat }));
      expect(await response.json()).toMatchObject({ linkedAt: '2030-01-02T00:00:00.000Z', count: 3, flags: [true, null] });
    });
  });

  describe('given an onVerified that writes the key onto the connection it is handed', () => {
    const secret = TOKENS.pat.slice(TOKENS.pat.lastIndexOf('.') + 1);

    it('answers the route’s own connection, without the fields it added', async () => {
      const handler = createHarnessConnectHandler({
        ...base,
        onVerified(connection, { apiKey }) {
          // A host that stores "the connection plus its key" by decorating the object it was given.
          Object.assign(connection, { apiKey, secretHint: apiKey.slice(-20), tokenName: apiKey });
          return { connectionId: 'conn_1' };
        },
      });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).not.toContain(secret);
      const body = JSON.parse(text);
      expect(body.connection).not.toHaveProperty('apiKey');
      expect(body.connection).not.toHaveProperty('secretHint');
      expect(body.connection.tokenName).toBe('ci-pipeline');
    });

    it('answers none of what it wrote into the nested user and principal', async () => {
      const handler = createHarnessConnectHandler({
        ...base,
        onVerified(connection, { apiKey }) {
          Object.assign(connection.principal, { token: apiKey, name: apiKey });
          if (connection.user !== null) Object.assign(connection.user, { token: apiKey });
        },
      });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).not.toContain(secret);
      expect(JSON.parse(text).connection.principal).not.toHaveProperty('token');
    });
  });

  describe('given an onVerified that returns what JSON cannot hold, after storing the connection', () => {
    const cycle = () => {
      const row: Record<string, unknown> = { id: 'conn_1' };
      row.self = row;
      return { row };
    };

    it.each([
      ['a BigInt id', () => ({ connectionId: 9007199254740993n })],
      ['a row with a cycle', cycle],
    ])('%s: answers 200 with the connection and without the fields, and tells onError', async (_name, returned) => {
      const onError = vi.fn();
      const handler = createHarnessConnectHandler({ ...base, onVerified: returned, onError });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ ok: true, connection: { tokenKind: 'pat', tokenName: 'ci-pipeline' } });
      expect(body).not.toHaveProperty('connectionId');
      expect(body).not.toHaveProperty('row');
      expect(onError).toHaveBeenCalledTimes(1);
      const [error] = onError.mock.calls[0]!;
      expect(error).toMatchObject({ code: 'configuration' });
      expect(error.detail).toMatch(/could not be serialised as JSON/);
      expect(error.detail).not.toMatch(/onVerified threw/);
    });
  });

  describe('given Harness answers with texts of any length', () => {
    it('caps every text of the success answer to MAX_ANSWER_TEXT_CHARS', async () => {
      // Long enough to show the cap, short enough that the answers stay under the verifier's 256 KiB limit.
      const long = (letter: string) => letter.repeat(20_000);
      const VIEW = { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: long('L') };
      const respond = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        const path = new URL(String(input)).pathname;
        const ok = (data: unknown) => Response.json({ status: 'SUCCESS', data });
        if (path.endsWith('/token/validate')) {
          return ok({
            valid: true, accountIdentifier: ACCOUNTS.primary.id, validTo: 0, apiKeyType: 'USER',
            identifier: long('I'), name: long('T'), parentIdentifier: long('P'), username: long('U'), email: `${long('e')}@x.example`,
          });
        }
        if (path.includes('/accounts/')) return ok({ identifier: ACCOUNTS.primary.id, name: long('A') });
        if (path.endsWith('/currentUser')) return ok({ name: long('N'), email: `${long('e')}@x.example` });
        const { permissions } = JSON.parse(String(init?.body)) as { permissions: Record<string, unknown>[] };
        return ok({ accessControlList: permissions.map((check) => ({ ...check, permitted: true })) });
      };
      const handler = createHarnessConnectHandler({ fetch: respond as typeof fetch, includeEmail: true, requiredPermissions: [VIEW] });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(200);
      const { connection } = await response.json();
      const texts = [
        connection.tokenId, connection.tokenName, connection.accountName, connection.user.name, connection.user.email,
        connection.principal.identifier, connection.principal.name, connection.principal.email, connection.permissions.granted[0].label,
      ];
      for (const text of texts) {
        expect(typeof text).toBe('string');
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(MAX_ANSWER_TEXT_CHARS);
      }
    });
  });

  describe('given a host hook that throws with the key in hand', () => {
    const secret = TOKENS.pat.slice(TOKENS.pat.lastIndexOf('.') + 1);
    /** An HTTP client's error: the key in its message and in the request it keeps. */
    function clientError(apiKey: string): Error {
      return Object.assign(new Error(`duplicate key value violates unique constraint: ${apiKey}`), { config: { data: apiKey } });
    }

    it.each([
      ['onVerified', { onVerified: (_c: HarnessVerifiedConnection, { apiKey }: { apiKey: string }) => Promise.reject(clientError(apiKey)) }],
      ['resolveExpected', { resolveExpected: () => Promise.reject(clientError(TOKENS.pat)) }],
    ])('gives onError no raw cause and no key when %s throws', async (hook, hooks) => {
      const onError = vi.fn();
      const response = await createHarnessConnectHandler({ ...base, ...hooks, onError })(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(500);
      const error = onError.mock.calls[0]![0] as HarnessConnectError;
      expect(error.cause).toBeUndefined();
      expect(error.detail).toBe(`${hook} threw Error: duplicate key value violates unique constraint: [redacted]`);
      expect(JSON.stringify(error.toJSON())).not.toContain(secret);
    });

    it('gives onError a HarnessConnectError it threw without its cause and without the key', async () => {
      const onError = vi.fn();
      const handler = createHarnessConnectHandler({
        ...base,
        onError,
        onVerified: (_connection, { apiKey }) => {
          throw new HarnessConnectError('forbidden', { message: `Already linked: ${apiKey}`, cause: clientError(apiKey) });
        },
      });
      const response = await handler(post({ apiKey: TOKENS.pat }));
      expect(response.status).toBe(422);
      const error = onError.mock.calls[0]![0] as HarnessConnectError;
      expect(error).toMatchObject({ code: 'forbidden', message: 'Already linked: [redacted]' });
      expect(error.cause).toBeUndefined();
    });
  });

  describe('given a user with an email', () => {
    it('keeps the email out of the answer, and gives it to onVerified', async () => {
      const onVerified = vi.fn();
      const response = await createHarnessConnectHandler({ ...base, onVerified })(post({ apiKey: TOKENS.pat }));
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).not.toContain('ada@acme.example');
      const { user } = JSON.parse(text).connection;
      expect(user.email).toBeNull();
      expect(user.name).toEqual(expect.any(String));
      expect(onVerified.mock.calls[0]![0].user).toEqual({ name: user.name, email: 'ada@acme.example' });
      expect(onVerified.mock.calls[0]![1].verification.user.email).toBe('ada@acme.example');
    });

    describe('whose names are email addresses (Harness users are often named by theirs)', () => {
      const respond = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        const path = new URL(String(input)).pathname;
        const ok = (data: unknown) => Response.json({ status: 'SUCCESS', data });
        if (path.endsWith('/token/validate')) {
          return ok({
            valid: true, accountIdentifier: ACCOUNTS.primary.id, validTo: 0, apiKeyType: 'USER', parentIdentifier: 'ada-uuid',
            name: 'CI token of ada@acme.example', username: 'ada@acme.example', email: 'ada@acme.example',
          });
        }
        if (path.includes('/accounts/')) return ok({ identifier: ACCOUNTS.primary.id, name: 'Acme' });
        if (path.endsWith('/currentUser')) return ok({ uuid: 'ada-uuid', name: 'ada@acme.example', email: 'ada@acme.example' });
        const { permissions } = JSON.parse(String(init?.body)) as { permissions: Record<string, unknown>[] };
        return ok({ accessControlList: permissions.map((check) => ({ ...check, permitted: false })) });
      };
      const fetch = respond as typeof globalThis.fetch;

      it('answers none of them without includeEmail, and all of them with it', async () => {
        const hidden = await createHarnessConnectHandler({ fetch })(post({ apiKey: TOKENS.pat }));
        const text = await hidden.text();
        expect(text).not.toContain('@acme.example');
        expect(JSON.parse(text).connection).toMatchObject({
          tokenName: null,
          user: { name: null, email: null },
          principal: { identifier: 'ada-uuid', name: null, email: null },
          accountName: 'Acme',
        });

        const shown = await createHarnessConnectHandler({ fetch, includeEmail: true })(post({ apiKey: TOKENS.pat }));
        expect((await shown.json()).connection).toMatchObject({
          tokenName: 'CI token of ada@acme.example',
          user: { name: 'ada@acme.example', email: 'ada@acme.example' },
          principal: { name: 'ada@acme.example', email: 'ada@acme.example' },
        });
      });

      it('answers no such name in an error’s principal either', async () => {
        const requiredPermissions = [{ permission: 'core_pipeline_view', resourceType: 'PIPELINE' }];
        const response = await createHarnessConnectHandler({ fetch, requiredPermissions })(post({ apiKey: TOKENS.pat }));
        const text = await response.text();
        expect(response.status).toBe(422);
        expect(text).not.toContain('@acme.example');
        expect(JSON.parse(text).error).toMatchObject({ code: 'missing_permissions', principal: { identifier: 'ada-uuid', name: null, email: null } });
      });
    });

    it('answers the email when the integrator opts in with includeEmail', async () => {
      const response = await createHarnessConnectHandler({ ...base, includeEmail: true })(post({ apiKey: TOKENS.pat }));
      expect((await response.json()).connection.user).toMatchObject({ email: 'ada@acme.example' });
    });
  });
});
