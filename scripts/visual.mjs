// What the gallery (scripts/gallery.mjs) and the visual tests (test/visual/) share: a static file server for a
// built page, waiting until a page has painted its final state, and one axe run with one configuration.
// Plain JS so that Node scripts can import it too; types are in visual.d.mts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** axe-core's browser build, injected into pages as a script. */
export const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js');

/**
 * Rules left out of every axe run, as the Storybook a11y addon does: `region` (all content inside landmarks)
 * is about a whole page, and a story or a test page is a widget on an otherwise empty page.
 */
export const AXE_DISABLED_RULES = Object.freeze(['region']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Serves the files under `dir` on 127.0.0.1 (a port the system picks): `/` is `index.html`, anything outside
 * `dir` or missing is a 404. Enough for a built Storybook or a Vite build, service worker included.
 */
export async function serveStatic(dir) {
  const server = createServer((request, response) => {
    void (async () => {
      let pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = normalize(join(dir, pathname));
      if (!file.startsWith(dir + sep)) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Resolves once the page's fonts are loaded and two frames have been painted since. */
export async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * Runs axe on the page (shadow roots and the top layer included) and answers its violations, each with the
 * rule, its impact and the elements it found, as CSS selectors (`host ▸ element in its shadow root`).
 * `exclude` lists selectors of the page's own furniture to leave out.
 */
export async function runAxe(page, { exclude = [] } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE_PATH });
  return page.evaluate(
    async ({ exclude, disabled }) => {
      const result = await window.axe.run(
        { include: [document.body], exclude: exclude.map((selector) => [selector]) },
        { rules: Object.fromEntries(disabled.map((id) => [id, { enabled: false }])), resultTypes: ['violations'] },
      );
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        // A target is a selector, or a list of them from the page into nested shadow roots.
        targets: violation.nodes.map((node) => node.target.map((part) => (Array.isArray(part) ? part.join(' ▸ ') : part)).join(', ')),
      }));
    },
    { exclude, disabled: [...AXE_DISABLED_RULES] },
  );
}
