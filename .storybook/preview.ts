import addonA11y from '@storybook/addon-a11y';
import { definePreview } from '@storybook/react-vite';
import addonMsw from 'msw-storybook-addon';
import { LOOKS } from '../stories/brands.ts';
import { harnessMock, harnessMockHandlers } from '../stories/harness.ts';

export default definePreview({
  addons: [addonA11y(), addonMsw()],
  parameters: {
    // Any axe violation fails the story's test, in the Storybook UI and in `npm test`.
    a11y: { test: 'error' },
    layout: 'centered',
  },
  // The toolbar: switch the look (light, dark, system, three brands) and the language on any story.
  globalTypes: {
    look: {
      description: 'Theme of the widget',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: Object.keys(LOOKS), dynamicTitle: true },
    },
    locale: {
      description: 'Language of the widget',
      toolbar: { title: 'Language', icon: 'globe', items: ['en', 'de', 'fr', 'es', 'ja', 'ar'], dynamicTitle: true },
    },
  },
  // No initial globals: a story keeps its own props until the toolbar picks something.
  decorators: [
    (Story, { args, globals }) => {
      const look = typeof globals.look === 'string' ? LOOKS[globals.look] : undefined;
      const locale = typeof globals.locale === 'string' ? globals.locale : undefined;
      return Story({ args: { ...args, ...look, ...(locale ? { locale } : {}) } });
    },
  ],
  beforeEach({ msw }) {
    harnessMock.reset();
    msw.use(...harnessMockHandlers);
  },
});
