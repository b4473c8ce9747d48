/**
 * The widget's views and how a person reaches each one from the opened dialog, for test/visual/views.test.ts.
 * Buttons and fields are found by role and by the catalogue's own words, so every view is reached the same
 * way in English and in Arabic.
 */
import type { Page } from 'playwright-core';
import type { HarnessConnectMessages } from '../../src/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.ts';

export interface View {
  /** Names the test and the baseline file (`<name>-<scheme>.png`). */
  name: string;
  /** One of the test page's SETUPS (test/visual/page/main.tsx). */
  setup: 'plain' | 'permissions' | 'reconnect';
  /** A fault the Harness mock answers with. */
  fault?: 'server_error' | 'hang';
  /** Compared with a committed picture (the main views); the others are checked by axe only. */
  baseline: boolean;
  /** From the first step to the view; resolves once the view is on screen. */
  reach: (page: Page, t: HarnessConnectMessages) => Promise<void>;
}

/** From the first step to the form, with "I already have an API key". */
async function openForm(page: Page, t: HarnessConnectMessages) {
  await page.getByRole('button', { name: t.skip }).click();
  await page.getByLabel(t.apiKey, { exact: true }).waitFor();
}

/** Fills the form (the key fills the account) and presses Connect. */
async function connectWith(page: Page, t: HarnessConnectMessages, apiKey: string, accountId?: string) {
  await openForm(page, t);
  await page.getByLabel(t.apiKey, { exact: true }).fill(apiKey);
  if (accountId !== undefined) await page.getByLabel(t.accountId, { exact: true }).fill(accountId);
  await page.getByRole('button', { name: t.connect, exact: true }).click();
}

export const VIEWS: readonly View[] = [
  {
    name: 'guide',
    setup: 'plain',
    baseline: true,
    reach: async (page, t) => {
      await page.getByRole('heading', { name: t.steps.key }).waitFor();
    },
  },
  {
    name: 'account-step',
    setup: 'plain',
    baseline: true,
    reach: async (page, t) => {
      await page.getByRole('button', { name: t.next }).click();
      await page.getByRole('heading', { name: t.steps.account }).waitFor();
    },
  },
  {
    name: 'form',
    setup: 'plain',
    baseline: false,
    reach: openForm,
  },
  {
    // The key says one account, the field another: the core's local check, shown under the account field.
    name: 'field-error',
    setup: 'plain',
    baseline: true,
    reach: async (page, t) => {
      await connectWith(page, t, TOKENS.pat, ACCOUNTS.other.id);
      await page.locator('input[aria-invalid="true"]').waitFor();
    },
  },
  {
    name: 'verifying',
    setup: 'plain',
    fault: 'hang',
    baseline: false,
    reach: async (page, t) => {
      await connectWith(page, t, TOKENS.pat);
      await page.getByRole('button', { name: t.cancel }).waitFor();
    },
  },
  {
    // Harness answers 500: a banner that offers to try again.
    name: 'banner',
    setup: 'plain',
    fault: 'server_error',
    baseline: true,
    reach: async (page, t) => {
      await connectWith(page, t, TOKENS.pat);
      await page.getByRole('button', { name: t.retry }).waitFor();
    },
  },
  {
    // A viewer's key: Harness accepts it, the ACL says it may not run pipelines.
    name: 'permissions',
    setup: 'permissions',
    baseline: true,
    reach: async (page, t) => {
      await connectWith(page, t, TOKENS.missingPermission);
      await page.getByRole('button', { name: t.checkAgain }).waitFor();
    },
  },
  {
    name: 'confirmation',
    setup: 'plain',
    baseline: true,
    reach: async (page, t) => {
      await connectWith(page, t, TOKENS.pat);
      await page.getByRole('button', { name: t.finish }).waitFor();
    },
  },
  {
    name: 'reconnect',
    setup: 'reconnect',
    baseline: false,
    reach: async (page, t) => {
      await page.getByRole('dialog', { name: t.titleReconnect }).waitFor();
    },
  },
];
