/**
 * Three fictional brands the widget is themed as (stories, the Storybook toolbar and the browser tests share
 * them), plus the built-in looks. Each one is a `theme` object; none touches the page around the widget.
 */
import type { HarnessConnectBrand, HarnessConnectColorScheme, HarnessConnectTheme } from '../src/index.ts';

export interface BrandLook {
  theme?: HarnessConnectTheme;
  colorScheme?: HarnessConnectColorScheme;
  brand?: HarnessConnectBrand;
}

/** A small inline SVG logo per brand (a data: URL, so stories and tests need no files). */
const logo = (fill: string, letter: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28"><rect width="28" height="28" rx="7" fill="${fill}"/><text x="14" y="19" font-family="sans-serif" font-size="15" font-weight="700" text-anchor="middle" fill="#fff">${letter}</text></svg>`,
  )}`;

export const BRANDS = {
  /** A calm green, rounded controls. */
  verdant: {
    theme: { accent: '#1f8a4c', radius: '18px', radiusControl: '999px', font: 'Georgia, serif' },
    brand: { name: 'Verdant', logo: logo('#1f8a4c', 'V') },
  },
  /** A dark purple product: its own dark surfaces, derived links. */
  nightjar: {
    colorScheme: 'dark',
    theme: {
      accent: '#8b5cf6',
      surface: '#17122b',
      subtle: '#221a3d',
      border: '#3b3163',
      text: '#eeeaff',
      muted: '#b7addb',
      radius: '10px',
      backdrop: '#07041299',
    },
    brand: { name: 'Nightjar', logo: logo('#6d28d9', 'N') },
  },
  /** A warm orange on cream, square-ish and compact. */
  ember: {
    theme: {
      accent: '#ea580c',
      surface: '#fffaf5',
      subtle: '#fdeee0',
      border: '#efd3bb',
      text: '#2b1a0e',
      muted: '#6b4a33',
      radius: '6px',
      radiusControl: '4px',
      space: '14px',
    },
    brand: { name: 'Ember', logo: logo('#c2410c', 'E') },
  },
} satisfies Record<string, BrandLook>;

/** Everything the toolbar offers: the built-in light and dark looks and the three brands. */
export const LOOKS: Record<string, BrandLook> = {
  light: {},
  dark: { colorScheme: 'dark' },
  system: { colorScheme: 'system' },
  ...BRANDS,
};

/** Accents at the edges: themes derived from each must still pass AA (tests and a story). */
export const EDGE_ACCENTS = ['#ffe600', '#e0f2fe', '#111111', '#1e1b4b'] as const;
