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
          // Server rendering, in Node with no DOM at all.
          name: 'ssr',
          environment: 'node',
          include: ['test/ssr/**/*.test.tsx'],
        },
      },
      {
        publicDir: 'public',
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
        test: {
          name: 'storybook',
          browser: chromium(),
        },
      },
    ],
  },
});
