/**
 * `<HarnessConnect/>` looking and speaking like the host's product: three fictional brands, dark, system,
 * unstyled, styled from outside with `::part`, each language, right to left, white-label with a logo.
 * A story about one look or one language pins it (its toolbar entry is then fixed); the rest follow the
 * toolbar. The a11y addon checks every story (colour contrast included); the plays check what changed.
 */
import { expect, waitFor } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import { HarnessConnect } from '../src/index.ts';
import { BRANDS, EDGE_ACCENTS } from './brands.ts';
import type { StoryControls } from './controls.ts';
import { dialogName, widgetIn, type PlayContext } from './play.ts';

const meta = preview.type<{ args: StoryControls }>().meta({
  title: 'HarnessConnect/Theming and languages',
  component: HarnessConnect,
  args: { defaultOpen: true },
});

/** The primary button's computed colours inside the shadow root. */
async function primaryOf(context: PlayContext) {
  const { view, t } = await widgetIn(context);
  return getComputedStyle(await view.findByRole('button', { name: t.next }));
}

export const Verdant = meta.story({
  globals: { look: 'verdant' },
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, say, t } = widget;
    await expect(await view.findByRole('dialog', { name: dialogName(widget) })).toBeVisible();
    await expect(widget.brand).toBe(BRANDS.verdant.brand.name);
    await expect((await primaryOf(context)).backgroundColor).toBe('rgb(31, 138, 76)');
    await expect(view.getByText(say(t.keyIntro))).toBeVisible();
  },
});

export const Nightjar = meta.story({
  globals: { look: 'nightjar' },
  play: async (context) => {
    const widget = await widgetIn(context);
    const dialog = await widget.view.findByRole('dialog', { name: dialogName(widget) });
    await waitFor(() => expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(23, 18, 43)'));
  },
});

export const Ember = meta.story({
  globals: { look: 'ember' },
  play: async (context) => {
    // Orange is too light for white text at 4.5:1: the derived foreground is the near-black.
    await expect((await primaryOf(context)).color).toBe('rgb(20, 22, 26)');
  },
});

export const Dark = meta.story({
  globals: { look: 'dark' },
  play: async (context) => {
    const widget = await widgetIn(context);
    await expect(widget.host).toHaveAttribute('data-color-scheme', 'dark');
    const dialog = await widget.view.findByRole('dialog', { name: dialogName(widget) });
    await expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(23, 26, 33)');
  },
});

/** Follows the operating system's light or dark setting, live (a CSS media query). */
export const System = meta.story({ globals: { look: 'system' } });

/**
 * Derived from a very light accent (the story's colour control): the button text turns dark and links darken
 * until they read at 4.5:1.
 */
export const LightAccent = meta.story({
  args: { accent: EDGE_ACCENTS[0] },
  play: async (context) => {
    const primary = await primaryOf(context);
    await expect(primary.backgroundColor).toBe('rgb(255, 230, 0)');
    await expect(primary.color).not.toBe('rgb(255, 255, 255)');
  },
});

/** Derived from a very dark accent, in dark mode: links lighten until they read at 4.5:1. */
export const DarkAccentOnDark = meta.story({ args: { accent: EDGE_ACCENTS[3] }, globals: { look: 'dark' } });

/**
 * No default look: only the structural sheet. The host brings its own CSS (here: none), so the widget looks
 * like the page's own unstyled elements, while what only a screen reader should hear stays out of sight.
 */
export const Unstyled = meta.story({
  args: { unstyled: true },
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    await expect(await view.findByRole('dialog', { name: dialogName(widget) })).toBeVisible();
    await expect(view.getByRole('heading', { name: t.steps.key })).toBeVisible();
    // The primary button is a plain button, as the page draws one: no accent, no radius of the default look.
    const plain = document.createElement('button');
    context.canvasElement.append(plain);
    try {
      const primary = getComputedStyle(view.getByRole('button', { name: t.next }));
      const page = getComputedStyle(plain);
      await expect(primary.backgroundColor).toBe(page.backgroundColor);
      await expect(primary.borderRadius).toBe(page.borderRadius);
    } finally {
      plain.remove();
    }
    // The link's "(opens in a new tab)" is for screen readers: still in the name, still not on screen.
    const link = view.getByRole('link', { name: (name: string) => name.includes(t.newTab) });
    const hidden = view.getByText(t.newTab);
    await expect(link).toContainElement(hidden);
    const box = hidden.getBoundingClientRect();
    await expect(box.width * box.height).toBeLessThanOrEqual(1);
  },
});

