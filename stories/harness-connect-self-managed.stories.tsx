/**
 * A self-managed Harness (or a vanity host) that is not one of Harness's own: `baseUrl` names it and
 * `allowedHosts` lets the default `connect` send the key there. The guide's link and the drawn address bar
 * show that host, so a person looks where they sign in.
 */
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import { HarnessConnect, type HarnessConnectError } from '../src/index.ts';
import { harnessHandlers, HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../src/testing/index.ts';
import type { StoryControls } from './controls.ts';
import { harnessMock } from './harness.ts';
import { callsOf, connectedHeading, fillAndConnect, widgetIn } from './play.ts';

/** A company's own Harness, on a host name of its own. */
const SELF_MANAGED_HOST = 'harness.acme.internal';
const SELF_MANAGED_URL = `https://${SELF_MANAGED_HOST}`;

const meta = preview.type<{ args: StoryControls }>().meta({
  title: 'HarnessConnect/Self-managed Harness',
  component: HarnessConnect,
  args: { defaultOpen: true, baseUrl: SELF_MANAGED_URL, allowedHosts: [SELF_MANAGED_HOST], onSuccess: fn(), onError: fn() },
  beforeEach: ({ msw }) => {
    // The same mock (and fixtures) as every story, answering on the company's host.
    msw.use(...harnessHandlers({ baseUrl: SELF_MANAGED_URL, mock: harnessMock }).handlers);
  },
});

/** The guide sends the person to their own Harness, and draws its address. */
export const GuideOnYourHost = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    const signIn = await view.findByRole('link', { name: (name: string) => name.includes(t.newTab) });
    await expect(signIn).toHaveAttribute('href', SELF_MANAGED_URL);
    await userEvent.click(view.getByRole('button', { name: t.next }));
    await expect(await view.findByRole('heading', { name: t.steps.account })).toBeVisible();
    await expect(view.getByText(`${SELF_MANAGED_HOST}/`)).toBeVisible();
    await expect(view.queryByText('app.harness.io', { exact: false })).toBeNull();
  },
});

/** The default `connect` verifies on the listed host, and only there. */
export const ConnectsOnAllowedHost = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    await fillAndConnect(widget, TOKENS.pat);
    await expect(await widget.view.findByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name) })).toBeVisible();
    await expect(context.args.onSuccess).toHaveBeenCalledTimes(1);
    const hosts = new Set(harnessMock.requests.map((request) => new URL(request.url).host));
    await expect([...hosts]).toEqual([SELF_MANAGED_HOST]);
  },
});

/** Without `allowedHosts` the key is not sent to an unknown host: the set-up is wrong, and the person is told so. */
export const RefusedWithoutAllowedHosts = meta.story({
  args: { allowedHosts: [] },
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await fillAndConnect(widget, TOKENS.pat);
    await waitFor(() => expect(callsOf(context.args.onError)).toHaveLength(1));
    const error = callsOf(context.args.onError)[0]![0] as HarnessConnectError;
    await expect(error.code).toBe('configuration');
    await expect(await view.findByRole('alert')).toHaveTextContent(widget.sayError(error));
    await expect(view.queryByRole('button', { name: t.retry })).toBeNull();
    await expect(harnessMock.requests).toEqual([]);
  },
});
