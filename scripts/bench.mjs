#!/usr/bin/env node
/**
 * `npm run bench` (= `npm run build && node scripts/bench.mjs`): the figures of issue 6, printed as tables.
 * Not a test: nothing fails on a missed target; BENCHMARKS.md records a run and compares it to the targets.
 *
 *   Weight      gzip and brotli of each dist entry: own code (esbuild, minified, every dependency external) and
 *               own code + dependencies (React, react-dom and the other peers external), and the <script> build.
 *   Open time   headless Chromium (playwright-core, Debian's /usr/bin/chromium or CHROMIUM_PATH), median and p90
 *               over N opens each, one run: (a) <HarnessConnect/>, (b) the same markup in a bare <dialog>,
 *               (c) a minimal React component rendering that markup in a <dialog>. Prints a/b and a/c.
 *   Typing      React commits per keystroke (React <Profiler>, react-dom/profiling build) while typing the
 *               72-character fixture token, and long tasks (> 50 ms) while typing and while verifying.
 *   Memory      JS heap after 100 open/fill/close cycles against the heap before them, on a page warmed up by 150
 *               cycles (V8's compiled code settles first), each reading after a forced GC (CDP
 *               HeapProfiler.collectGarbage, Runtime.getHeapUsage).
 *
 * Options: --dist <dir> (default dist/), --opens <n> (default 60), --cycles <n> (default 100), --json.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: join(ROOT, 'dist') },
    opens: { type: 'string', default: '60' },
    cycles: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
});
const DIST = resolve(args.dist);
const OPENS = Number(args.opens);
const CYCLES = Number(args.cycles);
/** Cycles run before the first memory reading, while V8 compiles the hot code (see the memory step). */
const WARM_UP_CYCLES = 150;
/** A closed dialog should leave nothing behind: what 100 open/fill/close cycles may add to the heap, at most. */
const MAX_HEAP_GROWTH_PER_100_CYCLES = 100_000;
const WARMUP = 5;
// The fixture key the Harness mock knows, from the build being measured (one source for every fixture).
const { HARNESS_FIXTURE_TOKENS, HARNESS_FIXTURE_ACCOUNTS } = await import(pathToFileURL(join(DIST, 'testing.js')).href);
const TOKEN = HARNESS_FIXTURE_TOKENS.pat;
const ACCOUNT = HARNESS_FIXTURE_ACCOUNTS.primary.id;

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
const DEPS = Object.keys(pkg.dependencies ?? {});
const PEERS = Object.keys(pkg.peerDependencies ?? {});

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const ms = (value) => `${value.toFixed(2)} ms`;

function log(message) {
  if (!args.json) process.stderr.write(`${message}\n`);
}

/** Prints rows (arrays of cells) as a Markdown table. */
function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------- weight

const sizes = (code) => ({
  raw: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
  }).length,
});

/**
 * One entry bundled as a host's bundler would: minified ESM, `external` left as imports, code behind a dynamic
 * `import()` (the widget's language catalogues) split into chunks of its own. Returns the sizes of what loads
 * up front (the entry and its static imports, summed file by file) and of the lazy chunks (all of them summed).
 */
