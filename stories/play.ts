/**
 * Helpers for the stories' play functions: they drive the real widget inside its shadow root the way a
 * person does (clicks, typing, pasting) and find things as a person does, by role and by the words on
 * screen: the catalogue of the story's language (the toolbar's, when one is picked), never English literals.
 */
import { configure, expect, prettyDOM, userEvent, waitFor, within, type Mock } from 'storybook/test';
import { paste } from '../test/support/paste.ts';
import { storyProps, type StoryArgs } from './controls.ts';
import { harnessMock } from './harness.ts';
import { wordsFor, type Words } from './words.ts';

// The one paste helper, shared with the browser tests.
export { paste };

/** How much of the widget a failed query prints: enough to see the whole dialog. */
const PRINTED_DOM_CHARACTERS = 20_000;

// A failed query prints the DOM it searched, and Testing Library cannot print a shadow root ("Expected an
// element or document"), which hides the real failure: print the elements inside it instead.
configure({
  getElementError(message, container) {
    const printed =
      container instanceof ShadowRoot
        ? Array.from(container.children, (child) => prettyDOM(child, PRINTED_DOM_CHARACTERS)).join('\n')
        : prettyDOM(container, PRINTED_DOM_CHARACTERS);
    const error = new Error([message, printed].filter(Boolean).join('\n\n'));
    error.name = 'TestingLibraryElementError';
    return error;
  },
});

/** What a play function is given, as far as these helpers need it. */
export interface PlayContext {
  canvasElement: HTMLElement;
  args: StoryArgs;
  globals: Record<string, unknown>;
}

/** What a play function drives the widget with: queries in its shadow root, and the words it shows. */
export interface Widget extends Words {
  /** Queries scoped to the widget's shadow root. */
  view: ReturnType<typeof within>;
  root: ShadowRoot;
  host: HTMLElement;
}

/** The widget rendered in a story's canvas, once its shadow root is attached, with the words it speaks. */
export async function widgetIn({ canvasElement, args, globals }: PlayContext): Promise<Widget> {
  const host = await waitFor(() => {
    const found = canvasElement.querySelector<HTMLElement>('[data-harness-connect]');
    if (!found?.shadowRoot) throw new Error('the widget has no shadow root yet');
    return found;
  });
  const root = host.shadowRoot!;
  return { view: within(root as unknown as HTMLElement), root, host, ...wordsFor(storyProps(args, globals)) };
}

/** The element focused inside the widget (the page's `activeElement` is the host). */
export function focusedIn(widget: Widget): Element | null {
  return widget.root.activeElement;
}

/** The dialog's name: "Connect Harness", or "Reconnect Harness", with the brand when there is one. */
export function dialogName({ t, say, brand }: Widget, mode: 'connect' | 'reconnect' = 'connect'): string {
  if (mode === 'reconnect') return brand ? say(t.titleReconnectBrand) : t.titleReconnect;
  return brand ? say(t.titleBrand) : t.title;
}

/**
 * The confirmation's heading: the account by name when Harness gave it ("Acme Platform is connected"); a
 * reconnect's says the connection was renewed ("Connection to Acme Platform renewed").
 */
export function connectedHeading({ t, say, brand }: Widget, accountName: string | null, mode: 'connect' | 'reconnect' = 'connect'): string {
  if (mode === 'reconnect') {
    if (accountName !== null) return say(brand ? t.renewedNamedBrand : t.renewedNamed, { account: accountName });
    return brand ? say(t.renewedBrand) : t.renewedTitle;
  }
  if (accountName !== null) return say(brand ? t.successNamedBrand : t.successNamed, { account: accountName });
  return brand ? say(t.successBrand) : t.successTitle;
}

/** What the confirmation says beside a term ("Acts as", "Expires"): the `<dd>` after its `<dt>`. */
export function detailOf(widget: Widget, term: string): HTMLElement {
  const detail = widget.view.getByText(term, { selector: 'dt' }).nextElementSibling;
  if (!(detail instanceof HTMLElement) || detail.tagName !== 'DD') throw new Error(`no detail follows the term "${term}"`);
  return detail;
}

/** Skips the guide with "I already have an API key" and returns the two inputs. */
export async function openForm(widget: Widget) {
  await userEvent.click(await widget.view.findByRole('button', { name: widget.t.skip }));
  const apiKey = (await widget.view.findByLabelText(widget.t.apiKey)) as HTMLInputElement;
  const account = widget.view.getByLabelText(widget.t.accountId) as HTMLInputElement;
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
  await userEvent.click(widget.view.getByRole('button', { name: widget.t.connect }));
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
