import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SERVER_TIMEOUT_MS, RETRY_DELAY_MS, verifyHarnessCredentials } from '../../src/server/index.js';
import { verifyHarnessToken } from '../../src/core/verify.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';
import { FALSE_SUCCESSES } from '../core/success-shapes.js';

let server: HarnessMockServer;
let options: { baseUrl: string; allowedHosts: string[] };
const posts = () => server.mock.requests.filter((r) => r.method === 'POST').length;

beforeAll(async () => {
  server = await startHarnessMockServer();
  options = { baseUrl: server.url, allowedHosts: [new URL(server.url).host] };
});
afterEach(() => server.mock.reset());
afterAll(() => server.close());

describe('verifyHarnessCredentials', () => {
  it('retries once after a 5xx and succeeds', async () => {
    server.mock.setFault('server_error', { times: 1 });
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.pat }, options)).resolves.toMatchObject({ tokenKind: 'pat' });
    expect(posts()).toBe(2);
  });

  it('retries once after a connection reset and succeeds', async () => {
    server.mock.setFault('reset', { times: 1 });
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.sat }, options)).resolves.toMatchObject({ tokenKind: 'sat' });
    expect(posts()).toBe(2);
  });

  it('retries at most once', async () => {
    server.mock.setFault('bad_gateway');
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.pat }, options)).rejects.toMatchObject({ code: 'unavailable' });
    expect(posts()).toBe(2);
  });

  it('does not retry a rejected key, a rate limit or a timeout', async () => {
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.expired }, options)).rejects.toMatchObject({ code: 'expired_token' });
    expect(posts()).toBe(1);
    server.mock.setFault('rate_limited', { times: 1 });
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.pat }, options)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(posts()).toBe(2);
    server.mock.setFault('hang', { times: 1 });
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.pat }, { ...options, timeoutMs: 100 })).rejects.toMatchObject({ code: 'timeout' });
    expect(posts()).toBe(3);
  });

  it('passes the permission options on, and retries neither missing_permissions nor permissions_unknown (#13)', async () => {
    const requiredPermissions = [{ permission: 'core_pipeline_execute', resourceType: 'PIPELINE' }];
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.missingPermission }, { ...options, requiredPermissions })).rejects.toMatchObject({
      code: 'missing_permissions',
    });
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.aclUnavailable }, { ...options, requiredPermissions })).rejects.toMatchObject({
      code: 'permissions_unknown',
    });
    // validate + ACL, once each per key: no second attempt.
    expect(posts()).toBe(4);
    await expect(
      verifyHarnessCredentials({ apiKey: TOKENS.aclUnavailable }, { ...options, requiredPermissions, permissionCheck: 'advisory' }),
    ).resolves.toMatchObject({ permissions: { checked: false, reason: 'unavailable' } });
  });

  it('can be told not to retry', async () => {
    server.mock.setFault('server_error', { times: 1 });
    await expect(verifyHarnessCredentials({ apiKey: TOKENS.pat }, { ...options, retry: false })).rejects.toMatchObject({ code: 'unavailable' });
    expect(posts()).toBe(1);
  });

  it('stops during the pause before a retry when the caller aborts', async () => {
    server.mock.setFault('server_error');
    const controller = new AbortController();
    const pending = verifyHarnessCredentials({ apiKey: TOKENS.pat }, { ...options, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(posts()).toBe(1);
  });

  it('says timeout, not aborted, when a caller AbortSignal.timeout() ends the pause', async () => {
    server.mock.setFault('server_error');
    const pending = verifyHarnessCredentials({ apiKey: TOKENS.pat }, { ...options, signal: AbortSignal.timeout(150) });
    await expect(pending).rejects.toMatchObject({ code: 'timeout' });
    expect(posts()).toBe(1);
  });

  it('bounds the timeout whatever it is given', () => {
    expect(MAX_SERVER_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
  });
});

describe('verifyHarnessCredentials: timeoutMs is the budget of the whole verification', () => {
  const unavailable = () => new Response('{"status":"ERROR","code":"UNEXPECTED"}', { status: 503, headers: { 'content-type': 'application/json' } });

  it('does not start a retry that cannot finish within it', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls += 1;
      // A slow 503: most of the budget is spent when it arrives.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return unavailable();
    }) as typeof globalThis.fetch;
    const started = Date.now();
    const error = await verifyHarnessCredentials({ apiKey: TOKENS.pat }, { fetch, timeoutMs: 600 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('gives the retry only what is left of it', async () => {
    const budgetMs = 1_500;
    let calls = 0;
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      calls += 1;
      if (calls === 1) return unavailable();
      // The retry hangs: only the rest of the budget may end it.
      return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    }) as typeof globalThis.fetch;
    const error = await verifyHarnessCredentials({ apiKey: TOKENS.pat }, { fetch, timeoutMs: budgetMs }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(calls).toBe(2);
    // The retry's own timeout, as its detail says ("within N ms"): what was left after the first answer and the pause.
    const retryTimeoutMs = Number(/within (\d+) ms/.exec((error as { detail: string }).detail)?.[1]);
    expect(retryTimeoutMs).toBeLessThanOrEqual(budgetMs - RETRY_DELAY_MS);
  });
});

describe('verifyHarnessCredentials: a timeoutMs the core refuses', () => {
  it.each([0, -1, '5000', Number.NaN, Number.POSITIVE_INFINITY])('%s is a configuration error before any request, as for verifyHarnessToken', async (timeoutMs) => {
    let calls = 0;
    const fetch = (async () => {
      calls += 1;
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    // A JavaScript host, or one reading the option from its environment, may pass anything.
    const options = { fetch, timeoutMs: timeoutMs as number };
    const fromCore = await verifyHarnessToken({ apiKey: TOKENS.pat }, options).catch((caught: unknown) => caught);
    const fromServer = await verifyHarnessCredentials({ apiKey: TOKENS.pat }, options).catch((caught: unknown) => caught);
    expect(fromCore).toMatchObject({ name: 'HarnessConnectError', code: 'configuration' });
    expect(fromServer).toMatchObject({ name: 'HarnessConnectError', code: 'configuration', message: (fromCore as Error).message });
    expect((fromServer as Error).message).toContain('timeoutMs');
    expect(calls).toBe(0);
  });
});

describe('verifyHarnessCredentials: a 200 that is not a Harness success (#12)', () => {
  it.each(FALSE_SUCCESSES.map((shape) => [shape.name, shape] as const))('%s fails, and is not retried', async (_name, shape) => {
    let calls = 0;
    const fetch = (async () => {
      calls += 1;
      return new Response(shape.text, { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const error = await verifyHarnessCredentials({ apiKey: TOKENS.pat }, { fetch }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'HarnessConnectError', code: shape.code, retryable: false });
    expect((error as { detail: string }).detail).toMatch(shape.detail);
    expect(calls).toBe(1);
  });
});

describe('verifyHarnessCredentials: an oversized answer (#12)', () => {
  it('is read only up to the cap, refused as wrong_host, and not retried', async () => {
    const CAP_BYTES = 256 * 1024;
    const CHUNK_BYTES = 16 * 1024;
    let calls = 0;
    let pulled = 0;
    const fetch = (async () => {
      calls += 1;
      // 100 MB of a proxy's answer, produced only as it is read.
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (pulled >= 100 * 1024 * 1024) {
              controller.close();
              return;
            }
            pulled += CHUNK_BYTES;
            controller.enqueue(new Uint8Array(CHUNK_BYTES).fill(0x7b));
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(stream, { status: 503 });
    }) as typeof globalThis.fetch;
    const error = await verifyHarnessCredentials({ apiKey: TOKENS.pat }, { fetch }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'wrong_host', retryable: false });
    expect(calls).toBe(1);
    expect(pulled).toBeLessThanOrEqual(CAP_BYTES + 2 * CHUNK_BYTES);
  });
});
