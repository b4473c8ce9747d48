/**
 * One call to Harness with the key, made the same safe way for every endpoint: token/validate, the
 * account, the current user and the ACL check.
 */
import { HarnessConnectError } from './errors.js';
import { readCappedText } from './read-body.js';

/**
 * Harness's envelopes are a few KB. An answer bigger than this is not Harness's: it is refused as
 * `wrong_host` after reading this much, and the rest is never downloaded.
 */
const MAX_RESPONSE_KIB = 256;
const MAX_RESPONSE_BYTES = MAX_RESPONSE_KIB * 1024;

/** Where and how to call: the base is already resolved and allowed (see `resolveHarnessBaseUrl`). */
export interface HarnessCallContext {
  baseUrl: string;
  apiKey: string;
  accountId: string;
  fetch: typeof fetch;
  /** Aborts on the caller's signal and on the verification's one timeout. */
  signal: AbortSignal;
}

export interface HarnessCall {
  method: 'GET' | 'POST';
  /** Under the base, e.g. `/ng/api/token/validate`. */
  path: string;
  body?: string;
  contentType?: string;
}

/** What came back: the response (status, headers, type) and its body, read up to the cap. */
export interface HarnessAnswer {
  response: Response;
  text: string;
}

/**
 * Calls `{base}{path}?accountIdentifier=A&routingId=A` with the key in `x-api-key`. Never follows a redirect
 * (it would carry the key to another host), sends no cookies and no referrer, caches nothing, and reads at
 * most `MAX_RESPONSE_KIB`. Rejects with what `fetch` rejects with, the signal's reason, or `wrong_host` for
 * an oversized answer. The key goes in the header (and a body the caller passes), never in the URL.
 */
export async function callHarness(call: HarnessCall, context: HarnessCallContext): Promise<HarnessAnswer> {
  // Called unbound: a browser's `fetch` throws "Illegal invocation" when called as a method of another object.
  const { baseUrl, apiKey, accountId, signal, fetch: send } = context;
  // Harness reads the account from the query; routingId routes the call to the account's cell.
  const query = new URLSearchParams({ accountIdentifier: accountId, routingId: accountId });
  const headers: Record<string, string> = { 'x-api-key': apiKey, Accept: 'application/json' };
  if (call.contentType !== undefined) headers['Content-Type'] = call.contentType;
  const response = await send(`${baseUrl}${call.path}?${query}`, {
    method: call.method,
    headers,
    body: call.body,
    redirect: 'manual',
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal,
  });
  const text = await readCappedText(response, MAX_RESPONSE_BYTES, signal);
  if (text === null) {
    throw new HarnessConnectError('wrong_host', {
      status: response.status,
      detail: `harness-connect: ${baseUrl} answered more than ${MAX_RESPONSE_KIB} KiB; Harness's answers are a few KB. Check the base URL.`,
    });
  }
  return { response, text };
}

/**
 * The `data` of a Harness success envelope (HTTP 200, `status: "SUCCESS"`), else `undefined`: an error
 * envelope, a redirect, an HTML page, anything unreadable.
 */
export function successData({ response, text }: HarnessAnswer): unknown {
  if (response.status !== 200 || response.type === 'opaqueredirect') return undefined;
  try {
    const envelope: unknown = JSON.parse(text);
    if (typeof envelope !== 'object' || envelope === null) return undefined;
    const { status, data } = envelope as { status?: unknown; data?: unknown };
    return status === 'SUCCESS' ? data : undefined;
  } catch {
    return undefined;
  }
}
