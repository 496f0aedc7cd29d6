import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer builds to static files: served by headless mode, or loaded from disk by Electron (hence base './').
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
