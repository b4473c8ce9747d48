import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The custom elements this app uses: Vue renders them as elements instead of resolving a Vue component. */
const CUSTOM_ELEMENTS = new Set(['harness-connect']);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => CUSTOM_ELEMENTS.has(tag) } } })],
  resolve: {
    // Inside this repository the element comes from its source. In your app, delete this: the package's
    // `harness-connect/element` entry resolves from node_modules.
    alias: { 'harness-connect/element': fileURLToPath(new URL('../../src/element/index.ts', import.meta.url)) },
  },
});
