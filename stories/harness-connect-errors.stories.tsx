/**
 * Every error code that can reach a person through the default `connect` (the browser asking the Harness
 * mock), plus a timeout and a host's plain Error: each shown at its field or as a banner, with "Try again"
 * only when trying again can help.
 */
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import {
  HARNESS_CONNECT_ERROR_CODES,
  HarnessConnect,
  type HarnessConnectConnect,
  type HarnessConnectErrorCode,
} from '../src/index.ts';
import { verifyHarnessToken } from '../src/core/index.ts';
import type { HarnessFault } from '../src/testing/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../src/testing/index.ts';
import { harnessMock } from './harness.ts';
import { callsOf, expectFieldError, expectFieldsValid, fillAndConnect, harnessPosts, widgetIn } from './play.ts';

const meta = preview.meta({
  title: 'HarnessConnect/Errors',
  component: HarnessConnect,
  args: { defaultOpen: true, onError: fn(), onSuccess: fn() },
});

interface Failure {
  apiKey: string;
  accountId?: string;
  fault?: HarnessFault;
  code: Exclude<HarnessConnectErrorCode, 'aborted'>;
  /** Where the person reads it: under a field, or in the banner. */
  place: 'apiKey' | 'accountId' | 'banner';
  /** Whether "Try again" is offered (banners only). */
  retry: boolean;
}

interface FailureContext {
  canvasElement: HTMLElement;
  args: { onError?: unknown; onSuccess?: unknown };
}

/** A story whose play function submits the credentials and checks how the failure is shown. */
function failure({ apiKey, accountId, fault, code, place, retry }: Failure) {
  return {
    beforeEach: () => {
      if (fault) harnessMock.setFault(fault);
    },
    play: async ({ canvasElement, args }: FailureContext) => {
      await expect(HARNESS_CONNECT_ERROR_CODES).toContain(code);
      const widget = await widgetIn(canvasElement);
      const inputs = await fillAndConnect(widget, apiKey, accountId);
      await waitFor(() => expect(callsOf(args.onError)).toHaveLength(1));
      const error = callsOf(args.onError)[0]![0] as { code: string; message: string; retryable: boolean };
      await expect(error.code).toBe(code);
      if (place === 'banner') {
        const banner = await widget.view.findByRole('alert');
        await expect(banner).toHaveTextContent(error.message);
        await expectFieldsValid(inputs.apiKey, inputs.account);
        const tryAgain = widget.view.queryByRole('button', { name: 'Try again' });
        await expect(tryAgain !== null).toBe(retry);
        await expect(error.retryable).toBe(retry);
      } else {
        const input = place === 'apiKey' ? inputs.apiKey : inputs.account;
        await expectFieldError(widget, input, error.message);
        await expectFieldsValid(place === 'apiKey' ? inputs.account : inputs.apiKey);
        await expect(widget.view.getAllByRole('alert')).toHaveLength(1);
        await expect(widget.view.queryByRole('button', { name: 'Try again' })).toBeNull();
        await waitFor(() => expect(widget.root.activeElement).toBe(input));
      }
      // What the person typed is kept, to correct it.
      await expect(inputs.apiKey).toHaveValue(apiKey);
      await expect(args.onSuccess).not.toHaveBeenCalled();
    },
  };
}

export const InvalidTokenWrongSecret = meta.story(failure({ apiKey: TOKENS.wrongSecret, code: 'invalid_token', place: 'apiKey', retry: false }));

export const InvalidTokenRevoked = meta.story(failure({ apiKey: TOKENS.revoked, code: 'invalid_token', place: 'apiKey', retry: false }));

export const ExpiredToken = meta.story(failure({ apiKey: TOKENS.expired, code: 'expired_token', place: 'apiKey', retry: false }));

export const AccountMismatchFromHarness = meta.story(
  failure({ apiKey: TOKENS.legacy, accountId: ACCOUNTS.other.id, code: 'account_mismatch', place: 'accountId', retry: false }),
);

export const IpNotAllowed = meta.story(failure({ apiKey: TOKENS.restricted, code: 'ip_not_allowed', place: 'banner', retry: false }));

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

/** A host's own `connect` failing with its own error: the person sees the generic message, not the host's text. */
const connectThatThrows: HarnessConnectConnect = async () => {
  throw new Error('database down');
};

export const UnknownHostError = meta.story({
  args: { connect: connectThatThrows },
  play: async (context) => {
    await failure({ apiKey: TOKENS.pat, code: 'unknown', place: 'banner', retry: true }).play(context);
    const widget = await widgetIn(context.canvasElement);
    await expect(widget.view.getByRole('alert')).not.toHaveTextContent('database down');
  },
});

export const TryAgainSucceeds = meta.story({
  beforeEach: () => harnessMock.setFault('server_error', { times: 1 }),
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    await fillAndConnect(widget, TOKENS.pat);
    const tryAgain = await widget.view.findByRole('button', { name: 'Try again' });
    await expect(widget.view.getByRole('alert')).toHaveTextContent('Harness could not be reached. Try again.');
    await userEvent.click(tryAgain);
    await expect(await widget.view.findByRole('heading', { name: 'Acme Platform is connected' })).toBeVisible();
    await expect(args.onError).toHaveBeenCalledTimes(1);
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(harnessPosts()).toHaveLength(2);
  },
});
