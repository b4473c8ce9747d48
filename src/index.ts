'use client';

/**
 * `harness-connect`: the widget entry. `<HarnessConnect/>`, its headless hook `useHarnessConnect`, and
 * the Harness core every host needs beside them: parsing, verification and the typed errors.
 */
export { HarnessConnect } from './widget/harness-connect.js';
export { useHarnessConnect } from './widget/use-harness-connect.js';
export { connectThroughRoute } from './widget/connect-through-route.js';
export { HARNESS_CONNECT_EVENT_NAMES } from './widget/events.js';
export { HARNESS_CONNECT_STEPS } from './widget/flow.js';
export {
  parseHarnessToken,
  parseAccountIdentifier,
  checkHarnessCredentials,
  HarnessConnectError,
  isHarnessConnectError,
  HARNESS_CONNECT_ERROR_CODES,
} from './core/index.js';
export { toHarnessConnectError } from './core/errors.js';

export type {
  HarnessConnectProps,
  HarnessConnectTrigger,
  HarnessConnectDefaultValues,
  HarnessConnectConnect,
  HarnessConnectContext,
  HarnessConnectOnSuccess,
  HarnessConnectOnError,
  HarnessConnectOnClose,
  HarnessConnectOnEvent,
  HarnessConnectOnOpenChange,
  UseHarnessConnectOptions,
  HarnessConnectColorScheme,
  HarnessConnectBrand,
  HarnessConnectExisting,
} from './widget/types.js';
export type { HarnessConnectTheme } from './widget/theme.js';
export type { HarnessRouteConnection } from './widget/connect-through-route.js';
export type { HarnessConnectMessages, HarnessConnectMessagesOverride } from './widget/i18n/en.js';
export type { HarnessConnectLocale } from './widget/i18n/index.js';
export type { UseHarnessConnectResult, HarnessConnectSubmitOutcome } from './widget/use-harness-connect.js';
export type {
  HarnessConnectEvent,
  HarnessConnectEventName,
  HarnessConnectEventMetadata,
  HarnessConnectCloseReason,
} from './widget/events.js';
export type { HarnessConnection, HarnessConnectStep, HarnessConnectStatus, HarnessConnectMode } from './widget/flow.js';

export type {
  HarnessConnectErrorCode,
  HarnessConnectErrorJSON,
  HarnessCredentialField,
  HarnessCredentials,
  HarnessCredentialsInput,
  HarnessTokenKind,
  HarnessTokenVerification,
  VerifyHarnessTokenOptions,
  HarnessPermissionRequirement,
  HarnessPermissionCheckMode,
  HarnessPermissionsResult,
  HarnessPrincipal,
} from './core/index.js';
