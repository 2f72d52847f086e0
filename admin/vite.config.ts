import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm run dev:app` serves the app with hot reload and passes API calls to a running server
// (CARTWRIGHT_URL, default http://127.0.0.1:9000), so the session cookie stays same-origin.
const target = process.env.CARTWRIGHT_URL ?? 'http://127.0.0.1:9000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: fileURLToPath(new URL('../dist/app', import.meta.url)),
    emptyOutDir: true,
    // scripts/check-bundle.mjs reads the chunk graph from it.
    manifest: true,
    target: 'es2022',
    // Budgets are checked by scripts/check-bundle.mjs on gzipped sizes; this is only Vite's own warning.
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    open: '/app/',
    proxy: { '/admin': target, '/store': target, '/openapi.json': target },
  },
});
