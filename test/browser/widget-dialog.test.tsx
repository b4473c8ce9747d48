import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HarnessConnect, type HarnessConnectEvent } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { expectLaidOut, painted, shownDialog, widgetIn, widgetOf } from '../support/widget.js';

// The dialog's behaviour in Chromium: the native <dialog>, focus, the shadow root and layout are all things
// a DOM emulator only imitates. `connect` is a fake here; the network path is in widget-connect.test.tsx.

afterEach(() => cleanup());

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
    const widget = await widgetIn(container);
    const { view } = widget;
    const trigger = getByRole('button', { name: 'Link Harness' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    const heard: CustomEvent[] = [];
    const listener = (event: Event) => heard.push(event as CustomEvent);
    document.addEventListener('harness-connect-open', listener);
    await userEvent.click(trigger);
    document.removeEventListener('harness-connect-open', listener);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.target).toBe(widget.host);
    expect(heard[0]!.detail).toMatchObject({ type: 'open', sessionId: expect.any(String), timestamp: expect.any(String) });
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const dialog = await shownDialog(widget, 'Connect Harness');
    expect(dialog.matches(':modal')).toBe(true);
    // Described by the first step's access note (a callout around the text).
    const note = view.getByText(/admin access/i).closest('[id]')!;
    expect(dialog.getAttribute('aria-describedby')).toBe(note.id);
    expect(deepActiveElement()).toBe(view.getByRole('button', { name: 'Next' }));
    const current = view.getByRole('listitem', { current: 'step' });
    expect(current.textContent).toContain('Generate a Harness API key');
    const link = view.getByRole('link', { name: /Harness/ });
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
    const widget = await widgetIn(container);
    const { view, dialog } = widget;
    const trigger = getByRole('button', { name: 'Link Harness' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    await shownDialog(widget, 'Connect Harness');
    expect(deepActiveElement()?.textContent).toBe('Next');
    await userEvent.keyboard('{Enter}');
    await view.findByRole('heading', { name: 'Find your account identifier' });
    // The address bar drawn on the account step, with the identifier highlighted.
    expect(view.getByText('abc123DEF456ghi789JKL0', { selector: 'mark' })).toBeVisible();
    expect(deepActiveElement()?.textContent).toBe('Next');
    await userEvent.keyboard('{Enter}');
    const apiKey = await view.findByLabelText('API Key');
    await vi.waitFor(() => expect(deepActiveElement()).toBe(apiKey));
    // Ctrl+V where the focus is: the keyboard user's way to enter a 72-character key.
    paste(deepActiveElement() as HTMLElement, TOKENS.pat);
    await userEvent.keyboard('{Tab}');
    // Tab goes to the show/hide toggle, then to the account field the token filled in.
    await userEvent.keyboard('{Tab}');
    const account = view.getByLabelText('Account Identifier') as HTMLInputElement;
    expect(deepActiveElement()).toBe(account);
    expect(account.value).toBe(ACCOUNTS.primary.id);
    await userEvent.keyboard('{Enter}');
    const done = await view.findByRole('button', { name: 'Done' });
    expect(view.getByRole('heading', { name: 'Harness account connected' })).toBeVisible();
    await vi.waitFor(() => expect(deepActiveElement()).toBe(done));
    expect(connect).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('completed'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(dialog).not.toBeVisible();
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
    const dialog = await shownDialog(await widgetIn(container), 'Connect Harness');
    const visited = new Set<Element>();
    for (const key of ['{Tab}', '{Tab}', '{Tab}', '{Tab}', '{Tab}', '{Shift>}{Tab}{/Shift}', '{Shift>}{Tab}{/Shift}']) {
      await userEvent.keyboard(key);
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
    const widget = await widgetIn(container);
    await userEvent.click(trigger);
    await shownDialog(widget, 'Connect Harness');
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('dismissed'));
    expect(widget.dialog).not.toBeVisible();
    expect(document.activeElement).toBe(trigger);

    await userEvent.click(trigger);
    await userEvent.click(await widget.view.findByRole('button', { name: 'Close' }));
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
    const widget = await widgetIn(container);
    expect(widget.dialog).not.toBeVisible();
    rerender(<HarnessConnect queryClient={new QueryClient()} open connect={async () => fakeResult} onClose={onClose} />);
    await shownDialog(widget, 'Connect Harness');
    rerender(<HarnessConnect queryClient={new QueryClient()} open={false} connect={async () => fakeResult} onClose={onClose} />);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('dismissed'));
    expect(widget.dialog).not.toBeVisible();
  });

  it('jumps to the form with "I already have an API key" and marks steps whose outcome is there', async () => {
    const { container } = render(
      <HarnessConnect queryClient={new QueryClient()} defaultOpen defaultValues={{ accountId: ACCOUNTS.primary.id }} connect={async () => fakeResult} />,
    );
    const { view } = await widgetIn(container);
    await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
    const apiKey = await view.findByLabelText('API Key');
    const items = view.getAllByRole('listitem').filter((li) => li.hasAttribute('data-step'));
    expect(items.map((li) => li.getAttribute('data-state'))).toEqual(['upcoming', 'done', 'current']);
    await userEvent.fill(apiKey, TOKENS.pat);
    await expect.element(items[0]!).toHaveAttribute('data-state', 'done');
    expect(view.getByRole('listitem', { current: 'step' }).getAttribute('data-step')).toBe('connect');
  });

  it('renders one dialog and fires "open" once under StrictMode', async () => {
    const events: HarnessConnectEvent[] = [];
    const connect = vi.fn(async () => fakeResult);
    const { container } = render(
      <StrictMode>
        <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onEvent={(e) => events.push(e)} />
      </StrictMode>,
    );
    const widget = await widgetIn(container);
    const { view } = widget;
    await shownDialog(widget, 'Connect Harness');
    expect(container.querySelectorAll('[data-harness-connect]')).toHaveLength(1);
    expect(widget.root.querySelectorAll('dialog')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'open')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'step_view')).toHaveLength(1);
    await userEvent.click(view.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(await view.findByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await view.findByRole('button', { name: 'Done' });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(events.filter((e) => e.type === 'success')).toHaveLength(1);
    await userEvent.click(view.getByRole('button', { name: 'Done' }));
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
    const [a, b] = [await widgetOf(hostA!), await widgetOf(hostB!)];
    await userEvent.click(getByRole('button', { name: 'Second' }));
    await shownDialog(b, 'Connect Harness');
    expect(a.dialog).not.toBeVisible();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(expect.objectContaining({ type: 'open' }));
    await userEvent.click(b.view.getByRole('button', { name: 'Close' }));
    await userEvent.click(getByRole('button', { name: 'First' }));
    await shownDialog(a, 'Connect Harness');
    expect(b.dialog).not.toBeVisible();
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
      const { view } = await widgetIn(container);
      await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
      const connect = await view.findByRole('button', { name: 'Connect' });
      const box = connect.getBoundingClientRect();
      expect(box.width).toBeGreaterThan(40);
      expect(box.height).toBeGreaterThan(20);
      expect(connect).toBeVisible();
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
    const dialog = await shownDialog(await widgetIn(container), 'Connect Harness');
    window.scrollTo(0, 0);
    // The same wheel over the page alone scrolls it before the page has heard the event (Playwright's
    // wheel returns once Chromium has handled it): waiting until the page hears it, then for a paint, is
    // waiting past the moment a scroll would have shown.
    const heard: Event[] = [];
    const listener = (event: Event) => heard.push(event);
    window.addEventListener('wheel', listener, { passive: true });
    try {
      await userEvent.wheel(dialog, { delta: { y: 800 } });
      await vi.waitFor(() => expect(heard).toHaveLength(1));
      await painted();
    } finally {
      window.removeEventListener('wheel', listener);
    }
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
    const next = await (await widgetIn(container)).view.findByRole('button', { name: 'Next' });
    expect(getComputedStyle(next).backgroundColor).toBe('rgb(1, 2, 3)');
    expect(next.getAttribute('part')?.split(' ')).toEqual(['button', 'primary']);
  });

  it('fits a 320 px wide phone at every step', async () => {
    await page.viewport(320, 640);
    try {
      const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => fakeResult} />);
      const widget = await widgetIn(container);
      await shownDialog(widget, 'Connect Harness');
      for (const heading of ['Generate a Harness API key', 'Find your account identifier']) {
        await widget.view.findByRole('heading', { name: heading });
        await painted();
        // Nothing wider than the dialog: the worked example's long URL wraps.
        const next = widget.view.getByRole('button', { name: 'Next' });
        expectLaidOut(widget, next);
        await userEvent.click(next);
      }
      const connect = await widget.view.findByRole('button', { name: 'Connect' });
      await painted();
      expectLaidOut(widget, connect);
    } finally {
      await page.viewport(414, 896);
    }
  });

  it('has no axe violations on the guide, the form with errors, and success', async () => {
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => fakeResult} />);
    const widget = await widgetIn(container);
    const { view, host } = widget;
    await shownDialog(widget, 'Connect Harness');
    expect(await axeViolations(host)).toEqual([]);
    await userEvent.click(view.getByRole('button', { name: 'Next' }));
    await view.findByRole('heading', { name: 'Find your account identifier' });
    expect(await axeViolations(host)).toEqual([]);
    await userEvent.click(view.getByRole('button', { name: 'Next' }));
    await userEvent.click(await view.findByRole('button', { name: 'Connect' }));
    const keyInput = view.getByLabelText('API Key');
    await expect.element(keyInput).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(host)).toEqual([]);
    await userEvent.fill(keyInput, TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await view.findByRole('heading', { name: 'Harness account connected' });
    expect(await axeViolations(host)).toEqual([]);
  });
});
