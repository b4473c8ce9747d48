/**
 * The package as a consumer gets it: built from source, packed with `npm pack`, installed from the tarball into
 * a throw-away Vite + React + TypeScript app with no network, type-checked there (bundler and node16
 * resolution), built with Vite, and loaded in Debian's Chromium (playwright-core).
 *
 * It catches what no test of src/ can: a file missing from `files`, an `exports` path or its types pointing
 * nowhere, a CommonJS/ESM trap, the 'use client' directive lost in the build.
 *
 * `npm test` builds after Vitest, so this test builds for itself, with the commands of `npm run build` pointed at
 * a temporary copy of the package (the root's dist/ is left alone: other tests may be reading it).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS } from '../../src/testing/fixtures.ts';
import { APP_FILES, consumerLockfile, writeFiles, type Lockfile, type PackedManifest } from '../consumer/app.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const APP_NAME = 'harness-connect-consumer';
/** What the app installs beside the tarball, at the root's exact versions. */
const APP_DEPENDENCIES = [
  'react',
  'react-dom',
  'vite',
  '@vitejs/plugin-react',
  'typescript',
  'msw',
  '@types/react',
  '@types/react-dom',
  '@types/node',
];

const rootManifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

let work: string;
let packageDir: string;
let appDir: string;
let installed: string;
let browser: Browser | undefined;
let server: Server | undefined;

/** The build tools run as `npm run build` runs them: no NODE_ENV=test, nothing of Vitest's. */
function toolEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  return env;
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(output) : fail(new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${code}:\n${output}`)),
    );
  });
}

const bin = (dir: string, ...path: string[]) => join(dir, 'node_modules', ...path);

/** Every file path named in an `exports` map, through nested conditions. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'harness-connect-consumer-'));
  packageDir = join(work, 'package');
  appDir = join(work, 'app');
  const dist = join(packageDir, 'dist');

  // `npm run build`, into the copy: the library, then the <script> build and the declarations.
  const vite = bin(ROOT, 'vite', 'bin', 'vite.js');
  await run(process.execPath, [vite, 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], ROOT);
  await Promise.all([
    run(process.execPath, [vite, 'build', '--config', 'vite.element.config.ts', '--outDir', dist, '--logLevel', 'warn'], ROOT),
    run(process.execPath, [bin(ROOT, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', dist], ROOT),
  ]);
  for (const file of ['package.json', 'README.md', 'LICENSE']) {
    if (existsSync(join(ROOT, file))) await copyFile(join(ROOT, file), join(packageDir, file));
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed package in a fresh Vite + React + TypeScript app', () => {
  it('packs with `npm pack` and installs from the tarball with no network', async () => {
    // No prepack/prepare script: `npm pack` packs what is there.
    const [packed] = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', work], packageDir)) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const tarball = join(work, packed!.filename);
    const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as PackedManifest;
    const root = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
    const direct = Object.fromEntries(APP_DEPENDENCIES.map((name) => [name, rootManifest.devDependencies[name]!]));
    const tarballSpec = `file:../${packed!.filename}`;
    const integrity = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`;
    const lock = consumerLockfile({ root, appName: APP_NAME, direct, packed: manifest, tarballSpec, tarballIntegrity: integrity });

    await writeFiles(appDir, {
      ...APP_FILES,
      'package.json': JSON.stringify(
        { name: APP_NAME, private: true, type: 'module', dependencies: lock.packages['']!.dependencies },
        null,
        2,
      ),
      'package-lock.json': JSON.stringify(lock, null, 2),
    });
    // Everything from npm's cache, which the root's `npm ci` filled; no install scripts (none is needed).
    await run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], appDir);

    installed = bin(appDir, 'harness-connect');
    expect(existsSync(join(installed, 'package.json'))).toBe(true);
    expect(packed!.files.map((f) => f.path)).toContain('dist/index.js');
  });

  it('has every file its package.json#exports names, and dist/index.js starts with "use client"', async () => {
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as { exports: unknown; types?: string };
    const targets = [...exportTargets(manifest.exports), ...(manifest.types ? [manifest.types] : [])];
    expect(targets.length).toBeGreaterThan(10);
    const missing = targets.filter((target) => !existsSync(join(installed, target)));
    expect(missing).toEqual([]);
    const index = await readFile(join(installed, 'dist/index.js'), 'utf8');
    expect(index).toMatch(/^["']use client["'];/);
    // Nothing of the repository but the build and the docs.
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(installed, 'dist', 'mockServiceWorker.js'))).toBe(false);
  });

  it('loads its Node entries in plain Node (ESM, no bundler)', async () => {
    const script = [
      "const server = await import('harness-connect/server');",
      "const core = await import('harness-connect/core');",
      "const node = await import('harness-connect/testing/node');",
      "console.log(JSON.stringify([typeof server.createHarnessConnectHandler, typeof core.parseHarnessToken, typeof node.startHarnessMockServer]));",
    ].join('\n');
    const output = await run(process.execPath, ['--input-type=module', '-e', script], appDir);
    expect(JSON.parse(output.trim().split('\n').pop()!)).toEqual(['function', 'function', 'function']);
  });

  it('type-checks with moduleResolution "bundler" and "node16"', async () => {
    const tsc = bin(appDir, 'typescript', 'bin', 'tsc');
    await Promise.all([
      run(process.execPath, [tsc, '-p', 'tsconfig.json'], appDir),
      run(process.execPath, [tsc, '-p', 'tsconfig.node16.json'], appDir),
    ]);
  });

  it('builds with Vite and, in Chromium, opens the widget from its trigger with no console error', async () => {
    await run(process.execPath, [bin(appDir, 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], appDir);
    const out = join(appDir, 'dist');
    expect(existsSync(join(out, 'index.html'))).toBe(true);

    // The development-only warning ships in the package and is gone from the app's production build.
    const warning = 'Pass it always (with';
    const packaged = await Promise.all(
      ['dist/index.js', ...(await readdir(join(installed, 'dist/chunks'))).map((f) => `dist/chunks/${f}`)]
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFile(join(installed, f), 'utf8')),
    );
    expect(packaged.some((code) => code.includes(warning))).toBe(true);
    const assets = (await readdir(join(out, 'assets'))).filter((f) => f.endsWith('.js'));
    const built = await Promise.all(assets.map((f) => readFile(join(out, 'assets', f), 'utf8')));
    expect(built.some((code) => code.includes(warning))).toBe(false);

    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const file = normalize(join(out, path === '/' ? 'index.html' : path));
      if (!file.startsWith(out + sep)) return void response.writeHead(403).end();
      readFile(file).then(
        (body) => {
          const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)];
          response.writeHead(200, { 'content-type': `${type ?? 'application/octet-stream'}; charset=utf-8` }).end(body);
        },
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));

    await page.goto(origin);
    await page.locator('#account').filter({ hasText: ACCOUNTS.primary.id }).waitFor();
    expect(await page.locator('#element').textContent()).toBe('true');
    const trigger = page.getByRole('button', { name: 'Connect Harness' });
    expect(await trigger.getAttribute('aria-expanded')).toBe('false');
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: /Connect Harness/ });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);
    expect(await trigger.getAttribute('aria-expanded')).toBe('true');
    expect(problems).toEqual([]);
    await context.close();
  });
});
