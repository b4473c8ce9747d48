/**
 * `harness-connect/element`: the widget as the custom element `<harness-connect>`, for hosts without React.
 * Importing defines nothing: call `defineHarnessConnectElement()` once (the `<script>` build,
 * `dist/harness-connect.element.js`, does it for you). React and react-dom are peers here, as for `.`.
 */
export {
  HarnessConnectElement,
  defineHarnessConnectElement,
  HARNESS_CONNECT_TAG_NAME,
} from './harness-connect-element.js';
export type { HarnessConnectElementEventMap } from './harness-connect-element.js';
// The client for a host's route, as on `.`: element hosts write no fetch of their own either.
export { connectThroughRoute } from '../widget/connect-through-route.js';
export type { HarnessRouteConnection } from '../widget/connect-through-route.js';
export { HARNESS_CONNECT_EVENT_NAMES } from '../widget/events.js';
export type { HarnessConnectEvent, HarnessConnectEventName, HarnessConnectCloseReason } from '../widget/events.js';
export type {
  HarnessConnectConnect,
  HarnessConnectContext,
  HarnessConnectDefaultValues,
  HarnessConnectColorScheme,
  HarnessConnectExisting,
} from '../widget/types.js';
export type { HarnessConnectMode } from '../widget/flow.js';
export type { HarnessPermissionRequirement } from '../core/permissions.js';
export type { HarnessConnectTheme } from '../widget/theme.js';
export type {
  HarnessConnectErrorCode,
  HarnessConnectErrorJSON,
  HarnessCredentials,
  HarnessTokenVerification,
} from '../core/index.js';
