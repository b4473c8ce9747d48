import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HarnessConnect } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS, harnessHandlers } from '../../src/testing/index.js';

// Screenshots of the widget's main states on a desktop and on the narrowest phone, for a person to review
// (test-results/ is not committed). `path` is relative to this file: ../../ is the repository root.
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

function shadowOf(container: HTMLElement) {
  const host = container.querySelector<HTMLElement>('[data-harness-connect]');
  if (!host?.shadowRoot) throw new Error('no harness-connect shadow root');
  return within(host.shadowRoot as unknown as HTMLElement);
}

/** Two frames: layout and paint after a resize or a state change. */
function settled() {
  return new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Saves the current page at every size; returns the paths written. */
async function shoot(state: string): Promise<string[]> {
  const paths: string[] = [];
  for (const size of SIZES) {
    await page.viewport(size.width, size.height);
    await settled();
    const path = await page.screenshot({ path: `../../test-results/screenshots/${state}-${size.name}.png` });
    expect(path).toMatch(new RegExp(`test-results/screenshots/${state}-${size.name}\\.png$`));
    paths.push(path);
  }
  return paths;
}

function renderWidget(connect?: Parameters<typeof HarnessConnect>[0]['connect']) {
  const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} />);
  return shadowOf(container);
}

async function openForm(shadow: ReturnType<typeof shadowOf>) {
  await userEvent.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
  const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
  const account = shadow.getByLabelText('Account Identifier') as HTMLInputElement;
  return { apiKey, account };
}

describe('<HarnessConnect/> screenshots', () => {
  afterAll(() => page.viewport(SIZES[0].width, SIZES[0].height));

  it('the first guide step', async () => {
    const shadow = renderWidget();
    await shadow.findByRole('heading', { name: 'Generate a Harness API key' });
    expect(await shoot('guide-key')).toHaveLength(2);
  });

  it('the form with a field error', async () => {
    const shadow = renderWidget();
    const { apiKey, account } = await openForm(shadow);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.fill(account, ACCOUNTS.other.id);
    await userEvent.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(account.getAttribute('aria-invalid')).toBe('true'));
    expect(await shoot('form-error')).toHaveLength(2);
  });

  it('verifying', async () => {
    mock.setFault('hang');
    const shadow = renderWidget();
    const { apiKey } = await openForm(shadow);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(shadow.getByRole('button', { name: 'Connect' }));
    await shadow.findByRole('button', { name: 'Cancel' });
    expect(await shoot('verifying')).toHaveLength(2);
  });

  it('the success view', async () => {
    const shadow = renderWidget();
    const { apiKey } = await openForm(shadow);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(shadow.getByRole('button', { name: 'Connect' }));
    await shadow.findByRole('heading', { name: 'Harness account connected' });
    expect(await shoot('success')).toHaveLength(2);
  });
});
