import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The receipt page's check in the citizen's browser, served by Central (sync/central/public/receiptScript.ts): one
// self-contained module with a fixed name, in Central's own dist folder (`npm run build:phone` builds it too).
export default defineConfig({
  build: {
    outDir: here('../../../../dist/central/public'),
    emptyOutDir: true,
    minify: true,
    lib: { entry: here('receiptCheck.ts'), formats: ['es'], fileName: () => 'receipt-check.js' },
  },
});
