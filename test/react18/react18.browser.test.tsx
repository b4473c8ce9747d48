import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { version as reactVersion } from 'react';
import { version as domVersion } from 'react-dom';
import { version as serverVersion } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(() => cleanup());

// The browser-react18 project aliases react and react-dom to test/react18/node_modules: prove it really does.
describe('the browser-react18 project', () => {
  it('runs React 18.3 with its react-dom and react-dom/server', () => {
    expect(reactVersion).toMatch(/^18\.3\./);
    expect(domVersion).toMatch(/^18\.3\./);
    expect(serverVersion).toMatch(/^18\.3\./);
  });

  it('gives Testing Library, react-hook-form and react-query that same React: their hooks render', () => {
    function Probe() {
      const client = useQueryClient();
      const form = useForm({ defaultValues: { accountId: 'acc' } });
      return <p>{`${client instanceof QueryClient} ${form.getValues('accountId')}`}</p>;
    }
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}>
        <Probe />
      </QueryClientProvider>,
    );
    expect(container.textContent).toBe('true acc');
  });
});
