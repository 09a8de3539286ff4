import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Electron build only (needs a release machine with the Electron binary); tests use the browser host.
const root = resolve(__dirname, '..');
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: { input: resolve(root, 'src-main/app/main.ts'), output: { entryFileNames: 'index.js' } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: resolve(root, 'src-main/preload/index.ts'),
        output: { format: 'cjs', entryFileNames: 'index.cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
