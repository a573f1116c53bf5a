import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer is served from `app://congress-desk/` in Electron and from the loopback
 * host in a browser: relative asset URLs (`base: './'`), nothing loaded from elsewhere,
 * no inline script (the CSP forbids it).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  // Styles per component: each `*.module.css` class is scoped to its file, named for reading in devtools.
  css: { modules: { generateScopedName: '[name]__[local]__[hash:base64:4]' } },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Modern Chromium only: no module-preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
  clearScreen: false,
});
