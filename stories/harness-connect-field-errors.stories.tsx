/**
 * Problems the core finds before any request: each is shown under the field it concerns, the other field
 * stays valid, and Harness is never asked.
 */
import { expect, fn, userEvent } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import { HarnessConnect } from '../src/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../src/testing/index.ts';
import { harnessMock } from './harness.ts';
import { expectFieldError, expectFieldsValid, fillAndConnect, openForm, typeInto, widgetIn } from './play.ts';

const meta = preview.meta({
  title: 'HarnessConnect/Field errors',
  component: HarnessConnect,
  args: { defaultOpen: true, onError: fn(), onEvent: fn() },
});

interface LocalProblem {
  apiKey: string;
  /** Left out: the account field keeps what the key filled in (or stays empty). */
  accountId?: string;
  field: 'apiKey' | 'accountId';
  message: string | RegExp;
}

/** A story whose play function submits credentials the core rejects locally. */
function localProblem({ apiKey, accountId, field, message }: LocalProblem) {
  return {
    play: async ({ canvasElement, args }: { canvasElement: HTMLElement; args: { onError?: unknown; onEvent?: unknown } }) => {
      const widget = await widgetIn(canvasElement);
      const inputs = await fillAndConnect(widget, apiKey, accountId);
      const [wrong, other] = field === 'apiKey' ? [inputs.apiKey, inputs.account] : [inputs.account, inputs.apiKey];
      await expectFieldError(widget, wrong, message);
      await expectFieldsValid(other);
      // No banner: the only alert is the field's own.
      await expect(widget.view.getAllByRole('alert')).toHaveLength(1);
      await expect(harnessMock.requests).toHaveLength(0);
      await expect(args.onError).not.toHaveBeenCalled();
      await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'validation_error' }));
    },
  };
}

const patTail = TOKENS.pat.slice('pat.'.length);

export const UpperCasePrefix = meta.story({
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    const { apiKey, account } = await openForm(widget);
    // Typed rather than pasted: the error shows on submit, not while typing.
    await typeInto(apiKey, `PAT.${patTail}`);
    await expect(widget.view.queryByRole('alert')).toBeNull();
    await userEvent.click(widget.view.getByRole('button', { name: 'Connect' }));
    await expectFieldError(widget, apiKey, 'Write the start in lower case: pat. or sat.');
    await expectFieldsValid(account);
    await expect(harnessMock.requests).toHaveLength(0);
    await expect(args.onError).not.toHaveBeenCalled();
  },
});

export const FirstGenKey = meta.story(
  localProblem({
    // Unpadded: with a trailing `=` the core's paste cleaning reads `NAME=value` and reports bad characters.
    apiKey: 'aGFybmVzc0ZpcnN0R2VuQXBpS2V5MDEyMzQ1Njc4OQ',
    accountId: ACCOUNTS.primary.id,
    field: 'apiKey',
    message: 'This is an older kind of Harness key, which does not work here. Create an API key in your Harness profile.',
  }),
);

export const IncompleteToken = meta.story(
  localProblem({
    apiKey: `pat.${ACCOUNTS.primary.id}.9X2XyKdHizBGT0LrAcAYWAPq.`,
    accountId: ACCOUNTS.primary.id,
    field: 'apiKey',
    message: 'This key is incomplete. Copy all of it.',
  }),
);

export const OlderKeyWithoutAccount = meta.story(
  localProblem({
    apiKey: TOKENS.legacy,
    field: 'accountId',
    message: 'This older key has no account in it: enter the Account Identifier too.',
  }),
);

export const UrlWithoutAccount = meta.story(
  localProblem({
    apiKey: TOKENS.pat,
    accountId: 'https://app.harness.io/ng/home/get-started',
    field: 'accountId',
    message: 'This address has no account identifier. Copy one from inside your account.',
  }),
);

export const TokenInAccountField = meta.story(
  localProblem({
    apiKey: TOKENS.pat,
    accountId: TOKENS.otherAccount,
    field: 'accountId',
    message: 'This is an API key. Paste it in the API Key field.',
  }),
);

export const AccountBadCharacters = meta.story(
  localProblem({
    apiKey: TOKENS.pat,
    accountId: 'acme corp!',
    field: 'accountId',
    message: 'Use only letters, digits, - and _ in the account identifier.',
  }),
);

export const AccountMismatch = meta.story(
  localProblem({
    apiKey: TOKENS.pat,
    accountId: ACCOUNTS.other.id,
    field: 'accountId',
    message: `This key belongs to account ${ACCOUNTS.primary.id}, not ${ACCOUNTS.other.id}. Correct the Account Identifier.`,
  }),
);
