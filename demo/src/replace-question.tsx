/**
 * "Replace the link?": asked when a person links an account that is already linked. A native modal
 * `<dialog>`, opened above the connect window (a later `showModal()` is on top, and the window below is inert
 * meanwhile). Keep is the safe answer: it has the focus, and Escape gives it.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { LinkedAccount } from './api.ts';
import type { AskReplace } from './connect-harness.ts';
import { describePrincipal, TOKEN_KINDS } from './account-facts.tsx';

interface Pending {
  existing: LinkedAccount;
  answer: (replace: boolean) => void;
}

function ReplaceQuestion({ existing, answer }: Pending) {
  const ref = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  const name = existing.accountName ?? existing.accountId;

  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    keep.current?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="question"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        // Escape: the dialog stays under React's control, and the answer is Keep.
        event.preventDefault();
        answer(false);
      }}
    >
      <h2 id={titleId}>Replace the link to {name}?</h2>
      <p id={textId}>
        {name} (<code>{existing.accountId}</code>) is already linked with a {TOKEN_KINDS[existing.tokenKind].toLowerCase()} of{' '}
        {describePrincipal(existing.principal)}. Shipyard keeps one key per account: linking this key replaces that
        one, and the old key is deleted from Shipyard.
      </p>
      <div className="question-actions">
        <button ref={keep} type="button" className="button" onClick={() => answer(false)}>
          Keep the current link
        </button>
        <button type="button" className="button button-danger" onClick={() => answer(true)}>
          Replace
        </button>
      </div>
    </dialog>
  );
}

/** `ask` for the connect function, and the question to render while one is pending. */
export function useReplaceQuestion(): { ask: AskReplace; question: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);

  const ask = useCallback<AskReplace>(
    (existing, signal) =>
      new Promise<boolean>((resolve) => {
        let settled = false;
        const answer = (replace: boolean) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          setPending(null);
          resolve(replace);
        };
        // The connect window closed while asking: nothing to replace any more.
        const onAbort = () => answer(false);
        if (signal.aborted) {
          resolve(false);
          return;
        }
        signal.addEventListener('abort', onAbort, { once: true });
        setPending({ existing, answer });
      }),
    [],
  );

  return { ask, question: pending === null ? null : <ReplaceQuestion {...pending} /> };
}
