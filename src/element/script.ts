/**
 * The `<script>` build (`dist/harness-connect.element.js`, an IIFE with React inside; also as an ES module,
 * `dist/harness-connect.element.mjs`): loading it defines `<harness-connect>`. Its exports are on the global
 * `HarnessConnect` (IIFE) for pages that want the class, the typed error or the route's client:
 * `element.connect = HarnessConnect.connectThroughRoute('/api/harness/connect')`.
 */
import { defineHarnessConnectElement } from './harness-connect-element.js';

defineHarnessConnectElement();

export { HarnessConnectElement, defineHarnessConnectElement } from './harness-connect-element.js';
export { HarnessConnectError, isHarnessConnectError, HARNESS_CONNECT_ERROR_CODES } from '../core/errors.js';
export { HARNESS_CONNECT_EVENT_NAMES } from '../widget/events.js';
export { connectThroughRoute } from '../widget/connect-through-route.js';
