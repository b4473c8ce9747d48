import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: {
    name: '@storybook/react-vite',
    // The root vite.config.ts is the library build (lib mode, externals): Storybook gets its own.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // msw's service worker (public/mockServiceWorker.js) serves the Harness mock to every story.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};

export default config;
