import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.ts';

/**
 * Browser settings are built by a function per project: sharing one object between two projects makes
 * Vitest fail with "project name already defined".
 */
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
  '@hookform/resolvers/zod',
  'zod/mini',
  'msw',
  'msw/browser',
  'axe-core',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{core,server,testing}/**/*.test.ts'],
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
