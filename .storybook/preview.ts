import addonA11y from '@storybook/addon-a11y';
import addonDocs from '@storybook/addon-docs';
import { definePreview } from '@storybook/react-vite';
import addonMsw from 'msw-storybook-addon';
import { LOOKS } from '../stories/brands.ts';
import { STORY_ARG_TYPES, STORY_LOCALES, storyProps } from '../stories/controls.ts';
import { harnessMock, harnessMockHandlers } from '../stories/harness.ts';

/** `STORYBOOK_*` variables of the environment (Storybook's Vite set-up hands them to the preview). */
const env = (import.meta as { env?: Record<string, string | undefined> }).env ?? {};

/**
 * The toolbar's picks for a whole run, to check that every play reads the screen in any language and look:
 * `STORYBOOK_LOCALE=ar STORYBOOK_LOOK=nightjar npx vitest run --project storybook`. Unset, nothing is picked,
 * and a story keeps its own props until the toolbar picks something.
 */
const initialGlobals = {
  ...(env.STORYBOOK_LOCALE ? { locale: env.STORYBOOK_LOCALE } : {}),
  ...(env.STORYBOOK_LOOK ? { look: env.STORYBOOK_LOOK } : {}),
};

export default definePreview({
  addons: [addonDocs(), addonA11y(), addonMsw()],
  parameters: {
    // Any axe violation fails the story's test, in the Storybook UI and in `npm test`.
    a11y: { test: 'error' },
    layout: 'centered',
    options: { storySort: { order: ['Introduction', 'HarnessConnect'] } },
  },
  // Selects, a colour picker and a brand list instead of object editors (see stories/controls.ts).
  argTypes: STORY_ARG_TYPES,
  // The toolbar: switch the look (light, dark, system, three brands) and the language on any story.
  globalTypes: {
    look: {
      description: 'Theme of the widget',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: Object.keys(LOOKS), dynamicTitle: true },
    },
    locale: {
      description: 'Language of the widget',
      toolbar: { title: 'Language', icon: 'globe', items: [...STORY_LOCALES], dynamicTitle: true },
    },
  },
  initialGlobals,
  decorators: [(Story, { args, globals }) => Story({ args: storyProps(args, globals) })],
  beforeEach({ msw }) {
    harnessMock.reset();
    msw.use(...harnessMockHandlers);
  },
});
