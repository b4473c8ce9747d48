/**
 * Every error code that can reach a person through the default `connect` (the browser asking the Harness
 * mock), plus a timeout and a host's plain Error: each shown at its field or as a banner in the words of the
 * story's language, with the form's primary button reading "Try again" only when trying again can help, and
 * "Copy details" on every banner for a support request.
 */
import { expect, fn, spyOn, userEvent, waitFor } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import {
  HARNESS_CONNECT_ERROR_CODES,
  HarnessConnect,
  type HarnessConnectConnect,
  type HarnessConnectError,
  type HarnessConnectErrorCode,
  type HarnessPermissionRequirement,
} from '../src/index.ts';
import { verifyHarnessToken } from '../src/core/index.ts';
import type { HarnessFault } from '../src/testing/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../src/testing/index.ts';
import type { StoryControls } from './controls.ts';
import { harnessMock } from './harness.ts';
import {
  callsOf,
  connectedHeading,
  expectFieldError,
  expectFieldsValid,
  fillAndConnect,
  harnessPosts,
  widgetIn,
  type PlayContext,
  type Widget,
} from './play.ts';

const meta = preview.type<{ args: StoryControls }>().meta({
  title: 'HarnessConnect/Errors',
  component: HarnessConnect,
  args: { defaultOpen: true, onError: fn(), onSuccess: fn() },
});

