/**
 * React 18.3 for the `ssr-react18` and `browser-react18` Vitest projects.
 *
 * test/react18/package.json is an npm workspace of the root, so the root package-lock.json pins React 18 and a
 * plain `npm ci` installs it in test/react18/node_modules, beside the root's React 19 (no peer conflict: there
 * react-dom 18 finds react 18 next to it). These aliases send every import of react and react-dom, from the
 * tests, from src/ and from the libraries (Testing Library, react-hook-form, react-query), to that copy.
 *
 * Aliases point at files, not at the packages: a file path skips the `exports` conditions, so the one subpath
 * whose file differs between a browser and Node (`react-dom/server`) is picked here by `target`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REACT18_MODULES = fileURLToPath(new URL('./node_modules/', import.meta.url));

const REACT = `${REACT18_MODULES}react/`;
const REACT_DOM = `${REACT18_MODULES}react-dom/`;

export function react18Aliases(target: 'browser' | 'node'): Array<{ find: RegExp; replacement: string }> {
  if (!existsSync(`${REACT}package.json`) || !existsSync(`${REACT_DOM}package.json`)) {
    throw new Error(`React 18 is not installed in ${REACT18_MODULES}: run \`npm ci\` (test/react18 is a workspace of the root)`);
  }
  const files: Record<string, string> = {
    react: `${REACT}index.js`,
    'react/jsx-runtime': `${REACT}jsx-runtime.js`,
    'react/jsx-dev-runtime': `${REACT}jsx-dev-runtime.js`,
    'react-dom': `${REACT_DOM}index.js`,
    'react-dom/client': `${REACT_DOM}client.js`,
    'react-dom/server': `${REACT_DOM}${target === 'browser' ? 'server.browser.js' : 'server.node.js'}`,
    'react-dom/server.browser': `${REACT_DOM}server.browser.js`,
    'react-dom/server.node': `${REACT_DOM}server.node.js`,
    'react-dom/test-utils': `${REACT_DOM}test-utils.js`,
  };
  return Object.entries(files).map(([id, file]) => ({
    find: new RegExp(`^${id.replace(/[./]/g, (c) => `\\${c}`)}$`),
    replacement: file,
  }));
}
