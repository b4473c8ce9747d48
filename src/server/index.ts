/**
 * `harness-connect/server`: verifying Harness credentials where they belong, on the integrator's server
 * (Harness's CORS list does not include third-party origins). Web-standard APIs only: Node 20+, Deno,
 * Bun and edge runtimes.
 */
export { verifyHarnessCredentials, MAX_SERVER_TIMEOUT_MS, RETRY_DELAY_MS } from './verify-credentials.js';
export { createHarnessConnectHandler } from './handler.js';
export { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES } from './body-limits.js';
export { checkHarnessConnection } from './health.js';
export { checkHarnessConnections, DEFAULT_CHECK_CONCURRENCY, MAX_CHECK_CONCURRENCY } from './health-batch.js';
export { HarnessConnectError, isHarnessConnectError } from '../core/errors.js';

export type { VerifyHarnessCredentialsOptions } from './verify-credentials.js';
export type {
  HarnessVerifiedConnection,
  HarnessVerifiedContext,
  HarnessConnectHandlerOptions,
  HarnessConnectHandlerAnswer,
  HarnessConnectHandlerSuccess,
  HarnessConnectHandlerFailure,
  HarnessConnectHandlerRequestErrorCode,
} from './handler.js';
export type { HarnessExpectedConnection } from './expected.js';
export type { CheckHarnessConnectionOptions, HarnessConnectionHealth, HarnessConnectionStatus } from './health.js';
export type { CheckHarnessConnectionsOptions, HarnessConnectionToCheck } from './health-batch.js';
export type { HarnessConnectErrorCode, HarnessConnectErrorJSON } from '../core/errors.js';
export type { HarnessCredentialsInput } from '../core/credentials.js';
export type { HarnessTokenVerification } from '../core/harness-response.js';
export type {
  HarnessPermissionRequirement,
  HarnessPermissionCheckMode,
  HarnessPermissionsResult,
  HarnessPrincipal,
} from '../core/permissions.js';
