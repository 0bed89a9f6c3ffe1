import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The phone feedback page's voice recorder, served by Central (sync/central/phone/voiceRecorder.ts): one
// self-contained module with a fixed name, in Central's own dist folder (`npm run build:phone`).
export default defineConfig({
  build: {
    outDir: here('../../../../dist/central/phone'),
    emptyOutDir: true,
    minify: true,
    lib: { entry: here('voiceRecorder.ts'), formats: ['es'], fileName: () => 'voice-recorder.js' },
  },
});
