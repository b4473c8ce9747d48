import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { nextTask, widgetIn } from '../support/widget.js';

// What typing costs the host: one React commit per keystroke, as `npm run bench` measures on a production
// build. A change of a field retires a shown failure; with none shown it must not cost a second commit.

afterEach(() => cleanup());

/** Commits a keystroke may add beyond its own: the account field filled from a completed key. */
const EXTRA_COMMITS_ALLOWED = 2;

describe('typing into the form', () => {
  it.each([
    ['API Key', TOKENS.pat],
    ['Account Identifier', ACCOUNTS.primary.id],
  ])('commits once per key in %s', async (label, text) => {
    let commits = 0;
    const { container } = render(
      <Profiler id="host" onRender={() => void (commits += 1)}>
        <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={async () => ({})} />
      </Profiler>,
    );
    const { view } = await widgetIn(container);
    await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
    const field = await view.findByLabelText(label);
    await userEvent.click(field);
    await nextTask();
    const before = commits;
    await userEvent.keyboard(text);
    await nextTask();
    expect(field).toHaveValue(text);
    expect(commits - before).toBeLessThanOrEqual(text.length + EXTRA_COMMITS_ALLOWED);
  });
});
