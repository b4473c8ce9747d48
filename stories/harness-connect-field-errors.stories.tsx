/**
 * Problems the core finds before any request: each is shown under the field it concerns, in the words of
 * the story's language, the other field stays valid, Harness is never asked, and the host hears which problem.
 */
import { expect, fn, userEvent } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import { HarnessConnect, type HarnessConnectEvent } from '../src/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../src/testing/index.ts';
import type { StoryControls } from './controls.ts';
import { harnessMock } from './harness.ts';
import { callsOf, expectFieldError, expectFieldsValid, fillAndConnect, openForm, typeInto, widgetIn, type PlayContext, type Widget } from './play.ts';

const meta = preview.type<{ args: StoryControls }>().meta({
  title: 'HarnessConnect/Field errors',
  component: HarnessConnect,
  args: { defaultOpen: true, onError: fn(), onEvent: fn() },
});

type KeyProblem = keyof Widget['t']['keyProblems'];
type AccountProblem = keyof Widget['t']['accountProblems'];

type LocalProblem = {
  apiKey: string;
  /** Left out: the account field keeps what the key filled in (or stays empty). */
  accountId?: string;
  /** The ids a message names: the account the key carries, the one typed. */
  ids?: { token?: string; typed?: string };
} & ({ field: 'apiKey'; problem: KeyProblem } | { field: 'accountId'; problem: AccountProblem });

/** The message the widget shows for a problem, in the story's language. */
function messageOf(widget: Widget, { field, problem, ids = {} }: LocalProblem): string {
  const message = field === 'apiKey' ? widget.t.keyProblems[problem as KeyProblem] : widget.t.accountProblems[problem as AccountProblem];
  return widget.say(message, ids);
}

/** The problems the host heard of in the last `validation_error` event. */
function reportedIssues(onEvent: unknown) {
  const events = callsOf(onEvent).map(([event]) => event as HarnessConnectEvent);
  const last = events.filter((event) => event.type === 'validation_error').at(-1);
  return last?.type === 'validation_error' ? last.issues : [];
}

/** A story whose play function submits credentials the core rejects locally. */
function localProblem(problem: LocalProblem) {
  return {
    play: async (context: PlayContext) => {
      const { args } = context;
      const widget = await widgetIn(context);
      const inputs = await fillAndConnect(widget, problem.apiKey, problem.accountId);
      const [wrong, other] = problem.field === 'apiKey' ? [inputs.apiKey, inputs.account] : [inputs.account, inputs.apiKey];
      await expectFieldError(widget, wrong, messageOf(widget, problem));
      await expectFieldsValid(other);
      // No banner: the only alert is the field's own.
      await expect(widget.view.getAllByRole('alert')).toHaveLength(1);
      await expect(harnessMock.requests).toHaveLength(0);
      await expect(args.onError).not.toHaveBeenCalled();
      await expect(reportedIssues(args.onEvent)).toEqual([{ field: problem.field, problem: problem.problem }]);
    },
  };
}

const patTail = TOKENS.pat.slice('pat.'.length);

export const UpperCasePrefix = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { apiKey, account } = await openForm(widget);
    // Typed rather than pasted: the error shows on submit, not while typing.
    await typeInto(apiKey, `PAT.${patTail}`);
    await expect(widget.view.queryByRole('alert')).toBeNull();
    await userEvent.click(widget.view.getByRole('button', { name: widget.t.connect }));
    await expectFieldError(widget, apiKey, widget.t.keyProblems.uppercase_prefix);
    await expectFieldsValid(account);
    await expect(harnessMock.requests).toHaveLength(0);
    await expect(context.args.onError).not.toHaveBeenCalled();
  },
});

export const FirstGenKey = meta.story(
  localProblem({
    // Unpadded: with a trailing `=` the core's paste cleaning reads `NAME=value` and reports bad characters.
    apiKey: 'aGFybmVzc0ZpcnN0R2VuQXBpS2V5MDEyMzQ1Njc4OQ',
    accountId: ACCOUNTS.primary.id,
    field: 'apiKey',
    problem: 'firstgen_key',
  }),
);

export const IncompleteToken = meta.story(
  localProblem({
    apiKey: `pat.${ACCOUNTS.primary.id}.9X2XyKdHizBGT0LrAcAYWAPq.`,
    accountId: ACCOUNTS.primary.id,
    field: 'apiKey',
    problem: 'wrong_segment_count',
  }),
);

export const OlderKeyWithoutAccount = meta.story(localProblem({ apiKey: TOKENS.legacy, field: 'accountId', problem: 'account_required' }));

export const UrlWithoutAccount = meta.story(
  localProblem({
    apiKey: TOKENS.pat,
    accountId: 'https://app.harness.io/ng/home/get-started',
    field: 'accountId',
    problem: 'url_without_account',
  }),
);

export const TokenInAccountField = meta.story(
  localProblem({ apiKey: TOKENS.pat, accountId: TOKENS.otherAccount, field: 'accountId', problem: 'looks_like_token' }),
);

export const AccountBadCharacters = meta.story(
  localProblem({ apiKey: TOKENS.pat, accountId: 'acme corp!', field: 'accountId', problem: 'bad_characters' }),
);

export const AccountMismatch = meta.story(
  localProblem({
    apiKey: TOKENS.pat,
    accountId: ACCOUNTS.other.id,
    field: 'accountId',
    problem: 'account_mismatch',
    ids: { token: ACCOUNTS.primary.id, typed: ACCOUNTS.other.id },
  }),
);