/** What the app needs a key to do, as a host asks for it (labels in the host's own words). */
const PIPELINE_PERMISSIONS: HarnessPermissionRequirement[] = [
  { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' },
  { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Run pipelines' },
];

/** The host's outbound addresses (documentation ranges, RFC 5737), for an account with an IP allow-list. */
const EGRESS_IPS = ['203.0.113.7', '198.51.100.24'];

interface Failure {
  apiKey: string;
  accountId?: string;
  fault?: HarnessFault;
  code: Exclude<HarnessConnectErrorCode, 'aborted'>;
  /** Where the person reads it: under a field, or in the banner. */
  place: 'apiKey' | 'accountId' | 'banner';
  /** Whether trying again can help: the form's primary button then reads "Try again". */
  retry: boolean;
}

/** The one error `onError` received, once it has. */
async function errorOf(onError: unknown): Promise<HarnessConnectError> {
  await waitFor(() => expect(callsOf(onError)).toHaveLength(1));
  return callsOf(onError)[0]![0] as HarnessConnectError;
}

/** The banner's text: the failure in the catalogue's words, and the addresses to allow when there are some. */
function bannerText(widget: Widget, error: HarnessConnectError, egressIps: readonly string[] | undefined): string {
  const addresses = error.code === 'ip_not_allowed' ? (error.egressIps ?? egressIps ?? []) : [];
  const text = widget.sayError(error);
  return addresses.length > 0 ? `${text} ${widget.say(widget.t.egressList, { ips: widget.list(addresses) })}` : text;
}

/** A story whose play function submits the credentials and checks how the failure is shown. */
function failure({ apiKey, accountId, fault, code, place, retry }: Failure) {
  return {
    beforeEach: () => {
      if (fault) harnessMock.setFault(fault);
    },
    play: async (context: PlayContext) => {
      const { args } = context;
      await expect(HARNESS_CONNECT_ERROR_CODES).toContain(code);
      const widget = await widgetIn(context);
      const { view, t } = widget;
      const inputs = await fillAndConnect(widget, apiKey, accountId);
      const error = await errorOf(args.onError);
      await expect(error.code).toBe(code);
      await expect(error.retryable).toBe(retry);
      if (place === 'banner') {
        const banner = await view.findByRole('alert');
        await expect(banner).toHaveTextContent(bannerText(widget, error, args.egressIps));
        await expect(view.getByRole('button', { name: t.copyDetails })).toBeVisible();
        await expectFieldsValid(inputs.apiKey, inputs.account);
        // One way to try again: the form's own primary button, named for what it does now.
        await expect(view.queryByRole('button', { name: t.retry }) !== null).toBe(retry);
        await expect(view.queryByRole('button', { name: t.connect }) !== null).toBe(!retry);
      } else {
        const input = place === 'apiKey' ? inputs.apiKey : inputs.account;
        await expectFieldError(widget, input, widget.sayError(error));
        await expectFieldsValid(place === 'apiKey' ? inputs.account : inputs.apiKey);
        await expect(view.getAllByRole('alert')).toHaveLength(1);
        await expect(view.queryByRole('button', { name: t.retry })).toBeNull();
        await waitFor(() => expect(widget.root.activeElement).toBe(input));
      }
      // What the person typed is kept, to correct it.
      await expect(inputs.apiKey).toHaveValue(apiKey);
      await expect(args.onSuccess).not.toHaveBeenCalled();
    },
  };
}

export const InvalidTokenWrongSecret = meta.story(failure({ apiKey: TOKENS.wrongSecret, code: 'invalid_token', place: 'apiKey', retry: false }));

export const InvalidTokenDeleted = meta.story(failure({ apiKey: TOKENS.revoked, code: 'invalid_token', place: 'apiKey', retry: false }));

/** An admin revoked the key in Harness (`REVOKED_TOKEN`): create a new one. */
export const RevokedToken = meta.story(failure({ apiKey: TOKENS.revokedByAdmin, code: 'revoked_token', place: 'apiKey', retry: false }));

export const ExpiredToken = meta.story(failure({ apiKey: TOKENS.expired, code: 'expired_token', place: 'apiKey', retry: false }));

export const AccountMismatchFromHarness = meta.story(
  failure({ apiKey: TOKENS.legacy, accountId: ACCOUNTS.other.id, code: 'account_mismatch', place: 'accountId', retry: false }),
);

/** The account was deactivated (`INACTIVE_ACCOUNT`): told at the Account Identifier. */
export const AccountInactive = meta.story(failure({ apiKey: TOKENS.inactiveAccount, code: 'account_inactive', place: 'accountId', retry: false }));

/** The account was deleted (`ACCOUNT_DOES_NOT_EXIST`): the same code and place as an inactive one. */
export const AccountDeleted = meta.story(failure({ apiKey: TOKENS.deletedAccount, code: 'account_inactive', place: 'accountId', retry: false }));

/** The person behind the key was disabled (`USER_DISABLED`): only an admin can help. */
export const PrincipalDisabled = meta.story(failure({ apiKey: TOKENS.disabledUser, code: 'principal_disabled', place: 'banner', retry: false }));

/**
 * The same banner in the sample brands' looks. A brand's accent-derived link colour can fall under 4.5:1 on the
 * banner's danger tint, so the banner's "Copy details" is drawn in the text colour, underlined: axe checks each.
 */
export const PrincipalDisabledVerdant = PrincipalDisabled.extend({ globals: { look: 'verdant' } });
export const PrincipalDisabledNightjar = PrincipalDisabled.extend({ globals: { look: 'nightjar' } });
export const PrincipalDisabledEmber = PrincipalDisabled.extend({ globals: { look: 'ember' } });

/** The account's IP allow-list blocks the app (`NOT_WHITELISTED_IP`): the banner lists the app's addresses to allow. */
export const IpNotAllowed = meta.story({
  ...failure({ apiKey: TOKENS.restricted, code: 'ip_not_allowed', place: 'banner', retry: false }),
  args: { egressIps: EGRESS_IPS },
  play: async (context) => {
    await failure({ apiKey: TOKENS.restricted, code: 'ip_not_allowed', place: 'banner', retry: false }).play(context);
    const widget = await widgetIn(context);
    for (const ip of EGRESS_IPS) await expect(widget.view.getByRole('alert')).toHaveTextContent(ip);
  },
});

/** Harness could not say what the key may do (the ACL call failed): nothing is stored, and trying again may help. */
export const PermissionsUnknown = meta.story({
  ...failure({ apiKey: TOKENS.aclUnavailable, code: 'permissions_unknown', place: 'banner', retry: true }),
  args: { requiredPermissions: PIPELINE_PERMISSIONS },
});

export const InvalidRequestUnknownAccount = meta.story(
  failure({ apiKey: TOKENS.legacy, accountId: 'Zz9UnknownAccount00000', code: 'invalid_request', place: 'accountId', retry: false }),
);

export const WrongHostNotFound = meta.story(failure({ apiKey: TOKENS.pat, fault: 'not_found', code: 'wrong_host', place: 'banner', retry: false }));

export const WrongHostRedirect = meta.story(failure({ apiKey: TOKENS.pat, fault: 'redirect', code: 'wrong_host', place: 'banner', retry: false }));

export const WrongHostHtml = meta.story(failure({ apiKey: TOKENS.pat, fault: 'html', code: 'wrong_host', place: 'banner', retry: false }));

export const RateLimited = meta.story(failure({ apiKey: TOKENS.pat, fault: 'rate_limited', code: 'rate_limited', place: 'banner', retry: true }));

export const UnavailableServerError = meta.story(
  failure({ apiKey: TOKENS.pat, fault: 'server_error', code: 'unavailable', place: 'banner', retry: true }),
);

export const UnavailableConnectionReset = meta.story(failure({ apiKey: TOKENS.pat, fault: 'reset', code: 'unavailable', place: 'banner', retry: true }));

export const UnavailableMalformedJson = meta.story(
  failure({ apiKey: TOKENS.pat, fault: 'malformed_json', code: 'unavailable', place: 'banner', retry: true }),
);

/** The default verification with a short timeout, against a Harness that never answers. */
const connectWithShortTimeout: HarnessConnectConnect = (credentials, { signal }) => verifyHarnessToken(credentials, { signal, timeoutMs: 300 });

export const Timeout = meta.story({
  ...failure({ apiKey: TOKENS.pat, fault: 'hang', code: 'timeout', place: 'banner', retry: true }),
  args: { connect: connectWithShortTimeout },
});

/** A host's `connect` failing with its own error: the person sees the generic message, not the host's text. */
const connectThatThrows: HarnessConnectConnect = async () => {
  throw new Error('database down');
};

export const UnknownHostError = meta.story({
  args: { connect: connectThatThrows },
  play: async (context) => {
    await failure({ apiKey: TOKENS.pat, code: 'unknown', place: 'banner', retry: true }).play(context);
    const widget = await widgetIn(context);
    await expect(widget.view.getByRole('alert')).not.toHaveTextContent('database down');
  },
});

export const TryAgainSucceeds = meta.story({
  beforeEach: () => harnessMock.setFault('server_error', { times: 1 }),
  play: async (context) => {
    const { args } = context;
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await fillAndConnect(widget, TOKENS.pat);
    const tryAgain = await view.findByRole('button', { name: t.retry });
    await expect(view.getByRole('alert')).toHaveTextContent(widget.sayError({ code: 'unavailable' }));
    await userEvent.click(tryAgain);
    await expect(await view.findByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name) })).toBeVisible();
    await expect(args.onError).toHaveBeenCalledTimes(1);
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(harnessPosts().filter((request) => request.path.endsWith('/token/validate'))).toHaveLength(2);
  },
});

