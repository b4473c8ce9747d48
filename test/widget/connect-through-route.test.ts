import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectThroughRoute, HarnessConnectError } from '../../src/index.js';
import { MAX_ROUTE_ANSWER_BYTES } from '../../src/widget/connect-through-route.js';
import { createHarnessConnectHandler, type HarnessConnectHandlerOptions } from '../../src/server/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';

// The widget's client for a host's route, against the real route in front of the Harness mock: what the
// confirmation needs comes back at the top, and the route's errors come back as HarnessConnectErrors.

let harness: HarnessMockServer;
let base: HarnessConnectHandlerOptions;

// The route itself calls Harness with the real fetch; only the browser side is stubbed.
const realFetch = globalThis.fetch;

beforeAll(async () => {
  harness = await startHarnessMockServer();
  base = { baseUrl: harness.url, allowedHosts: [new URL(harness.url).host], fetch: realFetch };
});
afterEach(() => {
  harness.mock.reset();
  vi.unstubAllGlobals();
});
afterAll(() => harness.close());

/** The browser's `fetch`, answered by a route in this process; the requests it sent are kept. */
function serveRoute(route: (request: Request) => Promise<Response>) {
  const sent: Request[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const request = new Request(new URL(url, 'https://saas.example'), init);
    sent.push(request.clone());
    return route(request);
  });
  return sent;
}

const signal = () => new AbortController().signal;

describe('connectThroughRoute', () => {
  it('posts the credentials as JSON and resolves with the connection at the top, and the whole answer', async () => {
    const sent = serveRoute(createHarnessConnectHandler({ ...base, onVerified: () => ({ connectionId: 'conn_1' }) }));
    const connect = connectThroughRoute('/api/harness/connect', { headers: { 'x-csrf-token': 'abc' } });
    const result = await connect({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() });

    expect(result).toMatchObject({ provider: 'harness', accountId: ACCOUNTS.primary.id, tokenKind: 'pat', expiresAt: '2031-01-01T00:00:00.000Z' });
    expect(result.user?.name).toBe('ada');
    expect(result.answer).toMatchObject({ ok: true, connectionId: 'conn_1' });
    const [request] = sent;
    expect(request!.method).toBe('POST');
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(request!.headers.get('x-csrf-token')).toBe('abc');
    expect(await request!.json()).toEqual({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id });
  });

  it.each([
    ['an expired key', TOKENS.expired, 'expired_token', 'apiKey', false],
    ['a key of another account', TOKENS.otherAccount, 'account_mismatch', 'accountId', false],
  ] as const)('rethrows the route’s error for %s with its code, field and retryable intact', async (_name, apiKey, code, field, retryable) => {
    serveRoute(createHarnessConnectHandler(base));
    const failure = await connectThroughRoute('/api/harness/connect')({ apiKey, accountId: ACCOUNTS.primary.id }, { signal: signal() }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HarnessConnectError);
    expect(failure).toMatchObject({ code, field, retryable });
  });

  it('tells a limiter’s 429 (from beforeVerify) as rate_limited with its wait', async () => {
    serveRoute(
      createHarnessConnectHandler({
        ...base,
        beforeVerify: () => new Response('Too many attempts', { status: 429, headers: { 'retry-after': '30' } }),
      }),
    );
    const failure = await connectThroughRoute('/api/harness/connect')({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 30_000 });
  });

  it.each([
    ['a route that is not there (an HTML 404)', new Response('<html>Not found</html>', { status: 404 }), 'configuration'],
    ['a proxy that failed (an HTML 502)', new Response('<html>Bad gateway</html>', { status: 502 }), 'unavailable'],
    ['a session that ended (401)', new Response('', { status: 401 }), 'unknown'],
  ])('tells %s apart', async (_name, response, code) => {
    serveRoute(async () => response);
    const failure = await connectThroughRoute('/api/harness/connect')({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code });
  });

  it('is unavailable when the route cannot be reached, and aborted when the dialog closed', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const connect = connectThroughRoute('/api/harness/connect');
    await expect(connect({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() })).rejects.toMatchObject({ code: 'unavailable' });

    const controller = new AbortController();
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      controller.abort();
      throw init.signal!.reason;
    });
    await expect(connect({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });

  it('never lets the key through in an error, even when the route echoes it', async () => {
    serveRoute(async () =>
      Response.json({ ok: false, error: { name: 'HarnessConnectError', code: 'unknown', message: `bad ${TOKENS.pat}`, detail: TOKENS.pat } }, { status: 500 }),
    );
    const failure = (await connectThroughRoute('/api/harness/connect')({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() }).catch(
      (error: unknown) => error,
    )) as HarnessConnectError;
    expect(JSON.stringify(failure)).not.toContain(TOKENS.pat.slice(-20));
    expect(failure.message).not.toContain(TOKENS.pat.slice(-20));
  });
});

