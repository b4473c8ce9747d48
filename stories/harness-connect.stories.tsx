/**
 * `<HarnessConnect/>` walked through its states against the Harness mock: closed with a trigger, the guide
 * steps, the form, pastes, verifying, the confirmations, and the three ways to verify (the widget's own
 * verifier, a host's route through `connectThroughRoute`, a host's own `connect`). Every play drives the real
 * widget and checks what a person sees and what the host receives, in the words of the story's language.
 */
import { Controls, Description, Primary, Title } from '@storybook/addon-docs/blocks';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import {
  connectThroughRoute,
  HARNESS_CONNECT_EVENT_NAMES,
  HarnessConnect,
  type HarnessConnectEvent,
  type HarnessConnection,
} from '../src/index.ts';
import { createHarnessConnectHandler } from '../src/server/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../src/testing/index.ts';
import type { StoryControls } from './controls.ts';
import { harnessMock } from './harness.ts';
import {
  callsOf,
  connectedHeading,
  detailOf,
  dialogName,
  expectFieldError,
  fillAndConnect,
  focusedIn,
  harnessPosts,
  openForm,
  paste,
  widgetIn,
  type PlayContext,
  type Widget,
} from './play.ts';

/**
 * The component's docs page: what it is (its JSDoc), the first story to try (a trigger: it opens the real
 * dialog over the page), and the props table generated from the JSDoc on `HarnessConnectProps`, with controls.
 * Not every story below: each opens a modal dialog as it renders, and a page of them would be a stack of modals.
 */
function DocsPage() {
  return (
    <>
      <Title />
      <Description />
      <Primary />
      <Controls />
    </>
  );
}

const meta = preview.type<{ args: StoryControls }>().meta({
  title: 'HarnessConnect',
  component: HarnessConnect,
  tags: ['autodocs'],
  parameters: { docs: { page: DocsPage } },
  args: { defaultOpen: true, onSuccess: fn(), onError: fn(), onClose: fn(), onEvent: fn() },
});

/** The milliseconds of a day, to count the days a key has left. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** The year a personal token of the `pat` fixture stops working (Harness's `validTo`). */
const PAT_EXPIRES_AT = '2031-01-01T00:00:00.000Z';

/** A date as the confirmation writes it: long, in the dialog's language. */
function longDate(widget: Widget, iso: string): string {
  return new Intl.DateTimeFormat(widget.locale, { dateStyle: 'long' }).format(new Date(iso));
}

/** The one connection `onSuccess` received. */
async function connectionOf(onSuccess: unknown): Promise<HarnessConnection> {
  await waitFor(() => expect(callsOf(onSuccess)).toHaveLength(1));
  return callsOf(onSuccess)[0]![0] as HarnessConnection;
}

export const ClosedWithTrigger = meta.story({
  args: { defaultOpen: false },
  render: (args) => (
    <main>
      <h1>Acme CI settings</h1>
      <p>Link your Harness account to import pipelines.</p>
      <HarnessConnect
        {...args}
        trigger={
          <button type="button" style={{ font: 'inherit', padding: '8px 16px' }}>
            Connect Harness
          </button>
        }
      />
    </main>
  ),
  play: async (context) => {
    // The trigger is the host's own button, in the host's words.
    const trigger = context.canvas.getByRole('button', { name: 'Connect Harness' });
    await expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(trigger);
    const widget = await widgetIn(context);
    const dialog = await widget.view.findByRole('dialog', { name: dialogName(widget) });
    await expect(dialog).toHaveAttribute('open');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(dialog.contains(focusedIn(widget))).toBe(true));
  },
});

export const GenerateKeyStep = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t, say } = widget;
    const dialog = await view.findByRole('dialog', { name: dialogName(widget) });
    // One heading for the view, the compact indicator beside it, the access note as what the dialog is about.
    await expect(view.getByRole('heading', { name: t.steps.key })).toBeVisible();
    await expect(view.getByRole('listitem', { current: 'step' })).toHaveTextContent(t.steps.key);
    await expect(view.getByText(say(t.stepOf, { current: widget.number(1), total: widget.number(3) }))).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(t.note);
    const harness = view.getByRole('link', { name: (name: string) => name.includes(t.newTab) });
    await expect(harness).toHaveAttribute('href', 'https://app.harness.io');
    await expect(harness).toHaveAttribute('target', '_blank');
    await expect(focusedIn(widget)).toBe(view.getByRole('button', { name: t.next }));
    await expect(view.getByRole('button', { name: t.skip })).toBeVisible();
    await expect(view.getByRole('button', { name: t.close })).toBeVisible();
  },
});

