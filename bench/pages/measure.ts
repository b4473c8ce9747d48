/**
 * What every bench page shares: the open-time measurement, the long-task log, and small DOM helpers that look
 * through shadow roots. Pages expose themselves on `window.__bench` for scripts/bench.mjs (playwright-core).
 */

/** The element focused, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The first open `<dialog>` in the document or any shadow root. */
export function findDialog(root: Document | ShadowRoot = document): HTMLDialogElement | null {
  for (const element of root.querySelectorAll('*')) {
    if (element instanceof HTMLDialogElement) return element;
    if (element.shadowRoot) {
      const inner = findDialog(element.shadowRoot);
      if (inner) return inner;
    }
  }
  return null;
}

/** Open, and the focus inside it: the person can act (type, or press the step's primary button). */
export function dialogReady(): boolean {
  const dialog = findDialog();
  if (!dialog?.open) return false;
  const active = deepActiveElement();
  return active !== null && active !== dialog && dialog.contains(active);
}

/**
 * Milliseconds from dispatching a click on `trigger` to `dialogReady()`. The condition is checked right after
 * the click returns, in microtasks, on every focus change and DOM mutation, and on each frame as a fallback,
 * so the time is not rounded to a frame.
 */
export function measureOpen(trigger: HTMLElement): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    let t0 = 0;
    const observer = new MutationObserver(() => check());
    const finish = (t: number) => {
      done = true;
      observer.disconnect();
      document.removeEventListener('focusin', check, true);
      resolve(t - t0);
    };
    function check() {
      if (done) return;
      if (dialogReady()) finish(performance.now());
    }
    observer.observe(document, { subtree: true, childList: true, attributes: true });
    document.addEventListener('focusin', check, true);
    const frames = () => {
      if (done) return;
      check();
      if (!done) {
        if (performance.now() - t0 > 5000) return reject(new Error('the dialog did not open within 5 s'));
        requestAnimationFrame(frames);
      }
    };
    t0 = performance.now();
    trigger.click();
    check();
    queueMicrotask(check);
    setTimeout(check, 0);
    requestAnimationFrame(frames);
  });
}

/** Resolves after the next frame has been produced. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Every long task (> 50 ms) since the page loaded, with its start time. */
export const longTasks: Array<{ start: number; duration: number }> = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: the count stays empty, and the bench says so.
}

/** The text of the stylesheets adopted by a shadow root. */
export function adoptedCss(root: ShadowRoot): string {
  return root.adoptedStyleSheets.map((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n')).join('\n');
}

/** A paste as a browser delivers it: a `paste` event, then the text inserted with input events. */
export function paste(input: HTMLInputElement, text: string): void {
  input.focus();
  input.select();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
  if (input.dispatchEvent(event)) document.execCommand('insertText', false, text);
}

/** The button in the dialog whose text is `name`. */
export function buttonNamed(name: string): HTMLButtonElement | null {
  const dialog = findDialog();
  if (!dialog) return null;
  return Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent?.trim() === name) ?? null;
}

/** The input in the dialog labelled `name`. */
export function inputLabelled(name: string): HTMLInputElement | null {
  const dialog = findDialog();
  if (!dialog) return null;
  const label = Array.from(dialog.querySelectorAll('label')).find((l) => l.textContent?.trim().startsWith(name));
  return (label?.control as HTMLInputElement | null | undefined) ?? null;
}

/** Waits until `predicate` holds, checking each frame. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await nextFrame();
  }
}