describe('connectThroughRoute against a route that misbehaves', () => {
  it('never follows a redirect with the key', async () => {
    const inits: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      inits.push(init);
      return new Response(null, { status: 307, headers: { location: 'https://collector.example/steal' } });
    });
    const connect = connectThroughRoute('/api/harness/connect', { redirect: 'follow' });
    await expect(connect({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() })).rejects.toMatchObject({ code: 'configuration' });
    // The host's init cannot turn following back on.
    expect(inits[0]!.redirect).toBe('manual');
  });

  it.each([
    ['an empty connection', { ok: true, connection: {} }],
    ['a connection for another account', { ok: true, connection: { provider: 'harness', accountId: ACCOUNTS.other.id } }],
    ['a connection of another provider', { ok: true, connection: { provider: 'github', accountId: ACCOUNTS.primary.id } }],
  ])('does not take %s for a success', async (_name, body) => {
    serveRoute(async () => Response.json(body));
    await expect(
      connectThroughRoute('/api/harness/connect')({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() }),
    ).rejects.toMatchObject({ code: 'configuration' });
  });

  it.each([500, 502, 401, 404])('does not take { ok: true, connection } on HTTP %i for a success', async (status) => {
    const connection = { provider: 'harness', accountId: ACCOUNTS.primary.id, tokenKind: 'pat', tokenHint: 'x' };
    serveRoute(async () => Response.json({ ok: true, connection }, { status }));
    const failure = await connectThroughRoute('/api/harness/connect')({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() }).then(
      () => 'success',
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HarnessConnectError);
    expect(failure).toMatchObject({ status });
  });

  it('reads no more than its cap of a huge answer, and says so', async () => {
    const MEBIBYTE = 1024 * 1024;
    const chunk = new Uint8Array(MEBIBYTE).fill(0x20);
    let pulled = 0;
    vi.stubGlobal('fetch', async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled += chunk.byteLength;
            // 64 MB, were it all read.
            if (pulled > 64 * MEBIBYTE) controller.close();
            else controller.enqueue(chunk);
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      ),
    );
    const failure = (await connectThroughRoute('/api/harness/connect')({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() }).catch(
      (error: unknown) => error,
    )) as HarnessConnectError;
    expect(failure).toMatchObject({ code: 'unknown', status: 200 });
    expect(failure.detail).toContain(`more than ${MAX_ROUTE_ANSWER_BYTES} bytes`);
    // The stream may have one chunk queued ahead of the reader; nothing like the whole answer.
    expect(pulled).toBeLessThanOrEqual(2 * MEBIBYTE);
  });

  it('still reads a real answer with a large onVerified payload under the cap', async () => {
    const notes = 'n'.repeat(MAX_ROUTE_ANSWER_BYTES / 2);
    serveRoute(createHarnessConnectHandler({ ...base, onVerified: () => ({ notes }) }));
    const result = await connectThroughRoute('/api/harness/connect')({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id }, { signal: signal() });
    expect(result.answer).toMatchObject({ ok: true, notes });
  });
});
