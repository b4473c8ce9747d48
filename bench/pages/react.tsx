/**
 * (c) A minimal React component rendering the widget's markup (taken from page (a) at run time, turned into
 * React elements once, before any measurement) in a native <dialog> inside a shadow root: what any React modal
 * costs, without the widget's form, flow and state.
 */
import { createElement, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { findDialog, measureOpen, nextFrame, until } from './measure.ts';

const RENAMED: Record<string, string> = {
  class: 'className',
  for: 'htmlFor',
  tabindex: 'tabIndex',
  readonly: 'readOnly',
  autocomplete: 'autoComplete',
  spellcheck: 'spellCheck',
  autocapitalize: 'autoCapitalize',
  maxlength: 'maxLength',
  inputmode: 'inputMode',
  enterkeyhint: 'enterKeyHint',
  value: 'defaultValue',
  checked: 'defaultChecked',
  'stroke-width': 'strokeWidth',
  'stroke-linecap': 'strokeLinecap',
  'stroke-linejoin': 'strokeLinejoin',
  'fill-rule': 'fillRule',
  'clip-rule': 'clipRule',
  viewbox: 'viewBox',
};
const BOOLEAN = new Set(['hidden', 'disabled', 'readonly', 'required', 'open', 'inert']);

/** A DOM node as React elements (attributes only: the markup is static). */
function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue;
  if (!(node instanceof Element)) return null;
  const props: Record<string, unknown> = { key };
  for (const { name, value } of Array.from(node.attributes)) {
    if (name === 'style') continue;
    const prop = RENAMED[name] ?? name;
    props[prop] = BOOLEAN.has(name) ? true : value;
  }
  const children = Array.from(node.childNodes, (child, i) => toReact(child, i));
  return createElement(node.localName, props, ...(children.length ? children : []));
}

let openDialog: (open: boolean) => void = () => {};

function MinimalModal({ content, css, attributes }: { content: ReactNode; css: string; attributes: Record<string, string> }) {
  const [open, setOpen] = useState(false);
  const host = useRef<HTMLSpanElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  useLayoutEffect(() => {
    openDialog = setOpen;
  }, []);
  useLayoutEffect(() => {
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    setRoot(shadow);
  }, [css]);
  useLayoutEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);
  return (
    <>
      <button type="button" id="trigger" onClick={() => setOpen(true)}>
        Link Harness
      </button>
      <span ref={host}>
        {root
          ? createPortal(
              <dialog ref={dialog} {...attributes} onCancel={() => setOpen(false)}>
                {open ? content : null}
              </dialog>,
              root,
            )
          : null}
      </span>
    </>
  );
}

const reactRoot = createRoot(document.getElementById('root')!);

const bench = {
  ready: () => true,
  setup(html: string, css: string, attributes: Array<[string, string]>) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const content = Array.from(template.content.childNodes, (child, i) => toReact(child, i));
    const attrs = Object.fromEntries(attributes.filter(([name]) => name !== 'open').map(([n, v]) => [RENAMED[n] ?? n, v]));
    flushSync(() => reactRoot.render(<MinimalModal content={content} css={css} attributes={attrs} />));
  },
  async open() {
    await until(() => document.getElementById('trigger') !== null && findDialog() !== null, 'the modal to mount');
    const ms = await measureOpen(document.getElementById('trigger')!);
    await nextFrame();
    openDialog(false);
    await until(() => !findDialog()?.open, 'the dialog to close');
    await nextFrame();
    return ms;
  },
};

(window as unknown as { __bench: typeof bench }).__bench = bench;
