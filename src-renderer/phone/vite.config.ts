import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The phone feedback page's voice recorder, served by Central (sync/central/phone/voiceRecorder.ts): one
// self-contained module with a fixed name, built after the kiosk renderer into its dist folder.
export default defineConfig({
  build: {
    outDir: here('../../dist/renderer/phone'),
    emptyOutDir: true,
    minify: true,
    lib: { entry: here('voiceRecorder.ts'), formats: ['es'], fileName: () => 'voice-recorder.js' },
  },
});