/**
 * "Copy details" puts what a support team needs on the clipboard (the code, Harness's correlation id, the time,
 * the Harness host), never the key, and says it did.
 */
export const CopyDetails = meta.story({
  beforeEach: () => {
    // What the widget hands the clipboard, recorded. A person's click in Storybook copies for real; the play's
    // click is synthetic, and Chromium refuses a clipboard write without a real one: that refusal is left out
    // here (see CopyDetailsRefused).
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    const writeText = spyOn(navigator.clipboard, 'writeText').mockImplementation((text) => write(text).catch(() => undefined));
    return () => writeText.mockRestore();
  },
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await fillAndConnect(widget, TOKENS.disabledUser);
    const error = await errorOf(context.args.onError);
    await userEvent.click(await view.findByRole('button', { name: t.copyDetails }));
    // The button says it, and a screen reader hears it.
    await expect(await view.findByRole('button', { name: t.detailsCopied })).toBeVisible();
    await waitFor(() => expect(view.getAllByRole('status').some((status: HTMLElement) => status.textContent === t.detailsCopied)).toBe(true));
    await expect(navigator.clipboard.writeText).toHaveBeenCalledTimes(1);
    const [details] = callsOf(navigator.clipboard.writeText)[0] as [string];
    await expect(details).toContain('Code: principal_disabled');
    await expect(details).toContain(`Harness correlation id: ${error.correlationId}`);
    await expect(error.harnessCode).toBe('USER_DISABLED');
    await expect(details).toContain('Harness code: USER_DISABLED');
    await expect(details).toContain('Harness: app.harness.io');
    await expect(details).toMatch(/Time: \d{4}-\d{2}-\d{2}T/);
    await expect(details).not.toContain(TOKENS.disabledUser.split('.').at(-1));
  },
});

/** How long a play waits for a promise rejection to surface as `unhandledrejection`. */
const REJECTION_WAIT_MS = 100;

/**
 * A host page that does not allow the clipboard (a `Permissions-Policy` without `clipboard-write`, an iframe
 * without `allow="clipboard-write"`, a click Chromium does not count as one): the widget does not claim it
 * copied, handles the refusal, and shows the details for the person to select and copy by hand.
 */
export const CopyDetailsRefused = meta.story({
  beforeEach: () => {
    const writeText = spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    return () => writeText.mockRestore();
  },
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await fillAndConnect(widget, TOKENS.disabledUser);
    const copy = await view.findByRole('button', { name: t.copyDetails });
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      await userEvent.click(copy);
      await new Promise((resolve) => setTimeout(resolve, REJECTION_WAIT_MS));
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
    await expect(view.queryByRole('button', { name: t.detailsCopied })).toBeNull();
    await expect(unhandled).toEqual([]);
    await expect(await view.findByText(t.copyRefused)).toBeVisible();
    const shown = view.getByText(/principal_disabled/);
    await expect(shown).toBeVisible();
    await expect(shown.textContent).not.toContain(TOKENS.disabledUser.split('.').at(-1));
  },
});
