import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent as keyboard } from 'vitest/browser';
import { HarnessConnect, type HarnessConnectEvent } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

// The dialog's behaviour in Chromium: the native <dialog>, focus, the shadow root and layout are all things
// a DOM emulator only imitates. `connect` is a fake here; the network path is in widget-connect.test.tsx.

afterEach(() => cleanup());

function hostIn(container: HTMLElement): HTMLElement {
  const host = container.querySelector<HTMLElement>('[data-harness-connect]');
  if (!host) throw new Error('no harness-connect host rendered');
  return host;
}

function inShadow(host: HTMLElement) {
  return within(host.shadowRoot as unknown as HTMLElement);
}

/** The element focused, looking through shadow roots. */
function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function axeViolations(host: HTMLElement) {
  const results = await axe.run(host);
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
}

const fakeResult = {
  accountId: ACCOUNTS.primary.id,
  tokenKind: 'pat',
  user: { name: 'Ada Lovelace', email: 'ada@acme.example' },
  expiresAt: '2031-01-01T00:00:00.000Z',
};

describe('<HarnessConnect/> dialog', () => {
  it('opens from its trigger as a modal named "Connect Harness", focusing the first step\'s primary button', async () => {
    const { container, getByRole } = render(
      <HarnessConnect queryClient={new QueryClient()} connect={async () => fakeResult} trigger={<button type="button">Link Harness</button>} />,
    );
    const trigger = getByRole('button', { name: 'Link Harness' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    const heard: CustomEvent[] = [];
    const listener = (event: Event) => heard.push(event as CustomEvent);
    document.addEventListener('harness-connect:open', listener);
    await keyboard.click(trigger);
    document.removeEventListener('harness-connect:open', listener);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.target).toBe(hostIn(container));
    expect(heard[0]!.detail).toMatchObject({ type: 'open', sessionId: expect.any(String), timestamp: expect.any(String) });
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const shadow = inShadow(hostIn(container));
    const dialog = await shadow.findByRole('dialog', { name: 'Connect Harness' });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(dialog.matches(':modal')).toBe(true);
    const note = shadow.getByText(/admin access/i);
    expect(dialog.getAttribute('aria-describedby')).toBe(note.id);
    expect(deepActiveElement()).toBe(shadow.getByRole('button', { name: 'Next' }));
    const current = shadow.getByRole('listitem', { current: 'step' });
    expect(current.textContent).toContain('Generate a Harness API key');
    const link = shadow.getByRole('link', { name: /Harness/ });
    expect(link.getAttribute('href')).toBe('https://app.harness.io');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('completes the whole flow with the keyboard alone and returns focus to the trigger', async () => {
    const onSuccess = vi.fn();
    const onClose = vi.fn();
    const connect = vi.fn(async () => fakeResult);
    const { container, getByRole } = render(
      <HarnessConnect
        queryClient={new QueryClient()}
        connect={connect}
        onSuccess={onSuccess}
        onClose={onClose}
        trigger={<button type="button">Link Harness</button>}
      />,
    );
    const trigger = getByRole('button', { name: 'Link Harness' });
    trigger.focus();
    await keyboard.keyboard('{Enter}');
    const shadow = inShadow(hostIn(container));
    await shadow.findByRole('dialog', { name: 'Connect Harness' });
    expect(deepActiveElement()?.textContent).toBe('Next');
    await keyboard.keyboard('{Enter}');
    await vi.waitFor(() => expect(shadow.getByRole('heading', { name: 'Find your account identifier' })).toBeTruthy());
    expect(shadow.getByText('abc123DEF456', { selector: 'code' })).toBeTruthy();
    expect(deepActiveElement()?.textContent).toBe('Next');
    await keyboard.keyboard('{Enter}');
    const apiKey = await shadow.findByLabelText('API Key');
    await vi.waitFor(() => expect(deepActiveElement()).toBe(apiKey));
    await keyboard.keyboard(TOKENS.pat);
    await keyboard.keyboard('{Tab}');
    // Tab goes to the show/hide toggle, then to the account field the token filled in.
    await keyboard.keyboard('{Tab}');
    const account = shadow.getByLabelText('Account Identifier') as HTMLInputElement;
    expect(deepActiveElement()).toBe(account);
    expect(account.value).toBe(ACCOUNTS.primary.id);
    await keyboard.keyboard('{Enter}');
    const done = await shadow.findByRole('button', { name: 'Done' });
    expect(shadow.getByRole('heading', { name: 'Harness account connected' })).toBeTruthy();
    await vi.waitFor(() => expect(deepActiveElement()).toBe(done));
    expect(connect).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    await keyboard.keyboard('{Enter}');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('completed'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(shadow.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const { container, getByRole } = render(
      <>
        <button type="button">Before</button>
        <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => fakeResult} />
        <button type="button">After</button>
      </>,
    );
    const outside = [getByRole('button', { name: 'Before' }), getByRole('button', { name: 'After' })];
    const dialog = await inShadow(hostIn(container)).findByRole('dialog', { name: 'Connect Harness' });
    const visited = new Set<Element>();
    for (const key of ['{Tab}', '{Tab}', '{Tab}', '{Tab}', '{Tab}', '{Shift>}{Tab}{/Shift}', '{Shift>}{Tab}{/Shift}']) {
      await keyboard.keyboard(key);
      const active = deepActiveElement();
      expect(outside).not.toContain(active);
      // Chrome may hand focus to its own UI past the end of a modal's tab order; it never reaches the page.
      if (active !== null && active !== document.body) {
        expect(dialog.contains(active)).toBe(true);
        visited.add(active);
      }
    }
    expect(visited.size).toBeGreaterThanOrEqual(3);
  });

  it('dismisses with Escape and with Close, reporting "dismissed"', async () => {
    const onClose = vi.fn();
    const onOpenChange = vi.fn();
    const { container, getByRole } = render(
      <HarnessConnect
        queryClient={new QueryClient()}
        connect={async () => fakeResult}
        onClose={onClose}
        onOpenChange={onOpenChange}
        trigger={<button type="button">Link Harness</button>}
      />,
    );
    const trigger = getByRole('button', { name: 'Link Harness' });
    const shadow = inShadow(hostIn(container));
    await keyboard.click(trigger);
    await shadow.findByRole('dialog', { name: 'Connect Harness' });
    await keyboard.keyboard('{Escape}');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('dismissed'));
    expect(shadow.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    await keyboard.click(trigger);
    await keyboard.click(await shadow.findByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(2));
    expect(onClose).toHaveBeenLastCalledWith('dismissed');
    expect(onOpenChange.mock.calls).toEqual([[true], [false], [true], [false]]);
    expect(document.activeElement).toBe(trigger);
  });

  it('follows a controlled `open`', async () => {
    const onClose = vi.fn();
    const { container, rerender } = render(
      <HarnessConnect queryClient={new QueryClient()} open={false} connect={async () => fakeResult} onClose={onClose} />,
    );
    const shadow = inShadow(hostIn(container));
    expect(shadow.queryByRole('dialog')).toBeNull();
    rerender(<HarnessConnect queryClient={new QueryClient()} open connect={async () => fakeResult} onClose={onClose} />);
    await shadow.findByRole('dialog', { name: 'Connect Harness' });
    rerender(<HarnessConnect queryClient={new QueryClient()} open={false} connect={async () => fakeResult} onClose={onClose} />);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('dismissed'));
  });

  it('jumps to the form with "I already have an API key" and marks steps whose outcome is there', async () => {
    const { container } = render(
      <HarnessConnect queryClient={new QueryClient()} defaultOpen defaultValues={{ accountId: ACCOUNTS.primary.id }} connect={async () => fakeResult} />,
    );
    const shadow = inShadow(hostIn(container));
    await keyboard.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
    const apiKey = await shadow.findByLabelText('API Key');
    const items = shadow.getAllByRole('listitem').filter((li) => li.hasAttribute('data-step'));
    expect(items.map((li) => li.getAttribute('data-state'))).toEqual(['upcoming', 'done', 'current']);
    await keyboard.type(apiKey, TOKENS.pat);
    await vi.waitFor(() => expect(items[0]!.getAttribute('data-state')).toBe('done'));
    expect(shadow.getByRole('listitem', { current: 'step' }).getAttribute('data-step')).toBe('connect');
  });

  it('renders one dialog and fires "open" once under StrictMode', async () => {
    const events: HarnessConnectEvent[] = [];
    const connect = vi.fn(async () => fakeResult);
    const { container } = render(
      <StrictMode>
        <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onEvent={(e) => events.push(e)} />
      </StrictMode>,
    );
    const host = hostIn(container);
    const shadow = inShadow(host);
    await shadow.findByRole('dialog', { name: 'Connect Harness' });
    expect(container.querySelectorAll('[data-harness-connect]')).toHaveLength(1);
    expect(host.shadowRoot!.querySelectorAll('dialog')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'open')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'step_view')).toHaveLength(1);
    await keyboard.click(shadow.getByRole('button', { name: 'I already have an API key' }));
    await keyboard.type(await shadow.findByLabelText('API Key'), TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await shadow.findByRole('button', { name: 'Done' });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(events.filter((e) => e.type === 'success')).toHaveLength(1);
    await keyboard.click(shadow.getByRole('button', { name: 'Done' }));
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'close')).toHaveLength(1));
    expect(events.find((e) => e.type === 'close')).toMatchObject({ reason: 'completed' });
    expect(new Set(events.map((e) => e.sessionId)).size).toBe(1);
  });

  it('warns, naming the package, when switching between controlled and uncontrolled', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { rerender } = render(<HarnessConnect queryClient={new QueryClient()} connect={async () => fakeResult} />);
      rerender(<HarnessConnect queryClient={new QueryClient()} open={false} connect={async () => fakeResult} />);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/^harness-connect: .*uncontrolled to controlled/);
    } finally {
      warn.mockRestore();
    }
  });

  it('runs two instances independently', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { container, getByRole } = render(
      <>
        <HarnessConnect queryClient={new QueryClient()} connect={async () => fakeResult} onEvent={first} trigger={<button type="button">First</button>} />
        <HarnessConnect queryClient={new QueryClient()} connect={async () => fakeResult} onEvent={second} trigger={<button type="button">Second</button>} />
      </>,
    );
    const [hostA, hostB] = Array.from(container.querySelectorAll<HTMLElement>('[data-harness-connect]'));
    await keyboard.click(getByRole('button', { name: 'Second' }));
    await inShadow(hostB!).findByRole('dialog', { name: 'Connect Harness' });
    expect(inShadow(hostA!).queryByRole('dialog')).toBeNull();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(expect.objectContaining({ type: 'open' }));
    await keyboard.click(inShadow(hostB!).getByRole('button', { name: 'Close' }));
    await keyboard.click(getByRole('button', { name: 'First' }));
    await inShadow(hostA!).findByRole('dialog', { name: 'Connect Harness' });
    expect(inShadow(hostB!).queryByRole('dialog')).toBeNull();
    const sessions = new Set([...first.mock.calls, ...second.mock.calls].map(([e]) => (e as HarnessConnectEvent).sessionId));
    expect(sessions.size).toBe(2);
  });

  it('is not broken by hostile page CSS', async () => {
    const style = document.createElement('style');
    style.textContent = '* { all: unset } button { display: none } dialog { display: none }';
    document.head.append(style);
    try {
      const { container } = render(
        <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => fakeResult} />,
      );
      const shadow = inShadow(hostIn(container));
      await keyboard.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
      const connect = await shadow.findByRole('button', { name: 'Connect' });
      const box = connect.getBoundingClientRect();
      expect(box.width).toBeGreaterThan(40);
      expect(box.height).toBeGreaterThan(20);
      expect(getComputedStyle(connect).display).not.toBe('none');
      expect(document.documentElement.getAttribute('style')).toBeNull();
      expect(document.body.getAttribute('style')).toBeNull();
    } finally {
      style.remove();
    }
  });

  it('keeps the page behind from scrolling while open, without touching <html> or <body>', async () => {
    const { container } = render(
      <>
        <div style={{ height: '5000px' }}>Tall page</div>
        <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => fakeResult} />
      </>,
    );
    const dialog = await inShadow(hostIn(container)).findByRole('dialog', { name: 'Connect Harness' });
    window.scrollTo(0, 0);
    await keyboard.wheel(dialog, { delta: { y: 800 } });
    await new Promise((r) => setTimeout(r, 100));
    expect(window.scrollY).toBe(0);
    expect(document.documentElement.getAttribute('style')).toBeNull();
    expect(document.body.getAttribute('style')).toBeNull();
  });

  it('takes its theme from --hc-* properties set above it', async () => {
    const { container } = render(
      <div style={{ ['--hc-color-accent' as string]: 'rgb(1, 2, 3)' }}>
        <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => fakeResult} />
      </div>,
    );
    const next = await inShadow(hostIn(container)).findByRole('button', { name: 'Next' });
    expect(getComputedStyle(next).backgroundColor).toBe('rgb(1, 2, 3)');
    expect(next.getAttribute('part')?.split(' ')).toEqual(['button', 'primary']);
  });

  it('fits a 320 px wide phone', async () => {
    await page.viewport(320, 640);
    try {
      const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => fakeResult} />);
      const shadow = inShadow(hostIn(container));
      const dialog = await shadow.findByRole('dialog', { name: 'Connect Harness' });
      for (const next of ['Next', 'Next']) {
        expect(dialog.getBoundingClientRect().left).toBeGreaterThanOrEqual(0);
        expect(dialog.getBoundingClientRect().right).toBeLessThanOrEqual(320);
        // Nothing wider than the dialog: the worked example's long URL wraps.
        expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
        await keyboard.click(shadow.getByRole('button', { name: next }));
      }
      const connect = await shadow.findByRole('button', { name: 'Connect' });
      expect(connect.getBoundingClientRect().right).toBeLessThanOrEqual(320);
      expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
    } finally {
      await page.viewport(414, 896);
    }
  });

  it('has no axe violations on the guide, the form with errors, and success', async () => {
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => fakeResult} />);
    const host = hostIn(container);
    const shadow = inShadow(host);
    await shadow.findByRole('dialog', { name: 'Connect Harness' });
    expect(await axeViolations(host)).toEqual([]);
    await keyboard.click(shadow.getByRole('button', { name: 'Next' }));
    await shadow.findByRole('heading', { name: 'Find your account identifier' });
    expect(await axeViolations(host)).toEqual([]);
    await keyboard.click(shadow.getByRole('button', { name: 'Next' }));
    await keyboard.click(await shadow.findByRole('button', { name: 'Connect' }));
    const keyInput = shadow.getByLabelText('API Key');
    await vi.waitFor(() => expect(keyInput.getAttribute('aria-invalid')).toBe('true'));
    expect(await axeViolations(host)).toEqual([]);
    await keyboard.type(keyInput, TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await shadow.findByRole('heading', { name: 'Harness account connected' });
    expect(await axeViolations(host)).toEqual([]);
  });
});
