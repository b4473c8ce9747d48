/**
 * `<harness-connect>`: the widget as a custom element, for hosts without React (plain HTML, Vue, Angular,
 * Svelte). It renders `<HarnessConnect/>` with React into one container `<span>` inside itself; the dialog
 * lives in that widget's own shadow root, so the element adds a `<span>` (and a trigger button when asked for
 * one) to the light DOM and nothing else.
 *
 * Importing this module defines nothing and touches no DOM: `defineHarnessConnectElement()` registers the
 * tag. Where `HTMLElement` does not exist (Node, a server render) the class extends an empty stand-in, so the
 * import is safe there; defining it there does nothing.
 */
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { HarnessConnectEvent, HarnessConnectEventName } from '../widget/events.js';
import { HarnessConnect } from '../widget/harness-connect.js';
import type { HarnessConnectTheme } from '../widget/theme.js';
import type { HarnessPermissionRequirement } from '../core/permissions.js';
import type { HarnessConnectMode } from '../widget/flow.js';
import type {
  HarnessConnectColorScheme,
  HarnessConnectConnect,
  HarnessConnectDefaultValues,
  HarnessConnectExisting,
  HarnessConnectProps,
  HarnessConnectTrigger,
} from '../widget/types.js';

/** The `detail` of each DOM event `harness-connect-<type>`, by event name. */
export type HarnessConnectElementEventMap = {
  [K in HarnessConnectEventName as `harness-connect-${K}`]: CustomEvent<Extract<HarnessConnectEvent, { type: K }>>;
};

/** The tag `defineHarnessConnectElement()` registers unless told another. */
export const HARNESS_CONNECT_TAG_NAME = 'harness-connect';

const OBSERVED_ATTRIBUTES = ['open', 'base-url', 'account-id', 'trigger-label', 'color-scheme', 'locale', 'allowed-hosts', 'mode'] as const;

/**
 * Every settable property. A page (or Vue, Angular) may set them on the element before its script defines
 * the tag: they then sit on the instance as own properties that shadow the class's setters, so the widget
 * would never see them (a host's `connect` ignored, the key sent to Harness from the browser instead).
 * `connectedCallback` takes each such value and sets it again through its setter.
 */
const UPGRADED_PROPERTIES = [
  'connect',
  'theme',
  'requiredPermissions',
  'connection',
  'egressIps',
  'allowedHosts',
  'mode',
  'colorScheme',
  'locale',
  'baseUrl',
  'accountId',
  'defaultValues',
  'triggerLabel',
] as const;

/** A space-separated attribute as a list (`allowed-hosts="harness.acme.internal 127.0.0.1:4010"`). */
function listOf(value: string | null): string[] {
  return value === null ? [] : value.split(/\s+/).filter((item) => item !== '');
}

/** Each element's React root gets its own `useId` prefix, so two roots never produce the same id. */
let rootCount = 0;

// No DOM (Node, a server render): an empty stand-in, so that importing this module never throws.
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/**
 * `<harness-connect>`: a modal that guides a person through creating a Harness API key, takes the key and
 * account identifier, verifies them with `connect` and confirms.
 *
 * Attributes (each with its property):
 * - `open` (boolean, reflects; read it as `isOpen`): whether the dialog is open. The element sets and removes
 *   it itself when the person opens or closes the dialog, so it is always the truth.
 * - `base-url` ↔ `baseUrl`: the Harness address the default `connect` verifies against.
 * - `account-id` ↔ `accountId` (also `defaultValues`): the Account Identifier the form starts with.
 * - `trigger-label` ↔ `triggerLabel`: when set, the element renders its own `<button>` with this label that
 *   opens the dialog (focus returns to it on close). It is in the light DOM, for the page to style:
 *   `harness-connect [data-harness-connect-trigger]`. Without it there is no trigger: call `open()`.
 *
 * - `color-scheme` ↔ `colorScheme`: `light` (default), `dark` or `system`.
 * - `locale` ↔ `locale`: the language (`en`, `de`, `fr`, `es`, `ja`, `ar`, or any BCP 47 tag).
 * - `allowed-hosts` ↔ `allowedHosts`: space-separated extra hosts the default `connect` may reach (a
 *   self-managed Harness).
 * - `mode` ↔ `mode`: `connect` (default) or `reconnect` (with the `connection` property).
 *
 * More properties: `requiredPermissions` (what the app needs the key to do), `connection` (the stored
 * connection a reconnect renews) and `egressIps` (the app's outbound addresses, for an IP allow-list).
 *
 * Properties only: `theme` (a `HarnessConnectTheme`: the `--hc-*` tokens, or just an `accent`; the same custom
 * properties can be set from the page's CSS instead), and `connect`, the callback `(credentials, { signal }) => Promise<result>` that verifies (and
 * usually stores) the credentials; reject with a `HarnessConnectError`, or a plain object
 * `{ name: 'HarnessConnectError', code, … }`, to point at a field. Without it the key is verified straight from
 * the browser against `baseUrl`.
 *
 * Methods: `open()` and `close()` (which dismisses, aborting a running verification). `open` is a method,
 * not a boolean property: the state is the `open` attribute and the read-only property `isOpen`.
 *
 * Events: the widget's events as DOM `CustomEvent`s named `harness-connect-<type>` (`open`, `step_view`, …,
 * `success`, `close`), bubbling and composed, with the event as `detail` (see `HarnessConnectElementEventMap`).
 * None carries the key.
 */
