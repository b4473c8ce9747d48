/**
 * Theme tokens and the palette derived from one accent colour. Pure (no React, no DOM): the component
 * writes `themeStyle(theme)` as custom properties on its own host element, nothing outside it.
 *
 * From an accent alone (`#rgb` or `#rrggbb`; any other CSS colour is passed through as it is) it derives,
 * keeping WCAG AA (4.5:1) for text automatically:
 * - the accent's foreground (`accentText`): white if it reads at 4.5:1, else a near-black, else black;
 * - a hover shade, moved away from the foreground (so the contrast only grows);
 * - the accent as text on the light and on the dark surface (links, the current step), shifted towards
 *   black or white until it reads at 4.5:1;
 * - subtle tints of the accent for the light and the dark surface (notes, code).
 */

/** Every token of the widget's look. Each is also the custom property `--hc-color-<kebab>` (colours) or `--hc-<kebab>`. */
export interface HarnessConnectTheme {
  /** The brand colour: primary button, links, focus ring, current step. The rest derives from it. @default '#0a5bd3' */
  accent?: string;
  /** Text on the accent. @default derived: '#fff' or a near-black, whichever reads at 4.5:1 */
  accentText?: string;
  /** The primary button on hover. @default derived from `accent` */
  accentHover?: string;
  /** The accent as text on the surface (links). @default derived from `accent` with 4.5:1 against the surface */
  link?: string;
  /** The focus ring. @default the link colour */
  focus?: string;
  /** @default '#1f2430' (dark: '#e7eaf0') */
  text?: string;
  /** Secondary text (hints, the note). @default '#596173' (dark: '#a4acbb') */
  muted?: string;
  /** The dialog's background. @default '#fff' (dark: '#171a21') */
  surface?: string;
  /** Notes, code, read-only inputs. @default '#f4f6f9' (dark: '#222731'), or a tint of `accent` */
  subtle?: string;
  /** @default '#d5dae3' (dark: '#363d4a') */
  border?: string;
  /** Error text and borders. @default '#b42318' (dark: '#ff9c8f') */
  danger?: string;
  /** The error banner's background. @default '#fef3f2' (dark: '#3a1d1d') */
  dangerBg?: string;
  /** The confirmation and done steps. @default '#067647' (dark: '#5ad69a') */
  success?: string;
  /** @default 'system-ui, sans-serif' */
  font?: string;
  /** Inputs and code. @default 'ui-monospace, monospace' */
  fontMono?: string;
  /** The base font size. @default '15px' */
  fontSize?: string;
  /** The dialog's corners. @default '12px' */
  radius?: string;
  /** Buttons and inputs. @default '8px' */
  radiusControl?: string;
  /** Spacing density: the base gap ('12px' compact, '20px' airy). @default '16px' */
  space?: string;
  /** The dialog's shadow. @default '0 24px 48px #1018282e' */
  shadow?: string;
  /** The backdrop behind the dialog. @default '#10182873' */
  backdrop?: string;
  /** The dialog's width (capped at the viewport). @default '34rem' */
  width?: string;
}

/** `#rgb` / `#rrggbb` to its three channels (0 … 255); `undefined` for anything else. */
const rgb = (color: string) =>
  /^#([\da-f]{3}){1,2}$/i.test(color) ? (color.length < 5 ? color.replace(/\w/g, '$&$&') : color).match(/\w\w/g)!.map((h) => parseInt(h, 16)) : undefined;

/** WCAG 2 relative luminance of a hex colour (0 black … 1 white). */
export const luminance = (color: string) =>
  (rgb(color) ?? [0, 0, 0]).reduce((sum, v, i) => sum + [0.2126, 0.7152, 0.0722][i]! * ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4), 0);

/** WCAG 2 contrast ratio of two hex colours (1 … 21). */
export const contrastRatio = (a: string, b: string) => {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

/** `a` moved towards `b` by `t` (0 … 1), as `#rrggbb`. */
export const mixHex = (a: string, b: string, t: number) =>
  '#' + rgb(a)!.map((v, i) => Math.round(v + (rgb(b)![i]! - v) * t).toString(16).padStart(2, '0')).join('');

/** The foreground for text on `background`: white, else a near-black, else black, the first at 4.5:1. */
export const readableOn = (background: string) => ['#ffffff', '#14161a', '#000000'].find((c) => contrastRatio(c, background) >= 4.5)!;

/** `color` shifted towards black (on a light background) or white (on a dark one) until it reads at 4.5:1. */
export const legibleOn = (color: string, background: string) => {
  // Above 0.18 black reaches 4.5:1 on the background, below it white does: the loop always ends by t = 1.
  const towards = luminance(background) > 0.18 ? '#000' : '#fff';
  let t = 0;
  while (t < 1 && contrastRatio(mixHex(color, towards, t), background) < 4.5) t += 0.05;
  return mixHex(color, towards, Math.min(t, 1));
};

/** The custom properties for a theme: each given token as `--hc-*`, plus what derives from a hex accent. */
export function themeStyle(theme: HarnessConnectTheme = {}): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [key, value] of Object.entries(theme))
    style[(/^(fo|ra|sp|sh|ba|wi)/.test(key) ? '--hc-' : '--hc-color-') + key.replace(/[A-Z]/g, '-$&').toLowerCase()] = value;
  const { accent, surface } = theme;
  if (accent && rgb(accent)) {
    const on = (style['--hc-color-accent-text'] ??= readableOn(accent));
    style['--hc-color-accent-hover'] ??= mixHex(accent, luminance(on) > 0.5 ? '#000' : '#fff', 0.15);
    // Private: the scheme-dependent defaults the stylesheet picks from (a given `link`/`subtle` still wins).
    const given = surface && rgb(surface) && surface;
    style['--_ll'] = legibleOn(accent, given || '#fff');
    style['--_ld'] = legibleOn(accent, given || '#171a21');
    style['--_sl'] = mixHex(accent, '#fff', 0.92);
    style['--_sd'] = mixHex(accent, '#171a21', 0.82);
  }
  return style;
}
