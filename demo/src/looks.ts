import type { HarnessConnectBrand, HarnessConnectColorScheme, HarnessConnectTheme } from 'harness-connect';
import { setAddressSetting, useAddressSetting } from './address-settings.ts';

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

export const LOOK_PARAM = 'look';

const DEFAULT_LOOK: WidgetLookName = 'shipyard';

/** The look the address's parameter names; anything else (absent, misspelt) is Shipyard's own. */
function lookNamed(asked: string | null): WidgetLookName {
  return asked !== null && Object.hasOwn(WIDGET_LOOKS, asked) ? (asked as WidgetLookName) : DEFAULT_LOOK;
}

/** The look picked on Integrations, kept in the address (`?look=dark`) so Reconnect on Accounts wears it too. */
export function useLookName(): WidgetLookName {
  return useAddressSetting(LOOK_PARAM, lookNamed, DEFAULT_LOOK);
}

export function setLookName(name: WidgetLookName): void {
  setAddressSetting(LOOK_PARAM, name, DEFAULT_LOOK);
}
