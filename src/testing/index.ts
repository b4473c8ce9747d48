/**
 * `harness-connect/testing`: an in-memory Harness API for tests, stories and demos, with its fixture
 * accounts and tokens and msw handlers. The node:http server lives in `harness-connect/testing/node`,
 * so browser bundles never pull in node built-ins.
 */
export {
  HARNESS_FIXTURE_ACCOUNTS,
  HARNESS_FIXTURE_PERMISSIONS,
  HARNESS_FIXTURE_TOKEN_IDS,
  HARNESS_FIXTURE_TOKENS,
} from './fixtures.js';
export { createHarnessMock } from './harness-mock.js';
export { harnessHandlers } from './msw.js';

export type { HarnessFixtureTokenName } from './fixtures.js';
export type { HarnessFault, HarnessFaultOptions } from './harness-faults.js';
export type {
  HarnessMock,
  HarnessMockOptions,
  HarnessMockReply,
  RecordedHarnessRequest,
} from './harness-mock.js';
export type { HarnessHandlersOptions } from './msw.js';
