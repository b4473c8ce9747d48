/**
 * `mode="reconnect"`: renewing the key of a stored connection (`connection`). The dialog says which account it
 * renews, skips the account step and keeps the account fixed; a key of another account is refused before any
 * request, and a key acting as another user or service account after Harness has said who it is.
 */
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import { HarnessConnect, type HarnessConnectError, type HarnessConnection, type HarnessConnectExisting } from '../src/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../src/testing/index.ts';
import type { StoryControls } from './controls.ts';
import { harnessMock } from './harness.ts';
import {
  callsOf,
  connectedHeading,
  dialogName,
  expectFieldError,
  expectFieldsValid,
  fillAndConnect,
  focusedIn,
  harnessPosts,
  widgetIn,
} from './play.ts';

/**
 * The connection being renewed, as a host stored it when Ada linked her account: the route's (or the
 * verification's) `accountId`, `accountName` and `principal`. The identifier is the mock's id for Ada Lovelace,
 * which Harness answers as the token's `parentIdentifier`.
 */
const ADAS_CONNECTION: HarnessConnectExisting = {
  accountId: ACCOUNTS.primary.id,
  accountName: ACCOUNTS.primary.name,
  principal: { kind: 'user', identifier: 'kQ7tR2mX9vLpZ4nW8sYc1A', name: 'Ada Lovelace' },
};

const meta = preview.type<{ args: StoryControls }>().meta({
  title: 'HarnessConnect/Reconnect',
  component: HarnessConnect,
  args: { defaultOpen: true, mode: 'reconnect', connection: ADAS_CONNECTION, onSuccess: fn(), onError: fn(), onEvent: fn() },
});

/** The first step: which connection is renewed, a new token for the same person, two steps instead of three. */
export const FirstStep = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t, say } = widget;
    await expect(await view.findByRole('dialog', { name: dialogName(widget, 'reconnect') })).toBeVisible();
    await expect(view.getByText(say(t.reconnectFor, { account: ACCOUNTS.primary.name }), { exact: false })).toBeVisible();
    await expect(view.getByText(say(t.reconnectKeyIntro, { who: 'Ada Lovelace' }), { exact: false })).toBeVisible();
    await expect(view.getByText(say(t.stepOf, { current: widget.number(1), total: widget.number(2) }))).toBeVisible();
    // No account step: Next leads straight to the form, where the account is fixed.
    await userEvent.click(view.getByRole('button', { name: t.next }));
    await expect(await view.findByRole('heading', { name: t.formTitle })).toBeVisible();
    const account = view.getByLabelText(t.accountId);
    await expect(account).toHaveValue(ACCOUNTS.primary.id);
    await expect(account).toHaveAttribute('readonly');
    await expect(account).toHaveAccessibleDescription(say(t.accountFixedHint));
  },
});

/** Ada's rotated key for the same account: renewed, and the host is told it was a reconnect. */
export const RenewedWithRotatedKey = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await fillAndConnect(widget, TOKENS.patRotated);
    await expect(await view.findByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name, 'reconnect') })).toBeVisible();
    await waitFor(() => expect(focusedIn(widget)).toBe(view.getByRole('button', { name: t.finish })));
    await waitFor(() => expect(callsOf(context.args.onSuccess)).toHaveLength(1));
    const connection = callsOf(context.args.onSuccess)[0]![0] as HarnessConnection;
    await expect(connection).toMatchObject({
      accountId: ACCOUNTS.primary.id,
      mode: 'reconnect',
      expiresAt: '2032-01-01T00:00:00.000Z',
      result: { principal: { identifier: ADAS_CONNECTION.principal!.identifier } },
    });
    await expect(context.args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'success', mode: 'reconnect' }));
  },
});

/** A key of another account: refused at the key, naming both accounts, before anything is sent to Harness. */
export const AnotherAccountRefused = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { apiKey, account } = await fillAndConnect(widget, TOKENS.otherAccount);
    const message = widget.say(widget.t.keyProblems.other_account, { token: ACCOUNTS.other.id, expected: ACCOUNTS.primary.name });
    await expectFieldError(widget, apiKey, message);
    await expectFieldsValid(account);
    await expect(account).toHaveValue(ACCOUNTS.primary.id);
    await expect(harnessMock.requests).toEqual([]);
    await expect(context.args.onError).not.toHaveBeenCalled();
    await expect(context.args.onSuccess).not.toHaveBeenCalled();
  },
});

/** A valid key of the same account acting as someone else: refused once Harness says who, nothing succeeds. */
export const AnotherPrincipalRefused = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    const { apiKey } = await fillAndConnect(widget, TOKENS.missingPermission);
    await waitFor(() => expect(callsOf(context.args.onError)).toHaveLength(1));
    const error = callsOf(context.args.onError)[0]![0] as HarnessConnectError;
    await expect(error).toMatchObject({
      code: 'principal_mismatch',
      field: 'apiKey',
      retryable: false,
      accountName: ACCOUNTS.primary.name,
      principal: { kind: 'user', name: 'Charles Babbage' },
    });
    // Who the key acts as, and whom the connection had: both named.
    await expectFieldError(widget, apiKey, widget.say(t.principalMismatchNamed, { who: 'Charles Babbage', expected: 'Ada Lovelace' }));
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    // Harness was asked (that is how the widget learnt who the key acts as), and nothing was reported as a success.
    await expect(harnessPosts().some((request) => request.path.endsWith('/token/validate'))).toBe(true);
    await expect(context.args.onSuccess).not.toHaveBeenCalled();
    await expect(context.args.onEvent).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'success' }));
    await expect(view.queryByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name, 'reconnect') })).toBeNull();
    await expect(view.getByRole('button', { name: t.connect })).toBeVisible();
  },
});
