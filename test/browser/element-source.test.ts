import { within } from '@testing-library/dom';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  HARNESS_CONNECT_TAG_NAME,
  HarnessConnectElement,
  defineHarnessConnectElement,
  type HarnessConnectEvent,
} from '../../src/element/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { nextTask, shownDialog, widgetIn } from '../support/widget.js';

// <harness-connect> from the source module, as a host without React uses it: attributes, properties,
// methods and DOM events only. The built <script> file and the plain-HTML example are in test/e2e/.

const fakeResult = {
  accountId: ACCOUNTS.primary.id,
  tokenKind: 'pat',
  user: { name: 'Ada Lovelace', email: 'ada@acme.example' },
  expiresAt: '2031-01-01T00:00:00.000Z',
};

const placed: HTMLElement[] = [];

afterEach(async () => {
  for (const element of placed.splice(0)) element.remove();
  // The element unmounts React a microtask after it leaves the document.
  await Promise.resolve();
});

/** A `<harness-connect>` made from markup, as a page writes it, placed in the document. */
function place(markup: string): HarnessConnectElement {
  defineHarnessConnectElement();
  const wrapper = document.createElement('div');
  wrapper.innerHTML = markup;
  document.body.append(wrapper);
  placed.push(wrapper);
  const element = wrapper.querySelector('harness-connect');
  if (!element) throw new Error('no <harness-connect> in the markup');
  return element;
}

function widgetHost(element: HTMLElement): HTMLElement {
  const host = element.querySelector<HTMLElement>('[data-harness-connect]');
  if (!host) throw new Error('the element rendered no widget host');
  return host;
}

/** Every `harness-connect-<type>` event heard on `target`. */
function listen(target: EventTarget) {
  const heard: CustomEvent<HarnessConnectEvent>[] = [];
  const names = ['open', 'step_view', 'key_pasted', 'submit', 'verify_start', 'verify_success', 'verify_error', 'success', 'close'];
  for (const name of names) target.addEventListener(`harness-connect-${name}`, (event) => heard.push(event as CustomEvent<HarnessConnectEvent>));
  return heard;
}

describe('<harness-connect> definition', () => {
  it('defines nothing on import, and defining twice (or under another tag) is harmless', () => {
    const first = defineHarnessConnectElement();
    expect(first).toBe(HarnessConnectElement);
    expect(customElements.get(HARNESS_CONNECT_TAG_NAME)).toBe(HarnessConnectElement);
    expect(defineHarnessConnectElement()).toBe(first);
    expect(defineHarnessConnectElement('harness-connect')).toBe(first);
    const other = defineHarnessConnectElement('acme-harness-connect');
    expect(other).not.toBe(first);
    expect(new other()).toBeInstanceOf(HarnessConnectElement);
    expect(defineHarnessConnectElement('acme-harness-connect')).toBe(other);
    expect(document.createElement('harness-connect')).toBeInstanceOf(HarnessConnectElement);
  });

  it('keeps its light DOM to one container, and renders no trigger without trigger-label', async () => {
    const element = place('<harness-connect></harness-connect>');
    await vi.waitFor(() => widgetHost(element));
    expect(element.children).toHaveLength(1);
    expect(element.querySelector('button')).toBeNull();
    expect(element.isOpen).toBe(false);
  });
});

