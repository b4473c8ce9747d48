/**
 * Harness's authentication of an API call, as harness-api.md describes it: which account a request is
 * for, then the token checks in Harness's order, then the state of the account and the user.
 */
import { errorResponse } from './harness-envelopes.js';
import { STORED_ACCOUNTS, type StoredToken } from './harness-store.js';
import { splitHarnessToken } from './token-parts.js';

/**
 * The account a request is made for: `Harness-Account` header first, then the `accountIdentifier` or
 * `account` query parameter, in Harness's order. Empty values count as absent.
 */
export function requestAccount(request: Request, url: URL): string | null {
  return (
    request.headers.get('harness-account') ||
    url.searchParams.get('accountIdentifier') ||
    url.searchParams.get('account') ||
    null
  );
}

/** The token store and the clock, as the mock holds them for this request. */
export interface AuthContext {
  tokens: ReadonlyMap<string, StoredToken>;
  /** The mock's clock, in epoch ms: expiry is judged against it. */
  now: number;
}

export type Authenticated = { ok: true; token: StoredToken } | { ok: false; response: Response };

const refuse = (response: Response): Authenticated => ({ ok: false, response });
const invalid = (message: string): Authenticated => refuse(errorResponse('INVALID_TOKEN', message));

/**
 * Harness's token checks, in Harness's order: the order decides which message a client sees for a token
 * that is wrong in several ways (e.g. another account's token reports the account, not the secret).
 *
 * The state of the token, the account and the user is looked at only once the key has proved itself (right
 * account, prefix and secret): a guessed key learns nothing about an account. Where Harness puts those
 * checks is not documented; this order is the mock's assumption, and each fixture fails on one thing only.
 */
export function authenticate(request: Request, url: URL, ctx: AuthContext): Authenticated {
  const account = requestAccount(request, url);
  if (!account) return refuse(errorResponse('INVALID_REQUEST', 'Account detail is not present in the request'));
  // The gateway routes by account (routingId) before any token check: an account it does not know is
  // refused as a bad request, not as a bad token.
  if (!STORED_ACCOUNTS.has(account)) {
    return refuse(errorResponse('INVALID_REQUEST', `Account ${account} does not exist`));
  }
  const raw = request.headers.get('x-api-key');
  if (!raw) return invalid('Token is not valid.');

  const parts = splitHarnessToken(raw);
  if (!parts) return invalid('Token length not matching');

  const token = parts.tokenId ? ctx.tokens.get(parts.tokenId) : undefined;
  if (!token) return invalid('Token not found');
  if (account !== token.accountIdentifier) return invalid(`Invalid account token access ${token.tokenId}`);
  if (parts.accountId !== null && parts.accountId !== token.accountIdentifier) {
    return invalid('Invalid accountId in token');
  }
  // Harness compares with the prefix of the key type, so `PAT` and a `sat.` on a personal token both fail.
  if (parts.prefix !== token.prefix) return invalid('Invalid prefix for API token');
  if (parts.secret !== token.secret) return invalid('Raw password not matching');

  if (token.revoked) {
    return refuse(
      errorResponse('REVOKED_TOKEN', `Incoming API token ${token.name} has been revoked. Token id: ${token.tokenId}`),
    );
  }
  if (token.validTo !== 0 && token.validTo < ctx.now) {
    return refuse(
      errorResponse('EXPIRED_TOKEN', `Incoming API token ${token.name} has expired. Token id: ${token.tokenId}`),
    );
  }
  const stored = STORED_ACCOUNTS.get(token.accountIdentifier);
  if (stored?.status === 'DELETED') {
    return refuse(errorResponse('ACCOUNT_DOES_NOT_EXIST', `Account ${token.accountIdentifier} does not exist`));
  }
  if (stored?.status === 'INACTIVE') {
    return refuse(errorResponse('INACTIVE_ACCOUNT', `Account ${token.accountIdentifier} is inactive`));
  }
  if (token.user?.disabled) return refuse(errorResponse('USER_DISABLED', 'User is disabled'));
  if (stored?.ipAllowListBlocksAll) {
    return refuse(errorResponse('NOT_WHITELISTED_IP', 'Not allowed to access from this IP address'));
  }
  return { ok: true, token };
}
