import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { react18Aliases } from './test/react18/aliases.ts';

/**
 * Browser settings are built by a function per project: sharing one object between two projects makes
 * Vitest fail with "project name already defined".
 */
/** A browser test's limit: its own waits are for states, this only bounds a stuck one. */
const BROWSER_TEST_TIMEOUT_MS = 30_000;

function chromium() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] } }),
    instances: [{ browser: 'chromium' as const }],
  };
}

/**
 * Dependencies the widget and its tests load in the browser, pre-bundled up front: discovered mid-run on
 * a clean cache, Vite re-optimises and reloads the page, and the tests of that file fail on a stale import.
 */
const BROWSER_DEPS = [
  'react',
  'react/jsx-dev-runtime',
  'react/jsx-runtime',
  'react-dom',
  'react-dom/client',
  'react-dom/server',
  '@tanstack/react-query',
  'react-hook-form',
  'zod/mini',
  'msw',
  'msw/browser',
  'axe-core',
];

/**
 * Libraries that import React themselves. In Node, Vitest hands node_modules to Node unprocessed, where they
 * would load the root's React 19: inlined, they go through Vite and its React 18 aliases.
 */
const REACT_LIBRARIES = [/\/node_modules\/@tanstack\//, /\/node_modules\/react-hook-form\//, /\/node_modules\/@hookform\//];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{core,server,testing,widget}/**/*.test.ts'],
        },
      },
      {
        test: {
          // Whole apps (the demo, the plain-HTML page) driven in Chromium by playwright-core from Node.
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          // beforeAll starts Vite, the Harness mock and Chromium.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The widget's views in Chromium, driven from Node: compared with committed pictures, checked by axe.
          name: 'visual',
          environment: 'node',
          include: ['test/visual/**/*.test.ts'],
          testTimeout: 30_000,
          // beforeAll builds the test page with Vite and starts Chromium.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Server rendering, in Node with no DOM at all.
          name: 'ssr',
          environment: 'node',
          include: ['test/ssr/**/*.test.tsx'],
        },
      },
      {
        publicDir: 'public',
        optimizeDeps: { include: BROWSER_DEPS },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          // A file's first test also pays for the page and its modules to load: generous on a loaded machine.
          testTimeout: BROWSER_TEST_TIMEOUT_MS,
          browser: chromium(),
        },
      },
      {
        // The same server-render tests against React 18.3 (test/react18/aliases.ts), plus a check that it is 18.
        resolve: { alias: react18Aliases('node') },
        test: {
          name: 'ssr-react18',
          environment: 'node',
          include: ['test/ssr/**/*.test.tsx', 'test/react18/**/*.ssr.test.tsx'],
          server: { deps: { inline: REACT_LIBRARIES } },
        },
      },
      {
        // The widget's browser tests and the hydration tests against React 18.3, plus a check that it is 18.
        publicDir: 'public',
        // Its own pre-bundle cache: the same dependency names resolve to other files than in `browser`.
        cacheDir: 'node_modules/.vite-react18',
        resolve: { alias: react18Aliases('browser') },
        optimizeDeps: { include: [...BROWSER_DEPS, '@testing-library/react', 'react-dom/test-utils'] },
        test: {
          name: 'browser-react18',
          testTimeout: BROWSER_TEST_TIMEOUT_MS,
          include: ['test/browser/{widget,hydrate}-*.test.tsx', 'test/react18/**/*.browser.test.tsx'],
          // It only writes the docs' PNGs to fixed paths, which `browser` writes at the same time.
          exclude: [...configDefaults.exclude, 'test/browser/widget-screenshots.test.tsx'],
          // Skips the widget tests a React-18-only widget bug breaks, naming the bug.
          browser: chromium(),
        },
      },
      {
        // Every story is a test in Chromium: it renders, its play function passes, axe finds nothing.
        plugins: [await storybookTest({ configDir: '.storybook' })],
        publicDir: 'public',
        optimizeDeps: { include: [...BROWSER_DEPS, 'storybook/test'] },
        test: {
          name: 'storybook',
          browser: chromium(),
        },
      },
    ],
  },
});
