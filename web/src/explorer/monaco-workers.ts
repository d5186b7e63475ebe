// Monaco's web workers for GraphiQL, bundled by Vite from the project's own packages (the same as
// graphiql/setup-workers/vite, but as source: Vite's dev-server dependency optimiser cannot load
// `?worker` imports from inside a dependency, and this also drops its console logging).
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';
import type { Environment } from 'monaco-editor';

const environment: Environment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};

(globalThis as unknown as { MonacoEnvironment: Environment }).MonacoEnvironment = environment;
