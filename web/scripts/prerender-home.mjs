// The home page prerendered at build time (scripts/build-web.mjs runs this after `vite build`): for
// each language, web/dist/home.<language>.html is the built index.html with the anonymous home page's
// markup (web/src/prerender.tsx, the app's own components and texts) in #root, in place of the
// loading placeholder. The server sends it at `/` in the language the browser asks for; the app
// hydrates it (web/src/main.tsx). Deep links keep the plain index.html.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const DIST_INDEX = `${WEB}dist/index.html`;
const PLACEHOLDER = /<div id="root">[\s\S]*?<!--prerender-->[\s\S]*?<!--\/prerender-->\s*<\/div>/;
const LANGUAGES = ['zh-CN', 'en'];

// Vite loads the module graph in Node as its dev server would (TypeScript, JSX, the same aliases).
const vite = await createServer({
  configFile: `${WEB}vite.config.ts`,
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  logLevel: 'warn',
});
try {
  const { prerenderHome } = await vite.ssrLoadModule('/src/prerender.tsx');
  const index = readFileSync(DIST_INDEX, 'utf8');
  if (!PLACEHOLDER.test(index)) throw new Error('web/dist/index.html has no <!--prerender--> placeholder in #root');
  for (const language of LANGUAGES) {
    const markup = await prerenderHome(language);
    const html = index
      .replace(/<html lang="[^"]*">/, `<html lang="${language}">`)
      .replace(PLACEHOLDER, () => `<div id="root" data-prerendered="${language}">${markup}</div>`);
    writeFileSync(`${WEB}dist/home.${language}.html`, html);
    console.log(`prerendered the home page (${language}): ${(markup.length / 1024).toFixed(1)} KB of markup`);
  }
} finally {
  await vite.close();
}
