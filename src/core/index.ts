/**
 * `harness-connect/core`: the Harness logic with no React and no DOM. Parsing what people paste,
 * checking credentials, verifying a key against Harness, and the typed errors all of it speaks.
 *
 * Only what a host calls is exported: every byte here ships to browsers that verify on their own. The
 * building blocks (the hint format, length limits, the host allow-list) stay inside their modules.
 */
export { parseHarnessToken, HARNESS_TOKEN_PROBLEM_MESSAGES } from './token.js';
export { parseAccountIdentifier, HARNESS_ACCOUNT_PROBLEM_MESSAGES } from './account.js';
export { checkHarnessCredentials } from './credentials.js';
export { harnessCredentialsSchema } from './schema.js';
export {
  HarnessConnectError,
  isHarnessConnectError,
  HARNESS_CONNECT_ERROR_CODES,
  HARNESS_CONNECT_ERROR_MESSAGES,
} from './errors.js';
export { resolveHarnessBaseUrl } from './hosts.js';
export { verifyHarnessToken } from './verify.js';

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
export type {
  HarnessPermissionRequirement,
  HarnessPermissionCheckMode,
  HarnessPermissionsResult,
  HarnessPrincipal,
} from './permissions.js';
