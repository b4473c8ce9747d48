/**
 * The props an integrator codes against. Callback types are named after their events.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement, ReactNode, RefObject, MouseEvent as ReactMouseEvent } from 'react';
import type { HarnessConnectError } from '../core/errors.js';
import type { HarnessCredentials } from '../core/credentials.js';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import type { HarnessPermissionCheckMode, HarnessPermissionRequirement } from '../core/permissions.js';
import type { HarnessConnectCloseReason, HarnessConnectEvent } from './events.js';
import type { HarnessConnection, HarnessConnectMode } from './flow.js';
import type { HarnessConnectMessagesOverride } from './i18n/en.js';
import type { HarnessConnectLocale } from './i18n/index.js';
import type { HarnessConnectTheme } from './theme.js';

/** `'system'` follows the person's `prefers-color-scheme`, live (a CSS media query, no script). */
export type HarnessConnectColorScheme = 'light' | 'dark' | 'system';

/** The host's product, for white-labelling: it replaces any mention of a hub; nothing names this package. */
export interface HarnessConnectBrand {
  /** The product's name: "Connect Harness to {name}", "lets {name} read your Harness account". */
  name: string;
  /** A logo beside the title: an image URL (shown with empty alt: the name is in the title) or any node. */
  logo?: string | ReactNode;
}

/** The stored connection a reconnect renews: its account, and who its key acted as. */
export interface HarnessConnectExisting {
  accountId: string;
  /** Shown as "Renewing the connection to {accountName}"; the id is shown when there is no name. */
  accountName?: string | null;
  /** A key acting as anyone else is refused (`principal_mismatch`) and nothing is reported as success. */
  principal?: { kind?: 'user' | 'service_account'; identifier: string; name?: string | null } | null;
}

/** What `connect` receives besides the credentials. */
export interface HarnessConnectContext {
  /** Aborts when the person cancels or closes the dialog: pass it to `fetch`. */
  signal: AbortSignal;
}

/** Verifies (and usually stores) the credentials. Reject with a `HarnessConnectError` to point at a field. */
export type HarnessConnectConnect<TResult = HarnessTokenVerification> = (
  credentials: HarnessCredentials,
  context: HarnessConnectContext,
) => Promise<TResult>;

export type HarnessConnectOnSuccess<TResult = HarnessTokenVerification> = (connection: HarnessConnection<TResult>) => void;
export type HarnessConnectOnError = (error: HarnessConnectError) => void;
export type HarnessConnectOnClose = (reason: HarnessConnectCloseReason) => void;
export type HarnessConnectOnEvent = (event: HarnessConnectEvent) => void;
export type HarnessConnectOnOpenChange = (open: boolean) => void;

/** Values the form starts with. There is deliberately no `apiKey`: a key is pasted, never pre-filled. */
export interface HarnessConnectDefaultValues {
  accountId?: string;
}

