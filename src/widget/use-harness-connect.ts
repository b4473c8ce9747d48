/**
 * The headless flow: open state (controlled or not), the steps, the connect mutation and the events.
 * `<HarnessConnect/>` is a thin view over it; hosts that render their own UI can use it directly.
 */
import { QueryClient, useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { reconnectAccountMismatchMessage, type HarnessCredentials } from '../core/credentials.js';
import { HarnessConnectError, toHarnessConnectError } from '../core/errors.js';
import { DEFAULT_EXPIRY_WARNING_DAYS, expiresWithin } from '../core/expiry.js';
import { ownOption } from '../core/own-option.js';
import { isHarnessPrincipal, isSamePrincipal } from '../core/principal.js';
import { withoutSecretIn } from '../core/scrub-result.js';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import type { VerifyHarnessTokenOptions } from '../core/verify.js';
import { parseHarnessToken } from '../core/token.js';
import {
  createSessionId,
  type HarnessConnectCloseReason,
  type HarnessConnectEvent,
  type HarnessConnectEventMetadata,
  type HarnessConnectEventName,
} from './events.js';
import {
  flowReducer,
  initialFlowState,
  stepsOf,
  type HarnessConnectFlowState,
  type HarnessConnection,
  type HarnessConnectStep,
} from './flow.js';
import { callHost } from './host-callback.js';
import { existingConnectionOf, ownProps, warnOnce } from './props.js';
import type { HarnessConnectExisting, UseHarnessConnectOptions } from './types.js';
import { useLatest } from './use-latest.js';

/** How a call to `submit` ended. `ignored`: another verification was already running, or the dialog is closed. */
export type HarnessConnectSubmitOutcome<TResult = HarnessTokenVerification> =
  | { status: 'success'; connection: HarnessConnection<TResult> }
  | { status: 'error'; error: HarnessConnectError }
  | { status: 'cancelled' }
  | { status: 'ignored' };

/**
 * What `useHarnessConnect` returns: the flow's state (`open`, `sessionId` — the current or last opening's id,
 * as in every event — `step`, `status`, `error` until the next attempt or step change, `connection`) and
 * the actions.
 */
export interface UseHarnessConnectResult<TResult = HarnessTokenVerification> extends HarnessConnectFlowState<TResult> {
  /** Opens the dialog. */
  openDialog: () => void;
  /** Closes the dialog, aborting any verification. `completed` is for Done on the success view. */
  close: (reason?: HarnessConnectCloseReason) => void;
  goTo: (step: HarnessConnectStep) => void;
  next: () => void;
  back: () => void;
  /**
   * When a failure asked to wait (its `retryAfterMs`, from a Retry-After): the time (epoch ms) until which
   * `submit` is ignored; `null` when there is nothing to wait for. Kept across a change of either field and a
   * reopening: the wait is the server's, not the form's.
   */
  retryAt: number | null;
  /**
   * Runs `connect` with checked credentials (the schema's output). Ignored while one runs, and until
   * `retryAt` has passed.
   */
  submit: (credentials: HarnessCredentials, options?: { retry?: boolean }) => Promise<HarnessConnectSubmitOutcome<TResult>>;
  /** Aborts a running verification; the typed values stay. */
  cancel: () => void;
  /** Forgets the last failure (the widget calls it when either field changes). */
  clearError: () => void;
  /** Reports an event (with this session's id and a timestamp) to `onEvent` and the event target. */
  emit: <K extends HarnessConnectEventName>(type: K, metadata: HarnessConnectEventMetadata[K]) => void;
}

/**
 * What the mutation is called with: only an attempt number. The credentials stay in a ref the mutation
 * function takes them from, so react-query's cache (and its devtools) never hold the key.
 */
interface ConnectVariables {
  attempt: number;
}

interface PendingAttempt {
  attempt: number;
  credentials: HarnessCredentials;
  signal: AbortSignal;
}

/**
 * Radix-style guard, in development builds only: switching between controlled and uncontrolled mid-life
 * makes the open state jump, so the developer is told once per switch. A production build (a bundler that
 * defines `process.env.NODE_ENV` as `"production"`, as hosts' bundlers do) keeps only the empty function.
 */
const useModeSwitchWarning =
  process.env.NODE_ENV === 'production'
    ? () => {}
    : (isControlled: boolean) => {
        const wasControlled = useRef(isControlled);
        useEffect(() => {
          if (wasControlled.current === isControlled) return;
          wasControlled.current = isControlled;
          console.warn(
            `harness-connect: \`open\` went from ${isControlled ? 'uncontrolled to controlled' : 'controlled to uncontrolled'}. Pass it always (with \`onOpenChange\`) or never (with \`defaultOpen\`).`,
          );
        }, [isControlled]);
      };

/**
 * The default `connect`: verifies straight from the browser with Harness. The verifier is fetched only when
 * a host gives no `connect` of its own: hosts that verify on their server (the production set-up, since
 * Harness's CORS list rarely admits a third-party origin) never download it at all.
 */
async function verifyInBrowser(credentials: HarnessCredentials, options: VerifyHarnessTokenOptions) {
  const { verifyHarnessToken } = await import('../core/verify.js');
  return verifyHarnessToken(credentials, options);
}

/**
 * A reconnect must renew the same principal's access: a key that verified but acts as someone else is a
 * failure (`principal_mismatch`), and nothing is reported as success. When the stored connection names its
 * principal, a result that does not say who the key acts as fails too: it cannot be told apart.
 */
function assertSamePrincipal(result: unknown, existing: HarnessConnectExisting | null): void {
  const expected = existing?.principal;
  if (!expected) return;
  // The result's own fields: a principal found on a polluted Object.prototype must not pass for the key's.
  const stated = (typeof result === 'object' && result !== null ? result : {}) as { principal?: unknown; accountName?: unknown };
  const principal = ownOption(stated, 'principal');
  const accountName = ownOption(stated, 'accountName');
  const known = isHarnessPrincipal(principal) ? principal : null;
  if (known !== null && isSamePrincipal(expected, known)) return;
  throw new HarnessConnectError('principal_mismatch', {
    principal: known,
    accountName: typeof accountName === 'string' ? accountName : null,
    detail:
      known === null
        ? `harness-connect: the result does not say who the key acts as, so it cannot be compared with ${expected.identifier}.`
        : `harness-connect: the key acts as ${known.kind} ${known.identifier ?? '(unknown)'}, not ${expected.identifier}.`,
  });
}

/**
 * Before anything is sent: a reconnect without a usable stored connection is the host's set-up error, and one
 * given credentials of another account (a headless host's own form) renews nothing. Either could otherwise
 * hand the host another account's key to store in place of the old one.
 */
function refuseUnusableReconnect(credentials: HarnessCredentials, options: Pick<UseHarnessConnectOptions<unknown>, 'mode' | 'connection'>): void {
  if (options.mode !== 'reconnect') return;
  const existing = existingFor(options);
  if (existing === null) {
    throw new HarnessConnectError('configuration', {
      detail: 'harness-connect: mode="reconnect" was given no usable connection (its accountId is missing or not an account identifier).',
    });
  }
  if (credentials.accountId !== existing.accountId) {
    throw new HarnessConnectError('account_mismatch', {
      field: 'apiKey',
      message: reconnectAccountMismatchMessage(credentials.accountId, existing.accountName ?? existing.accountId),
      detail: `harness-connect: reconnecting ${existing.accountId}, given credentials for ${credentials.accountId}. Nothing was sent.`,
    });
  }
}

/** The stored connection a reconnect renews, when the host gave a usable one; `null` otherwise. */
function existingFor(options: Pick<UseHarnessConnectOptions<unknown>, 'mode' | 'connection'>): HarnessConnectExisting | null {
  if (options.mode !== 'reconnect') return null;
  const existing = existingConnectionOf(options.connection);
  if (existing === null) {
    if (process.env.NODE_ENV !== 'production') {
      warnOnce('connection', 'mode="reconnect" needs connection={{ accountId, accountName?, principal? }} with the stored account identifier; without it nothing can be reconnected.');
    }
  }
  return existing;
}

/** The expiry a result states (`expiresAt`, as a `HarnessTokenVerification` has it); `null` when none. */
function expiresAtOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const expiresAt = ownOption(result as { expiresAt?: unknown }, 'expiresAt');
  return typeof expiresAt === 'string' ? expiresAt : null;
}

