import type { HarnessConnectBrand, HarnessConnectColorScheme, HarnessConnectTheme } from 'harness-connect';

/**
 * How the widget can look inside Shipyard: white-labelled as Shipyard, in a few themes. The labels are short
 * enough for the picker to show them whole on a 320 px phone.
 */
export interface WidgetLook {
  label: string;
  theme?: HarnessConnectTheme;
  colorScheme?: HarnessConnectColorScheme;
}

/** The name (and mark) the widget speaks of instead of any mention of a hub. */
export const SHIPYARD_BRAND: HarnessConnectBrand = { name: 'Shipyard' };

export const WIDGET_LOOKS = {
  shipyard: { label: 'Shipyard, as this app', theme: { accent: '#3142c6', radius: '14px' } },
  dark: { label: 'Shipyard, dark', theme: { accent: '#3142c6', radius: '14px' }, colorScheme: 'dark' },
  harbour: { label: 'Harbour teal', theme: { accent: '#0f766e', radius: '6px', radiusControl: '4px' } },
  // A pale accent: the widget derives a dark text colour on it, for contrast.
  sunrise: { label: 'Sunrise, a pale accent', theme: { accent: '#ffd43b' } },
  system: { label: 'Light or dark, as the system', theme: { accent: '#3142c6' }, colorScheme: 'system' },
} satisfies Record<string, WidgetLook>;

export type WidgetLookName = keyof typeof WIDGET_LOOKS;
