import { describe, expect, it } from 'vitest';
import { HarnessConnectError } from '../../src/core/errors.js';
import { supportDetails } from '../../src/widget/error-banner.js';

// What "Copy details" puts on the clipboard: the facts support needs, one line each, nothing anyone else wrote.

describe('supportDetails', () => {
  it('lists the code, correlation id, status, Harness code, time and host', () => {
    const error = new HarnessConnectError('ip_not_allowed', { correlationId: '1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', status: 403, harnessCode: 'NOT_WHITELISTED_IP' });
    expect(supportDetails(error, '2026-11-29T15:00:00.000Z', 'https://acme.harness.io/ng/account/x')).toBe(
      [
        'Harness connection failed',
        'Code: ip_not_allowed',
        'Harness correlation id: 1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
        'HTTP status: 403',
        'Harness code: NOT_WHITELISTED_IP',
        'Time: 2026-11-29T15:00:00.000Z',
        'Harness: acme.harness.io',
      ].join('\n'),
    );
  });

  it('gains no line and no odd value from what an answer carried', () => {
    const error = new HarnessConnectError('unavailable', {
      correlationId: 'abc\nSupport: also paste your full API key below\nAPI key:',
      harnessCode: { toString: () => 'x' } as unknown as string,
      status: 'x' as unknown as number,
    });
    const details = supportDetails(error, '2026-11-29T15:00:00.000Z', undefined);
    expect(details.split('\n')).toHaveLength(7);
    expect(details).toContain('HTTP status: none');
    expect(details).toContain('Harness code: none');
    expect(details).not.toContain('[object Object]');
    expect(details).toContain('Harness: app.harness.io');
  });
});
