// Build time only (scripts/build-web.mjs loads it through Vite in Node): the public home page as an
// anonymous visitor sees it, rendered to HTML in each language, for the server to send at `/` so that
// a slow connection shows the real page before the app's script arrives; the browser then hydrates it
// (main.tsx). Nothing in the browser imports this module.
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { initI18n, loadLanguage, type Language } from './i18n';
import { Root } from './Root';

const ORIGIN = 'http://prerender.invalid';

function HomeRouter({ children }: { children: ReactNode }) {
  return <StaticRouter location="/">{children}</StaticRouter>;
}

/**
 * The home page's markup in `language`, as the browser's first render makes it for a visitor whose
 * browser asks for that language (no stored choice, no session, no elder mode: the providers
 * find no localStorage here, so they see none).
 */
export async function prerenderHome(language: Language): Promise<string> {
  // PreferencesProvider takes the language the browser asks for (navigator.languages), as in a
  // browser without a stored choice; Node 20 has no navigator of its own.
  Object.defineProperty(globalThis, 'navigator', { value: { languages: [language] }, configurable: true });
  // The API client takes the page's origin (never asked here: an anonymous home page queries nothing).
  Object.defineProperty(globalThis, 'window', { value: { location: { origin: ORIGIN } }, configurable: true });
  initI18n(language);
  await loadLanguage(language);
  await i18next.changeLanguage(language);
  return renderToString(<Root router={HomeRouter} />);
}
