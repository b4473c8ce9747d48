/**
 * `<HarnessConnect/>`: the modal. A host element in the page with an open shadow root; inside it the
 * native `<dialog>` opened with `showModal()` (top layer, inert page, Escape), styled by one adopted sheet.
 */
import { cloneElement, isValidElement, useId, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { createPortal } from 'react-dom';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import { DialogSession } from './dialog-session.js';
import { callHost } from './host-callback.js';
import { canonicalLocale, fill, harnessOrigin, I18nContext, isolated, isRtl, useMessages, type I18n } from './i18n/index.js';
import { CloseIcon, HarnessMark } from './icons.js';
import { existingConnectionOf, ownProps, requirementsOf, stringsOf } from './props.js';
import { adoptHarnessConnectStyles } from './styles.js';
import { themeStyle } from './theme.js';
import type { HarnessConnectProps } from './types.js';
import { useHarnessConnect } from './use-harness-connect.js';
import { useIsomorphicLayoutEffect } from './use-latest.js';

/**
 * A modal that guides a person through creating a Harness API key, takes the key and account identifier,
 * verifies them with `connect` and confirms. See `HarnessConnectProps` for the contract.
 */
export function HarnessConnect<TResult = HarnessTokenVerification>(props: HarnessConnectProps<TResult>) {
  // Only what the host set, here and in the hook: nothing is read from a polluted Object.prototype (see ownProps).
  const { trigger, defaultValues, theme, colorScheme, unstyled, brand: brandProp, whiteLabel, locale: localeProp, messages, ...rest } =
    ownProps(props);
  const options = ownProps(rest);
  const brandGiven = brandProp ?? whiteLabel;
  const brand = brandGiven ? ownProps(brandGiven) : undefined;
  // Canonical once, here: every `Intl` call below gets a tag it accepts.
  const locale = canonicalLocale(localeProp);
  const { messages: t, ready: wordsReady } = useMessages(locale, messages);
  const rtl = isRtl(locale);
  const i18n: I18n = {
    t,
    harnessUrl: harnessOrigin(options.baseUrl),
    locale,
    brand: brand?.name,
    f: (message, values = {}) => fill(message, isolated({ app: brand?.name ?? t.thisApp, brand: brand?.name, ...values }, rtl)),
  };
  const logo = brand?.logo;
  const reconnecting = options.mode === 'reconnect';
  // A reconnect without a usable stored connection still looks like one; connecting then answers a
  // configuration error before anything is sent (see the hook).
  const existing = reconnecting ? existingConnectionOf(options.connection) : null;
  let title: string;
  if (reconnecting) title = brand ? i18n.f(t.titleReconnectBrand) : t.titleReconnect;
  else title = brand ? i18n.f(t.titleBrand) : t.title;
  const hostRef = useRef<HTMLSpanElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The trigger that opened the dialog: set in the same click as the open state, so in the same render.
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const noteId = `${titleId}-note`;
  const flow = useHarnessConnect<TResult>({ ...options, eventTarget: hostRef });
  const [shadowRoot, setShadowRoot] = useState<ShadowRoot | null>(null);

  // The shadow root is attached after mount, never while rendering: a server render emits only the host.
  useIsomorphicLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // StrictMode runs this twice on one element, and a host can only have one shadow root.
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    adoptHarnessConnectStyles(root, unstyled);
    setShadowRoot(root);
  }, [unstyled]);

  // `close` keeps its identity for the hook's lifetime: the listeners below can use it directly.
  const { open, close } = flow;
  // A dialog in another language opens only once its words are here: no flash of English.
  const shown = open && wordsReady;
  useIsomorphicLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (shown) {
      if (dialog.open) return;
      const active = dialog.ownerDocument.activeElement;
      // What had focus, else the trigger (Safari does not focus a clicked button).
      returnFocusRef.current = active instanceof HTMLElement && active !== dialog.ownerDocument.body ? active : opener;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else {
      if (dialog.open) dialog.close();
      const target = returnFocusRef.current;
      returnFocusRef.current = null;
      if (target?.isConnected) target.focus();
    }
  }, [shown, shadowRoot, opener]);

  useIsomorphicLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Escape: ask to close instead of letting the dialog close itself, so a controlled `open` stays the truth.
    const onCancel = (event: Event) => {
      event.preventDefault();
      close();
    };
    // Chrome closes without `cancel` after repeated Escapes (close watcher rules): keep the state in step.
    // The event arrives a task after `close()`: if the dialog was reopened meanwhile, it is not about this one.
    const onClose = () => {
      if (!dialog.open) close();
    };
    // The backdrop is the dialog itself as event target: the page behind must not scroll under it.
    const onBackdropScroll = (event: Event) => {
      if (event.target === dialog) event.preventDefault();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onClose);
    dialog.addEventListener('wheel', onBackdropScroll, { passive: false });
    dialog.addEventListener('touchmove', onBackdropScroll, { passive: false });
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onClose);
      dialog.removeEventListener('wheel', onBackdropScroll);
      dialog.removeEventListener('touchmove', onBackdropScroll);
    };
  }, [shadowRoot, close]);

  return (
    <>
      {/* The host's trigger, told that it opens a dialog; its own `onClick` runs first and may prevent opening. */}
      {isValidElement(trigger)
        ? cloneElement(trigger, {
            'aria-haspopup': 'dialog',
            'aria-expanded': open,
            onClick: (event: ReactMouseEvent<HTMLElement>) => {
              callHost('onClick', trigger.props.onClick, [event]);
              if (event.defaultPrevented) return;
              setOpener(event.currentTarget);
              flow.openDialog();
            },
          })
        : null}
      {/* A span: valid wherever a host drops the widget, inline text included. Its content lives in the top layer.
          The theme's custom properties and the colour scheme are written here, on the widget's own element. */}
      <span
        data-harness-connect=""
        data-state={open ? 'open' : 'closed'}
        data-color-scheme={colorScheme}
        style={themeStyle(theme ?? undefined)}
        ref={hostRef}
      >
        {shadowRoot
          ? createPortal(
              <dialog
                part="dialog"
                lang={locale}
                dir={rtl ? 'rtl' : 'ltr'}
                aria-labelledby={titleId}
                aria-describedby={flow.step === 'key' && flow.connection === null ? noteId : undefined}
                data-state={shown ? 'open' : 'closed'}
                ref={dialogRef}
              >
                {shown ? (
                  <I18nContext.Provider value={i18n}>
                    <div className="body" part="body">
                      <header part="header">
                        {/* The host's logo beside Harness's mark: who is connecting to what, at a glance. */}
                        <span className="lockup" part="lockup">
                          {typeof logo === 'string' ? (
                            <img part="logo" src={logo} alt="" />
                          ) : logo ? (
                            <span className="logo" part="logo">
                              {logo}
                            </span>
                          ) : null}
                          <HarnessMark />
                        </span>
                        <h2 id={titleId} part="title">
                          {title}
                        </h2>
                        <button type="button" className="close" part="button icon close" data-variant="icon" onClick={() => close()}>
                          <CloseIcon />
                          <span className="vh">{t.close}</span>
                        </button>
                      </header>
                      <DialogSession
                        key={flow.sessionId}
                        flow={flow}
                        defaultValues={ownProps(defaultValues)}
                        requiredPermissions={requirementsOf(options.requiredPermissions)}
                        noteId={noteId}
                        baseUrl={options.baseUrl}
                        existing={existing ?? undefined}
                        egressIps={stringsOf(options.egressIps, 'egressIps')}
                      />
                    </div>
                  </I18nContext.Provider>
                ) : null}
              </dialog>,
              shadowRoot,
            )
          : null}
      </span>
    </>
  );
}
