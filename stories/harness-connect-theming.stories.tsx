/**
 * `<HarnessConnect/>` looking and speaking like the host's product: three fictional brands, dark, system,
 * unstyled, styled from outside with `::part`, each language, right to left, white-label with a logo.
 * The a11y addon checks every story (colour contrast included); the play functions check what changed.
 */
import { expect, waitFor } from 'storybook/test';
import preview from '../.storybook/preview.ts';
import { HarnessConnect } from '../src/index.ts';
import { BRANDS, EDGE_ACCENTS } from './brands.ts';
import { widgetIn } from './play.ts';

const meta = preview.meta({
  title: 'HarnessConnect/Theming and languages',
  component: HarnessConnect,
  args: { defaultOpen: true },
});

/** The primary button's computed colours inside the shadow root. */
async function primaryOf(canvasElement: HTMLElement) {
  const { view, root } = await widgetIn(canvasElement);
  await view.findByRole('dialog');
  return getComputedStyle(root.querySelector<HTMLElement>('[data-variant=primary]')!);
}

export const Verdant = meta.story({
  args: { ...BRANDS.verdant },
  play: async ({ canvasElement }) => {
    const { view } = await widgetIn(canvasElement);
    await expect(await view.findByRole('dialog', { name: 'Connect Harness to Verdant' })).toBeVisible();
    await expect((await primaryOf(canvasElement)).backgroundColor).toBe('rgb(31, 138, 76)');
    await expect(view.getByText(/lets Verdant read your Harness account/)).toBeVisible();
  },
});

export const Nightjar = meta.story({
  args: { ...BRANDS.nightjar },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement);
    await waitFor(() => expect(getComputedStyle(root.querySelector('dialog')!).backgroundColor).toBe('rgb(23, 18, 43)'));
  },
});

export const Ember = meta.story({
  args: { ...BRANDS.ember },
  play: async ({ canvasElement }) => {
    // Orange is too light for white text at 4.5:1: the derived foreground is the near-black.
    await expect((await primaryOf(canvasElement)).color).toBe('rgb(20, 22, 26)');
  },
});

export const Dark = meta.story({
  args: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const { root, host } = await widgetIn(canvasElement);
    await expect(host).toHaveAttribute('data-color-scheme', 'dark');
    await expect(getComputedStyle(root.querySelector('dialog')!).backgroundColor).toBe('rgb(23, 26, 33)');
  },
});

/** Follows the operating system's light or dark setting, live (a CSS media query). */
export const System = meta.story({ args: { colorScheme: 'system' } });

/** Derived from a very light accent: the button text turns dark and links darken until they read at 4.5:1. */
export const LightAccent = meta.story({ args: { theme: { accent: EDGE_ACCENTS[0] } } });

/** Derived from a very dark accent, in dark mode: links lighten until they read at 4.5:1. */
export const DarkAccentOnDark = meta.story({ args: { theme: { accent: EDGE_ACCENTS[3] }, colorScheme: 'dark' } });

/** No default look: only the structural sheet. The host brings its own CSS (here: none). */
export const Unstyled = meta.story({
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement);
    await expect(root.adoptedStyleSheets).toHaveLength(1);
    await expect(root.adoptedStyleSheets[0]!.cssRules.length).toBeLessThan(3);
  },
});

const PART_CSS = `
.part-styled [data-harness-connect]::part(dialog) { border: 3px solid #0f766e; border-radius: 0; }
.part-styled [data-harness-connect]::part(title) { font-family: Georgia, serif; color: #0f766e; }
.part-styled [data-harness-connect]::part(primary) { background: #0f766e; border-color: #0f766e; border-radius: 0; }
.part-styled [data-harness-connect]::part(step-indicator) { text-transform: uppercase; }
`;

/** Styled from outside: a host stylesheet with `[data-harness-connect]::part(...)` rules. */
export const PartStyled = meta.story({
  render: (args) => (
    <div className="part-styled">
      <style>{PART_CSS}</style>
      <HarnessConnect {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement);
    await expect(getComputedStyle(root.querySelector('[part~=title]')!).color).toBe('rgb(15, 118, 110)');
    await expect(getComputedStyle(root.querySelector('[part~=primary]')!).backgroundColor).toBe('rgb(15, 118, 110)');
  },
});

/** White-label: the host's name and logo; the title stays meaningful, nothing names this package. */
export const WhiteLabelWithLogo = meta.story({
  args: { brand: { name: 'Acme CI', logo: BRANDS.ember.brand.logo } },
  play: async ({ canvasElement }) => {
    const { view, root } = await widgetIn(canvasElement);
    await expect(await view.findByRole('dialog', { name: 'Connect Harness to Acme CI' })).toBeVisible();
    await expect(root.querySelector('img[part=logo]')).toHaveAttribute('alt', '');
    await expect(root.textContent).not.toMatch(/harness-connect|this app/i);
  },
});

const LANGUAGES = {
  de: { title: 'Harness verbinden', next: 'Weiter' },
  fr: { title: 'Connecter Harness', next: 'Suivant' },
  es: { title: 'Conectar Harness', next: 'Siguiente' },
  ja: { title: 'Harness を接続', next: '次へ' },
  ar: { title: 'ربط Harness', next: 'التالي' },
} as const;

/** Checks the dialog's name, `lang` and the Next button in a language (its catalogue is loaded on demand). */
const inLanguage =
  (locale: keyof typeof LANGUAGES) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const { view } = await widgetIn(canvasElement);
    const dialog = await view.findByRole('dialog', { name: LANGUAGES[locale].title });
    await expect(dialog).toHaveAttribute('lang', locale);
    await expect(view.getByRole('button', { name: LANGUAGES[locale].next })).toBeVisible();
  };

export const German = meta.story({ args: { locale: 'de' }, play: inLanguage('de') });
export const French = meta.story({ args: { locale: 'fr' }, play: inLanguage('fr') });
export const Spanish = meta.story({ args: { locale: 'es' }, play: inLanguage('es') });
export const Japanese = meta.story({ args: { locale: 'ja' }, play: inLanguage('ja') });

/** Right to left: the dialog, the step indicator and the Next chevron are mirrored. */
export const ArabicRightToLeft = meta.story({
  args: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const { view } = await widgetIn(canvasElement);
    const dialog = await view.findByRole('dialog', { name: LANGUAGES.ar.title });
    await expect(dialog).toHaveAttribute('dir', 'rtl');
    const [first, second] = (view.getAllByRole('listitem') as HTMLElement[]).filter((li) => li.hasAttribute('data-step'));
    await expect(first!.getBoundingClientRect().left).toBeGreaterThan(second!.getBoundingClientRect().left);
  },
});

/** One message replaced by the host (`messages`), type-checked against the catalogue. */
export const MessageOverride = meta.story({
  args: { messages: { skip: 'I have a key already', steps: { key: 'Create a key' } } },
  play: async ({ canvasElement }) => {
    const { view } = await widgetIn(canvasElement);
    await expect(await view.findByRole('button', { name: 'I have a key already' })).toBeVisible();
    await expect(view.getByRole('heading', { name: 'Create a key' })).toBeVisible();
  },
});
