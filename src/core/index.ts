/**
 * `harness-connect/core`: the Harness logic with no React and no DOM. Parsing what people paste,
 * checking credentials, verifying a key against Harness, and the typed errors all of it speaks.
 */
export { parseHarnessToken, tokenHint, HARNESS_TOKEN_PROBLEM_MESSAGES, MAX_TOKEN_LENGTH } from './token.js';
export {
  parseAccountIdentifier,
  ACCOUNT_ID_LENGTH,
  HARNESS_ACCOUNT_PROBLEM_MESSAGES,
  UNUSUAL_LENGTH_MESSAGE,
} from './account.js';
export { checkHarnessCredentials, accountMismatchMessage, ACCOUNT_REQUIRED_MESSAGE } from './credentials.js';
export { harnessCredentialsSchema } from './schema.js';
export {
  HarnessConnectError,
  isHarnessConnectError,
  toHarnessConnectError,
  isAbortError,
  isTimeoutError,
  scrubSecret,
  HARNESS_CONNECT_ERROR_CODES,
  HARNESS_CONNECT_ERROR_MESSAGES,
} from './errors.js';
export {
  resolveHarnessBaseUrl,
  isAllowedHarnessHost,
  DEFAULT_HARNESS_BASE_URL,
  HARNESS_CLUSTER_HOSTS,
} from './hosts.js';
export { verifyHarnessToken, VERIFY_TIMEOUT_MS } from './verify.js';

export type {
  HarnessTokenKind,
  HarnessTokenFormat,
  HarnessTokenProblem,
  ParsedHarnessToken,
  HarnessTokenParseFailure,
  HarnessTokenParseResult,
} from './token.js';
export type {
  HarnessAccountProblem,
  HarnessAccountWarning,
  ParsedHarnessAccount,
  HarnessAccountParseFailure,
  HarnessAccountParseResult,
} from './account.js';
export type {
  HarnessCredentialsInput,
  HarnessCredentials,
  HarnessCredentialsProblem,
  HarnessCredentialsIssue,
  CheckedHarnessCredentials,
  FailedHarnessCredentials,
  HarnessCredentialsCheck,
} from './credentials.js';
export type { HarnessCredentialsSchemaInput, HarnessCredentialsSchemaOutput } from './schema.js';
export type {
  HarnessConnectErrorCode,
  HarnessCredentialField,
  HarnessConnectErrorOptions,
  HarnessConnectErrorJSON,
} from './errors.js';
export type { HarnessHostOptions } from './hosts.js';
export type { VerifyHarnessTokenOptions } from './verify.js';
export type { HarnessTokenVerification } from './harness-response.js';
