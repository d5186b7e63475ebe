import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const ENTRY = fileURLToPath(new URL('src/main.tsx', import.meta.url));

/**
 * Whether a module is part of the first page load: the entry, or imported statically by a module that
 * is (React, the router, i18next, urql, the layout, the home page…). Memoised per build; a module seen
 * again while its importers are still being walked (an import cycle) counts as not, unless another
 * path reaches it.
 */
function firstLoadTest() {
  const known = new Map<string, boolean>();
  const isFirstLoad = (id: string, getModuleInfo: (id: string) => { importers: string[] } | null): boolean => {
    if (id === ENTRY) return true;
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    known.set(id, false);
    const result = (getModuleInfo(id)?.importers ?? []).some((importer) => isFirstLoad(importer, getModuleInfo));
    known.set(id, result);
    return result;
  };
  return isFirstLoad;
}

// The web client: built into web/dist (served by the API server at `/`), or served by `vite` on :5173
// with hot reload, proxying the API (HTTP and WebSocket) to the server on :4000.
const isFirstLoad = firstLoadTest();

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
      output: {
        // The first page load in one chunk besides the entry, not a dozen: the server speaks HTTP/1.1,
        // so a browser fetches at most 6 files at once and each further file waits a whole round trip
        // (400 ms on a slow 3G connection). Pages' own modules stay in their lazy chunks.
        codeSplitting: {
          groups: [
            {
              name: (id, context) => (isFirstLoad(id, (module) => context.getModuleInfo(module)) ? 'first-load' : null),
            },
          ],
        },
      },
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
