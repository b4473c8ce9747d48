/**
 * The throw-away consumer app of test/e2e/consumer-package.test.ts: a Vite + React + TypeScript app that
 * installs the packed tarball, and the package-lock.json that lets it install with no network.
 *
 * Why a lockfile: `npm ci` fills npm's cache with the tarballs it installs, but not with the registry's package
 * metadata, so after a fresh `npm ci` an `npm install --offline react@19.3.1` fails with ENOTCACHED (the
 * version cannot be resolved). A lockfile names every version and its integrity, so `npm ci --offline` takes
 * them all from the cache. The app's lockfile is the part of the root's package-lock.json the app needs: the
 * same versions the package is developed and tested with, in the same node_modules layout.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

export interface Lockfile {
  name?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

export interface PackedManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  license?: string;
  engines?: Record<string, string>;
}

/** Where Node would find `name` from the package installed at `from` ('' is the app itself), in `packages`. */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate] && !packages[candidate].link) return candidate;
    if (!base) return undefined;
    // Up one node_modules level: "node_modules/a/node_modules/b" → "node_modules/a" → "".
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/**
 * A lockfile for an app depending on `direct` (name → exact version, all found at the top of the root's
 * node_modules) and on the packed package, taking every entry from the root lockfile.
 */
export function consumerLockfile(options: {
  root: Lockfile;
  appName: string;
  direct: Record<string, string>;
  packed: PackedManifest;
  /** The tarball as written in the app's package.json (`file:…`). */
  tarballSpec: string;
  tarballIntegrity: string;
}): Lockfile {
  const { root, packed } = options;
  const source = root.packages;
  const out: Record<string, LockEntry> = {};
  const missing: string[] = [];

  const visit = (from: string, deps: Record<string, string>, optional: (name: string) => boolean) => {
    for (const name of Object.keys(deps)) {
      const location = locate(source, from, name);
      if (!location) {
        if (!optional(name)) missing.push(`${name} (needed by ${from || options.appName})`);
        continue;
      }
      if (out[location]) continue;
      const { dev: _dev, peer: _peer, devOptional, optional: isOptional, ...entry } = source[location]!;
      out[location] = { ...entry, ...(isOptional || devOptional ? { optional: true } : {}) };
      const meta = entry.peerDependenciesMeta ?? {};
      visit(location, { ...entry.dependencies, ...entry.optionalDependencies }, (dep) => dep in (entry.optionalDependencies ?? {}));
      const requiredPeers = Object.fromEntries(Object.entries(entry.peerDependencies ?? {}).filter(([peer]) => !meta[peer]?.optional));
      visit(location, requiredPeers, () => false);
    }
  };

  for (const [name, version] of Object.entries(options.direct)) {
    const have = source[`node_modules/${name}`]?.version;
    if (have !== version) missing.push(`${name}@${version} (the root lockfile has ${have ?? 'none'} at node_modules/${name})`);
  }
  visit('', options.direct, () => false);

  // The packed package sits at node_modules/harness-connect; its dependencies resolve to the root's copies.
  out[`node_modules/${packed.name}`] = {
    version: packed.version,
    resolved: options.tarballSpec,
    integrity: options.tarballIntegrity,
    ...(packed.license ? { license: packed.license } : {}),
    ...(packed.dependencies ? { dependencies: packed.dependencies } : {}),
    ...(packed.peerDependencies ? { peerDependencies: packed.peerDependencies } : {}),
    ...(packed.peerDependenciesMeta ? { peerDependenciesMeta: packed.peerDependenciesMeta } : {}),
    ...(packed.engines ? { engines: packed.engines } : {}),
  };
  visit(`node_modules/${packed.name}`, packed.dependencies ?? {}, () => false);

  if (missing.length) throw new Error(`not in the root package-lock.json, so not installable offline: ${missing.join('; ')}`);
  const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  return {
    name: options.appName,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: options.appName, dependencies: { ...options.direct, [packed.name]: options.tarballSpec } },
      ...sorted,
    },
  };
}

/** The app's own files: what `npm create vite` (react-ts) gives, importing every entry of the package. */
export const APP_FILES: Record<string, string> = {
  'index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Consumer of harness-connect</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`,
  'vite.config.ts': `import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()] });
`,
  'src/main.tsx': `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HarnessConnect, type HarnessConnectProps } from 'harness-connect';
import { parseHarnessToken, type HarnessTokenParseResult } from 'harness-connect/core';
import { HARNESS_FIXTURE_TOKENS } from 'harness-connect/testing';
import { defineHarnessConnectElement, HarnessConnectElement, HARNESS_CONNECT_TAG_NAME } from 'harness-connect/element';

const parsed: HarnessTokenParseResult = parseHarnessToken(HARNESS_FIXTURE_TOKENS.pat);
const element = defineHarnessConnectElement();

const props: HarnessConnectProps = {
  trigger: <button type="button">Connect Harness</button>,
  connect: async () => {
    throw new Error('never called by the consumer test');
  },
};

// The types are the package's, not \`any\`: an unknown prop and a wrong callback are errors.
// @ts-expect-error -- HarnessConnect has no such prop
export const unknownProp: HarnessConnectProps = { notAProp: true };
// @ts-expect-error -- connect returns a promise
export const wrongConnect: HarnessConnectProps = { connect: () => 42 };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <p id="account">{parsed.ok ? parsed.accountId : 'unparsed'}</p>
    <p id="element">{String(element === HarnessConnectElement && customElements.get(HARNESS_CONNECT_TAG_NAME) === HarnessConnectElement)}</p>
    <HarnessConnect {...props} />
  </StrictMode>,
);
`,
  // Type-checked only: a server route and a test's mock, as a host's backend would write them.
  'server/route.ts': `import { createHarnessConnectHandler, verifyHarnessCredentials, isHarnessConnectError } from 'harness-connect/server';
import { startHarnessMockServer, type HarnessMockServer } from 'harness-connect/testing/node';

export const handle: (request: Request) => Promise<Response> = createHarnessConnectHandler();
export const verify: typeof verifyHarnessCredentials = verifyHarnessCredentials;
export const isError: (value: unknown) => boolean = isHarnessConnectError;
export const mock: () => Promise<HarnessMockServer> = () => startHarnessMockServer();
// @ts-expect-error -- the handler takes a Request
export const wrong: Promise<Response> = handle('not a request');
`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        // As in Vite's react-ts template; the node16 check below checks the package's declarations too.
        skipLibCheck: true,
        types: ['node'],
      },
      include: ['src', 'server'],
    },
    null,
    2,
  ),
  // Node's own resolution (package.json#exports, ESM rules): what a library or a Node-only host uses. The
  // declarations are checked too, not only used: one importing a module the package does not depend on fails.
  'tsconfig.node16.json': JSON.stringify(
    { extends: './tsconfig.json', compilerOptions: { module: 'node16', moduleResolution: 'node16', skipLibCheck: false } },
    null,
    2,
  ),
};

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
