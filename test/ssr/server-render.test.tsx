import { PassThrough } from 'node:stream';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { HarnessConnect } from '../../src/index.js';

// Node, no DOM: what a Next.js or Remix server does with the widget.
describe('given a server render with no window or document', () => {
  it('is really a DOM-less environment', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renderToString emits the trigger and only the empty host element, without errors', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const html = renderToString(
      <HarnessConnect defaultOpen defaultValues={{ accountId: 'QckRHsqq_el0PWRb2kqkgU' }} trigger={<button type="button">Connect Harness</button>} />,
    );
    expect(html).toContain('<button type="button" aria-haspopup="dialog" aria-expanded="true">Connect Harness</button>');
    expect(html).toMatch(/<span data-harness-connect="" data-state="open"><\/span>$/);
    expect(html).not.toContain('<dialog');
    expect(html).not.toContain('QckRHsqq_el0PWRb2kqkgU');
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('a streaming render completes with the same markup', async () => {
    const html = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const sink = new PassThrough();
      sink.on('data', (chunk: Buffer) => chunks.push(chunk));
      sink.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      const stream = renderToPipeableStream(<HarnessConnect trigger={<button type="button">Connect Harness</button>} />, {
        onAllReady: () => stream.pipe(sink),
        onError: reject,
      });
    });
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('<span data-harness-connect="" data-state="closed"></span>');
  });
});
