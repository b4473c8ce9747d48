/**
 * How the browser tests reach the widget inside its shadow root, and the few checks several files share.
 *
 * Queries run within the `<dialog>` element, never within the ShadowRoot itself: when a query fails,
 * testing-library prints its container, and it can print an Element but throws "Expected an element or
 * document but got ShadowRoot" for a shadow root, which hides the real failure. The dialog element lives as
 * long as the widget (only its content comes and goes with each opening), so one `view` serves a whole test.
 */
import { within, type BoundFunctions, type queries } from '@testing-library/react';
import { expect, vi } from 'vitest';

export interface Widget {
  /** The widget's element in the page (`<span data-harness-connect>`): theme properties, DOM events. */
  host: HTMLElement;
  root: ShadowRoot;
  /** The native `<dialog>`: shown (`open`) while the widget is open. */
  dialog: HTMLDialogElement;
  /** Queries by role, label and text inside the dialog. */
  view: BoundFunctions<typeof queries>;
}

/** The widget of `host`, once its shadow root holds the dialog. */
export async function widgetOf(host: HTMLElement): Promise<Widget> {
  const dialog = await vi.waitFor(() => {
    const found = host.shadowRoot?.querySelector('dialog');
    if (!found) throw new Error(`no <dialog> in the widget's shadow root yet (shadow root: ${host.shadowRoot ? 'attached' : 'missing'})`);
    return found;
  });
  return { host, root: host.shadowRoot!, dialog, view: within(dialog) };
}

/** The (first) widget rendered inside `container`. */
export async function widgetIn(container: ParentNode): Promise<Widget> {
  const host = await vi.waitFor(() => {
    const found = container.querySelector<HTMLElement>('[data-harness-connect]');
    if (!found) throw new Error('no harness-connect host element rendered');
    return found;
  });
  return widgetOf(host);
}

/**
 * Waits until the dialog is shown to the person, with its words (its accessible name comes from its title,
 * which only exists while it is open), and returns it.
 */
export async function shownDialog({ dialog }: Widget, name: string | RegExp = 'Connect Harness'): Promise<HTMLDialogElement> {
  await expect.element(dialog).toHaveAccessibleName(name);
  expect(dialog.open).toBe(true);
  return dialog;
}

/**
 * Resolves after every promise reaction queued so far has run. The widget reads `connect`'s answer in
 * promise reactions only (no timers), so once a late answer has been handed over and this resolves, the
 * widget has done whatever it was going to do with it.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Two animation frames: style, layout and paint after a resize or a state change. */
export function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** An element as a failure message names it. */
function named(element: Element): string {
  const text = element.textContent?.trim().slice(0, 40) ?? '';
  return `<${element.localName}${element.getAttribute('part') ? ` part="${element.getAttribute('part')}"` : ''}> "${text}"`;
}

/** Visually hidden helpers are 1 px boxes that clip their text on purpose. */
const VISUALLY_HIDDEN_MAX_PX = 1;
/** Sub-pixel layout: a box may report one pixel more content than its width without anything cut off. */
const ROUNDING_PX = 1;

/**
 * What a person notices first at any window size: the dialog entirely inside the window, nothing wider than
 * it (no sideways scrolling), no text cut off, and `primary` on screen with nothing covering its centre.
 */
export function expectLaidOut({ root, dialog }: Widget, primary: HTMLElement): void {
  const width = window.innerWidth;
  const height = window.innerHeight;
  const box = dialog.getBoundingClientRect();
  expect({ left: box.left >= 0, top: box.top >= 0, right: box.right <= width, bottom: box.bottom <= height }, 'the dialog inside the window').toEqual({
    left: true,
    top: true,
    right: true,
    bottom: true,
  });
  expect(document.documentElement.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(width);
  expect(dialog.scrollWidth, 'the dialog scrolls sideways').toBeLessThanOrEqual(dialog.clientWidth);

  // Text cut off: a box whose content is wider than the box. Inputs scroll their value by design.
  const clipped = [...dialog.querySelectorAll('*')].filter(
    (element) =>
      !(element instanceof HTMLInputElement) &&
      element.clientWidth > VISUALLY_HIDDEN_MAX_PX &&
      element.scrollWidth > element.clientWidth + ROUNDING_PX,
  );
  expect(clipped.map(named), 'text wider than its box').toEqual([]);

  const button = primary.getBoundingClientRect();
  expect(button.left >= 0 && button.right <= width && button.top >= 0 && button.bottom <= height, `${named(primary)} on screen`).toBe(true);
  const atCentre = root.elementFromPoint(button.left + button.width / 2, button.top + button.height / 2);
  expect(atCentre !== null && primary.contains(atCentre), `${named(primary)} not covered (found ${atCentre ? named(atCentre) : 'nothing'})`).toBe(true);
  expect(primary).toBeVisible();
}
