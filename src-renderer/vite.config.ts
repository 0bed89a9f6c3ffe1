import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The kiosk renderer: built once, served by the browser host or Electron's app:// protocol.
// `--mode flow-fixture` is the test build of tests/e2e/flowRegistry.e2e.ts: the throwaway flows of
// tests/fixtures/flows join the registry (src-renderer/flows/fixtureFlows.ts), and it goes to its own folder.
export default defineConfig(({ mode }) => ({
  root: here('.'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: mode === 'flow-fixture' ? [{ find: /^\.\/fixtureFlows\.js$/, replacement: here('../tests/fixtures/flows/index.tsx') }] : [],
  },
  build: {
    outDir: mode === 'flow-fixture' ? here('../var/test-builds/renderer-flow-fixture') : here('../dist/renderer'),
    emptyOutDir: true,
    // Fonts must load offline and without inline data: URLs (CSP font-src 'self').
    assetsInlineLimit: 0,
  },
}));
