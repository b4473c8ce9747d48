import { useMemo, useState, type RefObject } from 'react';
import { HarnessConnect, type HarnessConnection, type HarnessRouteConnection } from 'harness-connect';
import { SHIPYARD_REQUIRED_PERMISSIONS } from '../shared/required-permissions.ts';
import { createLinkConnect, outcomeOf } from './connect-harness.ts';
import { FixtureHint } from './fixture-hint.tsx';
import { DEMO_LOCALES, setLocale, useLocale } from './locale.ts';
import { SHIPYARD_BRAND, WIDGET_LOOKS, setLookName, useLookName, type WidgetLook, type WidgetLookName } from './looks.ts';
import { useReplaceQuestion } from './replace-question.tsx';
import { href } from './router.ts';
import type { UseAccounts } from './use-accounts.ts';
import { useDemoConfig } from './use-config.ts';

function HarnessMark() {
  return (
    <svg className="integration-mark harness" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="10" fill="currentColor" />
      <path d="M12 11h4v7h8v-7h4v18h-4v-7h-8v7h-4z" fill="#fff" />
    </svg>
  );
}

const SOON = [
  { name: 'GitHub', text: 'Link repositories to see which commit each release shipped.', initials: 'GH' },
  { name: 'PagerDuty', text: 'Page the on-call engineer when a deployment fails.', initials: 'PD' },
];

interface IntegrationsPageProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  accounts: UseAccounts;
}

export function IntegrationsPage({ headingRef, accounts }: IntegrationsPageProps) {
  const config = useDemoConfig();
  const [linked, setLinked] = useState<HarnessConnection<HarnessRouteConnection> | null>(null);
  const lookName = useLookName();
  const look: WidgetLook = WIDGET_LOOKS[lookName];
  const locale = useLocale();
  const count = accounts.state.accounts?.length ?? 0;
  const { ask, question } = useReplaceQuestion();
  const connect = useMemo(() => createLinkConnect(ask), [ask]);

  return (
    <div className="page">
      <div className="page-header">
        <h1 ref={headingRef} tabIndex={-1}>
          Integrations
        </h1>
        <p className="lede">
          Connect the tools your team ships with. Shipyard keeps each key encrypted on its server, and never sends it
          back to your browser.
        </p>
      </div>

      <section aria-labelledby="available" className="integrations">
        <h2 id="available" className="visually-hidden">
          Available integrations
        </h2>
        <article className="card integration integration-featured" aria-labelledby="harness-title">
          <div className="integration-head">
            <HarnessMark />
            <div>
              <h3 id="harness-title">Harness</h3>
              <p className="muted">CI/CD and deployments</p>
            </div>
            {count > 0 ? <span className="badge badge-success">Connected</span> : null}
          </div>
          <p className="integration-text">Link a Harness account with an API key to follow your pipelines and deployments from Shipyard.</p>
          <div className="integration-actions">
            <HarnessConnect<HarnessRouteConnection>
              trigger={
                <button type="button" className="button button-primary">
                  Connect Harness
                </button>
              }
              connect={connect}
              requiredPermissions={SHIPYARD_REQUIRED_PERMISSIONS}
              brand={SHIPYARD_BRAND}
              theme={look.theme}
              colorScheme={look.colorScheme}
              locale={locale}
              onSuccess={(connection) => {
                setLinked(connection);
                void accounts.refresh();
              }}
            />
            {count > 0 ? (
              <a className="button button-quiet" href={href('accounts')}>
                {count === 1 ? '1 linked account' : `${count} linked accounts`}
              </a>
            ) : null}
          </div>
          <div className="look-picker">
            <label htmlFor="widget-look">Connect window look</label>
            <select id="widget-look" value={lookName} onChange={(event) => setLookName(event.target.value as WidgetLookName)}>
              {Object.entries(WIDGET_LOOKS).map(([name, option]) => (
                <option key={name} value={name}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="look-picker">
            <label htmlFor="widget-locale">Connect window language</label>
            <select
              id="widget-locale"
              value={locale}
              onChange={(event) => setLocale(DEMO_LOCALES.find((option) => option.locale === event.target.value)?.locale ?? 'en')}
            >
              {DEMO_LOCALES.map((option) => (
                <option key={option.locale} value={option.locale}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
          <div role="status" className="notice-slot">
            {linked ? (
              <p className="notice">
                {outcomeOf(linked.result) === 'replaced' ? 'Replaced the link to' : 'Linked'} Harness account{' '}
                <code>{linked.accountId}</code>
                {linked.result.accountName ? ` (${linked.result.accountName})` : ''}.{' '}
                <a href={href('accounts')}>See it on the Accounts page</a>
              </p>
            ) : null}
          </div>
        </article>

        {SOON.map((item) => (
          <article key={item.name} className="card integration integration-soon" aria-labelledby={`${item.initials}-title`}>
            <div className="integration-head">
              <span className="integration-mark initials" aria-hidden="true">
                {item.initials}
              </span>
              <div>
                <h3 id={`${item.initials}-title`}>{item.name}</h3>
                <p className="muted">Coming soon</p>
              </div>
            </div>
            <p>{item.text}</p>
          </article>
        ))}
      </section>

      {config?.harness.mode === 'mock' ? <FixtureHint baseUrl={config.harness.baseUrl} /> : null}
      {question}
    </div>
  );
}