export class HarnessConnectElement extends ElementBase {
  static get observedAttributes(): readonly string[] {
    return OBSERVED_ATTRIBUTES;
  }

  #root: Root | null = null;
  #container: HTMLSpanElement | null = null;
  #connect: HarnessConnectConnect<unknown> | null = null;
  #theme: HarnessConnectTheme | undefined;
  #requiredPermissions: readonly HarnessPermissionRequirement[] | undefined;
  #connection: HarnessConnectExisting | undefined;
  #egressIps: readonly string[] | undefined;
  /** A pending unmount after a disconnect; a reconnect in the same task (a DOM move) cancels it. */
  #unmountScheduled = false;

  /** The callback that verifies the credentials; `null` for the default (verify against `baseUrl`). */
  get connect(): HarnessConnectConnect<unknown> | null {
    return this.#connect;
  }

  set connect(value: HarnessConnectConnect<unknown> | null | undefined) {
    this.#connect = typeof value === 'function' ? value : null;
    this.#render();
  }

  /** The widget's design tokens (see `HarnessConnectTheme`). */
  get theme(): HarnessConnectTheme | undefined {
    return this.#theme;
  }

  set theme(value: HarnessConnectTheme | null | undefined) {
    this.#theme = value ?? undefined;
    this.#render();
  }

  /** What the app needs the key to be able to do, checked with Harness before the connection counts. */
  get requiredPermissions(): readonly HarnessPermissionRequirement[] | undefined {
    return this.#requiredPermissions;
  }

  set requiredPermissions(value: readonly HarnessPermissionRequirement[] | null | undefined) {
    this.#requiredPermissions = Array.isArray(value) ? value : undefined;
    this.#render();
  }

  /** The stored connection a reconnect renews (with `mode="reconnect"`). */
  get connection(): HarnessConnectExisting | undefined {
    return this.#connection;
  }

  set connection(value: HarnessConnectExisting | null | undefined) {
    this.#connection = value ?? undefined;
    this.#render();
  }

  /** The app's outbound IP addresses, listed when a Harness IP allow-list blocks the key. */
  get egressIps(): readonly string[] | undefined {
    return this.#egressIps;
  }

  set egressIps(value: readonly string[] | null | undefined) {
    this.#egressIps = Array.isArray(value) ? value : undefined;
    this.#render();
  }

  /** Extra hosts the default `connect` may reach (self-managed Harness): the `allowed-hosts` attribute, space-separated. */
  get allowedHosts(): string[] {
    return listOf(this.getAttribute('allowed-hosts'));
  }

  set allowedHosts(value: readonly string[] | null | undefined) {
    this.#reflect('allowed-hosts', value ? value.join(' ') : null);
  }

  /** `connect` (default) or `reconnect`. */
  get mode(): HarnessConnectMode {
    return this.getAttribute('mode') === 'reconnect' ? 'reconnect' : 'connect';
  }

  set mode(value: HarnessConnectMode | null | undefined) {
    this.#reflect('mode', value);
  }

  get colorScheme(): HarnessConnectColorScheme {
    const value = this.getAttribute('color-scheme');
    return value === 'dark' || value === 'system' ? value : 'light';
  }

  set colorScheme(value: HarnessConnectColorScheme | null | undefined) {
    this.#reflect('color-scheme', value);
  }

  get locale(): string | null {
    return this.getAttribute('locale');
  }

  set locale(value: string | null | undefined) {
    this.#reflect('locale', value);
  }

  /** Whether the dialog is open: the `open` attribute. */
  get isOpen(): boolean {
    return this.hasAttribute('open');
  }

  get baseUrl(): string | null {
    return this.getAttribute('base-url');
  }

  set baseUrl(value: string | null | undefined) {
    this.#reflect('base-url', value);
  }

  get accountId(): string | null {
    return this.getAttribute('account-id');
  }

  set accountId(value: string | null | undefined) {
    this.#reflect('account-id', value);
  }

