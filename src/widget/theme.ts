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

import { ownOption } from '../core/own-option.js';
import { warnOnce } from './props.js';

/** Every token of the widget's look. Each is also a custom property: see `THEME_PROPERTIES`. */
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
  /** Warning text and the warning callout's edge (a key that expires soon, the access note). @default '#8a4b00' (dark: '#f5b454') */
  warning?: string;
  /** The warning callout's background. @default '#fff6e5' (dark: '#33260f') */
  warningBg?: string;
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

/**
 * The custom property of each theme key: the names the stylesheet reads (styles.css) and a host may set from
 * its own CSS. Typed against the interface, so a new key without a property does not compile.
 */
export const THEME_PROPERTIES: Readonly<Record<keyof HarnessConnectTheme, string>> = {
  accent: '--hc-color-accent',
  accentText: '--hc-color-accent-text',
  accentHover: '--hc-color-accent-hover',
  link: '--hc-color-link',
  focus: '--hc-color-focus',
  text: '--hc-color-text',
  muted: '--hc-color-muted',
  surface: '--hc-color-surface',
  subtle: '--hc-color-subtle',
  border: '--hc-color-border',
  danger: '--hc-color-danger',
  dangerBg: '--hc-color-danger-bg',
  success: '--hc-color-success',
  warning: '--hc-color-warning',
  warningBg: '--hc-color-warning-bg',
  font: '--hc-font',
  fontMono: '--hc-font-mono',
  fontSize: '--hc-font-size',
  radius: '--hc-radius',
  radiusControl: '--hc-radius-control',
  space: '--hc-space',
  shadow: '--hc-shadow',
  backdrop: '--hc-backdrop',
  width: '--hc-width',
};

/**
 * Values that would make the browser fetch something: a tenant-supplied theme must not make every visitor's
 * browser call an arbitrary host. `url(` and the image functions that take a URL as a plain string
 * (`image-set("…")`, `-webkit-image-set`, `image(`, `cross-fade(`), `src(`, old IE's `expression(`,
 * `@import`, and any backslash (a CSS escape such as `u\72l(` still reads as `url(`).
 */
