import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { defineHarnessConnectElement, type HarnessConnectElement } from '../../src/element/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { shownDialog, widgetIn } from '../support/widget.js';

// A page whose element script loads late (`defer`, `async`, a lazy bundle), or a framework that renders
// first, sets properties on a `<harness-connect>` that is not defined yet. Those values must reach the widget
// once the tag is defined, exactly as if they were set afterwards.

const placed: HTMLElement[] = [];

afterEach(async () => {
  for (const element of placed.splice(0)) element.remove();
  // The element unmounts React a microtask after it leaves the document.
  await Promise.resolve();
});

describe('<harness-connect> properties set before the tag is defined', () => {
  it('hands the widget the connect, requiredPermissions, theme and allowedHosts the page set first', async () => {
    const tag = 'early-props-harness-connect';
    expect(customElements.get(tag)).toBeUndefined();
    const element = document.createElement(tag) as HarnessConnectElement;
    const connect = vi.fn(async () => ({ accountId: ACCOUNTS.primary.id, tokenKind: 'pat' }));
    // Set as a framework does, on an element that is still a plain HTMLElement.
    Object.assign(element, {
      connect,
      requiredPermissions: [{ permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Run pipelines' }],
      theme: { accent: '#7c3aed' },
      allowedHosts: ['harness.acme.internal'],
      egressIps: ['203.0.113.7'],
    });
    element.setAttribute('open', '');
    document.body.append(element);
    placed.push(element);

    // The script arrives.
    defineHarnessConnectElement(tag);

    expect(Object.hasOwn(element, 'connect')).toBe(false);
    expect(element.connect).toBe(connect);
    expect(element.getAttribute('allowed-hosts')).toBe('harness.acme.internal');
    expect(element.egressIps).toEqual(['203.0.113.7']);
    const widget = await widgetIn(element);
    await shownDialog(widget);
    expect(widget.host.style.getPropertyValue('--hc-color-accent')).toBe('#7c3aed');
    await expect.element(widget.view.getByText(/Run pipelines/)).toBeVisible();

    await userEvent.click(await widget.view.findByRole('button', { name: 'I already have an API key' }));
    paste((await widget.view.findByLabelText('API Key')) as HTMLInputElement, TOKENS.pat);
    await userEvent.click(widget.view.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(connect).toHaveBeenCalledTimes(1));
  });

  it('takes a connection and mode set before the definition (a reconnect)', async () => {
    const tag = 'early-reconnect-harness-connect';
    const element = document.createElement(tag) as HarnessConnectElement;
    Object.assign(element, {
      mode: 'reconnect',
      connection: { accountId: ACCOUNTS.primary.id, accountName: 'Acme Platform' },
      colorScheme: 'dark',
      locale: 'en',
    });
    document.body.append(element);
    placed.push(element);

    defineHarnessConnectElement(tag);

    expect(element.mode).toBe('reconnect');
    expect(element.getAttribute('mode')).toBe('reconnect');
    expect(element.getAttribute('color-scheme')).toBe('dark');
    expect(element.connection).toEqual({ accountId: ACCOUNTS.primary.id, accountName: 'Acme Platform' });
    expect(Object.hasOwn(element, 'connection')).toBe(false);
  });
});
