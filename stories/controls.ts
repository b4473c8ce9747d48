/**
 * What a story renders with, and the controls a person changes it with. The preview's decorator turns a
 * story's args and the toolbar's globals into the widget's props with `storyProps`; the play functions read
 * the same props (`words.ts`), so a play always knows which language and brand are on screen.
 */
import type { ArgTypes } from '@storybook/react-vite';
import type { HarnessConnectLocale, HarnessConnectProps } from '../src/index.ts';
import { BRANDS, LOOKS } from './brands.ts';

/** Args a story has besides the widget's props. */
export interface StoryControls {
  /**
   * The theme's one colour, from a colour picker: the widget derives the rest with readable text. Laid over
   * `theme` (and over the toolbar's look), so picking one always shows it.
   */
  accent?: string;
}

/** The widget's props as a story holds them: the props, plus the story's own controls. */
export type StoryArgs = Partial<HarnessConnectProps<unknown>> & StoryControls;

/** The languages the widget ships, in the order the toolbar and the select offer them. */
export const STORY_LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const satisfies readonly HarnessConnectLocale[];

/** The select's entry for "no brand": the widget speaks of "this app". */
const NO_BRAND = 'none';

/**
 * Controls a person can use, instead of the raw object editors the prop types would give: a select of the
 * languages and of the colour schemes, a colour picker for the accent, a select of the sample brands (each
 * mapped to its `{ name, logo }`). Props that only code can give (callbacks, a QueryClient, a trigger
 * element) have no control; their rows stay in the docs' table.
 */
export const STORY_ARG_TYPES: Partial<ArgTypes<StoryArgs>> = {
  locale: { control: 'select', options: [...STORY_LOCALES] },
  colorScheme: { control: 'select', options: ['light', 'dark', 'system'] },
  brand: {
    control: 'select',
    options: [NO_BRAND, ...Object.keys(BRANDS)],
    mapping: {
      [NO_BRAND]: undefined,
      ...Object.fromEntries(Object.entries(BRANDS).map(([name, look]) => [name, look.brand])),
    },
  },
  accent: {
    control: 'color',
    description: 'Sets `theme.accent` (a story control, not a prop): the widget derives the rest of its colours from it.',
    table: { category: 'story' },
  },
  // Built from `accent` above; a host passes the whole object.
  theme: { control: false },
  // The same as `brand`, under another name.
  whiteLabel: { control: false },
  trigger: { control: false },
  queryClient: { control: false },
  connect: { control: false },
  onSuccess: { control: false },
  onError: { control: false },
  onClose: { control: false },
  onEvent: { control: false },
  onOpenChange: { control: false },
};

/**
 * A story's args with the toolbar on top, as the widget receives them: the look (a colour scheme, a brand's
 * theme and name) and the language replace the story's own once picked; a picked `accent` goes over the
 * theme. Stories that are about one look or language pin it with their own `globals`.
 */
export function storyProps(args: StoryArgs, globals: Record<string, unknown>): Partial<HarnessConnectProps<unknown>> {
  const look = typeof globals.look === 'string' ? LOOKS[globals.look] : undefined;
  const locale = typeof globals.locale === 'string' ? globals.locale : undefined;
  const { accent, ...props } = { ...args, ...look, ...(locale ? { locale } : {}) };
  return accent ? { ...props, theme: { ...props.theme, accent } } : props;
}