const UNSAFE_THEME_VALUE = /url\(|src\(|image(?:-set)?\(|cross-fade\(|element\(|expression\(|@import|\\/i;

/** Whether a theme value may be written: a string without anything that fetches or escapes. */
export function isSafeThemeValue(value: unknown): value is string {
  return typeof value === 'string' && !UNSAFE_THEME_VALUE.test(value);
}

// WCAG 2 relative luminance (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance).
/** Weights of the red, green and blue channels: how bright each looks to the eye. */
const LUMINANCE_WEIGHTS = [0.2126, 0.7152, 0.0722] as const;
/** Below this (of 1), an sRGB channel is on the linear part of the sRGB curve. */
const SRGB_LINEAR_LIMIT = 0.03928;
/** The linear part's slope and the curve's exponent and offset. */
const SRGB_LINEAR_DIVISOR = 12.92;
const SRGB_GAMMA = 2.4;
const SRGB_OFFSET = 0.055;
/** Added to both luminances in a contrast ratio (for flare in the viewing environment). */
const CONTRAST_FLARE = 0.05;

/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * The background luminance at which black and white contrast equally with it (√(1.05 × 0.05) − 0.05 ≈ 0.179):
 * above it black text reads better, below it white.
 */
const EQUAL_CONTRAST_LUMINANCE = 0.18;

/** How far the hover shade moves from the accent, away from its text colour. */
const HOVER_SHIFT = 0.15;
/** The step by which a link colour is pushed towards black or white until it is legible. */
const LEGIBILITY_STEP = 0.05;
/** How far the accent is mixed into the light surface (white) for the subtle tint: a faint wash. */
const LIGHT_TINT = 0.92;
/** Likewise for the dark surface: less mixing, so the tint still shows on a dark background. */
const DARK_TINT = 0.82;

/** The default surfaces the derived colours are checked against, as in styles.css. */
const LIGHT_SURFACE = '#ffffff';
const DARK_SURFACE = '#171a21';

/** Candidates for text on the accent, in order of preference. */
const ACCENT_TEXT_CANDIDATES = ['#ffffff', '#14161a', '#000000'] as const;

const HEX_COLOR = /^#(?:[\da-f]{3}){1,2}$/i;

/** `#rgb` / `#rrggbb` to its three channels (0 … 255); `undefined` for anything else. */
function hexChannels(color: string): [number, number, number] | undefined {
  if (!HEX_COLOR.test(color)) return undefined;
  const digits = color.slice(1);
  const long = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  return [0, 2, 4].map((start) => parseInt(long.slice(start, start + 2), 16)) as [number, number, number];
}

/** One sRGB channel (0 … 255) as linear light (0 … 1). */
function linearChannel(channel: number): number {
  const value = channel / 255;
  return value <= SRGB_LINEAR_LIMIT ? value / SRGB_LINEAR_DIVISOR : ((value + SRGB_OFFSET) / (1 + SRGB_OFFSET)) ** SRGB_GAMMA;
}

/** WCAG 2 relative luminance of a hex colour (0 black … 1 white); anything not hex counts as black. */
export function luminance(color: string): number {
  const channels = hexChannels(color) ?? [0, 0, 0];
  return channels.reduce((sum, channel, i) => sum + LUMINANCE_WEIGHTS[i]! * linearChannel(channel), 0);
}

/** WCAG 2 contrast ratio of two hex colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const lighter = Math.max(luminance(a), luminance(b));
  const darker = Math.min(luminance(a), luminance(b));
  return (lighter + CONTRAST_FLARE) / (darker + CONTRAST_FLARE);
}

/** `from` moved towards `to` by `amount` (0 … 1), as `#rrggbb`. Both must be hex colours. */
export function mixHex(from: string, to: string, amount: number): string {
  const a = hexChannels(from) ?? [0, 0, 0];
  const b = hexChannels(to) ?? [0, 0, 0];
  const mixed = a.map((channel, i) => Math.round(channel + (b[i]! - channel) * amount));
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** The foreground for text on `background`: white, else a near-black, else black, the first at 4.5:1. */
export function readableOn(background: string): string {
  const readable = ACCENT_TEXT_CANDIDATES.find((candidate) => contrastRatio(candidate, background) >= MIN_TEXT_CONTRAST);
  // Black reaches 4.5:1 on every background white does not, so the last candidate always qualifies.
  return readable ?? '#000000';
}

/** `color` shifted towards black (on a light background) or white (on a dark one) until it reads at 4.5:1. */
export function legibleOn(color: string, background: string): string {
  const towards = luminance(background) > EQUAL_CONTRAST_LUMINANCE ? '#000000' : '#ffffff';
  let amount = 0;
  while (amount < 1 && contrastRatio(mixHex(color, towards, amount), background) < MIN_TEXT_CONTRAST) {
    amount += LEGIBILITY_STEP;
  }
  return mixHex(color, towards, Math.min(amount, 1));
}

/** A development-only warning for a refused theme value, once per token. */
function warnUnsafeValue(key: string): void {
  if (process.env.NODE_ENV !== 'production') {
    warnOnce(`theme.${key}`, `theme.${key} was ignored: theme values may not contain url(), image functions, expression(), @import or backslashes.`);
  }
}

/**
 * The custom properties for a theme: each given token as its `--hc-*` property, plus what derives from a hex
 * accent. Keys that are not tokens, and values that could fetch (see `isSafeThemeValue`), are left out.
 */
export function themeStyle(theme: HarnessConnectTheme = {}): Record<string, string> {
  const style: Record<string, string> = {};
  // A host passing something that is not an object (null from an API, a string) gets the default look.
  const tokens = (typeof theme === 'object' && theme !== null ? theme : {}) as Record<string, unknown>;
  for (const [key, property] of Object.entries(THEME_PROPERTIES)) {
    // Its own tokens only: a colour found on a polluted Object.prototype is not the host's theme.
    const value = ownOption(tokens, key);
    if (value === undefined) continue;
    if (isSafeThemeValue(value)) style[property] = value;
    else warnUnsafeValue(key);
  }

  const accent = style[THEME_PROPERTIES.accent];
  if (accent === undefined || !hexChannels(accent)) return style;
  const accentText = style[THEME_PROPERTIES.accentText] ?? readableOn(accent);
  style[THEME_PROPERTIES.accentText] = accentText;
  if (style[THEME_PROPERTIES.accentHover] === undefined) {
    // Away from the text colour: darker under white text, lighter under dark text.
    const awayFromText = luminance(accentText) > EQUAL_CONTRAST_LUMINANCE ? '#000000' : '#ffffff';
    style[THEME_PROPERTIES.accentHover] = mixHex(accent, awayFromText, HOVER_SHIFT);
  }
  // Private: the scheme-dependent defaults styles.css picks from (a given `link` or `subtle` still wins).
  const surface = style[THEME_PROPERTIES.surface];
  const givenSurface = surface !== undefined && hexChannels(surface) ? surface : undefined;
  style['--_link-light'] = legibleOn(accent, givenSurface ?? LIGHT_SURFACE);
  style['--_link-dark'] = legibleOn(accent, givenSurface ?? DARK_SURFACE);
  style['--_subtle-light'] = mixHex(accent, LIGHT_SURFACE, LIGHT_TINT);
  style['--_subtle-dark'] = mixHex(accent, DARK_SURFACE, DARK_TINT);
  return style;
}
