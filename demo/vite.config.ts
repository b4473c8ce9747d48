/**
 * Shipyard, the demo app: `npm start` (= `vite --config demo/vite.config.ts`), `vite build` and
 * `vite preview` with the same config. The app imports the widget as an integrator would
 * (`from 'harness-connect'`), aliased to the package source so the demo always runs the working tree.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoApi } from './server/api.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Shipyard has no static assets; the package's public/ holds msw's worker for its own tests.
  publicDir: false,
  // Apart from the package's own caches (Vitest, Storybook), so the two never invalidate each other.
  cacheDir: here('../node_modules/.vite/demo'),
  plugins: [react(), demoApi()],
  resolve: {
    alias: [
      { find: /^harness-connect$/, replacement: here('../src/index.ts') },
      { find: /^harness-connect\/server$/, replacement: here('../src/server/index.ts') },
      { find: /^harness-connect\/testing\/node$/, replacement: here('../src/testing/node.ts') },
    ],
  },
  // Pre-bundled up front: found mid-session on a clean cache, Vite would re-optimise and reload the page.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@tanstack/react-query',
      'react-hook-form',
      'zod/mini',
    ],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
