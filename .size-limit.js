// size-limit 12 budgets (`npm run size`, and the last step of `npm test`). Sizes are minified + gzip -9
// (`gzip: true`; size-limit's default would be brotli). Run after `npm run build`: it measures dist/.
//
// Each check bundles one dist entry with esbuild, so the shared code in dist/chunks/ and sibling entries it
// imports (e.g. dist/core.js) count too. `ignore` becomes esbuild's `external`: a package name also covers its
// subpaths (`zod` covers `zod/mini`, `react` covers `react/jsx-runtime`). size-limit adds package.json's
// peerDependencies (react, react-dom, msw) to every check's `ignore` by itself.
//
// `format: 'esm'`: size-limit's esbuild defaults to an IIFE, which turns every ignored import into a
// `require()` shim plus interop helpers, about 300 B gzip that is not our code; as ES modules the externals
// stay plain `import` statements, as in a host's bundle.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const ALL_DEPS = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

// Chunks the widget loads with import() only when needed are not what a host loads up front, and
// size-limit's bundle would inline them: the non-English catalogues (when `locale` asks for one), the
// browser-side verifier (only when a host gives no `connect` of its own) and the confirmation view (when
// the dialog opens).
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    // Only dynamic imports: the same chunk imported statically (core and server use the verifier) counts.
    build.onResolve({ filter: /\/(?:de|fr|es|ja|ar|verify|success-view)-[\w-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

// `process.env.NODE_ENV` as a host's production build defines it: development-only warnings (ours, and the
// dependencies') are not what a host ships.
const esm = (config) => ({
  ...config,
  format: 'esm',
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
  plugins: [...(config.plugins ?? []), lazyChunks],
});

const check = (name, path, limit, ignore) => ({
  name,
  path,
  limit,
  ignore,
  gzip: true,
  modifyEsbuildConfig: esm,
});

export default [
  // The targets are 4 KB (core) and 5 KB (server); measured 4.64 KB and 5.51 KB. Not reachable with the
  // features the foundation issue asks for: with every English sentence taken out, the core's code alone
  // still measures 4.01 KB (the server's 4.83 KB). These budgets stop growth; see the note.
  check('core (own code)', 'dist/core.js', '4.7 KB', [...ALL_DEPS, 'node:*']),
  // #11 sets the server's ceiling at 8 KB: the route's hardening (#12) brought it to about 6.6 KB.
  check('server (own code)', 'dist/server.js', '8 KB', [...ALL_DEPS, 'node:*']),
  check('testing (own code)', 'dist/testing.js', '8 KB', ['msw']),
  // The widget issue's targets: its own code at most 12 KB, everything it adds to a React host at most 40 KB.
  check('widget `.` (own code)', 'dist/index.js', '12 KB', [
    'react',
    'react-dom',
    'react-hook-form',
    'zod',
    '@tanstack/react-query',
    '@hookform/resolvers',
  ]),
  check('widget `.` added to a React host', 'dist/index.js', '40 KB', ['react', 'react-dom']),
  // The single-file <script> build for non-React hosts: React and react-dom are inside, and most of it.
  // One file cannot load catalogues lazily: all six languages are inside (about 10 KB of it).
  check('element `<script>` (React inside)', 'dist/harness-connect.element.js', '120 KB', []),
];
