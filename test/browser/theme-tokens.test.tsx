import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectTheme } from '../../src/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { THEME_PROPERTIES } from '../../src/widget/theme.js';

// Every token of the `theme` prop, set at once to a value of its own, and seen applied by Chromium on the part
// a person looks at. A token the stylesheet does not read (as `focus` once was) fails here.

afterEach(() => cleanup());

/** A distinct colour per token, so that one token cannot pass for another. */
const THEME = {
  accent: '#123456',
  accentText: '#fedcba',
  accentHover: '#345678',
  link: '#5a0b1c',
  focus: '#ff00ff',
  text: '#202122',
  muted: '#303132',
  surface: '#fafaf0',
  subtle: '#e0e1e2',
  border: '#404142',
  danger: '#8a0000',
  dangerBg: '#ffeeee',
  success: '#005500',
  warning: '#6b3a00',
  warningBg: '#fff1d6',
  font: 'Georgia, serif',
  fontMono: '"Courier New", monospace',
  fontSize: '17px',
  radius: '3px',
  radiusControl: '5px',
  space: '21px',
  shadow: 'rgb(1, 2, 3) 4px 5px 6px 0px',
  backdrop: 'rgba(7, 8, 9, 0.5)',
  width: '300px',
} satisfies Required<HarnessConnectTheme>;

/** `#rrggbb` as Chromium reports a computed colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const style = (element: Element | null, pseudo?: string) => getComputedStyle(element!, pseudo);

describe('every theme token is applied', () => {
  it('covers the whole token table', () => {
    expect(Object.keys(THEME).sort()).toEqual(Object.keys(THEME_PROPERTIES).sort());
  });

  it('shows each token on the part it styles, through the guide, the form, an error and the confirmation', async () => {
    let fail = true;
    const { container } = render(
      <HarnessConnect<unknown>
        queryClient={new QueryClient()}
        defaultOpen
        theme={THEME}
        connect={async () => {
          if (fail) throw new HarnessConnectError('unavailable');
          // Expires in a week: the confirmation warns in a callout.
          return { expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString() };
        }}
      />,
    );
    const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
    const root = host.shadowRoot!;
    const view = within(root as unknown as HTMLElement);
    const dialog = await view.findByRole('dialog');

    // The dialog itself.
    expect(style(dialog).backgroundColor, 'surface').toBe(rgb(THEME.surface));
    expect(style(dialog).color, 'text').toBe(rgb(THEME.text));
    expect(style(dialog).borderTopColor, 'border').toBe(rgb(THEME.border));
    expect(style(dialog).borderTopLeftRadius, 'radius').toBe(THEME.radius);
    expect(style(dialog).fontFamily, 'font').toBe(THEME.font);
    expect(style(dialog).fontSize, 'fontSize').toBe(THEME.fontSize);
    expect(style(dialog).boxShadow, 'shadow').toBe(THEME.shadow);
    expect(style(dialog).width, 'width').toBe(THEME.width);
    expect(style(dialog, '::backdrop').backgroundColor, 'backdrop').toBe(THEME.backdrop);
    expect(style(root.querySelector('[part~=step-count]')).color, 'muted').toBe(rgb(THEME.muted));
    expect(style(root.querySelector('.session')).rowGap, 'space').toBe(THEME.space);

    // The guide: a link, the primary button, its hover, and the focus ring of a keyboard user.
    expect(style(root.querySelector('a')).color, 'link').toBe(rgb(THEME.link));
    const next = view.getByRole('button', { name: 'Next' });
    expect(style(next).backgroundColor, 'accent').toBe(rgb(THEME.accent));
    expect(style(next).color, 'accentText').toBe(rgb(THEME.accentText));
    await userEvent.hover(next);
    expect(style(next).backgroundColor, 'accentHover').toBe(rgb(THEME.accentHover));
    await userEvent.tab();
    await userEvent.tab({ shift: true });
    expect(root.activeElement).toBe(next);
    expect(style(next).outlineColor, 'focus').toBe(rgb(THEME.focus));

    // The form: inputs, a field error, then a banner.
    await userEvent.click(view.getByRole('button', { name: 'I already have an API key' }));
    const apiKey = await view.findByLabelText('API Key');
    expect(style(root.querySelector('[part~=hint] code')).backgroundColor, 'subtle').toBe(rgb(THEME.subtle));
    expect(style(apiKey).fontFamily, 'fontMono').toBe(THEME.fontMono);
    expect(style(apiKey).borderTopLeftRadius, 'radiusControl').toBe(THEME.radiusControl);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    const fieldError = await view.findByText('Paste your Harness API key.');
    expect(style(fieldError).color, 'danger').toBe(rgb(THEME.danger));
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    const banner = (await view.findByText('Harness could not be reached. Try again.')).closest('[part~=banner]');
    expect(style(banner).backgroundColor, 'dangerBg').toBe(rgb(THEME.dangerBg));

    // The confirmation.
    fail = false;
    await userEvent.click(view.getByRole('button', { name: 'Try again' }));
    const title = await view.findByRole('heading', { name: 'Harness account connected' });
    expect(style(title).color, 'success').toBe(rgb(THEME.success));
    const callout = root.querySelector('[part~=callout]');
    expect(style(callout).borderInlineStartColor, 'warning').toBe(rgb(THEME.warning));
    expect(style(callout).backgroundColor, 'warningBg').toBe(rgb(THEME.warningBg));
  });
});

describe('the colour scheme', () => {
  afterEach(async () => {
    await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  });

  it('follows the system setting live with colorScheme="system"', async () => {
    const { container } = render(<HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen colorScheme="system" connect={async () => ({})} />);
    const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
    const dialog = await within(host.shadowRoot as unknown as HTMLElement).findByRole('dialog');
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'light' }] });
    expect(style(dialog).backgroundColor).toBe('rgb(255, 255, 255)');
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
    expect(style(dialog).backgroundColor).toBe('rgb(23, 26, 33)');
    expect(style(dialog).color).toBe('rgb(231, 234, 240)');
  });
});
