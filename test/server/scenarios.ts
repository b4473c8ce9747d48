/**
 * The error-code matrix: one scenario per way verification ends, run through msw
 * (`error-codes-msw.test.ts`) and over a real socket (`error-codes-http.test.ts`) against the same mock.
 */
import type { HarnessConnectErrorCode, HarnessCredentialsInput, HarnessPermissionRequirement } from '../../src/core/index.js';
import type { HarnessFault, HarnessFaultOptions } from '../../src/testing/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

export interface Scenario {
  name: string;
  credentials: HarnessCredentialsInput;
  fault?: [HarnessFault, HarnessFaultOptions?];
  /** Replaces the base URL (to test refusals). */
  baseUrl?: string;
  timeoutMs?: number;
  /** Abort the caller's signal after this many ms. */
  abortAfterMs?: number;
  /** What the host requires the key to be allowed to do (#13). */
  requiredPermissions?: HarnessPermissionRequirement[];
  expected: HarnessConnectErrorCode;
  field: 'apiKey' | 'accountId' | null;
  retryable: boolean;
  /** How many POSTs must reach Harness: none for local checks, token/validate, then the ACL check when asked. */
  requests: 0 | 1 | 2;
}

/** What Shipyard, the demo app, asks of a key: to see and to run pipelines. */
export const PIPELINE_PERMISSIONS: HarnessPermissionRequirement[] = [
  { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' },
  { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Run pipelines' },
];

const primary = ACCOUNTS.primary.id;

export const SCENARIOS: Scenario[] = [
  { name: 'a value that is not a token', credentials: { apiKey: 'PAT.something' }, expected: 'malformed_token', field: 'apiKey', retryable: false, requests: 0 },
  { name: 'a legacy token without an account', credentials: { apiKey: TOKENS.legacy }, expected: 'malformed_account', field: 'accountId', retryable: false, requests: 0 },
  { name: 'a token of another account than the one typed (local)', credentials: { apiKey: TOKENS.pat, accountId: ACCOUNTS.other.id }, expected: 'account_mismatch', field: 'accountId', retryable: false, requests: 0 },
  { name: 'a legacy token with another account (Harness says)', credentials: { apiKey: TOKENS.legacy, accountId: ACCOUNTS.other.id }, expected: 'account_mismatch', field: 'accountId', retryable: false, requests: 1 },
  { name: 'a wrong secret', credentials: { apiKey: TOKENS.wrongSecret }, expected: 'invalid_token', field: 'apiKey', retryable: false, requests: 1 },
  { name: 'a deleted token (Token not found)', credentials: { apiKey: TOKENS.revoked }, expected: 'invalid_token', field: 'apiKey', retryable: false, requests: 1 },
  { name: 'a token an admin revoked (REVOKED_TOKEN)', credentials: { apiKey: TOKENS.revokedByAdmin }, expected: 'revoked_token', field: 'apiKey', retryable: false, requests: 1 },
  { name: 'an inactive account (INACTIVE_ACCOUNT)', credentials: { apiKey: TOKENS.inactiveAccount }, expected: 'account_inactive', field: 'accountId', retryable: false, requests: 1 },
  { name: 'a deleted account (ACCOUNT_DOES_NOT_EXIST)', credentials: { apiKey: TOKENS.deletedAccount }, expected: 'account_inactive', field: 'accountId', retryable: false, requests: 1 },
  { name: 'a disabled user (USER_DISABLED)', credentials: { apiKey: TOKENS.disabledUser }, expected: 'principal_disabled', field: null, retryable: false, requests: 1 },
  { name: 'a key missing a required permission', credentials: { apiKey: TOKENS.missingPermission }, requiredPermissions: PIPELINE_PERMISSIONS, expected: 'missing_permissions', field: null, retryable: false, requests: 2 },
  { name: 'an account whose ACL call fails, permissions required', credentials: { apiKey: TOKENS.aclUnavailable }, requiredPermissions: PIPELINE_PERMISSIONS, expected: 'permissions_unknown', field: null, retryable: true, requests: 2 },
  { name: 'an expired token', credentials: { apiKey: TOKENS.expired, accountId: primary }, expected: 'expired_token', field: 'apiKey', retryable: false, requests: 1 },
  { name: 'an IP allow-list (NOT_WHITELISTED_IP)', credentials: { apiKey: TOKENS.restricted }, expected: 'ip_not_allowed', field: null, retryable: false, requests: 1 },
  { name: 'an account that does not exist', credentials: { apiKey: TOKENS.legacy, accountId: 'NoSuchAccount000000000' }, expected: 'invalid_request', field: 'accountId', retryable: false, requests: 1 },
  { name: 'a 404 page', credentials: { apiKey: TOKENS.pat }, fault: ['not_found'], expected: 'wrong_host', field: null, retryable: false, requests: 1 },
  { name: 'a redirect to sign-in', credentials: { apiKey: TOKENS.pat }, fault: ['redirect'], expected: 'wrong_host', field: null, retryable: false, requests: 1 },
  { name: 'an HTML sign-in page', credentials: { apiKey: TOKENS.pat }, fault: ['html'], expected: 'wrong_host', field: null, retryable: false, requests: 1 },
  { name: 'a 429', credentials: { apiKey: TOKENS.pat }, fault: ['rate_limited'], expected: 'rate_limited', field: null, retryable: true, requests: 1 },
  { name: 'a 500', credentials: { apiKey: TOKENS.pat }, fault: ['server_error'], expected: 'unavailable', field: null, retryable: true, requests: 1 },
  { name: 'a 502 from a proxy', credentials: { apiKey: TOKENS.pat }, fault: ['bad_gateway'], expected: 'unavailable', field: null, retryable: true, requests: 1 },
  { name: 'a 503', credentials: { apiKey: TOKENS.pat }, fault: ['service_unavailable'], expected: 'unavailable', field: null, retryable: true, requests: 1 },
  { name: 'malformed JSON', credentials: { apiKey: TOKENS.pat }, fault: ['malformed_json'], expected: 'unavailable', field: null, retryable: true, requests: 1 },
  { name: 'a connection reset', credentials: { apiKey: TOKENS.pat }, fault: ['reset'], expected: 'unavailable', field: null, retryable: true, requests: 1 },
  { name: 'a hang past the timeout', credentials: { apiKey: TOKENS.pat }, fault: ['hang'], timeoutMs: 200, expected: 'timeout', field: null, retryable: true, requests: 1 },
  { name: 'the caller cancelling', credentials: { apiKey: TOKENS.pat }, fault: ['hang'], abortAfterMs: 50, expected: 'aborted', field: null, retryable: false, requests: 1 },
  { name: 'a base URL that is not Harness', credentials: { apiKey: TOKENS.pat }, baseUrl: 'https://harness.evil.example', expected: 'configuration', field: null, retryable: false, requests: 0 },
  { name: 'a proxy refusing the method', credentials: { apiKey: TOKENS.pat }, fault: ['method_not_allowed'], expected: 'unknown', field: null, retryable: true, requests: 1 },
];

/** Every secret the fixtures hold, to assert none of them shows up in an error. */
export const SECRETS = Object.values(TOKENS).map((token) => token.slice(token.lastIndexOf('.') + 1));
