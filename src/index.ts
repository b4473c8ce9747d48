/**
 * `harness-connect`: the widget entry. Until the `<HarnessConnect/>` component lands it carries the
 * Harness core every host needs beside it: parsing, verification and the typed errors.
 */
export {
  parseHarnessToken,
  parseAccountIdentifier,
  checkHarnessCredentials,
  harnessCredentialsSchema,
  verifyHarnessToken,
  HarnessConnectError,
  isHarnessConnectError,
  toHarnessConnectError,
  HARNESS_CONNECT_ERROR_CODES,
  DEFAULT_HARNESS_BASE_URL,
} from './core/index.js';

export type {
  HarnessConnectErrorCode,
  HarnessConnectErrorJSON,
  HarnessCredentialField,
  HarnessCredentials,
  HarnessCredentialsInput,
  HarnessTokenKind,
  HarnessTokenVerification,
  VerifyHarnessTokenOptions,
} from './core/index.js';