async function bundle(entry, external) {
  const result = await esbuild({
    entryPoints: { entry },
    bundle: true,
    splitting: true,
    outdir: '/bench-out',
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['browser', 'import', 'default'],
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    nodePaths: [join(ROOT, 'node_modules')],
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const key = (path) => Object.keys(outputs).find((k) => resolve('/', k) === resolve(path));
  const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  const initial = new Set();
  const visit = (k) => {
    if (!k || initial.has(k)) return;
    initial.add(k);
    for (const imported of outputs[k].imports) if (!imported.external && imported.kind === 'import-statement') visit(key(imported.path) ?? imported.path);
  };
  visit(entryKey);
  const files = new Map(result.outputFiles.map((f) => [resolve(f.path), Buffer.from(f.contents)]));
  const sum = (keys) =>
    keys.map((k) => sizes(files.get(resolve('/', k)) ?? Buffer.alloc(0))).reduce((t, x) => ({ raw: t.raw + x.raw, gzip: t.gzip + x.gzip, brotli: t.brotli + x.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const all = Object.keys(outputs).filter((k) => k.endsWith('.js'));
  return { initial: sum([...initial]), lazy: sum(all.filter((k) => !initial.has(k))), lazyChunks: all.length - initial.size };
}

async function weight() {
  const entries = ['index', 'core', 'server', 'testing', 'testing-node', 'element'];
  const rows = [];
  for (const name of entries) {
    const file = join(DIST, `${name}.js`);
    const own = await bundle(file, [...DEPS, ...PEERS, 'node:*']);
    const withDeps = await bundle(file, [...PEERS, 'node:*']);
    rows.push({ entry: name === 'index' ? '.' : `./${name}`, own, withDeps });
  }
  const script = sizes(await readFile(join(DIST, 'harness-connect.element.js')));
  return { rows, script };
}

// ---------------------------------------------------------------- pages

/** Builds bench/pages into a temp dir: production pages, and the typing page against react-dom/profiling. */
async function buildPages(outDir) {
  const { default: react } = await import('@vitejs/plugin-react');
  const common = (profiling) => ({
    root: join(ROOT, 'bench/pages'),
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    base: './',
    publicDir: false,
    plugins: [react()],
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: {
      alias: [
        { find: /^harness-connect$/, replacement: join(DIST, 'index.js') },
        ...(profiling ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : []),
      ],
    },
  });
  const pages = join(ROOT, 'bench/pages');
  await viteBuild({
    ...common(false),
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: ['widget', 'native', 'react'].map((p) => join(pages, `${p}.html`)) },
    },
  });
  await viteBuild({
    ...common(true),
    build: { outDir: join(outDir, 'profiling'), emptyOutDir: true, target: 'es2022', rolldownOptions: { input: [join(pages, 'typing.html')] } },
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir) {
  const server = createServer((request, response) => {
    void (async () => {
      if (request.url === '/favicon.ico') return void response.writeHead(204).end();
      const path = join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      if (!path.startsWith(dir)) return void response.writeHead(404).end();
      try {
        if (!(await stat(path)).isFile()) throw new Error('not a file');
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        response.end(await readFile(path));
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

// ---------------------------------------------------------------- browser figures

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
}

async function newPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.ready(), null, { timeout: 10_000 }).catch((error) => {
    throw new Error(`${url} did not start: ${errors.join('; ') || error.message}`);
  });
  return { page, errors };
}

async function browserFigures(origin) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  try {
    const pages = {
      a: await newPage(browser, `${origin}/widget.html`),
      b: await newPage(browser, `${origin}/native.html`),
      c: await newPage(browser, `${origin}/react.html`),
    };
    const snapshot = await pages.a.page.evaluate(() => window.__bench.snapshot());
    log(`open time: ${OPENS} opens each (+${WARMUP} warm-up), interleaved in rounds of 10`);
    // Interleaved rounds, so a slow spell of the machine hits all three alike.
    const samples = { a: [], b: [], c: [] };
    await pages.b.page.evaluate((s) => window.__bench.setup(s.html, s.css, s.attributes), snapshot);
    await pages.c.page.evaluate((s) => window.__bench.setup(s.html, s.css, s.attributes), snapshot);
    // Only the page in front gets frames and focus: bring each to the front before it runs.
    for (const key of ['a', 'b', 'c']) {
      await pages[key].page.bringToFront();
      for (let i = 0; i < WARMUP; i += 1) await pages[key].page.evaluate(() => window.__bench.open());
    }
    for (let done = 0; done < OPENS; done += 10) {
      for (const key of ['a', 'b', 'c']) {
        await pages[key].page.bringToFront();
        for (let i = 0; i < Math.min(10, OPENS - done); i += 1) samples[key].push(await pages[key].page.evaluate(() => window.__bench.open()));
      }
    }
    const open = Object.fromEntries(
      Object.entries(samples).map(([key, times]) => [key, { median: median(times), p90: quantile(times, 0.9), min: Math.min(...times), n: times.length }]),
    );

    // Memory, on the production page (a), warmed up first: V8 keeps compiling the hot functions of the first
    // hundred or so cycles (code objects, bytecode), which is the engine settling, not the dialog leaving
    // anything behind. Then: GC, heap; CYCLES more cycles; GC, heap.
    log(`memory: ${WARM_UP_CYCLES} warm-up cycles, then ${CYCLES} open/fill/close cycles`);
    await pages.a.page.bringToFront();
    const cdp = await pages.a.page.context().newCDPSession(pages.a.page);
    const heap = async () => {
      for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await pages.a.page.evaluate((n) => window.__bench.cycles(n), WARM_UP_CYCLES);
    const heapAfterFirst = await heap();
    await pages.a.page.evaluate((n) => window.__bench.cycles(n), CYCLES);
    const heapAfterAll = await heap();
    const memory = { first: heapAfterFirst, last: heapAfterAll, growth: heapAfterAll - heapAfterFirst };

    const errors = Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, p.errors]));
    for (const { page } of Object.values(pages)) await page.close();

    // Typing, on the profiling build of page (a).
    log('typing: the 72-character token, key by key');
    const typingPage = await newPage(browser, `${origin}/profiling/typing.html`);
    const { page } = typingPage;
    const longTaskApi = await page.evaluate(() => window.__bench.longTaskApi());
    const typing = {};
    for (const [field, text] of [
      ['API Key', TOKEN],
      ['Account Identifier', ACCOUNT],
    ]) {
      const before = await page.evaluate((f) => window.__bench.prepareTyping(f), field);
      await page.keyboard.type(text);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const after = await page.evaluate(() => window.__bench.counters());
      const long = await page.evaluate((since) => window.__bench.longTasksSince(since), before.now);
      typing[field] = { keys: text.length, commits: after.commits - before.commits, longTasks: long.length, longest: Math.max(0, ...long.map((t) => t.duration)) };
      if (field === 'API Key') {
        // Verification: the form is filled; Connect, the fake connect (100 ms), the confirmation.
        const window_ = await page.evaluate(() => window.__bench.verify());
        const during = await page.evaluate((w) => window.__bench.longTasksSince(w.start).filter((t) => t.start <= w.end), window_);
        typing.verification = { longTasks: during.length, longest: Math.max(0, ...during.map((t) => t.duration)), ms: window_.end - window_.start };
      } else {
        await page.evaluate(() => window.__bench.counters());
      }
    }
    errors.typing = typingPage.errors;
    await page.close();
    return { open, memory, typing, longTaskApi, errors, snapshotChars: snapshot.html.length };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- main

const outDir = await mkdtemp(join(tmpdir(), 'harness-connect-bench-'));
try {
  log(`dist: ${DIST}`);
  log('weight: bundling each entry with esbuild');
  const w = await weight();
  log('building bench/pages with Vite');
  await buildPages(outDir);
  const server = await serve(outDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let b;
  try {
    b = await browserFigures(origin);
  } finally {
    server.close();
  }

  const cpuModel = cpus()[0]?.model ?? 'unknown';
  const machine = `node ${process.version}, ${cpuModel}, ${cpus().length} cores, Chromium ${chromiumPath()}`;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ machine, weight: w, ...b }, null, 2)}\n`);
  } else {
    const { open, memory, typing } = b;
    const out = [];
    out.push(`harness-connect bench — ${new Date().toISOString()}`, machine, '');
    out.push('Weight (esbuild, minified ESM; gzip -9, brotli q11; 1 kB = 1000 B). own: every dependency external; +deps: only the peers (react, react-dom, msw) and node: built-ins external. Sizes are what loads up front; code behind import() is in the last column.', '');
    out.push(
      table(
        ['entry', 'own gzip', 'own brotli', '+deps gzip', '+deps brotli', 'lazy chunks (gzip, total)'],
        w.rows.map((r) => [
          r.entry,
          kB(r.own.initial.gzip),
          kB(r.own.initial.brotli),
          kB(r.withDeps.initial.gzip),
          kB(r.withDeps.initial.brotli),
          r.own.lazyChunks ? `${r.own.lazyChunks} = ${kB(r.own.lazy.gzip)}` : '—',
        ]),
      ),
    );
    out.push('', table(['<script> build', 'raw', 'gzip', 'brotli'], [['harness-connect.element.js', kB(w.script.raw), kB(w.script.gzip), kB(w.script.brotli)]]));
    out.push('', `Open time: click → dialog open with focus inside (${open.a.n} opens each, after ${WARMUP} warm-up)`, '');
    out.push(
      table(
        ['page', 'median', 'p90', 'min'],
        [
          ['(a) <HarnessConnect/>', ms(open.a.median), ms(open.a.p90), ms(open.a.min)],
          ['(b) bare <dialog>, no React', ms(open.b.median), ms(open.b.p90), ms(open.b.min)],
          ['(c) minimal React <dialog>', ms(open.c.median), ms(open.c.p90), ms(open.c.min)],
          ['a/b', (open.a.median / open.b.median).toFixed(2), (open.a.p90 / open.b.p90).toFixed(2), ''],
          ['a/c', (open.a.median / open.c.median).toFixed(2), (open.a.p90 / open.c.p90).toFixed(2), ''],
        ],
      ),
    );
    out.push('', `Typing (React commits per keystroke; long tasks > 50 ms${b.longTaskApi ? '' : ' — Long Tasks API unavailable'})`, '');
    out.push(
      table(
        ['field', 'keys', 'commits', 'commits/key', 'long tasks', 'longest'],
        ['API Key', 'Account Identifier'].map((f) => [
          f,
          typing[f].keys,
          typing[f].commits,
          (typing[f].commits / typing[f].keys).toFixed(2),
          typing[f].longTasks,
          typing[f].longTasks ? ms(typing[f].longest) : '—',
        ]),
      ),
    );
    out.push(
      '',
      `Verification (Connect → confirmation, fake connect 100 ms): ${ms(typing.verification.ms)}, long tasks ${typing.verification.longTasks}${typing.verification.longTasks ? ` (longest ${ms(typing.verification.longest)})` : ''}`,
    );
    out.push(
      '',
      `Memory: JS heap after ${WARM_UP_CYCLES} warm-up cycles ${kB(memory.first)}, after ${CYCLES} more ${kB(memory.last)}, growth ${kB(memory.growth)} (forced GC before each reading; target: a closed dialog leaves nothing behind, at most ${kB(MAX_HEAP_GROWTH_PER_100_CYCLES * (CYCLES / 100))} for ${CYCLES} cycles: ${memory.growth <= MAX_HEAP_GROWTH_PER_100_CYCLES * (CYCLES / 100) ? 'met' : 'MISSED'})`,
    );
    const errors = Object.entries(b.errors).filter(([, list]) => list.length);
    if (errors.length) out.push('', `Page errors: ${JSON.stringify(Object.fromEntries(errors))}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
