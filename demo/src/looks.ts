import type { HarnessConnectBrand, HarnessConnectColorScheme, HarnessConnectTheme } from 'harness-connect';

/** How the widget can look inside Shipyard: white-labelled as Shipyard, in a few themes. */
export interface WidgetLook {
  label: string;
  theme?: HarnessConnectTheme;
  colorScheme?: HarnessConnectColorScheme;
}

/** The name (and mark) the widget speaks of instead of any mention of a hub. */
export const SHIPYARD_BRAND: HarnessConnectBrand = { name: 'Shipyard' };

export const WIDGET_LOOKS = {
  shipyard: { label: 'Shipyard (matches this app)', theme: { accent: '#3142c6', radius: '14px' } },
  dark: { label: 'Shipyard, dark', theme: { accent: '#3142c6', radius: '14px' }, colorScheme: 'dark' },
  harbour: { label: 'Harbour teal', theme: { accent: '#0f766e', radius: '6px', radiusControl: '4px' } },
  sunrise: { label: 'Sunrise (a pale accent: text contrast is derived)', theme: { accent: '#ffd43b' } },
  system: { label: 'Follow the system light or dark setting', theme: { accent: '#3142c6' }, colorScheme: 'system' },
} satisfies Record<string, WidgetLook>;

export type WidgetLookName = keyof typeof WIDGET_LOOKS;
