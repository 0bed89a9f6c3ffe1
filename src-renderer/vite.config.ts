import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The kiosk renderer: built once, served by the browser host or Electron's app:// protocol.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Fonts must load offline and without inline data: URLs (CSP font-src 'self').
    assetsInlineLimit: 0,
  },
});
