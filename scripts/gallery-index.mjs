// The gallery's pages: a thumbnail per render and gallery/index.html, which groups the renders by story and
// lists what axe found and which plays did not end. Used by scripts/gallery.mjs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Thumbnails are this many CSS pixels wide: four 1024 px renders fit a row of a laptop's screen. */
const THUMBNAIL_WIDTH = 240;

/**
 * Writes a smaller copy of a PNG, each of its pixels the average of the box of source pixels it covers
 * (sharper than skipping pixels, and text stays recognisable).
 */
export function writeThumbnail(pngBuffer, file) {
  const source = PNG.sync.read(pngBuffer);
  const scale = source.width / THUMBNAIL_WIDTH;
  const width = THUMBNAIL_WIDTH;
  const height = Math.max(1, Math.round(source.height / scale));
  const thumbnail = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    const top = Math.floor(y * scale);
    const bottom = Math.max(top + 1, Math.min(source.height, Math.floor((y + 1) * scale)));
    for (let x = 0; x < width; x++) {
      const left = Math.floor(x * scale);
      const right = Math.max(left + 1, Math.min(source.width, Math.floor((x + 1) * scale)));
      const sum = [0, 0, 0, 0];
      for (let sy = top; sy < bottom; sy++) {
        for (let sx = left; sx < right; sx++) {
          const at = (sy * source.width + sx) * 4;
          for (let channel = 0; channel < 4; channel++) sum[channel] += source.data[at + channel];
        }
      }
      const count = (bottom - top) * (right - left);
      const at = (y * width + x) * 4;
      for (let channel = 0; channel < 4; channel++) thumbnail.data[at + channel] = Math.round(sum[channel] / count);
    }
  }
  writeFileSync(file, PNG.sync.write(thumbnail));
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]);

const SCHEME_WORDS = { light: 'light', dark: 'dark', forced: 'forced colours' };
const LOCALE_WORDS = { en: 'English', ar: 'Arabic', ja: 'Japanese' };

/** "dark, Arabic, 320 px": how a render is named to a person. */
const describe = ({ scheme, locale, width }) => `${SCHEME_WORDS[scheme]}, ${LOCALE_WORDS[locale] ?? locale}, ${width} px`;

function figure(result) {
  const base = `${encodeURIComponent(result.story.id)}/${result.name}`;
  const label = describe(result.variant);
  const notes = [];
  if (result.play !== 'played') notes.push(`<li class="bad">play ${escapeHtml(result.play)}${result.errors.length ? `: ${escapeHtml(result.errors.join('; '))}` : ''}</li>`);
  for (const violation of result.violations) {
    notes.push(`<li class="bad">axe <a href="${escapeHtml(violation.helpUrl)}">${escapeHtml(violation.id)}</a> (${escapeHtml(violation.impact)}): ${escapeHtml(violation.help)}</li>`);
  }
  return `<figure${notes.length ? ' class="flagged"' : ''}>
  <a href="${base}.png"><img src="${base}.thumb.png" alt="${escapeHtml(`${result.story.title}: ${result.story.name}, ${label}`)}" loading="lazy"></a>
  <figcaption>${escapeHtml(label)}${notes.length ? `<ul>${notes.join('')}</ul>` : ''}</figcaption>
</figure>`;
}

function violationRows(results) {
  const rows = results.flatMap((result) =>
    result.violations.map(
      (violation) => `<tr><td><a href="#${escapeHtml(result.story.id)}">${escapeHtml(result.story.id)}</a></td><td>${escapeHtml(describe(result.variant))}</td>
<td><a href="${escapeHtml(violation.helpUrl)}">${escapeHtml(violation.id)}</a></td><td>${escapeHtml(violation.impact)}</td><td>${violation.targets.map((target) => `<code>${escapeHtml(target)}</code>`).join('<br>')}</td></tr>`,
    ),
  );
  if (rows.length === 0) return '<p>axe found no violations in any render.</p>';
  return `<table><caption>axe violations</caption><thead><tr><th scope="col">story</th><th scope="col">render</th><th scope="col">rule</th><th scope="col">impact</th><th scope="col">elements</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 24px; color: #1f2430; background: #fff; }
h2 { margin-top: 2.5em; border-top: 1px solid #d0d4dc; padding-top: 1em; }
.renders { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; width: 240px; }
figure img { display: block; width: 240px; height: auto; border: 1px solid #d0d4dc; }
figure.flagged img { outline: 3px solid #b42318; }
figcaption { font-size: 13px; }
figcaption ul { margin: 4px 0 0; padding-inline-start: 18px; }
.bad { color: #b42318; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #d0d4dc; padding: 4px 8px; text-align: start; vertical-align: top; font-size: 13px; }
`;

/** Writes index.html: a summary, the axe violations as one table, then every story with its renders. */
export function writeIndex(dir, { stories, results, seconds }) {
  const unfinished = results.filter((result) => result.play !== 'played');
  const violationCount = results.reduce((sum, result) => sum + result.violations.length, 0);
  const sections = stories.map((story) => {
    const own = results.filter((result) => result.story.id === story.id);
    return `<section id="${escapeHtml(story.id)}" aria-labelledby="${escapeHtml(story.id)}-title">
<h2 id="${escapeHtml(story.id)}-title">${escapeHtml(story.title)}: ${escapeHtml(story.name)}</h2>
<p><code>${escapeHtml(story.id)}</code></p>
<div class="renders">${own.map(figure).join('\n')}</div>
</section>`;
  });
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>harness-connect gallery</title><style>${STYLE}</style></head>
<body>
<main>
<h1>harness-connect gallery</h1>
<p>${results.length} renders of ${stories.length} stories in ${seconds} s (${new Date().toISOString()}):
<strong class="${violationCount ? 'bad' : ''}">${violationCount} axe violations</strong>,
<strong class="${unfinished.length ? 'bad' : ''}">${unfinished.length} plays failed or did not finish</strong>.
Each thumbnail opens the full-size picture.</p>
${violationRows(results)}
<nav aria-label="Stories"><ul>${stories.map((story) => `<li><a href="#${escapeHtml(story.id)}">${escapeHtml(story.title)}: ${escapeHtml(story.name)}</a></li>`).join('')}</ul></nav>
${sections.join('\n')}
</main>
</body>
</html>
`;
  writeFileSync(join(dir, 'index.html'), html);
}
