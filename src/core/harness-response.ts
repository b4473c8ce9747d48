import { HarnessConnectError, type HarnessConnectErrorCode } from './errors.js';
import type { HarnessTokenKind } from './token.js';

/**
 * Mapping what Harness (or whatever stands at the base URL) answers to `token/validate` into a typed
 * result or a `HarnessConnectError` (shared harness-api.md, "What a user should be told").
 */

/** What a successful verification tells the host. Holds nothing that grants access. */
export interface HarnessTokenVerification {
  accountId: string;
  tokenKind: HarnessTokenKind;
  tokenId: string;
  /** The name given to the token in Harness. */
  tokenName: string | null;
  /** Safe to display: see `parseHarnessToken`. */
  tokenHint: string;
  /** `USER` for a personal token, `SERVICE_ACCOUNT` for a service account's. */
  apiKeyType: 'USER' | 'SERVICE_ACCOUNT' | null;
  /** The user (or service account) the token acts as, when Harness says. */
  user: { name: string | null; email: string | null } | null;
  /** ISO 8601 expiry; `null` when the token never expires. */
  expiresAt: string | null;
  /** The API base that verified it. */
  baseUrl: string;
  correlationId: string | null;
}

/** The fields of Harness's envelope this code reads; everything is optional because proxies lie. */
interface HarnessEnvelope {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  correlationId?: unknown;
  data?: Record<string, unknown> | null;
  responseMessages?: Array<{ code?: unknown; message?: unknown }>;
}

export interface ResponseContext {
  status: number;
  /** `opaqueredirect` (a browser's `redirect: 'manual'`) or anything else. */
  type: ResponseType | string;
  contentType: string;
  correlationHeader: string | null;
  retryAfter: string | null;
  body: string;
  /** Removes the key from any text before it is kept in an error. */
  scrub: (text: string) => string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A string from the answer that is kept in a result or an error: the key removed (servers echo it back). */
function kept(context: ResponseContext, value: unknown): string | null {
  const found = text(value);
  return found === null ? null : context.scrub(found);
}

function parseEnvelope(body: string): HarnessEnvelope | null {
  if (!body.trimStart().startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as HarnessEnvelope) : null;
  } catch {
    return null;
  }
}

function looksLikeHtml(context: ResponseContext): boolean {
  return context.contentType.includes('text/html') || /^\s*</.test(context.body);
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Picks the code for a failed answer from its HTTP status and Harness's own code and message. */
function codeFor(status: number, harnessCode: string | null, message: string, html: boolean): HarnessConnectErrorCode {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  if (harnessCode === 'EXPIRED_TOKEN') return 'expired_token';
  if (status === 401 || harnessCode === 'INVALID_TOKEN') {
    // Harness answers a wrong account as INVALID_TOKEN: "Invalid account token access <id>" or
    // "Invalid accountId in token".
    return /invalid account/i.test(message) ? 'account_mismatch' : 'invalid_token';
  }
  if (status === 402 || status === 403 || /ACCESS_DENIED/.test(harnessCode ?? '')) return 'forbidden';
  if (status === 404 || (status >= 300 && status < 400) || html) return 'wrong_host';
  if (status === 400 || status === 422 || harnessCode === 'INVALID_REQUEST') return 'invalid_request';
  return 'unknown';
}

export function errorFromResponse(context: ResponseContext, envelope = parseEnvelope(context.body)): HarnessConnectError {
  const harnessCode = kept(context, envelope?.code) ?? kept(context, envelope?.responseMessages?.[0]?.code);
  const harnessMessage = text(envelope?.message) ?? text(envelope?.responseMessages?.[0]?.message) ?? '';
  const html = envelope === null && looksLikeHtml(context);
  const code = codeFor(context.status, harnessCode, harnessMessage, html);
  const what = harnessCode ? `${harnessCode}: ${harnessMessage}` : html ? 'an HTML page' : 'no Harness error body';
  return new HarnessConnectError(code, {
    status: context.status,
    harnessCode,
    correlationId: kept(context, envelope?.correlationId) ?? kept(context, context.correlationHeader),
    retryAfterMs: parseRetryAfter(context.retryAfter),
    detail: context.scrub(`HTTP ${context.status} with ${what}`),
  });
}

function epochToIso(value: unknown): string | null {
  // Harness uses 0 (or nothing) for "never expires".
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? new Date(value).toISOString() : null;
}

/**
 * Interprets the answer to `POST /ng/api/token/validate`. Throws a `HarnessConnectError` unless it is a
 * Harness success envelope for the expected account.
 */
export function interpretValidateResponse(
  context: ResponseContext,
  expected: { accountId: string; tokenKind: HarnessTokenKind; tokenId: string; tokenHint: string; baseUrl: string },
): HarnessTokenVerification {
  if (context.type === 'opaqueredirect' || (context.status >= 300 && context.status < 400)) {
    throw new HarnessConnectError('wrong_host', {
      status: context.status || null,
      detail: 'harness-connect: the base URL answered with a redirect; the key is never sent after one. Use the API host itself.',
    });
  }
  const envelope = parseEnvelope(context.body);
  if (context.status < 200 || context.status >= 300 || (envelope !== null && envelope.status !== 'SUCCESS')) {
    throw errorFromResponse(context, envelope);
  }
  if (envelope === null) {
    const html = looksLikeHtml(context);
    // An HTML page is a sign-in page or proxy, not Harness's API; JSON cut short is a transient fault.
    throw new HarnessConnectError(html ? 'wrong_host' : 'unavailable', {
      status: context.status,
      correlationId: kept(context, context.correlationHeader),
      detail: html ? 'HTTP 200 with an HTML page instead of Harness JSON' : 'HTTP 200 with a body that is not valid JSON',
    });
  }
  const data = envelope.data ?? {};
  const correlationId = kept(context, envelope.correlationId) ?? kept(context, context.correlationHeader);
  const accountId = text(data.accountIdentifier) ?? expected.accountId;
  if (accountId !== expected.accountId || data.valid === false) {
    throw new HarnessConnectError(accountId !== expected.accountId ? 'account_mismatch' : 'invalid_token', {
      status: context.status,
      correlationId,
      detail: 'Harness answered SUCCESS for a different account, or with valid: false',
    });
  }
  const apiKeyType = data.apiKeyType === 'USER' || data.apiKeyType === 'SERVICE_ACCOUNT' ? data.apiKeyType : null;
  const name = kept(context, data.username);
  const email = kept(context, data.email);
  return {
    accountId,
    tokenKind: expected.tokenKind,
    tokenId: kept(context, data.identifier) ?? expected.tokenId,
    tokenName: kept(context, data.name),
    tokenHint: expected.tokenHint,
    apiKeyType,
    user: name || email ? { name, email } : null,
    expiresAt: epochToIso(data.validTo),
    baseUrl: expected.baseUrl,
    correlationId,
  };
}