const PART_CSS = `
.part-styled [data-harness-connect]::part(dialog) { border: 3px solid #0f766e; border-radius: 0; }
.part-styled [data-harness-connect]::part(title) { font-family: Georgia, serif; color: #0f766e; }
.part-styled [data-harness-connect]::part(primary) { background: #0f766e; border-color: #0f766e; border-radius: 0; }
.part-styled [data-harness-connect]::part(step-indicator) { text-transform: uppercase; }
`;

/**
 * Styled from outside: a host stylesheet with `[data-harness-connect]::part(...)` rules. Its teal is chosen for
 * the light look, so the story keeps that look whatever the toolbar says.
 */
export const PartStyled = meta.story({
  globals: { look: 'light' },
  render: (args) => (
    <div className="part-styled">
      <style>{PART_CSS}</style>
      <HarnessConnect {...args} />
    </div>
  ),
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, t } = widget;
    const title = (await view.findByRole('dialog', { name: dialogName(widget) })).querySelector('[part~=title]')!;
    await expect(getComputedStyle(title).color).toBe('rgb(15, 118, 110)');
    await expect(getComputedStyle(view.getByRole('button', { name: t.next })).backgroundColor).toBe('rgb(15, 118, 110)');
  },
});

/** White-label: the host's name and logo; the title stays meaningful, nothing names this package. */
export const WhiteLabelWithLogo = meta.story({
  args: { brand: { name: 'Acme CI', logo: BRANDS.ember.brand.logo } },
  play: async (context) => {
    const widget = await widgetIn(context);
    const { view, root, t } = widget;
    await expect(await view.findByRole('dialog', { name: dialogName(widget) })).toBeVisible();
    // The logo beside the title says nothing a screen reader needs: the name is in the title.
    await expect(root.querySelector('img[part=logo]')).toHaveAttribute('alt', '');
    await expect(root.textContent).not.toContain('harness-connect');
    await expect(root.textContent).not.toContain(t.thisApp);
  },
});

/** Checks the dialog's name, `lang` and the Next button in a pinned language (its catalogue is loaded on demand). */
const inLanguage = (locale: string) => async (context: PlayContext) => {
  const widget = await widgetIn(context);
  await expect(widget.locale).toBe(locale);
  const dialog = await widget.view.findByRole('dialog', { name: dialogName(widget) });
  await expect(dialog).toHaveAttribute('lang', widget.locale);
  await expect(widget.view.getByRole('button', { name: widget.t.next })).toBeVisible();
};

export const German = meta.story({ globals: { locale: 'de' }, play: inLanguage('de') });
export const French = meta.story({ globals: { locale: 'fr' }, play: inLanguage('fr') });
export const Spanish = meta.story({ globals: { locale: 'es' }, play: inLanguage('es') });
export const Japanese = meta.story({ globals: { locale: 'ja' }, play: inLanguage('ja') });

/** Right to left: the dialog, the step indicator and the Next chevron are mirrored. */
export const ArabicRightToLeft = meta.story({
  globals: { locale: 'ar' },
  play: async (context) => {
    await inLanguage('ar')(context);
    const { view } = await widgetIn(context);
    await expect(view.getByRole('dialog')).toHaveAttribute('dir', 'rtl');
    const [first, second] = (view.getAllByRole('listitem') as HTMLElement[]).filter((li) => li.hasAttribute('data-step'));
    await expect(first!.getBoundingClientRect().left).toBeGreaterThan(second!.getBoundingClientRect().left);
  },
});

/** Messages replaced by the host (`messages`), type-checked against the catalogue: the host's words, in any language. */
export const MessageOverride = meta.story({
  args: { messages: { skip: 'I have a key already', steps: { key: 'Create a key' } } },
  play: async (context) => {
    const { view } = await widgetIn(context);
    await expect(await view.findByRole('button', { name: 'I have a key already' })).toBeVisible();
    await expect(view.getByRole('heading', { name: 'Create a key' })).toBeVisible();
  },
});
