/**
 * The one Harness mock every story talks to (through msw's service worker), so a story can set a fault
 * in its `beforeEach` and the preview resets it before the next story.
 */
import { harnessHandlers } from '../src/testing/index.ts';

export const { handlers: harnessMockHandlers, mock: harnessMock } = harnessHandlers();