describe('<harness-connect> attributes, properties and methods', () => {
  it('maps base-url, account-id and trigger-label to their properties, both ways', () => {
    const element = place(
      '<harness-connect base-url="https://app.harness.io" account-id="abc" trigger-label="Link Harness"></harness-connect>',
    );
    expect(element.baseUrl).toBe('https://app.harness.io');
    expect(element.accountId).toBe('abc');
    expect(element.defaultValues).toEqual({ accountId: 'abc' });
    expect(element.triggerLabel).toBe('Link Harness');

    element.baseUrl = 'https://app3.harness.io';
    expect(element.getAttribute('base-url')).toBe('https://app3.harness.io');
    element.defaultValues = { accountId: ACCOUNTS.other.id };
    expect(element.getAttribute('account-id')).toBe(ACCOUNTS.other.id);
    element.accountId = null;
    expect(element.hasAttribute('account-id')).toBe(false);
    expect(element.defaultValues).toEqual({});
    element.triggerLabel = undefined;
    expect(element.hasAttribute('trigger-label')).toBe(false);

    const connect = async () => fakeResult;
    element.connect = connect;
    expect(element.connect).toBe(connect);
    element.connect = null;
    expect(element.connect).toBeNull();
  });

  it('renders its own trigger from trigger-label, and follows a change of the label', async () => {
    const element = place('<harness-connect trigger-label="Connect Harness"></harness-connect>');
    const trigger = await vi.waitFor(() => within(element).getByRole('button', { name: 'Connect Harness' }));
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');
    element.setAttribute('trigger-label', 'Link your Harness account');
    await vi.waitFor(() => expect(trigger.textContent).toBe('Link your Harness account'));
    element.removeAttribute('trigger-label');
    await vi.waitFor(() => expect(element.querySelector('button')).toBeNull());
  });

  it('opens and closes with open() and close(), reflecting the state in the open attribute', async () => {
    const element = place('<harness-connect></harness-connect>');
    const widget = await widgetIn(element);
    const heard = listen(element);
    element.open();
    expect(element.hasAttribute('open')).toBe(true);
    expect(element.isOpen).toBe(true);
    const dialog = await shownDialog(widget, 'Connect Harness');
    await vi.waitFor(() => expect(dialog.matches(':modal')).toBe(true));
    const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    element.close();
    expect(element.isOpen).toBe(false);
    await closed;
    expect(dialog.open).toBe(false);
    // The widget reports the close from an effect, which may run after the dialog's own event under load.
    await vi.waitFor(() =>
      expect(heard.map((e) => e.type)).toEqual(['harness-connect-open', 'harness-connect-step_view', 'harness-connect-close']),
    );
    expect(heard.at(-1)!.detail).toMatchObject({ type: 'close', reason: 'dismissed' });

    // The attribute works as well as the methods, and the element removes it when the person closes the dialog.
    element.setAttribute('open', '');
    await vi.waitFor(() => expect(dialog.open).toBe(true));
    await userEvent.click(widget.view.getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(element.hasAttribute('open')).toBe(false));
    expect(dialog.open).toBe(false);
  });

  it('starts open when written with the open attribute, and starts the form with account-id', async () => {
    const element = place(`<harness-connect open account-id="${ACCOUNTS.primary.id}"></harness-connect>`);
    const widget = await widgetIn(element);
    await shownDialog(widget, 'Connect Harness');
    await userEvent.click(widget.view.getByRole('button', { name: 'I already have an API key' }));
    const account = (await widget.view.findByLabelText('Account Identifier')) as HTMLInputElement;
    expect(account.value).toBe(ACCOUNTS.primary.id);
  });
});

