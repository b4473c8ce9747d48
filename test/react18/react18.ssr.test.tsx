import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { version as reactVersion } from 'react';
import { renderToString, version as serverVersion } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';

// The ssr-react18 project aliases react and react-dom to test/react18/node_modules: prove it really does.
describe('the ssr-react18 project', () => {
  it('runs React 18.3 and its react-dom/server', () => {
    expect(reactVersion).toMatch(/^18\.3\./);
    expect(serverVersion).toMatch(/^18\.3\./);
  });

  it('gives react-hook-form and react-query that same React: their hooks render', () => {
    function Probe() {
      const client = useQueryClient();
      const form = useForm({ defaultValues: { accountId: 'acc' } });
      return <p>{`${client instanceof QueryClient} ${form.getValues('accountId')}`}</p>;
    }
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <Probe />
      </QueryClientProvider>,
    );
    expect(html).toContain('true acc');
  });
});
