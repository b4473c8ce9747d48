/**
 * Simulate (shown only while Shipyard talks to the Harness mock): make Harness treat this account's key as an
 * admin or time would, then press Check to watch the connection turn into "needs reconnect", and Reconnect to
 * repair it. A disclosure rather than an ARIA menu: a few buttons, reached with Tab like any others.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Announce } from './announce.ts';
import { resetSimulations, simulate, type LinkedAccount, type SimulateAction } from './api.ts';

const ACTIONS: Array<{ action: SimulateAction; label: string }> = [
  { action: 'revoke', label: 'Revoke the key in Harness' },
  { action: 'take-permission', label: 'Take away “Execute pipelines”' },
  { action: 'expire', label: 'Move Harness’s clock past the expiry' },
];

interface SimulateMenuProps {
  account: LinkedAccount;
  /** Says what Harness will now answer, in the page's status line. */
  announce: Announce;
}

export function SimulateMenu({ account, announce }: SimulateMenuProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);

  const run = (work: () => Promise<string>) => {
    setBusy(true);
    work()
      .then(
        // What Harness will answer now: news, neither a success nor a problem until Check finds it.
        (text) => announce(text, 'neutral'),
        (error: unknown) => announce(`The simulation failed: ${error instanceof Error ? error.message : String(error)}`, 'danger'),
      )
      .finally(() => {
        setBusy(false);
        if (details.current) details.current.open = false;
      });
  };

  // Escape closes it, as it would a menu, and gives the focus back to its button.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };

  return (
    <details ref={details} className="simulate" onKeyDown={onKeyDown}>
      <summary className="button">Simulate</summary>
      <div className="simulate-panel">
        <p className="muted">Change what the Harness mock answers for this key:</p>
        {ACTIONS.map(({ action, label }) => (
          <button
            key={action}
            type="button"
            className="button button-small"
            disabled={busy || (action === 'expire' && account.expiresAt === null)}
            onClick={() => run(() => simulate(action, account.accountId))}
          >
            {label}
          </button>
        ))}
        <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => run(resetSimulations)}>
          Undo all simulations
        </button>
      </div>
    </details>
  );
}
