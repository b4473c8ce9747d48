/**
 * Shown only when the server verifies against the Harness mock: the fake credentials it knows, to copy into
 * the widget. The keys are masked on the page and only put on the clipboard, like a real secret would be.
 */
import { useEffect, useState } from 'react';
import { parseHarnessToken } from 'harness-connect';
// Plain constants. `harness-connect/testing` would also bring msw into the app bundle.
import { HARNESS_FIXTURE_ACCOUNTS, HARNESS_FIXTURE_TOKENS, type HarnessFixtureTokenName } from '../../src/testing/fixtures.ts';

/** The fixture keys, grouped by what they show. Every key but `legacy` carries its account identifier. */
const GROUPS: Array<{ title: string; keys: Array<{ name: HarnessFixtureTokenName; result: string }> }> = [
  {
    title: 'Connect',
    keys: [
      { name: 'pat', result: 'Acme Platform, as the person Ada Lovelace; expires 2031' },
      { name: 'sat', result: 'Acme Platform, as the service account deploy-bot; never expires' },
      { name: 'expiringSoon', result: 'Connects, and warns that the key expires in 5 days' },
      { name: 'otherAccount', result: 'Another account: Globex Delivery' },
      { name: 'legacy', result: 'An old 3-part key: needs the Acme Platform identifier below' },
    ],
  },
  {
    title: 'Reconnect (on Accounts)',
    keys: [
      {
        name: 'patRotated',
        result: 'Ada Lovelace’s second key: renews a link made with pat (sat is refused there, another principal)',
      },
    ],
  },
  {
    title: 'Fail',
    keys: [
      { name: 'missingPermission', result: 'Charles Babbage may view pipelines but not execute them' },
      { name: 'expired', result: 'The key has expired' },
      { name: 'revokedByAdmin', result: 'An admin revoked the key' },
      { name: 'revoked', result: 'The key was deleted' },
      { name: 'wrongSecret', result: 'pat with a wrong secret' },
      { name: 'disabledUser', result: 'The user was disabled' },
      { name: 'restricted', result: 'The account’s IP allow-list blocks Shipyard' },
      { name: 'inactiveAccount', result: 'The account is inactive' },
      { name: 'deletedAccount', result: 'The account was deleted' },
      { name: 'aclUnavailable', result: 'Harness cannot check permissions right now' },
    ],
  },
];

function mask(token: string): string {
  const parsed = parseHarnessToken(token);
  return parsed.ok ? parsed.hint : '••••';
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard API (an insecure origin) or no permission: the old way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('copy failed');
  }
}

function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={label}
      data-state={state}
      onClick={() => copyText(value).then(() => setState('copied'), () => setState('failed'))}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}

export function FixtureHint({ baseUrl }: { baseUrl: string }) {
  const accountId = HARNESS_FIXTURE_ACCOUNTS.primary.id;
  return (
    <aside className="card hint" aria-labelledby="fixtures-title">
      <div className="hint-head">
        <h2 id="fixtures-title">Try it with test keys</h2>
        <span className="badge">Harness mock</span>
      </div>
      <p className="muted">
        This demo verifies keys against a Harness mock at <code>{baseUrl}</code>, so these fake keys work offline.
        Copy one, then paste it into <strong>API Key</strong>.
      </p>
      <div className="table-scroll">
        <table className="fixtures">
          <caption className="visually-hidden">Test API keys</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">What happens</th>
              <th scope="col">
                <span className="visually-hidden">Copy</span>
              </th>
            </tr>
          </thead>
          {GROUPS.map((group) => (
            <tbody key={group.title}>
              <tr>
                <th scope="rowgroup" colSpan={3} className="fixture-group">
                  {group.title}
                </th>
              </tr>
              {group.keys.map(({ name, result }) => (
                <tr key={name}>
                  <th scope="row">
                    <span className="fixture-name">{name}</span>
                    <code className="fixture-key">{mask(HARNESS_FIXTURE_TOKENS[name])}</code>
                  </th>
                  <td>{result}</td>
                  <td className="cell-action">
                    <CopyButton value={HARNESS_FIXTURE_TOKENS[name]} label={`Copy the ${name} key`} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
          <tbody>
            <tr>
              <th scope="row">
                <span className="fixture-name">Account Identifier</span>
                <code className="fixture-key">{accountId}</code>
              </th>
              <td>Most keys belong to this account (Acme Platform)</td>
              <td className="cell-action">
                <CopyButton value={accountId} label="Copy the account identifier" />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </aside>
  );
}
