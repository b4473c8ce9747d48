import { isAbsolute } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The library build: one ES module per package entry, every dependency and peer left external so the
 * host's bundler dedupes them. Declarations come from `tsc -p tsconfig.build.json` (see `npm run build`).
 */
export default defineConfig({
  // public/ holds msw's service worker for browser tests; it must never ship in dist/.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The JavaScript stays readable for a host's bundler to minify; the widget's stylesheets, inlined as
    // strings (`?inline`), are minified here, since no host bundler can minify CSS inside a string.
    minify: false,
    cssMinify: true,
    // The browsers the stylesheet is written for (`:dir()`, `:has()`, `color-mix()`, `light-dark()`): the
    // minifier keeps those selectors and functions as they are instead of rewriting them for older engines.
    cssTarget: ['chrome123', 'edge123', 'firefox121', 'safari17.5'],
    target: 'es2022',
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        server: 'src/server/index.ts',
        testing: 'src/testing/index.ts',
        'testing-node': 'src/testing/node.ts',
        element: 'src/element/index.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // Bare specifiers (react, react/jsx-runtime, zod/mini, msw, node:http …) are the host's to resolve.
      external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The browser-side verifier is a chunk the widget loads with import() only when a host gives no
        // `connect`. Left to itself the bundler put Retry-After parsing, which the widget's route client needs
        // up front, into that chunk, and the static import of it made a host's bundler load the whole verifier
        // with the widget. It gets a chunk of its own that both import (npm test checks the widget's static
        // imports never reach the verifier).
        // The byte-capped body reader is the same case: the route client reads the route's answer with it.
        codeSplitting: {
          groups: [
            { name: 'retry-after', test: /[\\/]src[\\/]core[\\/]retry-after\.ts$/ },
            { name: 'read-body', test: /[\\/]src[\\/]core[\\/]read-body\.ts$/ },
          ],
        },
      },
      // src/index.ts starts with 'use client'; it stays at the top of dist/index.js (checked by npm test),
      // so the bundler's note that directives may not survive bundling is noise here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.endsWith('src/index.ts')) return;
        warn(warning);
      },
    },
  },
});
