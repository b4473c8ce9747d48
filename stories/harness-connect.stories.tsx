/**
 * `<HarnessConnect/>` walked through its states against the Harness mock: closed with a trigger, the guide
 * steps, the form, pastes, verifying, success. Every story's play function drives the real widget and
 * checks what a person sees; errors live in the two `*-errors` files.
 */
import { Controls, Description, Primary, Title } from '@storybook/addon-docs/blocks';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import { HarnessConnect } from '../src/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../src/testing/index.ts';
import { harnessMock } from './harness.ts';
import { callsOf, expectFieldError, fillAndConnect, focusedIn, harnessPosts, openForm, paste, widgetIn } from './play.ts';

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

const meta = preview.meta({
  title: 'HarnessConnect',
  component: HarnessConnect,
  tags: ['autodocs'],
  parameters: { docs: { page: DocsPage } },
  args: { defaultOpen: true, onSuccess: fn(), onError: fn(), onClose: fn(), onEvent: fn() },
});

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
  play: async ({ canvasElement, canvas }) => {
    const trigger = canvas.getByRole('button', { name: 'Connect Harness' });
    await expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(trigger);
    const widget = await widgetIn(canvasElement);
    const dialog = await widget.view.findByRole('dialog', { name: 'Connect Harness' });
    await expect(dialog).toHaveAttribute('open');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(dialog.contains(focusedIn(widget))).toBe(true));
  },
});

export const GenerateKeyStep = meta.story({
  play: async ({ canvasElement }) => {
    const { view, ...widget } = await widgetIn(canvasElement);
    await expect(await view.findByRole('heading', { name: 'Generate a Harness API key' })).toBeVisible();
    const current = view.getByRole('listitem', { current: 'step' });
    await expect(current).toHaveTextContent('Generate a Harness API key');
    await expect(view.getByRole('link', { name: /Harness \(opens in a new tab\)/ })).toHaveAttribute('target', '_blank');
    await expect(focusedIn({ view, ...widget })).toBe(view.getByRole('button', { name: 'Next' }));
    await expect(view.getByRole('button', { name: 'I already have an API key' })).toBeVisible();
  },
});

export const FindAccountStep = meta.story({
  play: async ({ canvasElement }) => {
    const { view } = await widgetIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: 'Next' }));
    await expect(await view.findByRole('heading', { name: 'Find your account identifier' })).toBeVisible();
    await expect(view.getByRole('listitem', { current: 'step' })).toHaveTextContent('Find your account identifier');
    // The drawn address bar, the account identifier highlighted in it.
    await expect(view.getByText('abc123DEF456ghi789JKL0', { selector: 'mark' })).toBeVisible();
    await expect(view.getByRole('button', { name: 'Back' })).toBeVisible();
  },
});

export const FormReachedWithNext = meta.story({
  play: async ({ canvasElement }) => {
    const widget = await widgetIn(canvasElement);
    const { view } = widget;
    await userEvent.click(await view.findByRole('button', { name: 'Next' }));
    await userEvent.click(await view.findByRole('button', { name: 'Next' }));
    await expect(await view.findByRole('heading', { name: 'Enter your credentials' })).toBeVisible();
    await expect(view.getByRole('listitem', { current: 'step' })).toHaveTextContent('Connect');
    const apiKey = view.getByLabelText('API Key');
    await expect(apiKey).toHaveAttribute('type', 'password');
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await expect(view.getByLabelText('Account Identifier')).toHaveValue('');
    await expect(view.getByRole('button', { name: 'Connect' })).toBeVisible();
  },
});

export const SkipToFormWithKey = meta.story({
  play: async ({ canvasElement }) => {
    const widget = await widgetIn(canvasElement);
    const { apiKey } = await openForm(widget);
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await expect(widget.view.getByRole('heading', { name: 'Enter your credentials' })).toBeVisible();
    // Back leads into the guide, to the account step.
    await userEvent.click(widget.view.getByRole('button', { name: 'Back' }));
    await expect(await widget.view.findByRole('heading', { name: 'Find your account identifier' })).toBeVisible();
  },
});

export const EmptyFormSubmitted = meta.story({
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    const { apiKey } = await openForm(widget);
    await userEvent.click(widget.view.getByRole('button', { name: 'Connect' }));
    await expectFieldError(widget, apiKey, 'Paste your Harness API key.');
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await expect(harnessPosts()).toEqual([]);
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'validation_error' }));
  },
});

export const PastedTokenFillsAccount = meta.story({
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    const { apiKey, account } = await openForm(widget);
    paste(apiKey, TOKENS.pat);
    await waitFor(() => expect(account).toHaveValue(ACCOUNTS.primary.id));
    await expect(apiKey).toHaveValue(TOKENS.pat);
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'account_filled_from_token', accountId: ACCOUNTS.primary.id }));
    // Both steps of the guide now count as done.
    await expect(widget.view.getAllByText('(done)', { exact: false })).toHaveLength(2);
  },
});

