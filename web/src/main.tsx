import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from './api/ApiProvider';
import { App } from './App';
import { initI18n, loadLanguage } from './i18n';
import { PreferencesProvider, storedLanguage } from './preferences/PreferencesProvider';
import { SessionProvider } from './session/SessionProvider';

// The first render in the page's language: its texts are loaded first (English is a chunk of its
// own, already on its way since index.html asked for it).
const language = storedLanguage();
initI18n(language);
await loadLanguage(language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PreferencesProvider>
      <SessionProvider>
        <ApiProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </ApiProvider>
      </SessionProvider>
    </PreferencesProvider>
  </StrictMode>,
);
