/**
 * The events the widget reports to its host, through `onEvent` and as DOM `CustomEvent`s named
 * `harness-connect-<type>` (a hyphen, as Shoelace's `sl-*` events have: Angular reads `(a:b)` in a template
 * as "event b on the global target a", so a colon in the name could not be listened to declaratively).
 * The names are a stable contract: new ones may be added, none renamed or removed.
 * No event ever carries the API key or anything derived from its secret part.
 */
import type { HarnessConnectErrorCode, HarnessCredentialField } from '../core/errors.js';
import type { HarnessTokenFormat, HarnessTokenKind } from '../core/token.js';
import type { HarnessConnectMode, HarnessConnectStep } from './flow.js';

/** Why the dialog closed: `completed` after Done on the success view, `dismissed` for every other close. */
export type HarnessConnectCloseReason = 'completed' | 'dismissed';

/** Every event name, in the order a typical session emits them. */
export const HARNESS_CONNECT_EVENT_NAMES = [
  'open',
  'step_view',
  'key_pasted',
  'account_filled_from_token',
  'account_filled_from_url',
  'validation_error',
  'submit',
  'verify_start',
  'verify_success',
  'verify_error',
  'retry',
  'cancel',
  'success',
  'close',
] as const;

export type HarnessConnectEventName = (typeof HARNESS_CONNECT_EVENT_NAMES)[number];

/** The safe metadata each event carries besides `type`, `sessionId` and `timestamp`. */
export interface HarnessConnectEventMetadata {
  /** The dialog opened. */
  open: Record<never, never>;
  /** A step of the guide was shown. */
  step_view: { step: HarnessConnectStep };
  /**
   * Something was pasted into the API Key field (`tokenKind`/`format` are null when it is not a Harness key),
   * or a Harness key was pasted on a guide step, which opens the form with it.
   */
  key_pasted: { tokenKind: HarnessTokenKind | null; format: HarnessTokenFormat | null };
  /** The Account Identifier was filled from the account id the pasted token carries. */
  account_filled_from_token: { accountId: string };
  /** A Harness address was pasted into the Account Identifier; only its id was kept. */
  account_filled_from_url: { accountId: string };
  /** The form was submitted with problems found locally; no request was made. */
  validation_error: { issues: Array<{ field: HarnessCredentialField; problem: string | null }> };
  /** The form was submitted with credentials that passed the local checks. */
  submit: Record<never, never>;
  /** `connect` was called. */
  verify_start: Record<never, never>;
  /** `connect` resolved. */
  verify_success: { accountId: string; tokenKind: HarnessTokenKind };
  /** `connect` rejected (not for a cancellation, which is `cancel`). */
  verify_error: { code: HarnessConnectErrorCode; field: HarnessCredentialField | null; retryable: boolean };
  /** "Try again" after a retryable failure. */
  retry: Record<never, never>;
  /** A running verification was cancelled (the Cancel button, or the dialog closed while verifying). */
  cancel: Record<never, never>;
  /** The connection was made (or renewed, in `reconnect` mode) and handed to `onSuccess`. */
  success: { accountId: string; tokenKind: HarnessTokenKind; mode: HarnessConnectMode };
  /** The dialog closed. */
  close: { reason: HarnessConnectCloseReason };
}

/** One event, as `onEvent` receives it and as the `detail` of the DOM event `harness-connect-<type>`. */
export type HarnessConnectEvent = {
  [K in HarnessConnectEventName]: {
    type: K;
    /** The same for every event of one opening of the dialog. */
    sessionId: string;
    /** ISO 8601. */
    timestamp: string;
  } & HarnessConnectEventMetadata[K];
}[HarnessConnectEventName];

/** A per-opening id: unique enough to group one session's events; not a secret and not a security token. */
export function createSessionId(): string {
  return `hc_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
