import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  // The introduction first, then the stories; every story is also a test (`npm test`, project `storybook`).
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: {
    name: '@storybook/react-vite',
    // The root vite.config.ts is the library build (lib mode, externals): Storybook gets its own.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  typescript: {
    // The TypeScript checker, not the default react-docgen: the props are an interface that extends the hook's
    // options (`Omit<UseHarnessConnectOptions, …>`), and only the checker follows that to the JSDoc of each one.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: './tsconfig.json',
      // `'light' | 'dark' | 'system'` as a list of values, not as the alias's name.
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Only the widget's own props: not the hundreds a DOM element or React adds.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  // msw's service worker (public/mockServiceWorker.js) serves the Harness mock to every story.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};

export default config;