export const FindAccountStep = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await userEvent.click(await view.findByRole('button', { name: t.next }));
    await expect(await view.findByRole('heading', { name: t.steps.account })).toBeVisible();
    await expect(view.getByRole('listitem', { current: 'step' })).toHaveTextContent(t.steps.account);
    // The drawn address bar on Harness's own host, the account identifier highlighted in it.
    await expect(view.getByText('app.harness.io/', { exact: false })).toBeVisible();
    await expect(view.getByText('abc123DEF456ghi789JKL0', { selector: 'mark' })).toBeVisible();
    await expect(view.getByRole('button', { name: t.back })).toBeVisible();
  },
});

export const FormReachedWithNext = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await userEvent.click(await view.findByRole('button', { name: t.next }));
    await userEvent.click(await view.findByRole('button', { name: t.next }));
    await expect(await view.findByRole('heading', { name: t.formTitle })).toBeVisible();
    await expect(view.getByRole('listitem', { current: 'step' })).toHaveTextContent(t.steps.connect);
    const apiKey = view.getByLabelText(t.apiKey);
    await expect(apiKey).toHaveAttribute('type', 'password');
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await expect(view.getByLabelText(t.accountId)).toHaveValue('');
    await expect(view.getByRole('button', { name: t.connect })).toBeVisible();
  },
});

export const SkipToFormWithKey = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { t } = widget;
    const { apiKey } = await openForm(widget);
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await expect(widget.view.getByRole('heading', { name: t.formTitle })).toBeVisible();
    // Back leads into the guide, to the account step.
    await userEvent.click(widget.view.getByRole('button', { name: t.back }));
    await expect(await widget.view.findByRole('heading', { name: t.steps.account })).toBeVisible();
  },
});

export const EmptyFormSubmitted = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { apiKey } = await openForm(widget);
    await userEvent.click(widget.view.getByRole('button', { name: widget.t.connect }));
    await expectFieldError(widget, apiKey, widget.t.keyProblems.empty);
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await expect(harnessPosts()).toEqual([]);
    await expect(context.args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'validation_error' }));
  },
});

export const PastedTokenFillsAccount = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { apiKey, account } = await openForm(widget);
    paste(apiKey, TOKENS.pat);
    await waitFor(() => expect(account).toHaveValue(ACCOUNTS.primary.id));
    await expect(apiKey).toHaveValue(TOKENS.pat);
    await expect(context.args.onEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'account_filled_from_token', accountId: ACCOUNTS.primary.id }),
    );
    // Both steps of the guide now count as done.
    await expect(widget.view.getAllByText(widget.t.done, { exact: false })).toHaveLength(2);
  },
});

/** Open, paste, Enter: a key pasted on the first step (focus is on Next) opens the form with it. */
export const PastedOnTheGuide = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    const next = await view.findByRole('button', { name: t.next });
    await waitFor(() => expect(focusedIn(widget)).toBe(next));
    paste(next, TOKENS.pat);
    const apiKey = (await view.findByLabelText(t.apiKey)) as HTMLInputElement;
    await expect(apiKey).toHaveValue(TOKENS.pat);
    await expect(view.getByLabelText(t.accountId)).toHaveValue(ACCOUNTS.primary.id);
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await userEvent.keyboard('{Enter}');
    await expect(await view.findByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name) })).toBeVisible();
    await expect(context.args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ accountId: ACCOUNTS.primary.id }));
  },
});

export const PastedUrlKeepsTheId = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { account } = await openForm(widget);
    paste(account, `https://app.harness.io/ng/account/${ACCOUNTS.other.id}/home/get-started`);
    await waitFor(() => expect(account).toHaveValue(ACCOUNTS.other.id));
    await expect(context.args.onEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'account_filled_from_url', accountId: ACCOUNTS.other.id }),
    );
  },
});

export const Verifying = meta.story({
  beforeEach: () => harnessMock.setFault('hang'),
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    const { apiKey, account } = await fillAndConnect(widget, TOKENS.pat);
    const connect = view.getByRole('button', { name: t.connect });
    await waitFor(() => expect(connect).toHaveAttribute('aria-busy', 'true'));
    await expect(connect).toHaveAttribute('aria-disabled', 'true');
    await expect(view.getByRole('status')).toHaveTextContent(t.verifying);
    await expect(view.getByRole('button', { name: t.cancel })).toBeVisible();
    await expect(view.queryByRole('button', { name: t.back })).toBeNull();
    await expect(apiKey).toHaveAttribute('readonly');
    await expect(account).toHaveAttribute('readonly');
    await waitFor(() => expect(harnessPosts()).toHaveLength(1));
  },
});

