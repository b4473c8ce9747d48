/**
 * A paste as Chromium delivers it, for the browser tests and the stories' play functions alike: a `paste`
 * event carrying the text, then (unless a handler prevented it) the text inserted with the browser's own
 * `beforeinput`/`input` events. Needed because user-event's paste does not follow focus into a shadow root,
 * and neither a test nor a story can reach the system clipboard of headless Chromium.
 *
 * No imports on purpose: Storybook loads this file too, and a test library pulled in here would be a
 * dependency its pre-bundling does not know about.
 */

export interface PasteOptions {
  /** Select the input's whole value first, so the paste replaces it (as Ctrl+A, Ctrl+V does). */
  replace?: boolean;
}

/** Pastes `text` into `target` (an input, or any element that has focus when a person presses Ctrl+V). */
export function paste(target: HTMLElement, text: string, { replace = false }: PasteOptions = {}): void {
  target.focus();
  if (replace && target instanceof HTMLInputElement) target.select();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
  if (target.dispatchEvent(event)) document.execCommand('insertText', false, text);
}
