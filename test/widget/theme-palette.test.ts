import { describe, expect, it, vi } from 'vitest';
import { contrastRatio, legibleOn, luminance, mixHex, readableOn, THEME_PROPERTIES, themeStyle, type HarnessConnectTheme } from '../../src/widget/theme.js';
import { EDGE_ACCENTS } from '../../stories/brands.js';

// The pure palette maths of src/widget/theme.ts (WCAG 2 relative luminance and contrast).

const ACCENTS = [...EDGE_ACCENTS, '#0a5bd3', '#1f8a4c', '#8b5cf6', '#ea580c', '#ff0000', '#00ff00', '#808080', '#fff', '#000'];

describe('theme palette', () => {
  it('computes WCAG luminance and contrast', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000')).toBe(0);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21);
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21);
    expect(contrastRatio('#0a5bd3', '#ffffff')).toBeCloseTo(6.2, 0);
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080');
  });

  it('picks white or a near-black foreground that reads at 4.5:1 on any accent', () => {
    expect(readableOn('#0a5bd3')).toBe('#ffffff');
    expect(readableOn('#ffe600')).toBe('#14161a');
    for (const accent of ACCENTS) expect(contrastRatio(readableOn(accent), accent), accent).toBeGreaterThanOrEqual(4.5);
  });

  it('shifts an accent until it reads as text on light and dark surfaces', () => {
    for (const accent of ACCENTS) {
      for (const surface of ['#ffffff', '#171a21', '#fffaf5', '#17122b']) {
        expect(contrastRatio(legibleOn(accent, surface), surface), `${accent} on ${surface}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    // An accent that already reads is kept as it is.
    expect(legibleOn('#0a5bd3', '#ffffff')).toBe('#0a5bd3');
  });

  it('writes each token as the custom property the stylesheet reads', () => {
    const every = Object.fromEntries(Object.keys(THEME_PROPERTIES).map((key) => [key, `value-of-${key}`])) as HarnessConnectTheme;
    const style = themeStyle(every);
    for (const [key, property] of Object.entries(THEME_PROPERTIES)) expect(style[property], key).toBe(`value-of-${key}`);
    // `focus` was once written as --hc-focus while the stylesheet read --hc-color-focus.
    expect(themeStyle({ focus: '#ff00ff' })).toEqual({ '--hc-color-focus': '#ff00ff' });
    expect(themeStyle({ surface: '#fff', radiusControl: '2px', fontMono: 'x', dangerBg: '#fee' })).toEqual({
      '--hc-color-surface': '#fff',
      '--hc-radius-control': '2px',
      '--hc-font-mono': 'x',
      '--hc-color-danger-bg': '#fee',
    });
    expect(themeStyle(undefined)).toEqual({});
  });

  it('ignores keys that are not tokens', () => {
    expect(themeStyle({ colour: 'red', ['--evil' as string]: 'x' } as HarnessConnectTheme)).toEqual({});
  });

  it('refuses values that would make the browser fetch something', () => {
    const unsafe = [
      'url(https://tracker.example/pixel.png)',
      'URL( "//tracker.example" )',
      '#fff url(x)',
      'image-set("https://tracker.example/a.png" 1x)',
      '-webkit-image-set("x.png" 1x)',
      'cross-fade(url(a.png), url(b.png), 50%)',
      'expression(alert(1))',
      '@import "https://tracker.example/x.css"',
      'u\\72l(https://tracker.example)',
    ];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const value of unsafe) expect(themeStyle({ surface: value, font: value }), value).toEqual({});
    // Development builds say which token was dropped.
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('harness-connect: theme.surface was ignored'));
    warn.mockRestore();
    // Ordinary values pass, fonts with quotes included.
    expect(themeStyle({ font: '"Inter Var", system-ui', shadow: '0 1px 2px rgb(0 0 0 / 20%)' })).toEqual({
      '--hc-font': '"Inter Var", system-ui',
      '--hc-shadow': '0 1px 2px rgb(0 0 0 / 20%)',
    });
  });

  it('derives the accent text, hover and legible link colours from a hex accent only', () => {
    expect(themeStyle({ accent: 'rebeccapurple' })).toEqual({ '--hc-color-accent': 'rebeccapurple' });
    const derived = themeStyle({ accent: '#1e1b4b', accentText: '#ffffff' });
    expect(derived['--hc-color-accent-text']).toBe('#ffffff');
    expect(derived['--hc-color-accent-hover']).toMatch(/^#[\da-f]{6}$/);
    expect(themeStyle({ accent: '#ffe600' })['--hc-color-accent-text']).toBe('#14161a');
  });
});