/**
 * The longest the widget holds the person back after a Retry-After. The core allows waits up to ten
 * minutes; a countdown that long reads as broken, and a retry sent early only meets another wait.
 */
export const MAX_RETRY_WAIT_MS = 2 * 60 * 1000;

/** The mutation's cache key, for hosts that share their QueryClient and watch it. */
const CONNECT_MUTATION_KEY = ['harness-connect', 'connect'] as const;

export function useHarnessConnect<TResult = HarnessTokenVerification>(
  hostOptions: UseHarnessConnectOptions<TResult> = {},
): UseHarnessConnectResult<TResult> {
  // Only what the host set: an option missing here is never found on a polluted Object.prototype (see ownProps).
  const options = ownProps(hostOptions);
  const latest = useLatest(options);
  const [uncontrolledOpen, setUncontrolledOpen] = useState(options.defaultOpen ?? false);
  const open = options.open ?? uncontrolledOpen;
  const [state, dispatch] = useReducer(flowReducer<TResult>, undefined, initialFlowState<TResult>);

  // A new session per opening, decided while rendering so the first paint of the dialog already has it.
  const mode = options.mode ?? 'connect';
  if (open !== state.open) {
    if (open) dispatch({ type: 'open', sessionId: createSessionId(), steps: stepsOf(mode) });
    else dispatch({ type: 'close' });
  }

  useModeSwitchWarning(options.open !== undefined);

  const [privateClient] = useState(() => new QueryClient());
  const pendingAttempt = useRef<PendingAttempt | null>(null);
  const mutation = useMutation<TResult, HarnessConnectError, ConnectVariables>(
    {
      mutationKey: CONNECT_MUTATION_KEY,
      mutationFn: async ({ attempt }) => {
        const pending = pendingAttempt.current;
        pendingAttempt.current = null;
        // Aborted (no pending attempt) or superseded before react-query got to run it.
        if (pending?.attempt !== attempt) throw new HarnessConnectError('aborted');
        const { credentials, signal } = pending;
        const { connect, baseUrl, allowedHosts, requiredPermissions, permissionCheck, expiryWarningDays } = latest.current;
        try {
          refuseUnusableReconnect(credentials, latest.current);
          const result = connect
            ? await connect(credentials, { signal })
            : // Without a `connect`, the result is a `HarnessTokenVerification`: `TResult`'s default.
              ((await verifyInBrowser(credentials, {
                baseUrl,
                allowedHosts,
                requiredPermissions,
                permissionCheck,
                expiryWarningDays,
                signal,
              })) as TResult);
          // Whatever the host's result holds (a response object keeps its request body), the key stays out.
          const scrubbed = withoutSecretIn(result, credentials.apiKey);
          assertSamePrincipal(scrubbed, existingFor(latest.current));
          return scrubbed;
        } catch (thrown) {
          // The mutation itself rejects with the scrubbed error, so a host's QueryClient (its MutationCache's
          // `onError`, `mutation.state.error`) never sees a raw rejection that may hold the key.
          throw toHarnessConnectError(thrown, credentials.apiKey);
        }
      },
      // Retrying is the person's decision ("Try again"): a silent retry could double a host's side effects.
      retry: false,
      // Nothing to keep once the widget has read the outcome.
      gcTime: 0,
      // Set, to nothing: react-query reads these options plainly, so left out, a polluted Object.prototype's
      // `onError` or `onSuccess` would hear of every attempt. The widget reports through the host's own callbacks.
      onMutate: undefined,
      onSuccess: undefined,
      onError: undefined,
      onSettled: undefined,
    },
    options.queryClient ?? privateClient,
  );
  const { mutateAsync, reset: resetMutation } = mutation;

  // The flow state as last rendered, for callbacks that must not go stale (submit, announce, clearError).
  const stateNow = useLatest(state);
  const inFlight = useRef<AbortController | null>(null);
  const closeReason = useRef<HarnessConnectCloseReason>('dismissed');
  const attemptCounter = useRef(0);
  // The state renders the countdown; the ref is what `submit` checks (a click lands before React renders).
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const retryAtRef = useRef<number | null>(null);

  /** `emit`, given the key while a submit has it in hand, so that a host's throw is reported without it. */
  const announce = useCallback(
    <K extends HarnessConnectEventName>(type: K, metadata: HarnessConnectEventMetadata[K], apiKey?: string) => {
      const sessionId = stateNow.current.sessionId;
      if (sessionId === null) return;
      const event = { ...metadata, type, sessionId, timestamp: new Date().toISOString() } as HarnessConnectEvent;
      callHost('onEvent', latest.current.onEvent, [event], apiKey);
      // A listener's throw never reaches here: the DOM reports it and goes on to the next listener.
      latest.current.eventTarget?.current?.dispatchEvent(
        new CustomEvent(`harness-connect-${type}`, { detail: event, bubbles: true, composed: true }),
      );
    },
    [latest, stateNow],
  );
  const emit = useCallback(
    <K extends HarnessConnectEventName>(type: K, metadata: HarnessConnectEventMetadata[K]) => announce(type, metadata),
    [announce],
  );

  const setOpen = useCallback(
    (next: boolean) => {
      if (latest.current.open === undefined) setUncontrolledOpen(next);
      callHost('onOpenChange', latest.current.onOpenChange, [next]);
    },
    [latest],
  );

  /** Aborts the running verification, if any; says whether there was one. */
  const abortInFlight = useCallback(() => {
    const controller = inFlight.current;
    pendingAttempt.current = null;
    inFlight.current = null;
    controller?.abort();
    return controller !== null;
  }, []);

  const cancel = useCallback(() => {
    if (!abortInFlight()) return;
    dispatch({ type: 'cancel' });
    emit('cancel', {});
  }, [abortInFlight, emit]);

  // Unmounted mid-verification (the host removed the widget): nobody is left to hear the answer.
  useEffect(() => () => void abortInFlight(), [abortInFlight]);

  // Announcements per session. The refs make StrictMode's second effect run a no-op: one 'open', one 'close'.
  const announcedOpen = useRef<string | null>(null);
  const announcedClose = useRef<string | null>(null);
  const announcedStep = useRef<string | null>(null);
  const { step, sessionId } = state;
  useEffect(() => {
    if (sessionId === null) return;
    if (open) {
      if (announcedOpen.current !== sessionId) {
        announcedOpen.current = sessionId;
        emit('open', {});
      }
      const stepKey = `${sessionId}:${step}`;
      if (announcedStep.current !== stepKey) {
        announcedStep.current = stepKey;
        emit('step_view', { step });
      }
      return;
    }
    if (announcedClose.current === sessionId || announcedOpen.current !== sessionId) return;
    announcedClose.current = sessionId;
    // Closing aborts a running verification; its late answer is dropped by the checks in `submit`.
    if (abortInFlight()) emit('cancel', {});
    resetMutation();
    const reason = closeReason.current;
    closeReason.current = 'dismissed';
    emit('close', { reason });
    callHost('onClose', latest.current.onClose, [reason]);
  }, [open, sessionId, step, emit, abortInFlight, resetMutation, latest]);

  const close = useCallback(
    (reason: HarnessConnectCloseReason = 'dismissed') => {
      if (!stateNow.current.open) return;
      closeReason.current = reason;
      setOpen(false);
    },
    [setOpen, stateNow],
  );

  const openDialog = useCallback(() => setOpen(true), [setOpen]);

  const submit = useCallback(
    async (credentials: HarnessCredentials, submitOptions: { retry?: boolean } = {}): Promise<HarnessConnectSubmitOutcome<TResult>> => {
      const session = stateNow.current.sessionId;
      // The ref, not the status: a double click lands twice before React renders the pending state. (While
      // open there is always a session.)
      if (inFlight.current !== null || !stateNow.current.open) return { status: 'ignored' };
      if (retryAtRef.current !== null && Date.now() < retryAtRef.current) return { status: 'ignored' };
      const controller = new AbortController();
      inFlight.current = controller;
      const { apiKey } = credentials;
      announce(submitOptions.retry ? 'retry' : 'submit', {}, apiKey);
      announce('verify_start', {}, apiKey);
      dispatch({ type: 'verify_start' });
      // Aborting (cancel, close, unmount) also clears `inFlight`: an aborted attempt is no longer the current one.
      const isStale = () => inFlight.current !== controller || stateNow.current.sessionId !== session;
      try {
        attemptCounter.current += 1;
        const attempt = attemptCounter.current;
        pendingAttempt.current = { attempt, credentials, signal: controller.signal };
        const result = await mutateAsync({ attempt });
        if (isStale()) return { status: 'cancelled' };
        inFlight.current = null;
        const token = parseHarnessToken(credentials.apiKey);
        const now = new Date();
        const expiresAt = expiresAtOf(result);
        const warningDays = latest.current.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
        const connection: HarnessConnection<TResult> = {
          provider: 'harness',
          accountId: credentials.accountId,
          tokenKind: token.ok ? token.kind : 'pat',
          tokenHint: token.ok ? token.hint : '',
          result,
          connectedAt: now.toISOString(),
          expiresAt,
          expiresSoon: expiresWithin(expiresAt, warningDays, now.getTime()),
          mode: latest.current.mode ?? 'connect',
        };
        retryAtRef.current = null;
        setRetryAt(null);
        dispatch({ type: 'verify_success', connection });
        // `emit` copies the metadata into each event, so both can share it.
        const connected = { accountId: connection.accountId, tokenKind: connection.tokenKind };
        announce('verify_success', connected, apiKey);
        announce('success', { ...connected, mode: connection.mode }, apiKey);
        callHost('onSuccess', latest.current.onSuccess, [connection], apiKey);
        return { status: 'success', connection };
      } catch (thrown) {
        if (isStale()) return { status: 'cancelled' };
        inFlight.current = null;
        // The mutation rejects with a scrubbed error already; anything else that may reject here goes through
        // the same scrub, so a host backend that echoes the key in its error text cannot hand it to onError.
        const error = toHarnessConnectError(thrown, credentials.apiKey);
        if (error.code === 'aborted') {
          // The host's connect aborted on its own: not a failure to show, the person can simply try again.
          dispatch({ type: 'cancel' });
          announce('cancel', {}, apiKey);
          return { status: 'cancelled' };
        }
        const wait = error.retryAfterMs === null ? 0 : Math.min(error.retryAfterMs, MAX_RETRY_WAIT_MS);
        retryAtRef.current = wait > 0 ? Date.now() + wait : null;
        setRetryAt(retryAtRef.current);
        dispatch({ type: 'verify_error', error });
        announce('verify_error', { code: error.code, field: error.field, retryable: error.retryable }, apiKey);
        callHost('onError', latest.current.onError, [error], apiKey);
        return { status: 'error', error };
      }
    },
    [announce, mutateAsync, latest, stateNow],
  );

  const goTo = useCallback((target: HarnessConnectStep) => dispatch({ type: 'go', step: target }), []);
  const next = useCallback(() => dispatch({ type: 'next' }), []);
  const back = useCallback(() => dispatch({ type: 'back' }), []);
  // Called on every change of a field: with no failure shown it dispatches nothing, because a dispatch, even one
  // the reducer ignores, costs the host a second render and commit per keystroke.
  const clearError = useCallback(() => {
    if (stateNow.current.status === 'error') dispatch({ type: 'clear_error' });
  }, [stateNow]);

  // The flow state's fields as they are (`open` is the controlled or uncontrolled truth, not the reducer's copy).
  return {
    ...state,
    open,
    retryAt,
    openDialog,
    close,
    goTo,
    next,
    back,
    submit,
    cancel,
    clearError,
    emit,
  };
}
