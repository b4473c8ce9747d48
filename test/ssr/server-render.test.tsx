import { within } from '@testing-library/dom';
import { JSDOM } from 'jsdom';
import { PassThrough } from 'node:stream';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { HarnessConnect } from '../../src/index.js';

// Node, no DOM: what a Next.js or Remix server does with the widget. The markup is read back as a browser
// would parse it (jsdom, used here only as a parser: the test environment itself has no window), so the
// checks are about what the page gets, not how React spells it.

/** The server's markup as the page's body, and the widget's host element in it. */
function page(html: string) {
  const body = new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;
  const hosts = body.querySelectorAll<HTMLElement>('[data-harness-connect]');
  expect(hosts).toHaveLength(1);
  return { body, view: within(body), host: hosts[0]! };
}

function streamed(element: React.ReactElement): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    sink.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    const stream = renderToPipeableStream(element, {
      onAllReady: () => stream.pipe(sink),
      onError: reject,
    });
  });
}

const ACCOUNT_ID = 'QckRHsqq_el0PWRb2kqkgU';

describe('given a server render with no window or document', () => {
  it('is really a DOM-less environment', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renderToString sends the trigger, announced as opening a dialog, and an empty widget element', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const html = renderToString(
        <HarnessConnect defaultOpen defaultValues={{ accountId: ACCOUNT_ID }} trigger={<button type="button">Link Harness</button>} />,
      );
      const { body, view, host } = page(html);
      const trigger = view.getByRole('button', { name: 'Link Harness' });
      expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');
      expect(trigger.getAttribute('aria-expanded')).toBe('true');
      expect(host.dataset.state).toBe('open');
      // The dialog is the browser's business: nothing of it is in the server's markup, the account id the
      // host passed included.
      expect(host.childNodes).toHaveLength(0);
      expect(body.querySelector('dialog')).toBeNull();
      expect(body.textContent).toBe('Link Harness');
      expect(html).not.toContain(ACCOUNT_ID);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });

  it('a streaming render sends the same: a closed widget and its trigger', async () => {
    const html = await streamed(<HarnessConnect trigger={<button type="button">Connect Harness</button>} />);
    const { body, view, host } = page(html);
    expect(view.getByRole('button', { name: 'Connect Harness' }).getAttribute('aria-expanded')).toBe('false');
    expect(host.dataset.state).toBe('closed');
    expect(host.childNodes).toHaveLength(0);
    expect(body.querySelector('dialog')).toBeNull();
  });
});
