/**
 * Helpers for the stories' play functions: they drive the real widget inside its shadow root the way a
 * person does (clicks, typing, pasting) and query it by role and label, as a person finds things.
 */
import { expect, userEvent, waitFor, within, type Mock } from 'storybook/test';
import { paste } from '../test/support/paste.ts';
import { harnessMock } from './harness.ts';

// The one paste helper, shared with the browser tests.
export { paste };

/** What a play function gets to drive the widget with. */
export interface Widget {
  /** Queries scoped to the widget's shadow root. */
  view: ReturnType<typeof within>;
  root: ShadowRoot;
  host: HTMLElement;
}

/** The widget rendered in a story's canvas, once its shadow root is attached. */
export async function widgetIn(canvasElement: HTMLElement): Promise<Widget> {
  const host = await waitFor(() => {
    const found = canvasElement.querySelector<HTMLElement>('[data-harness-connect]');
    if (!found?.shadowRoot) throw new Error('the widget has no shadow root yet');
    return found;
  });
  const root = host.shadowRoot!;
  return { view: within(root as unknown as HTMLElement), root, host };
}

/** The element focused inside the widget (the page's `activeElement` is the host). */
export function focusedIn(widget: Widget): Element | null {
  return widget.root.activeElement;
}

/** Skips the guide with "I already have an API key" and returns the two inputs. */
export async function openForm(widget: Widget) {
  await userEvent.click(await widget.view.findByRole('button', { name: 'I already have an API key' }));
  const apiKey = (await widget.view.findByLabelText('API Key')) as HTMLInputElement;
  const account = widget.view.getByLabelText('Account Identifier') as HTMLInputElement;
  return { apiKey, account };
}

/**
 * Types text as a person would, one key at a time. `{` and `[` are user-event's key syntax, so text that
 * contains them is entered in one go with the browser's own input events instead.
 */
export async function typeInto(input: HTMLInputElement, text: string) {
  if (/[{[]/.test(text)) {
    input.focus();
    document.execCommand('insertText', false, text);
    return;
  }
  await userEvent.type(input, text);
}

/** Fills the form (the account only when given) and presses Connect. */
export async function fillAndConnect(widget: Widget, apiKey: string, accountId?: string) {
  const fields = await openForm(widget);
  paste(fields.apiKey, apiKey);
  // Replace whatever is there (the id the key filled in), as selecting all then pasting does.
  if (accountId !== undefined) paste(fields.account, accountId, { replace: true });
  await userEvent.click(widget.view.getByRole('button', { name: 'Connect' }));
  return fields;
}

/** The error shown under an input: linked by `aria-describedby`, the input flagged invalid. */
export async function expectFieldError(widget: Widget, input: HTMLInputElement, message: string | RegExp) {
  await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
  const alert = widget.view.getAllByRole('alert').find((element: HTMLElement) => input.getAttribute('aria-describedby')?.split(' ').includes(element.id));
  await expect(alert).toBeDefined();
  await expect(alert!.textContent).toMatch(message);
}

/** The inputs carry no error. */
export async function expectFieldsValid(...inputs: HTMLInputElement[]) {
  for (const input of inputs) await expect(input).not.toHaveAttribute('aria-invalid');
}

/** Requests that reached the Harness mock, preflights left out. */
export function harnessPosts() {
  return harnessMock.requests.filter((request) => request.method === 'POST');
}

/** The calls of a callback a story passed as a `fn()` arg (args are typed as the props, not as spies). */
export function callsOf(callback: unknown): unknown[][] {
  if (typeof callback !== 'function' || !('mock' in callback)) throw new Error('not a spy: pass fn() as this arg');
  return (callback as Mock).mock.calls;
}