describe('<harness-connect> connecting', () => {
  it('runs the whole flow with a fake connect, telling the page through DOM events without the key', async () => {
    const element = place('<harness-connect trigger-label="Connect Harness" base-url="https://app.harness.io"></harness-connect>');
    const connect = vi.fn(async (_credentials: unknown, _context: { signal: AbortSignal }) => fakeResult);
    element.connect = connect;
    const heard = listen(element);
    const onDocument = listen(document);

    const trigger = await vi.waitFor(() => within(element).getByRole('button', { name: 'Connect Harness' }));
    await userEvent.click(trigger);
    expect(element.isOpen).toBe(true);
    const widget = await widgetIn(element);
    const shadow = widget.view;
    const dialog = await shownDialog(widget, 'Connect Harness');
    expect(dialog.matches(':modal')).toBe(true);
    await userEvent.click(shadow.getByRole('button', { name: 'I already have an API key' }));
    const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
    const account = shadow.getByLabelText('Account Identifier') as HTMLInputElement;
    paste(apiKey, TOKENS.pat);
    await expect.element(account).toHaveValue(ACCOUNTS.primary.id);
    apiKey.focus();
    await userEvent.keyboard('{Enter}');
    await shadow.findByRole('heading', { name: 'Harness account connected' });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(connect.mock.calls[0]![0]).toEqual({ apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id });
    expect(connect.mock.calls[0]![1].signal).toBeInstanceOf(AbortSignal);
    expect(shadow.getByText('ada@acme.example', { exact: false })).toBeVisible();
    expect((await axe.run(widgetHost(element))).violations).toEqual([]);

    await userEvent.click(shadow.getByRole('button', { name: 'Done' }));
    await vi.waitFor(() => expect(element.isOpen).toBe(false));
    await vi.waitFor(() => expect(document.activeElement).toBe(trigger));

    const types = heard.map((e) => e.type);
    expect(types[0]).toBe('harness-connect-open');
    expect(types).toEqual(expect.arrayContaining(['harness-connect-key_pasted', 'harness-connect-submit', 'harness-connect-success']));
    expect(types.at(-1)).toBe('harness-connect-close');
    // They bubble through the element (and on, composed, to the document), one dispatch each.
    expect(onDocument.map((e) => e.type)).toEqual(types);
    for (const event of heard) {
      expect(event.bubbles && event.composed).toBe(true);
      expect(element.contains(event.target as Node)).toBe(true);
    }
    const success = heard.find((e) => e.type === 'harness-connect-success')!;
    expect(success.detail).toMatchObject({ type: 'success', accountId: ACCOUNTS.primary.id, tokenKind: 'pat' });
    expect(heard.at(-1)!.detail).toMatchObject({ type: 'close', reason: 'completed' });
    const secret = TOKENS.pat.split('.').at(-1)!;
    for (const event of heard) expect(JSON.stringify(event.detail)).not.toContain(secret);
    // Nor is it left in the page, shadow roots included.
    expect(element.innerHTML).not.toContain(secret);
    expect(widgetHost(element).shadowRoot!.innerHTML).not.toContain(secret);
  });

  it('shows a rejection from connect at the field it names', async () => {
    const element = place('<harness-connect open></harness-connect>');
    element.connect = async () => {
      throw { name: 'HarnessConnectError', code: 'invalid_token', field: 'apiKey' };
    };
    const heard = listen(element);
    const { view: shadow } = await widgetIn(element);
    await userEvent.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
    const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
    paste(apiKey, TOKENS.wrongSecret);
    await userEvent.click(shadow.getByRole('button', { name: 'Connect' }));
    await expect.element(apiKey).toHaveAttribute('aria-invalid', 'true');
    expect(heard.find((e) => e.type === 'harness-connect-verify_error')!.detail).toMatchObject({
      code: 'invalid_token',
      field: 'apiKey',
    });
    expect(heard.some((e) => e.type === 'harness-connect-success')).toBe(false);
  });
});

describe('<harness-connect> lifecycle', () => {
  it('unmounts React when removed: no dialog left, a running verification aborted', async () => {
    const element = place('<harness-connect open></harness-connect>');
    let seenSignal: AbortSignal | null = null;
    element.connect = (_credentials, { signal }) => {
      seenSignal = signal;
      return new Promise(() => {});
    };
    const { view: shadow } = await widgetIn(element);
    await userEvent.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
    paste((await shadow.findByLabelText('API Key')) as HTMLInputElement, TOKENS.pat);
    await userEvent.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(seenSignal).not.toBeNull());
    const host = widgetHost(element);

    element.remove();
    await Promise.resolve();
    await vi.waitFor(() => expect(element.children).toHaveLength(0));
    expect(host.isConnected).toBe(false);
    expect(host.shadowRoot!.querySelector('dialog')).toBeNull();
    expect(seenSignal!.aborted).toBe(true);
    expect(document.querySelector('dialog')).toBeNull();

    // Placed again, it mounts again.
    document.body.append(element);
    placed.push(element);
    await shownDialog(await widgetIn(element), 'Connect Harness');
  });

  it('survives a move in the DOM without unmounting', async () => {
    const element = place('<harness-connect trigger-label="Connect Harness"></harness-connect>');
    const host = await vi.waitFor(() => widgetHost(element));
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    placed.push(elsewhere);
    elsewhere.append(element);
    // The element unmounts in a microtask after leaving the document, unless it is back by then.
    await nextTask();
    expect(widgetHost(element)).toBe(host);
    expect(element.children).toHaveLength(1);
    await userEvent.click(within(element).getByRole('button', { name: 'Connect Harness' }));
    expect((await shownDialog(await widgetIn(element), 'Connect Harness')).matches(':modal')).toBe(true);
  });

  it('works as several independent instances', async () => {
    const first = place('<harness-connect></harness-connect>');
    const second = place('<harness-connect></harness-connect>');
    const firstWidget = await widgetIn(first);
    const secondWidget = await widgetIn(second);
    first.open();
    await shownDialog(firstWidget, 'Connect Harness');
    expect(second.isOpen).toBe(false);
    expect(secondWidget.dialog).not.toBeVisible();
    first.close();
    await expect.element(firstWidget.dialog).not.toBeVisible();
  });
});
