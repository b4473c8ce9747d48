/**
 * The credentials a request's JSON body carries: `{ apiKey, accountId }`, or the 400 answer that says what is
 * wrong with the body.
 */
import type { HarnessCredentialsInput } from '../core/credentials.js';
import { ownOption } from '../core/own-option.js';
import { requestError } from './answers.js';

/** The credentials in a JSON body, or the 400 that says what is wrong with it. */
export function parseCredentials(text: string): HarnessCredentialsInput | Response {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return requestError(400, 'bad_request', 'The body is not valid JSON. Send { "apiKey": "...", "accountId": "..." }.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return requestError(400, 'bad_request', 'The body must be a JSON object { "apiKey": "...", "accountId": "..." }.');
  }
  // Own fields only: JSON.parse makes them, and a polluted prototype must not fill in a missing one.
  const apiKey = ownOption(body as { apiKey?: unknown }, 'apiKey');
  const accountId = ownOption(body as { accountId?: unknown }, 'accountId');
  // `accountId` may be left out (or null): the verifier then reads it from a 4-part key.
  const accountIdGiven = accountId !== undefined && accountId !== null;
  if (typeof apiKey !== 'string' || (accountIdGiven && typeof accountId !== 'string')) {
    return requestError(400, 'bad_request', '"apiKey" must be a string, and "accountId" a string when given.');
  }
  return { apiKey, accountId: typeof accountId === 'string' ? accountId : undefined };
}
