import { defineConfig } from 'vite';

/**
 * The `<script>` build of `<harness-connect>` (`npm run build` runs it after the library build, into the same
 * dist/): one self-contained file, React and react-dom bundled inside, that defines the element on load.
 *
 *   dist/harness-connect.element.js    IIFE, for `<script src>`; its exports on the global `HarnessConnect`
 *   dist/harness-connect.element.mjs   the same as an ES module, for `<script type="module">`; also one file
 *
 * Nothing is external (a page with no bundler has nothing to resolve them), and React's production build is
 * chosen by defining `process.env.NODE_ENV`: library mode leaves it alone otherwise.
 */
export default defineConfig({
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // React's production JSX runtime, even when the build runs under NODE_ENV=test (from a test) or development:
  // the development transform calls `jsxDEV`, which the production runtime chosen above does not have.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  build: {
    outDir: 'dist',
    // It runs after the library build: keep what that wrote.
    emptyOutDir: false,
    sourcemap: false,
    minify: true,
    // The browsers the stylesheet is written for (`:dir()`, `:has()`, `color-mix()`, `light-dark()`): the
    // minifier keeps those selectors and functions as they are instead of rewriting them for older engines.
    cssTarget: ['chrome123', 'edge123', 'firefox121', 'safari17.5'],
    target: 'es2022',
    lib: {
      entry: 'src/element/script.ts',
      name: 'HarnessConnect',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'iife' ? 'harness-connect.element.js' : 'harness-connect.element.mjs'),
    },
    rolldownOptions: {
      external: [],
      output: {
        // One file each, the ES module too: a page copies it alone into a vendor folder, and a dynamic import()
        // of a catalogue or the verifier would look for sibling files that are not there.
        codeSplitting: false,
        // Library mode keeps the ES build's whitespace and annotations (for a host's bundler to re-minify); this
        // file goes to browsers as it is, so it is minified as fully as the IIFE. Licence comments stay.
        minify: { compress: true, mangle: true, codegen: true },
        comments: { annotation: false, jsdoc: false, legal: true },
      },
      // react-query marks some modules 'use client'; in one bundle for the browser that directive means nothing.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.includes('/node_modules/')) return;
        warn(warning);
      },
    },
  },
});