/** Options of `useHarnessConnect`: everything of `HarnessConnectProps` that is not about rendering. */
export interface UseHarnessConnectOptions<TResult = HarnessTokenVerification> {
  /**
   * Whether the dialog is open (controlled). Pair it with `onOpenChange`.
   * @default undefined (uncontrolled: see `defaultOpen`)
   */
  open?: boolean;
  /**
   * Whether the dialog starts open when uncontrolled.
   * @default false
   */
  defaultOpen?: boolean;
  /**
   * Called whenever the widget wants to open or close (trigger, Close, Escape, Done).
   * @default undefined
   */
  onOpenChange?: HarnessConnectOnOpenChange;
  /**
   * Verifies the credentials. Its `signal` aborts when the person cancels or closes the dialog.
   * @default verifyHarnessToken(credentials, { baseUrl, signal }) (straight from the browser to Harness)
   */
  connect?: HarnessConnectConnect<TResult>;
  /**
   * The Harness address the default `connect` verifies against (a regional cluster or a vanity host).
   * Ignored when `connect` is given.
   * @default 'https://app.harness.io'
   */
  baseUrl?: string;
  /**
   * `'reconnect'` renews the key of a stored connection (`connection`): the dialog is named "Reconnect
   * Harness", skips the account step, shows the account as fixed, refuses a key of another account before any
   * request and a key acting as another principal after verification.
   * @default 'connect'
   */
  mode?: HarnessConnectMode;
  /**
   * The stored connection a reconnect renews. Required with `mode="reconnect"`, ignored otherwise.
   * @default undefined
   */
  connection?: HarnessConnectExisting;
  /**
   * Extra hosts the default `connect` may send the key to: a self-managed Harness (`harness.acme.internal`) or a
   * local mock (`127.0.0.1:4010`). Harness's own clusters and `*.harness.io` are always allowed.
   * @default []
   */
  allowedHosts?: readonly string[];
  /**
   * What your app needs the key to be able to do, checked with Harness before the connection counts (by the
   * default `connect`; a server route takes the same list). Labels are shown to the person: on the first step
   * ("The key for … must be able to: …") and, when some are missing, in the view that says what to ask an admin for.
   * @default [] (no check)
   */
  requiredPermissions?: readonly HarnessPermissionRequirement[];
  /**
   * `'required'`: a permission check Harness cannot answer fails the connection (retryable);
   * `'advisory'`: the key is accepted and the result says `permissions: { checked: false }`.
   * @default 'required'
   */
  permissionCheck?: HarnessPermissionCheckMode;
  /**
   * A key that expires within this many days connects, and the confirmation says so with the date and the
   * days left; `onSuccess` gets `expiresSoon: true`.
   * @default 30
   */
  expiryWarningDays?: number;
  /**
   * Your app's outbound IP addresses, listed to the person when their Harness account's IP allow-list blocks
   * the key, so an admin knows what to allow.
   * @default undefined
   */
  egressIps?: readonly string[];
  /**
   * Called once per successful connection. Never receives the key.
   * @default undefined
   */
  onSuccess?: HarnessConnectOnSuccess<TResult>;
  /**
   * Called once per failed verification (not for a cancellation).
   * @default undefined
   */
  onError?: HarnessConnectOnError;
  /**
   * Called once per close: `'completed'` after Done on the success view, `'dismissed'` otherwise.
   * @default undefined
   */
  onClose?: HarnessConnectOnClose;
  /**
   * Called for every event of the stable list `HARNESS_CONNECT_EVENT_NAMES`. Never carries a secret.
   * @default undefined
   */
  onEvent?: HarnessConnectOnEvent;
  /**
   * The react-query client that runs the connect mutation.
   * @default a private QueryClient, created once per instance
   */
  queryClient?: QueryClient;
  /**
   * Where the `harness-connect-<type>` DOM events are dispatched. `<HarnessConnect/>` passes its host element.
   * @default undefined (no DOM events)
   */
  eventTarget?: RefObject<EventTarget | null>;
}

/** A trigger: any element taking `onClick` (a button, a link styled as one). */
export type HarnessConnectTrigger = ReactElement<{
  onClick?: (event: ReactMouseEvent<HTMLElement>) => void;
  'aria-haspopup'?: 'dialog';
  'aria-expanded'?: boolean;
}>;

/** Props of `<HarnessConnect/>`. */
export interface HarnessConnectProps<TResult = HarnessTokenVerification>
  extends Omit<UseHarnessConnectOptions<TResult>, 'eventTarget'> {
  /**
   * An element that opens the dialog when clicked. It gets `aria-haspopup="dialog"` and `aria-expanded`,
   * and focus returns to it on close.
   * @default undefined (open it with `open` or `defaultOpen`)
   */
  trigger?: HarnessConnectTrigger;
  /**
   * Values the form starts with.
   * @default {}
   */
  defaultValues?: HarnessConnectDefaultValues;
  /**
   * Design tokens, written as the `--hc-*` custom properties on the widget's own host element (a host can
   * set the same properties from its stylesheet instead). With only `accent`, the rest derives from it with
   * WCAG AA text contrast.
   * @default undefined (the built-in calm blue look)
   */
  theme?: HarnessConnectTheme;
  /**
   * Light, dark, or the person's system setting (followed live).
   * @default 'light'
   */
  colorScheme?: HarnessConnectColorScheme;
  /**
   * Drops the default look: only a structural sheet is adopted (the visually-hidden helper), so the
   * host styles every `::part(...)` itself.
   * @default false
   */
  unstyled?: boolean;
  /**
   * The host's product name and logo. The title becomes "Connect Harness to {name}"; the guide speaks of it.
   * @default undefined ("Connect Harness", "this app")
   */
  brand?: HarnessConnectBrand;
  /**
   * Another name for `brand`.
   * @default undefined
   */
  whiteLabel?: HarnessConnectBrand;
  /**
   * The language: a shipped catalogue (`en`, `de`, `fr`, `es`, `ja`, `ar`; others are loaded on demand)
   * or any BCP 47 tag, which picks its language's catalogue (else English) and formats dates and numbers
   * with `Intl`. `ar` lays the dialog out right to left.
   * @default 'en'
   */
  locale?: HarnessConnectLocale | (string & {});
  /**
   * Overrides for any message, over the locale's catalogue (a deep-partial `HarnessConnectMessages`).
   * @default undefined
   */
  messages?: HarnessConnectMessagesOverride;
}
