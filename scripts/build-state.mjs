// Whether the built server or web client is older than its sources: `npm start` (scripts/start.mjs)
// and `npm run topology` (scripts/topology.mjs) build what is stale before they start anything.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** dist/src is missing or older than src/ or migrations/ (paths relative to the project folder, the cwd). */
export function serverStale() {
  return mtime('dist/src/main.js') < Math.max(newestMtime('src'), newestMtime('migrations'));
}

/** The project has a web client and web/dist is missing or older than its sources or the schema. */
export function webStale() {
  if (!existsSync('web/package.json') && !existsSync('web/index.html')) return false;
  return (
    mtime('web/dist/index.html') <
    Math.max(newestMtime('web/src'), mtime('web/index.html'), mtime('schema/schema.graphql'))
  );
}

/** docs/dist (the /docs site) is missing or older than the schema, the guides or its build scripts. */
export function docsStale() {
  return (
    mtime('docs/dist/index.html') <
    Math.max(newestMtime('docs/guides'), newestMtime('docs/site'), newestMtime('scripts/docs'), newestMtime('schema'))
  );
}
