import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { HarnessConnect, type HarnessConnectProps } from '../../src/index.js';
import { BRANDS } from '../../stories/brands.js';

// Screenshots of the looks for a person to review (test-results/ is not committed): light, dark, a brand,
// right to left. `path` is relative to this file: ../../ is the repository root.

afterEach(() => cleanup());

function settled() {
  return new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

async function shoot(name: string, props: Partial<HarnessConnectProps>, heading: string | RegExp) {
  await page.viewport(1280, 800);
  const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen {...props} />);
  const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
  await within(host.shadowRoot as unknown as HTMLElement).findByRole('heading', { name: heading });
  await settled();
  const path = await page.screenshot({ path: `../../test-results/screenshots/theme-${name}.png` });
  expect(path).toMatch(new RegExp(`test-results/screenshots/theme-${name}\\.png$`));
}

describe('theme screenshots', () => {
  afterAll(() => page.viewport(1280, 800));

  it('light', () => shoot('light', {}, 'Generate a Harness API key'));
  it('dark', () => shoot('dark', { colorScheme: 'dark' }, 'Generate a Harness API key'));
  it('a brand (Ember)', () => shoot('brand-ember', BRANDS.ember, 'Generate a Harness API key'));
  it('a dark brand (Nightjar)', () => shoot('brand-nightjar', BRANDS.nightjar, 'Generate a Harness API key'));
  it('right to left (Arabic)', () => shoot('rtl-ar', { locale: 'ar' }, 'إنشاء مفتاح API في Harness'));
});