  /** The values the form starts with (`{ accountId }` from the `account-id` attribute). */
  get defaultValues(): HarnessConnectDefaultValues {
    const accountId = this.accountId;
    return accountId === null ? {} : { accountId };
  }

  set defaultValues(value: HarnessConnectDefaultValues | null | undefined) {
    this.accountId = value?.accountId;
  }

  get triggerLabel(): string | null {
    return this.getAttribute('trigger-label');
  }

  set triggerLabel(value: string | null | undefined) {
    this.#reflect('trigger-label', value);
  }

  /**
   * Typed for the widget's events: `el.addEventListener('harness-connect-success', (e) => e.detail.accountId)`
   * gets a `CustomEvent` with the event as `detail`; any other event name is typed as on every element.
   */
  override addEventListener<K extends keyof HarnessConnectElementEventMap>(
    type: K,
    listener: (this: HarnessConnectElement, event: HarnessConnectElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HarnessConnectElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof HarnessConnectElementEventMap>(
    type: K,
    listener: (this: HarnessConnectElement, event: HarnessConnectElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HarnessConnectElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }

  /** Opens the dialog (sets the `open` attribute). */
  open(): void {
    this.toggleAttribute('open', true);
  }

  /** Closes the dialog as dismissed (removes the `open` attribute), aborting a running verification. */
  close(): void {
    this.toggleAttribute('open', false);
  }

  connectedCallback(): void {
    this.#unmountScheduled = false;
    this.#upgradeProperties();
    if (this.#root === null) {
      const container = this.ownerDocument.createElement('span');
      // Only the widget's host span and the trigger live here; neither needs a box of its own.
      container.style.display = 'contents';
      this.append(container);
      this.#container = container;
      rootCount += 1;
      this.#root = createRoot(container, { identifierPrefix: `hce${rootCount}-` });
    }
    this.#render();
  }

  disconnectedCallback(): void {
    this.#unmountScheduled = true;
    // After a microtask: a DOM move (remove, then insert elsewhere) reconnects first and keeps the state.
    queueMicrotask(() => {
      if (!this.#unmountScheduled || this.isConnected) return;
      this.#unmountScheduled = false;
      this.#root?.unmount();
      this.#root = null;
      this.#container?.remove();
      this.#container = null;
    });
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue !== newValue) this.#render();
  }

  /** The "lazy properties" step of custom elements: values set before the upgrade go through their setters. */
  #upgradeProperties(): void {
    for (const name of UPGRADED_PROPERTIES) {
      if (!Object.hasOwn(this, name)) continue;
      const value: unknown = Reflect.get(this, name);
      Reflect.deleteProperty(this, name);
      Reflect.set(this, name, value);
    }
  }

  #reflect(name: string, value: string | null | undefined): void {
    if (value === null || value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  #render(): void {
    const root = this.#root;
    if (root === null) return;
    const label = this.triggerLabel;
    const props: HarnessConnectProps<unknown> = {
      open: this.isOpen,
      onOpenChange: (next: boolean) => this.toggleAttribute('open', next),
      baseUrl: this.baseUrl ?? undefined,
      defaultValues: this.defaultValues,
      connect: this.#connect ?? undefined,
      theme: this.#theme,
      colorScheme: this.colorScheme,
      allowedHosts: this.allowedHosts,
      requiredPermissions: this.#requiredPermissions,
      egressIps: this.#egressIps,
      mode: this.mode,
      connection: this.#connection,
      locale: this.locale ?? undefined,
      trigger: label === null ? undefined : (createElement('button', { type: 'button', 'data-harness-connect-trigger': '' }, label) as HarnessConnectTrigger),
    };
    root.render(createElement(HarnessConnect<unknown>, props));
  }
}

/**
 * Registers `<harness-connect>` (or `tagName`) and returns its class. Calling it again is harmless: an existing
 * definition is returned as it is. Another tag name gets its own subclass (a constructor can be registered
 * once). Where there is no `customElements` (Node, a server render) it does nothing and returns the class.
 */
export function defineHarnessConnectElement(tagName: string = HARNESS_CONNECT_TAG_NAME): typeof HarnessConnectElement {
  const registry = typeof customElements === 'undefined' ? undefined : customElements;
  if (registry === undefined) return HarnessConnectElement;
  const existing = registry.get(tagName);
  if (existing !== undefined) return existing as typeof HarnessConnectElement;
  const alreadyUsed = registry.getName?.(HarnessConnectElement) ?? null;
  const definition = alreadyUsed === null ? HarnessConnectElement : class extends HarnessConnectElement {};
  registry.define(tagName, definition);
  return definition;
}

declare global {
  interface HTMLElementTagNameMap {
    'harness-connect': HarnessConnectElement;
  }
}
