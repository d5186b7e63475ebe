import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web client: built into web/dist (served by the API server at `/`), or served by `vite` on :5173
// with hot reload, proxying the API (HTTP and WebSocket) to the server on :4000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The explorer (GraphiQL with the Monaco editor) is large by nature; it is its own lazy chunk and
    // never part of the first page load, which scripts/web-size.mjs measures instead.
    chunkSizeWarningLimit: 4000,
    // .vite/manifest.json: which chunks the first page load needs (scripts/first-load-size.mjs).
    manifest: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's modules start with React Compiler's "use no memo": harmless once bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true, changeOrigin: true },
    },
  },
  preview: { port: 4173 },
});
