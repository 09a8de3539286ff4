import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolved from this file, not the cwd, so the build works from any directory.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP forbids inline scripts and data: modules; keep every asset a real file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2500,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