export const VerifyingCancelled = meta.story({
  beforeEach: () => harnessMock.setFault('hang'),
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    const { apiKey } = await fillAndConnect(widget, TOKENS.pat);
    await userEvent.click(await view.findByRole('button', { name: t.cancel }));
    const connect = view.getByRole('button', { name: t.connect });
    await waitFor(() => expect(connect).toHaveAttribute('aria-busy', 'false'));
    await expect(apiKey).toHaveValue(TOKENS.pat);
    await expect(apiKey).not.toHaveAttribute('readonly');
    await expect(view.queryByRole('alert')).toBeNull();
    await expect(context.args.onError).not.toHaveBeenCalled();
    await expect(context.args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'cancel' }));
  },
});

/** Who Ada's key acts as, on the confirmation: a route leaves the email out unless the host asks for it. */
const ADA_WITH_EMAIL = 'Ada Lovelace (ada@acme.example)';

/** Connects Ada's personal key and checks the confirmation: the account by name, who, the kind, the expiry. */
async function connectAda(context: PlayContext, who = ADA_WITH_EMAIL) {
  const widget = await widgetIn(context);
  const { view, t } = widget;
  await fillAndConnect(widget, TOKENS.pat);
  await expect(await view.findByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name) })).toBeVisible();
  // The step indicator gives way to the confirmation.
  await expect(view.queryByRole('list', { name: t.progress })).toBeNull();
  await expect(detailOf(widget, t.account)).toHaveTextContent(`${ACCOUNTS.primary.name} ${ACCOUNTS.primary.id}`);
  const actsAs = detailOf(widget, t.actsAs);
  await expect(actsAs).toBeVisible();
  await expect(actsAs).toHaveTextContent(who);
  await expect(actsAs).toHaveTextContent(t.principalKinds.user);
  await expect(detailOf(widget, t.token)).toHaveTextContent(t.tokenKinds.pat);
  const expires = within(detailOf(widget, t.expires)).getByText(longDate(widget, PAT_EXPIRES_AT), { selector: 'time' });
  await expect(expires).toHaveAttribute('datetime', PAT_EXPIRES_AT);
  // One way on: Done, focused, the heading as its description.
  const done = view.getByRole('button', { name: t.finish });
  await waitFor(() => expect(focusedIn(widget)).toBe(done));
  await expect(done).toHaveAccessibleDescription(connectedHeading(widget, ACCOUNTS.primary.name));
  return { widget, done };
}

/** The confirmation, as a person sees it after connecting: the dialog stays open on it until Done. */
export const Success = meta.story({
  play: async (context) => {
    await connectAda(context);
    const connection = await connectionOf(context.args.onSuccess);
    await expect(connection).toMatchObject({
      provider: 'harness',
      accountId: ACCOUNTS.primary.id,
      tokenKind: 'pat',
      expiresAt: PAT_EXPIRES_AT,
      expiresSoon: false,
      mode: 'connect',
      result: { accountName: ACCOUNTS.primary.name, principal: { kind: 'user', name: 'Ada Lovelace' } },
    });
    await expect(JSON.stringify(connection)).not.toContain(TOKENS.pat);
    await expect(context.args.onClose).not.toHaveBeenCalled();
  },
});

export const DoneCloses = meta.story({
  play: async (context) => {
    const { widget, done } = await connectAda(context);
    await userEvent.click(done);
    await waitFor(() => expect(widget.view.queryByRole('dialog')).toBeNull());
    await expect(context.args.onClose).toHaveBeenCalledWith('completed');
    await expect(context.args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'close', reason: 'completed' }));
  },
});

/** A key that expires within `expiryWarningDays` (30 by default) connects, and the confirmation says so. */
export const ExpiringSoon = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t, sayCount } = widget;
    await fillAndConnect(widget, TOKENS.expiringSoon);
    await expect(await view.findByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name) })).toBeVisible();
    const connection = await connectionOf(context.args.onSuccess);
    await expect(connection.expiresSoon).toBe(true);
    const expiresAt = connection.expiresAt!;
    // Whole days left, counted from the moment it connected (the fixture expires five days after the mock was seeded).
    const daysLeft = Math.floor((Date.parse(expiresAt) - Date.parse(connection.connectedAt)) / DAY_MS);
    const date = longDate(widget, expiresAt);
    await expect(view.getByText(date, { selector: 'time' })).toHaveAttribute('datetime', expiresAt);
    await expect(view.getByText(sayCount(t.expiresSoon, daysLeft, { date }))).toBeVisible();
  },
});

/** A service account's key: Harness does not name the account to it, and the key never expires. */
export const SuccessServiceAccountNeverExpires = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await fillAndConnect(widget, TOKENS.sat);
    await expect(await view.findByRole('heading', { name: connectedHeading(widget, null) })).toBeVisible();
    // No account name (Harness answers 403 to a service account without account view): the id says which.
    await expect(detailOf(widget, t.account)).toHaveTextContent(ACCOUNTS.primary.id);
    const actsAs = detailOf(widget, t.actsAs);
    await expect(actsAs).toHaveTextContent('deploy-bot');
    await expect(actsAs).toHaveTextContent(t.principalKinds.service_account);
    await expect(detailOf(widget, t.token)).toHaveTextContent(t.tokenKinds.sat);
    await expect(detailOf(widget, t.expires)).toHaveTextContent(t.never);
    const connection = await connectionOf(context.args.onSuccess);
    await expect(connection).toMatchObject({
      tokenKind: 'sat',
      expiresAt: null,
      expiresSoon: false,
      result: { accountName: null, principal: { kind: 'service_account' } },
    });
  },
});

