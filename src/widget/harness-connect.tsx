/**
 * `<HarnessConnect/>`: the modal. A host element in the page with an open shadow root; inside it the
 * native `<dialog>` opened with `showModal()` (top layer, inert page, Escape), styled by one adopted sheet.
 */
import { cloneElement, isValidElement, useId, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { createPortal } from 'react-dom';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import { DialogSession } from './dialog-session.js';
import { adoptHarnessConnectStyles } from './styles.js';
import type { HarnessConnectProps, HarnessConnectTrigger } from './types.js';
import { useHarnessConnect } from './use-harness-connect.js';
import { useIsomorphicLayoutEffect, useLatest } from './use-latest.js';

interface TriggerSlotProps {
  trigger: HarnessConnectTrigger;
  expanded: boolean;
  onOpen: (element: HTMLElement) => void;
}

/** The host's trigger element, told that it opens a dialog; its own `onClick` runs first and may prevent opening. */
function TriggerSlot({ trigger, expanded, onOpen }: TriggerSlotProps) {
  if (!isValidElement(trigger)) return null;
  return cloneElement(trigger, {
    'aria-haspopup': 'dialog',
    'aria-expanded': expanded,
    onClick: (event: ReactMouseEvent<HTMLElement>) => {
      trigger.props.onClick?.(event);
      if (!event.defaultPrevented) onOpen(event.currentTarget);
    },
  });
}

/**
 * A modal that guides a person through creating a Harness API key, takes the key and account identifier,
 * verifies them with `connect` and confirms. See `HarnessConnectProps` for the contract.
 */
export function HarnessConnect<TResult = HarnessTokenVerification>(props: HarnessConnectProps<TResult>) {
  const { trigger, defaultValues, ...options } = props;
  const hostRef = useRef<HTMLSpanElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLElement | null>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const flow = useHarnessConnect<TResult>({ ...options, eventTarget: hostRef });
  const [shadowRoot, setShadowRoot] = useState<ShadowRoot | null>(null);

  // The shadow root is attached after mount, never while rendering: a server render emits only the host.
  useIsomorphicLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // StrictMode runs this twice on one element, and a host can only have one shadow root.
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    adoptHarnessConnectStyles(root);
    setShadowRoot(root);
  }, []);

  const { open, close } = flow;
  const latestClose = useLatest(close);
  useIsomorphicLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const active = dialog.ownerDocument.activeElement;
      // What had focus, else the trigger (Safari does not focus a clicked button).
      returnFocusRef.current = active instanceof HTMLElement && active !== dialog.ownerDocument.body ? active : triggerRef.current;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open) {
      const target = returnFocusRef.current;
      returnFocusRef.current = null;
      if (target?.isConnected) target.focus();
    }
  }, [open, shadowRoot]);

  useIsomorphicLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Escape: ask to close instead of letting the dialog close itself, so a controlled `open` stays the truth.
    const onCancel = (event: Event) => {
      event.preventDefault();
      latestClose.current('dismissed');
    };
    // Chrome closes without `cancel` after repeated Escapes (close watcher rules): keep the state in step.
    // The event arrives a task after `close()`: if the dialog was reopened meanwhile, it is not about this one.
    const onClose = () => {
      if (!dialog.open) latestClose.current('dismissed');
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
  }, [shadowRoot, latestClose]);

  return (
    <>
      {trigger ? (
        <TriggerSlot
          trigger={trigger}
          expanded={open}
          onOpen={(element) => {
            triggerRef.current = element;
            flow.openDialog();
          }}
        />
      ) : null}
      {/* A span: valid wherever a host drops the widget, inline text included. Its content lives in the top layer. */}
      <span ref={hostRef} data-harness-connect="" data-state={open ? 'open' : 'closed'}>
        {shadowRoot
          ? createPortal(
              <dialog
                ref={dialogRef}
                part="dialog"
                aria-labelledby={titleId}
                aria-describedby={`${titleId}-note`}
                data-state={open ? 'open' : 'closed'}
              >
                {open ? (
                  <div className="body">
                    <header part="header">
                      <h2 id={titleId} part="title">
                        Connect Harness
                      </h2>
                      <button type="button" part="button" data-variant="icon" onClick={() => close('dismissed')}>
                        Close
                      </button>
                    </header>
                    <p className="note" id={`${titleId}-note`}>
                      Creating API keys in Harness needs admin access or a role that allows it.
                    </p>
                    <DialogSession key={flow.sessionId} flow={flow} defaultValues={defaultValues} />
                  </div>
                ) : null}
              </dialog>,
              shadowRoot,
            )
          : null}
      </span>
    </>
  );
}
