/**
 * A picture compared with its committed baseline (test/visual/baselines/), with a tolerance for what differs
 * between two renders of the same page that nobody would call a change: anti-aliasing and font hinting at
 * the edges of glyphs, a rounding in a gradient or shadow.
 *
 * With `UPDATE_BASELINES=1` in the environment the picture becomes the baseline instead. On a mismatch the
 * picture and a diff image (differing pixels in red over a faded copy) are written to test-results/visual/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const ROOT = resolve(import.meta.dirname, '../..');
export const BASELINE_DIR = join(ROOT, 'test/visual/baselines');
export const DIFF_DIR = join(ROOT, 'test-results/visual');

/** The one command that rewrites every baseline from the current rendering. */
export const UPDATE_COMMAND = 'UPDATE_BASELINES=1 npx vitest run --project visual';

/**
 * How far apart two colours of one pixel may be and still count as the same (pixelmatch's threshold: a
 * perceptual OKLab distance, 1 is black against white). Half pixelmatch's default of 0.1, which takes the
 * default accent #0a5bd3 and #2563eb, two clearly different blues, for the same colour; glyph edges, where
 * font rendering varies, are anti-aliased pixels, which pixelmatch leaves out by itself.
 */
const PIXEL_THRESHOLD = 0.05;

/**
 * The share of a picture's pixels that may differ beyond PIXEL_THRESHOLD: 0.2 %, about 1,570 pixels of a
 * 1024 × 768 window. Measured on the guide's first step: glyphs placed on whole pixels instead of sub-pixel
 * positions (what another Chromium or FreeType build may do) touch 0.17 %; the accent colour changed to
 * another blue 0.6 %, the text colour 0.9 %, 2 px more spacing or 1 px less font size 3.5 %. Smaller details
 * (a corner radius, a border's shade) fall under it: the comparison catches changes of layout and colour.
 */
export const MAX_DIFFERING_SHARE = 0.002;

export type Comparison =
  | { status: 'same'; differing: number; allowed: number }
  | { status: 'different' | 'resized' | 'missing'; differing: number; allowed: number; message: string }
  | { status: 'updated' };

/** Compares a PNG with pixelmatch, anti-aliased pixels (by its own detection) not counted. */
export function countDifferences(expected: PNG, actual: PNG, diff: PNG | null): number {
  return pixelmatch(expected.data, actual.data, diff?.data ?? null, expected.width, expected.height, {
    threshold: PIXEL_THRESHOLD,
    includeAA: false,
  });
}

/** Compares `pngBuffer` with the baseline `<name>.png` (or writes it, when updating baselines). */
export function compareWithBaseline(name: string, pngBuffer: Buffer): Comparison {
  const baselineFile = join(BASELINE_DIR, `${name}.png`);
  if (process.env.UPDATE_BASELINES === '1') {
    mkdirSync(BASELINE_DIR, { recursive: true });
    writeFileSync(baselineFile, pngBuffer);
    return { status: 'updated' };
  }
  const actual = PNG.sync.read(pngBuffer);
  const allowed = Math.floor(actual.width * actual.height * MAX_DIFFERING_SHARE);
  const keep = (suffix: string, data: Buffer) => {
    mkdirSync(DIFF_DIR, { recursive: true });
    const file = join(DIFF_DIR, `${name}.${suffix}.png`);
    writeFileSync(file, data);
    return file;
  };
  if (!existsSync(baselineFile)) {
    const actualFile = keep('actual', pngBuffer);
    return { status: 'missing', differing: 0, allowed, message: `no baseline ${baselineFile}; this render is ${actualFile}. Create the baselines with: ${UPDATE_COMMAND}` };
  }
  const expected = PNG.sync.read(readFileSync(baselineFile));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    const actualFile = keep('actual', pngBuffer);
    return {
      status: 'resized',
      differing: 0,
      allowed,
      message: `${name} is ${actual.width}×${actual.height}, its baseline ${expected.width}×${expected.height} (render: ${actualFile})`,
    };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = countDifferences(expected, actual, diff);
  if (differing <= allowed) return { status: 'same', differing, allowed };
  const actualFile = keep('actual', pngBuffer);
  const diffFile = keep('diff', PNG.sync.write(diff));
  return {
    status: 'different',
    differing,
    allowed,
    message:
      `${name}: ${differing} pixels differ from ${baselineFile} (at most ${allowed} may). Render: ${actualFile}, diff: ${diffFile}. ` +
      `If the change is intended, update the baselines with: ${UPDATE_COMMAND}`,
  };
}
