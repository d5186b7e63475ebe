import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const ENTRY = fileURLToPath(new URL('src/main.tsx', import.meta.url));

const DOCUMENTS = fileURLToPath(new URL('src/gql/graphql.ts', import.meta.url));
const DOCUMENT_PREFIX = '\0gql-document:';
const IMPORT_DOCUMENTS = /import\s*\{([^}]*)\}\s*from\s*["'][^"']*\/gql\/graphql(?:\.ts|\.js)?["'];?/g;
// One generated document: `export const ViewerDocument = {…} as unknown as DocumentNode<…>;`, one a line.
const DOCUMENT_LINE = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/;

/**
 * Each GraphQL document of src/gql/graphql.ts (codegen's output, one module of 600 KB) as a module of
 * its own, so that a chunk carries the documents its pages use and the first page load only the
 * home page's and the layout's (a module goes whole into one chunk). In the build only: graphql.ts
 * becomes a list of re-exports, which the bundler follows to each document's module.
 */
function documentPerModule(): Plugin {
  let documents = new Map<string, string>();
  return {
    name: 'qes:document-per-module',
    apply: 'build',
    buildStart() {
      documents = new Map();
      for (const line of readFileSync(DOCUMENTS, 'utf8').split('\n')) {
        const match = DOCUMENT_LINE.exec(line);
        if (match) documents.set(match[1]!, match[2]!);
      }
    },
    resolveId(source) {
      return source.startsWith(DOCUMENT_PREFIX) ? source : null;
    },
    // `import { ViewerDocument } from '../gql/graphql'` (types already gone) imports the document's own
    // module, so the bundler sees which pages use which document.
    transform: {
      order: 'post',
      handler(code, id) {
        if (!/\/web\/src\/.*\.tsx?$/.test(id) || id === DOCUMENTS) return null;
        const rewritten = code.replace(IMPORT_DOCUMENTS, (_statement, names: string) =>
          names
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
            .map((name) => {
              const imported = name.split(/\s+as\s+/)[0]!;
              if (!documents.has(imported)) return `import { ${name} } from ${JSON.stringify(DOCUMENTS)};`;
              return `import { ${name} } from ${JSON.stringify(DOCUMENT_PREFIX + imported)};`;
            })
            .join('\n'),
        );
        return rewritten === code ? null : { code: rewritten, map: null };
      },
    },
    load(id) {
      if (id.startsWith(DOCUMENT_PREFIX)) {
        const name = id.slice(DOCUMENT_PREFIX.length);
        return { code: `export const ${name} = ${documents.get(name)};`, moduleSideEffects: false };
      }
      if (id !== DOCUMENTS) return null;
      const code = [...documents.keys()]
        .map((name) => `export { ${name} } from ${JSON.stringify(DOCUMENT_PREFIX + name)};`)
        .join('\n');
      return { code, moduleSideEffects: false };
    },
  };
}

const DICTIONARIES = {
  zh: fileURLToPath(new URL('src/i18n/zh-CN.ts', import.meta.url)),
  en: fileURLToPath(new URL('src/i18n/en.ts', import.meta.url)),
};
/** The English dictionary as index.html names it for its early fetch (the built chunk's path replaces it). */
const ENGLISH_IN_HTML = '/src/i18n/en.ts';

/**
 * Each language's dictionary with only its own texts. An area's messages module holds both languages
 * (`zh` and `en`); zh-CN.ts and en.ts each import it as a module of their own (`?dictionary=zh|en`), so
 * the bundler drops the other language from each and the first load carries no English. In the build,
 * index.html's early fetch of the English dictionary gets the built chunk's path.
 */
function dictionaryPerLanguage(): Plugin {
  return {
    name: 'qes:dictionary-per-language',
    apply: 'build',
    // Before Vite's own resolver, which would resolve the import plainly.
    enforce: 'pre',
    async resolveId(source, importer) {
      const language = importer === DICTIONARIES.zh ? 'zh' : importer === DICTIONARIES.en ? 'en' : null;
      if (!language || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved || resolved.id.includes('?') || !/[mM]essages\.ts$/.test(resolved.id)) return null;
      return `${resolved.id}?dictionary=${language}`;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const english = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId === DICTIONARIES.en,
        );
        if (!english) throw new Error('the build has no chunk for the English dictionary');
        return html.replace(ENGLISH_IN_HTML, `/${english.fileName}`);
      },
    },
  };
}

/**
 * Whether a module is part of the first page load: the entry, or imported statically by a module that
 * is (React, the router, i18next, urql, the layout, the home page…). Found once per build, walking the
 * static imports from the entry.
 */
function firstLoadTest(): (
  id: string,
  getModuleInfo: (id: string) => { importedIds: readonly string[] } | null,
) => boolean {
  let firstLoad: Set<string> | null = null;
  return (id, getModuleInfo) => {
    if (!firstLoad) {
      const found = new Set<string>([ENTRY]);
      for (const module of found) for (const imported of getModuleInfo(module)?.importedIds ?? []) found.add(imported);
      firstLoad = found;
    }
    return firstLoad.has(id);
  };
}

// The web client: built into web/dist (served by the API server at `/`), or served by `vite` on :5173
// with hot reload, proxying the API (HTTP and WebSocket) to the server on :4000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), documentPerModule(), dictionaryPerLanguage()],
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
              name: (() => {
                const isFirstLoad = firstLoadTest();
                return (id, context) =>
                  isFirstLoad(id, (module) => context.getModuleInfo(module)) ? 'first-load' : null;
              })(),
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
