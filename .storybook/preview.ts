import addonA11y from '@storybook/addon-a11y';
import { definePreview } from '@storybook/react-vite';
import addonMsw from 'msw-storybook-addon';
import { harnessMock, harnessMockHandlers } from '../stories/harness.ts';

export default definePreview({
  addons: [addonA11y(), addonMsw()],
  parameters: {
    // Any axe violation fails the story's test, in the Storybook UI and in `npm test`.
    a11y: { test: 'error' },
    layout: 'centered',
  },
  beforeEach({ msw }) {
    harnessMock.reset();
    msw.use(...harnessMockHandlers);
  },
});
