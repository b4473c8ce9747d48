/**
 * The JSON answers Shipyard's own routes give (the connect route's come from harness-connect/server). Every
 * answer is `no-store`: they describe linked accounts, which a shared cache must never keep.
 */
import { HarnessConnectError } from '../../src/server/index.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

const MS_PER_SECOND = 1000;

/** A refusal by Shipyard itself: a stable code for the page, a message for the person. */
export interface ShipyardError {
  code: string;
  message: string;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

export function failure(status: number, error: ShipyardError, headers: Record<string, string> = {}): Response {
  return json(status, { ok: false, error }, headers);
}

export function notAllowed(allow: string): Response {
  return failure(405, { code: 'method_not_allowed', message: `Use ${allow}.` }, { allow });
}

export function notFound(message: string): Response {
  return failure(404, { code: 'not_found', message });
}

export function crossOrigin(): Response {
  return failure(403, { code: 'cross_origin', message: 'Shipyard takes this only from its own pages.' });
}

/**
 * A 429 the widget shows as it would Harness's own: a serialised `rate_limited` error. No message of its own, so
 * the widget says it in the person's language, beside its countdown to `retryAfterMs`.
 */
export function tooManyAttempts(retryAfterSeconds: number): Response {
  const error = new HarnessConnectError('rate_limited', { retryAfterMs: retryAfterSeconds * MS_PER_SECOND });
  return json(429, { ok: false, error: error.toJSON() }, { 'retry-after': String(retryAfterSeconds) });
}