/** Open, paste, Enter: a key pasted on the first step (focus is on Next) opens the form with it. */
export const PastedOnTheGuide = meta.story({
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    const next = await widget.view.findByRole('button', { name: 'Next' });
    await waitFor(() => expect(focusedIn(widget)).toBe(next));
    paste(next, TOKENS.pat);
    const apiKey = (await widget.view.findByLabelText('API Key')) as HTMLInputElement;
    await expect(apiKey).toHaveValue(TOKENS.pat);
    await expect(widget.view.getByLabelText('Account Identifier')).toHaveValue(ACCOUNTS.primary.id);
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await userEvent.keyboard('{Enter}');
    await expect(await widget.view.findByRole('heading', { name: 'Acme Platform is connected' })).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ accountId: ACCOUNTS.primary.id }));
  },
});

export const PastedUrlKeepsTheId = meta.story({
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    const { account } = await openForm(widget);
    paste(account, `https://app.harness.io/ng/account/${ACCOUNTS.other.id}/home/get-started`);
    await waitFor(() => expect(account).toHaveValue(ACCOUNTS.other.id));
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'account_filled_from_url', accountId: ACCOUNTS.other.id }));
  },
});

export const Verifying = meta.story({
  beforeEach: () => harnessMock.setFault('hang'),
  play: async ({ canvasElement }) => {
    const widget = await widgetIn(canvasElement);
    const { apiKey, account } = await fillAndConnect(widget, TOKENS.pat);
    const connect = widget.view.getByRole('button', { name: 'Connect' });
    await waitFor(() => expect(connect).toHaveAttribute('aria-busy', 'true'));
    await expect(connect).toHaveAttribute('aria-disabled', 'true');
    await expect(widget.view.getByRole('status')).toHaveTextContent('Checking your key with Harness…');
    await expect(widget.view.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(widget.view.queryByRole('button', { name: 'Back' })).toBeNull();
    await expect(apiKey).toHaveAttribute('readonly');
    await expect(account).toHaveAttribute('readonly');
    await waitFor(() => expect(harnessPosts()).toHaveLength(1));
  },
});

export const VerifyingCancelled = meta.story({
  beforeEach: () => harnessMock.setFault('hang'),
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    const { apiKey } = await fillAndConnect(widget, TOKENS.pat);
    await userEvent.click(await widget.view.findByRole('button', { name: 'Cancel' }));
    const connect = widget.view.getByRole('button', { name: 'Connect' });
    await waitFor(() => expect(connect).toHaveAttribute('aria-busy', 'false'));
    await expect(apiKey).toHaveValue(TOKENS.pat);
    await expect(apiKey).not.toHaveAttribute('readonly');
    await expect(widget.view.queryByRole('alert')).toBeNull();
    await expect(args.onError).not.toHaveBeenCalled();
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'cancel' }));
  },
});

export const Success = meta.story({
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    await fillAndConnect(widget, TOKENS.pat);
    const { view } = widget;
    await expect(await view.findByRole('heading', { name: 'Acme Platform is connected' })).toBeVisible();
    await expect(view.getByText(ACCOUNTS.primary.id, { selector: 'code' })).toBeVisible();
    await expect(view.getByText(/ada@acme\.example/)).toBeVisible();
    await expect(view.getByText('Personal access token')).toBeVisible();
    const expires = view.getByText(/20(30|31)/, { selector: 'time' });
    await expect(expires.getAttribute('datetime')).toMatch(/^2031-01-01/);
    const done = view.getByRole('button', { name: 'Done' });
    await waitFor(() => expect(focusedIn(widget)).toBe(done));
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(JSON.stringify(callsOf(args.onSuccess))).not.toContain(TOKENS.pat);
    await userEvent.click(done);
    await waitFor(() => expect(view.queryByRole('dialog')).toBeNull());
    await expect(args.onClose).toHaveBeenCalledWith('completed');
  },
});

export const SuccessServiceAccountNeverExpires = meta.story({
  play: async ({ canvasElement }) => {
    const widget = await widgetIn(canvasElement);
    await fillAndConnect(widget, TOKENS.sat);
    const { view } = widget;
    await expect(await view.findByRole('heading', { name: 'Harness account connected' })).toBeVisible();
    await expect(view.getByText('Service account token')).toBeVisible();
    await expect(view.getByText('Never')).toBeVisible();
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
  beforeEach: async ({ msw }) => {
    const { http, HttpResponse } = await import('msw');
    msw.use(http.post('/api/connections/harness', () => HttpResponse.json({ connectionId: 'conn_42' }, { status: 201 })));
  },
  play: async ({ canvasElement, args }) => {
    const widget = await widgetIn(canvasElement);
    await fillAndConnect(widget, TOKENS.pat);
    await expect(await widget.view.findByRole('heading', { name: 'Harness account connected' })).toBeVisible();
    await expect(args.connect).toHaveBeenCalledTimes(1);
    const [credentials, context] = callsOf(args.connect)[0] as [unknown, { signal: unknown }];
    await expect(credentials).toEqual({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id });
    await expect(context.signal instanceof AbortSignal).toBe(true);
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    const [connection] = callsOf(args.onSuccess)[0]!;
    await expect(connection).toMatchObject({ provider: 'harness', accountId: ACCOUNTS.primary.id, tokenKind: 'pat', result: { connectionId: 'conn_42' } });
    await expect(JSON.stringify(connection)).not.toContain(TOKENS.pat);
    // Nothing from Harness itself: the host's backend did the verification.
    await expect(harnessPosts()).toEqual([]);
  },
});