/** The production set-up: the key goes to the host's route (`createHarnessConnectHandler`), which asks Harness. */
export const ThroughYourRoute = meta.story({
  args: { connect: connectThroughRoute('/api/harness/connect') },
  beforeEach: ({ msw }) => {
    // The host's server, here in the page: the same handler a Next.js route exports (this one stores nothing).
    const route = createHarnessConnectHandler({ onVerified: async () => ({ connectionId: 'conn_7' }) });
    msw.use(http.post('/api/harness/connect', ({ request }) => route(request)));
  },
  play: async (context) => {
    const { widget } = await connectAda(context, 'Ada Lovelace');
    const connection = await connectionOf(context.args.onSuccess);
    // The route's own fields arrive too, in `answer`; the key never does.
    await expect(connection.result).toMatchObject({ answer: { ok: true, connectionId: 'conn_7' } });
    await expect(JSON.stringify(connection)).not.toContain(TOKENS.pat);
    await expect(widget.view.queryByRole('alert')).toBeNull();
  },
});

/** A host's `connect`: the key goes to the host's own backend, which stores it and answers an id. */
async function storeOnHost(credentials: { apiKey: string; accountId: string }, { signal }: { signal: AbortSignal }) {
  const response = await fetch('/api/connections/harness', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
    signal,
  });
  if (!response.ok) throw new Error(`host answered ${response.status}`);
  return (await response.json()) as { connectionId: string };
}

export const CustomConnect = meta.story({
  args: { connect: fn(storeOnHost) },
  beforeEach: ({ msw }) => {
    msw.use(http.post('/api/connections/harness', () => HttpResponse.json({ connectionId: 'conn_42' }, { status: 201 })));
  },
  play: async (context) => {
    const { args } = context;
    const widget = await widgetIn(context);
    await fillAndConnect(widget, TOKENS.pat);
    // The host's result names no account: the confirmation says what it knows.
    await expect(await widget.view.findByRole('heading', { name: connectedHeading(widget, null) })).toBeVisible();
    await expect(args.connect).toHaveBeenCalledTimes(1);
    const [credentials, connectContext] = callsOf(args.connect)[0] as [unknown, { signal: unknown }];
    await expect(credentials).toEqual({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id });
    await expect(connectContext.signal instanceof AbortSignal).toBe(true);
    const connection = await connectionOf(args.onSuccess);
    await expect(connection).toMatchObject({ provider: 'harness', accountId: ACCOUNTS.primary.id, tokenKind: 'pat', result: { connectionId: 'conn_42' } });
    await expect(JSON.stringify(connection)).not.toContain(TOKENS.pat);
    // Nothing from Harness itself: the host's backend did the verification.
    await expect(harnessPosts()).toEqual([]);
  },
});

/** Every event also reaches the page as a DOM event `harness-connect-<type>` (bubbling, composed), as `onEvent` gets it. */
export const DomEvents = meta.story({
  play: async (context) => {
    const { canvasElement, args } = context;
    const heard: HarnessConnectEvent[] = [];
    const listener = (event: Event) => heard.push((event as CustomEvent<HarnessConnectEvent>).detail);
    for (const name of HARNESS_CONNECT_EVENT_NAMES) canvasElement.addEventListener(`harness-connect-${name}`, listener);
    try {
      const widget = await widgetIn(context);
      const before = callsOf(args.onEvent).length;
      await fillAndConnect(widget, TOKENS.pat);
      await widget.view.findByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name) });
      const told = callsOf(args.onEvent)
        .slice(before)
        .map(([event]) => event as HarnessConnectEvent);
      await expect(heard).toEqual(told);
      await expect(heard.map((event) => event.type)).toEqual(
        expect.arrayContaining(['key_pasted', 'account_filled_from_token', 'submit', 'verify_start', 'verify_success', 'success']),
      );
      await expect(heard.at(-1)).toMatchObject({ type: 'success', accountId: ACCOUNTS.primary.id, tokenKind: 'pat', mode: 'connect' });
      await expect(JSON.stringify(heard)).not.toContain(TOKENS.pat.split('.').at(-1));
    } finally {
      for (const name of HARNESS_CONNECT_EVENT_NAMES) canvasElement.removeEventListener(`harness-connect-${name}`, listener);
    }
  },
});
