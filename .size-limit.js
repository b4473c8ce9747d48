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

// Chunks the widget loads with import() only when a host needs them are not what a host loads up front, and
// size-limit's bundle would inline them: the non-English catalogues (a host ships in one language) and the
// browser-side verifier (only when a host gives no `connect` of its own, which production set-ups do).
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    // Only dynamic imports: the same chunk imported statically (core and server use the verifier) counts.
    build.onResolve({ filter: /\/(?:de|fr|es|ja|ar|verify)-[\w-]+\.js$/ }, (args) =>
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

// Budgets are ceilings that catch an accident (a dependency pulled in by mistake, a feature twice), not
// targets to shave towards: code is never reordered, abbreviated or made lazy to fit them. Each sits about
// 1 KB (2.5 KB for the <script> build) above what the entry measures, so a fix of a few lines never trips it
// while a dependency pulled in by mistake does.
export default [
  // #13: the account, principal and ACL calls after token/validate, their safe shared call, Harness's own codes.
  // The attack review: every option read as an own property, timeouts a timer can keep, success results
  // scrubbed inside Maps, Sets, Headers and URLSearchParams, apiKeyType checked against the key's prefix.
  check('core (own code)', 'dist/core.js', '10 KB', [...ALL_DEPS, 'node:*']),
  // #13: the same verifier (it imports the core), plus the route's identity fields and egress addresses;
  // #14: renewing a connection (resolveExpected) and the health checks of stored ones. #12: the hosts' own
  // fields scrubbed, every answered text capped, option checks, the ACL and currentUser compared with validate.
  check('server (own code)', 'dist/server.js', '14.5 KB', [...ALL_DEPS, 'node:*']),
  // The mock grew with the ACL call, projects, Harness's own error codes and its run-time controls.
  check('testing (own code)', 'dist/testing.js', '10 KB', ['msw']),
  // #13: the confirmation's facts, the permissions view, seven new error codes' English words and the checks
  // that believe a route's serialised error; #14: reconnect; #15: the header, icons and callouts.
  // And the attack reviews' fixes (see the next check).
  check('widget `.` (own code)', 'dist/index.js', '24 KB', ['react', 'react-dom', 'react-hook-form', '@tanstack/react-query']),
  // The headline figure: everything the widget adds up front to a host that already has React. The entry
  // no longer carries zod/mini (the widget's form checks with the core directly; the zod schema is in
  // harness-connect/core for hosts that validate with zod). It measured 39.9 kB before an attack review's
  // fixes (scrubbing the key out of successful results, reading a host's props and a route's answers
  // defensively, checking each field of a revived serialised error, one-line support details): those cost
  // about 1.5 kB, and a clear line beats a saved byte. A second review's fixes (host callbacks guarded, the
  // Retry-After countdown, the route's answer read with a byte cap, ids kept whole, the renewed confirmation)
  // and the core's (options read as own properties, the error's stack formatted at once) took it to 43.2 kB; a
  // third round (the host's own props only, a report of a host's throw that cannot throw or carry the key, a
  // held wait that says why, a scrub of results that reads each object once and never throws) to 44.3 kB.
  check('widget `.` added to a React host', 'dist/index.js', '45 KB', ['react', 'react-dom']),
  // The single-file <script> build for non-React hosts: React and react-dom are inside, and most of it.
  // One file cannot load catalogues lazily: all six languages are inside (about 10 KB of it).
  // The same reviews' fixes, their words in six languages and the route client took it to 133.5 kB.
  check('element `<script>` (React inside)', 'dist/harness-connect.element.js', '136 KB', []),
];
