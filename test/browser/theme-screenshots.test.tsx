import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, it } from 'vitest';
import { page } from 'vitest/browser';
import { HarnessConnect, type HarnessConnectProps } from '../../src/index.js';
import { BRANDS } from '../../stories/brands.js';
import { expectLaidOut, painted, shownDialog, widgetIn } from '../support/widget.js';

// The looks (light, dark, a brand, right to left), each laid out as a person expects: the dialog inside the
// window, nothing scrolling sideways, no text cut off, the primary button on screen and uncovered. Each is
// also saved as a screenshot for a person to review (test-results/ is not committed; `path` is relative to
// this file: ../../ is the repository root). Colour contrast of every look is in theme-host.test.tsx.

afterEach(() => cleanup());

async function checkAndShoot(name: string, props: Partial<HarnessConnectProps>, title: string, next: string) {
  await page.viewport(1280, 800);
  const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen {...props} />);
  const widget = await widgetIn(container);
  await shownDialog(widget, title);
  await painted();
  expectLaidOut(widget, widget.view.getByRole('button', { name: next }));
  await page.screenshot({ path: `../../test-results/screenshots/theme-${name}.png` });
}

describe('theme screenshots', () => {
  afterAll(() => page.viewport(1280, 800));

  it('light', () => checkAndShoot('light', {}, 'Connect Harness', 'Next'));
  it('dark', () => checkAndShoot('dark', { colorScheme: 'dark' }, 'Connect Harness', 'Next'));
  it('a brand (Ember)', () => checkAndShoot('brand-ember', BRANDS.ember, 'Connect Harness to Ember', 'Next'));
  it('a dark brand (Nightjar)', () => checkAndShoot('brand-nightjar', BRANDS.nightjar, 'Connect Harness to Nightjar', 'Next'));
  it('right to left (Arabic)', () => checkAndShoot('rtl-ar', { locale: 'ar' }, 'ربط Harness', 'التالي'));
});
