import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { widgetIn } from '../support/widget.js';

afterEach(() => cleanup());

// React 18 strips `ref` from a function component's props (React 19 passes it). If the form's fields did not
// forward it, react-hook-form would never reach the inputs: the form would submit empty values and React 18
// would warn "Function components cannot be given refs".
describe('React 18: the credentials form', () => {
  it('hands connect exactly what the person entered, with no warning', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const connect = vi.fn(async () => ({}));
    try {
      const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} />);
      const { view } = await widgetIn(container);
      await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
      await userEvent.fill(await view.findByLabelText('API Key'), TOKENS.sat);
      await userEvent.fill(view.getByLabelText('Account Identifier'), ACCOUNTS.primary.id);
      await userEvent.click(view.getByRole('button', { name: 'Connect' }));
      await view.findByRole('heading', { name: 'Harness account connected' });
      expect(connect).toHaveBeenCalledTimes(1);
      expect(connect.mock.calls[0]).toEqual([{ apiKey: TOKENS.sat, accountId: ACCOUNTS.primary.id }, { signal: expect.any(AbortSignal) }]);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
