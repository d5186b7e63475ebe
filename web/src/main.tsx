import './styles.css';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initI18n, loadLanguage } from './i18n';
import { storedElder, storedLanguage } from './preferences/PreferencesProvider';
import { readStored, STORAGE_KEYS } from './preferences/storage';
import { Root } from './Root';

// The first render in the page's language: its texts are loaded first (English is a chunk of its
// own, already on its way since index.html asked for it).
const language = storedLanguage();
initI18n(language);
await loadLanguage(language);

const container = document.getElementById('root')!;
const app = <Root router={BrowserRouter} />;

// At `/` the server sends the home page prerendered for an anonymous visitor in the language the
// browser asks for (data-prerendered names it). React takes that markup over (hydrates it) when the
// first render will be the same; a signed-in visitor (their own summary), elder mode (its switch is
// pressed), another language chosen on this browser or another page render afresh, replacing it.
const prerendered = container.dataset.prerendered;
const sameAsPrerendered =
  prerendered === language && window.location.pathname === '/' && !readStored(STORAGE_KEYS.session) && !storedElder();

if (sameAsPrerendered) {
  hydrateRoot(container, app, {
    // A mismatch is a bug (React then renders afresh): said plainly in the console, where the
    // slow-3G test looks.
    onRecoverableError: (error) => console.error('hydration failed:', error),
  });
} else {
  // Gone before it can show stale (index.html hides a prerender in the wrong language or for a
  // signed-in visitor while data-prerendered is there).
  if (prerendered) {
    container.replaceChildren();
    delete container.dataset.prerendered;
  }
  createRoot(container).render(app);
}
