import { useEffect, useRef } from 'react';
import { AccountsPage } from './accounts-page.tsx';
import { IntegrationsPage } from './integrations-page.tsx';
import { href, useRoute, type Route } from './router.ts';
import { useAccounts } from './use-accounts.ts';

const TITLES: Record<Route, string> = { integrations: 'Integrations', accounts: 'Accounts' };

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M8 20h16l-3 5H11z" fill="#fff" />
      <path d="M15 6v12h2V6z" fill="#fff" />
      <path d="M17 8l6 8h-6z" fill="#c7d2fe" />
    </svg>
  );
}

export function App() {
  const route = useRoute();
  const accounts = useAccounts();
  const count = accounts.state.accounts?.length ?? 0;
  const heading = useRef<HTMLHeadingElement>(null);
  const shownRoute = useRef(route);

  useEffect(() => {
    document.title = `${TITLES[route]} · Shipyard`;
    // On navigation (not the first load), move focus to the new page's heading, as a page load would.
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    heading.current?.focus();
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <a className="brand" href={href('integrations')}>
            <Logo />
            <span>Shipyard</span>
          </a>
          <nav aria-label="Main">
            <ul>
              <li>
                <a href={href('integrations')} aria-current={route === 'integrations' ? 'page' : undefined}>
                  Integrations
                </a>
              </li>
              <li>
                <a href={href('accounts')} aria-current={route === 'accounts' ? 'page' : undefined}>
                  Accounts
                  {count > 0 ? (
                    <span className="count" aria-label={`, ${count} linked`}>
                      {count}
                    </span>
                  ) : null}
                </a>
              </li>
            </ul>
          </nav>
          <div className="workspace" aria-label="Workspace: Northwind Labs" role="img">
            <span className="avatar" aria-hidden="true">
              NL
            </span>
            <span className="workspace-name" aria-hidden="true">
              Northwind Labs
            </span>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route === 'integrations' ? (
          <IntegrationsPage headingRef={heading} accounts={accounts} />
        ) : (
          <AccountsPage headingRef={heading} accounts={accounts} />
        )}
      </main>
      <footer className="footer">
        <p>Shipyard is a fictional app showing the harness-connect widget.</p>
      </footer>
    </>
  );
}
