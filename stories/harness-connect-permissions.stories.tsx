/**
 * `requiredPermissions`: what the app needs a key to do, named on the first step and checked with Harness
 * before the connection counts. A valid key that lacks one gets its own view: who was checked in which
 * account, what is missing, what to ask an admin for, and two ways on (another key, or the same one again).
 */
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import { HarnessConnect, type HarnessConnectError, type HarnessConnection, type HarnessPermissionRequirement } from '../src/index.ts';
import {
  HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS,
  HARNESS_FIXTURE_PERMISSIONS as PERMISSIONS,
  HARNESS_FIXTURE_TOKEN_IDS as TOKEN_IDS,
  HARNESS_FIXTURE_TOKENS as TOKENS,
} from '../src/testing/index.ts';
import type { StoryControls } from './controls.ts';
import { harnessMock } from './harness.ts';
import { callsOf, connectedHeading, dialogName, fillAndConnect, focusedIn, harnessPosts, widgetIn, type PlayContext } from './play.ts';

/** The two pipeline permissions the app asks for, labelled in the host's own words. */
const VIEW_PIPELINES: HarnessPermissionRequirement = { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' };
const RUN_PIPELINES: HarnessPermissionRequirement = { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Run pipelines' };

/** Who the `missingPermission` key acts as: a viewer, who may see pipelines but not run them. */
const VIEWER = 'Charles Babbage';

const meta = preview.type<{ args: StoryControls }>().meta({
  title: 'HarnessConnect/Permissions',
  component: HarnessConnect,
  args: {
    defaultOpen: true,
    requiredPermissions: [VIEW_PIPELINES, RUN_PIPELINES],
    onSuccess: fn(),
    onError: fn(),
    onEvent: fn(),
  },
});

/** Connects the viewer's key and waits for the permissions view; returns the widget and the error the host got. */
async function connectViewer(context: PlayContext) {
  const widget = await widgetIn(context);
  const { view, t, say } = widget;
  const fields = await fillAndConnect(widget, TOKENS.missingPermission);
  await expect(await view.findByRole('heading', { name: say(t.permissionsTitle) })).toBeVisible();
  await waitFor(() => expect(callsOf(context.args.onError)).toHaveLength(1));
  const error = callsOf(context.args.onError)[0]![0] as HarnessConnectError;
  return { widget, fields, error };
}

/** The first step names what the app will need, from the labels of `requiredPermissions`. */
export const NeedsNamedOnFirstStep = meta.story({
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t, say, list } = widget;
    const dialog = await view.findByRole('dialog', { name: dialogName(widget) });
    const needs = say(t.needsPermissions, { permissions: list([VIEW_PIPELINES.label!, RUN_PIPELINES.label!]) });
    await expect(dialog).toHaveAccessibleDescription(`${t.note} ${needs}`);
    await expect(view.getByText(needs, { exact: false })).toBeVisible();
  },
});

/** A valid key without "Run pipelines": the view says who, where, what is missing and what to ask for. */
export const MissingPermission = meta.story({
  play: async (context) => {
    const { widget, error } = await connectViewer(context);
    const { view, t, say } = widget;
    // Announced: the callout is an alert naming who was checked in which account, and what is missing.
    const alert = view.getByRole('alert');
    await expect(alert).toHaveTextContent(say(t.permissionsChecked, { who: VIEWER, account: ACCOUNTS.primary.name }));
    const missing = view.getAllByRole('listitem').filter((item: HTMLElement) => alert.contains(item));
    await expect(missing).toHaveLength(1);
    await expect(missing[0]).toHaveTextContent(`${RUN_PIPELINES.label} ${t.permissionScope.account}`);
    await expect(alert).not.toHaveTextContent(VIEW_PIPELINES.label!);
    await expect(view.getByText(say(t.permissionsAsk, { who: VIEWER }))).toBeVisible();
    // Two ways on; checking again is the primary one, and has the focus.
    const checkAgain = view.getByRole('button', { name: t.checkAgain });
    await waitFor(() => expect(focusedIn(widget)).toBe(checkAgain));
    await expect(view.getByRole('button', { name: t.useAnotherKey })).toBeVisible();
    // The host is told exactly what is missing and what is granted; nothing was connected.
    await expect(error).toMatchObject({
      code: 'missing_permissions',
      field: null,
      retryable: false,
      accountName: ACCOUNTS.primary.name,
      principal: { kind: 'user', name: VIEWER },
      missing: [RUN_PIPELINES],
      granted: [VIEW_PIPELINES],
    });
    await expect(context.args.onSuccess).not.toHaveBeenCalled();
  },
});

/** An admin grants the role; "Check again" runs the same key again, and it connects. */
export const CheckAgainAfterAdminFix = meta.story({
  play: async (context) => {
    const { widget } = await connectViewer(context);
    const { view, t } = widget;
    const validations = () => harnessPosts().filter((request) => request.path.endsWith('/token/validate'));
    await expect(validations()).toHaveLength(1);
    // What an admin does in Harness: a role that lets the viewer run pipelines too.
    harnessMock.setPermissions(TOKEN_IDS.missingPermission, [...PERMISSIONS.missingPermission, RUN_PIPELINES.permission]);
    await userEvent.click(view.getByRole('button', { name: t.checkAgain }));
    await expect(await view.findByRole('heading', { name: connectedHeading(widget, ACCOUNTS.primary.name) })).toBeVisible();
    await expect(validations()).toHaveLength(2);
    await waitFor(() => expect(callsOf(context.args.onSuccess)).toHaveLength(1));
    const connection = callsOf(context.args.onSuccess)[0]![0] as HarnessConnection;
    await expect(connection.result).toMatchObject({ permissions: { checked: true, missing: [] } });
    await expect(context.args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'retry' }));
  },
});

/** "Use another key": back to the form, the key field empty and focused, the account kept. */
export const UseAnotherKey = meta.story({
  play: async (context) => {
    const { widget } = await connectViewer(context);
    const { view, t } = widget;
    await userEvent.click(view.getByRole('button', { name: t.useAnotherKey }));
    await expect(await view.findByRole('heading', { name: t.formTitle })).toBeVisible();
    const apiKey = view.getByLabelText(t.apiKey) as HTMLInputElement;
    await expect(apiKey).toHaveValue('');
    await waitFor(() => expect(focusedIn(widget)).toBe(apiKey));
    await expect(view.getByLabelText(t.accountId)).toHaveValue(ACCOUNTS.primary.id);
    await expect(view.queryByRole('alert')).toBeNull();
    await expect(view.getByRole('button', { name: t.connect })).toBeVisible();
  },
});
