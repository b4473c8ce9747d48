import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HarnessConnect } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS, harnessHandlers } from '../../src/testing/index.js';
import { expectLaidOut, painted, shownDialog, widgetIn, type Widget } from '../support/widget.js';

// The widget's main states on a desktop and on the narrowest phone: at each size the dialog is inside the
// window, nothing scrolls sideways, no text is cut off and the state's primary button is on screen, uncovered.
// Each is also saved as a screenshot for a person to review (test-results/ is not committed; `path` is
// relative to this file: ../../ is the repository root).
const { handlers, mock } = harnessHandlers();
const worker = setupWorker(...handlers);

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 320, height: 640 },
] as const;

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterEach(() => {
  cleanup();
  mock.reset();
});
afterAll(() => worker.stop());

/** At every size: checks the layout around `primary`, then saves the page. */
async function checkAndShoot(state: string, widget: Widget, primary: () => HTMLElement) {
  for (const size of SIZES) {
    await page.viewport(size.width, size.height);
    await painted();
    expectLaidOut(widget, primary());
    await page.screenshot({ path: `../../test-results/screenshots/${state}-${size.name}.png` });
  }
}

async function renderWidget(connect?: Parameters<typeof HarnessConnect>[0]['connect']) {
  const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} />);
  const widget = await widgetIn(container);
  await shownDialog(widget);
  return widget;
}

async function openForm({ view }: Widget) {
  await userEvent.click(view.getByRole('button', { name: 'I already have an API key' }));
  const apiKey = (await view.findByLabelText('API Key')) as HTMLInputElement;
  const account = view.getByLabelText('Account Identifier') as HTMLInputElement;
  return { apiKey, account };
}

describe('<HarnessConnect/> laid out on a desktop and a 320 px phone', () => {
  afterAll(() => page.viewport(SIZES[0].width, SIZES[0].height));

  it('the first guide step: Next in reach', async () => {
    const widget = await renderWidget();
    await widget.view.findByRole('heading', { name: 'Generate a Harness API key' });
    await checkAndShoot('guide-key', widget, () => widget.view.getByRole('button', { name: 'Next' }));
  });

  it('the form with a field error: Connect in reach', async () => {
    const widget = await renderWidget();
    const { apiKey, account } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.fill(account, ACCOUNTS.other.id);
    await userEvent.click(widget.view.getByRole('button', { name: 'Connect' }));
    await expect.element(account).toHaveAttribute('aria-invalid', 'true');
    await checkAndShoot('form-error', widget, () => widget.view.getByRole('button', { name: 'Connect' }));
  });

  it('verifying: Cancel in reach', async () => {
    mock.setFault('hang');
    const widget = await renderWidget();
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(widget.view.getByRole('button', { name: 'Connect' }));
    await widget.view.findByRole('button', { name: 'Cancel' });
    await checkAndShoot('verifying', widget, () => widget.view.getByRole('button', { name: 'Cancel' }));
  });

  it('the success view: Done in reach', async () => {
    const widget = await renderWidget();
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(widget.view.getByRole('button', { name: 'Connect' }));
    await widget.view.findByRole('heading', { name: 'Acme Platform is connected' });
    await checkAndShoot('success', widget, () => widget.view.getByRole('button', { name: 'Done' }));
  });
});
