/**
 * (b) The floor: the widget's own markup and stylesheet (taken from page (a) at run time) in a bare native
 * <dialog> inside a shadow root, opened by a click handler with no framework at all.
 */
import { findDialog, measureOpen, nextFrame, until } from './measure.ts';

let dialog: HTMLDialogElement;
let markup = '';
const trigger = document.createElement('button');
trigger.type = 'button';
trigger.textContent = 'Link Harness';

const bench = {
  ready: () => true,
  setup(html: string, css: string, attributes: Array<[string, string]>) {
    markup = html;
    const host = document.createElement('span');
    document.getElementById('root')!.append(trigger, host);
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    dialog = document.createElement('dialog');
    for (const [name, value] of attributes) if (name !== 'open') dialog.setAttribute(name, value);
    root.append(dialog);
    trigger.addEventListener('click', () => {
      dialog.innerHTML = markup;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    });
    dialog.addEventListener('close', () => {
      dialog.innerHTML = '';
    });
  },
  async open() {
    const ms = await measureOpen(trigger);
    await nextFrame();
    dialog.close();
    await until(() => !findDialog()?.open, 'the dialog to close');
    await nextFrame();
    return ms;
  },
};

(window as unknown as { __bench: typeof bench }).__bench = bench;
